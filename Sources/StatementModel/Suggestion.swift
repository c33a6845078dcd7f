/// "Did you mean …" suggestions by edit distance, shared by the loader, the parser and the evaluator.
public enum Suggestion {
    /// The most candidates one suggestion looks at: a model's names can be millions.
    public static let maxCandidates = 50_000

    /// The candidates closest to `word` (case-insensitive), best first, within a distance that grows
    /// with the word's length; at most `limit` of them.
    public static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let w = Array(word.lowercased().unicodeScalars.map(\.value))
        guard !w.isEmpty else { return [] }
        let threshold = max(1, min(3, w.count / 3 + 1))
        var scored: [(String, Int)] = []
        var seen = Set<String>()
        var c: [UInt32] = []
        var rows = (Array(repeating: 0, count: 64), Array(repeating: 0, count: 64))
        var looked = 0
        // Letter counts of the word: half the difference of two strings' counts is a lower bound of
        // their edit distance, found in one pass — most candidates are ruled out without the table.
        var counts = [Int](repeating: 0, count: 128)
        for u in w where u < 128 { counts[Int(u)] += 1 }
        var scratch = counts
        for candidate in candidates {
            looked += 1
            if looked > maxCandidates { break }
            // Cheap length test first, on the text as it is (case does not change the count of letters much).
            let n = candidate.unicodeScalars.count
            if n + threshold < w.count { continue }
            c.removeAll(keepingCapacity: true)
            for u in candidate.unicodeScalars { c.append(lowered(u)) }
            let isPrefix = c.count >= w.count && c[..<w.count].elementsEqual(w)
            if abs(c.count - w.count) > threshold && !isPrefix { continue }
            if !isPrefix {
                var extra = 0
                for u in c where u < 128 { scratch[Int(u)] -= 1 }
                for u in c where u < 128 { extra += max(0, -scratch[Int(u)]); scratch[Int(u)] = max(0, scratch[Int(u)]) }
                var missing = 0
                for u in w where u < 128 { missing += scratch[Int(u)]; scratch[Int(u)] = 0 }
                for u in w where u < 128 { scratch[Int(u)] = counts[Int(u)] }
                for u in c where u < 128 { scratch[Int(u)] = counts[Int(u)] }
                if max(extra, missing) > threshold { continue }
            }
            guard seen.insert(candidate).inserted else { continue }
            let d = isPrefix && w.count >= 3 ? 1 : distance(w, c, limit: threshold, rows: &rows)
            if d <= threshold { scored.append((candidate, d)) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return scored.prefix(limit).map(\.0)
    }

    /// ASCII letters lower-cased in place; other scalars through Unicode's lower-casing.
    @inline(__always)
    static func lowered(_ u: Unicode.Scalar) -> UInt32 {
        let v = u.value
        if v < 0x80 { return v >= 65 && v <= 90 ? v + 32 : v }
        return u.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
    }

    /// A hint sentence, `did you mean 'x'?` or `did you mean 'x' or 'y'?`, or nil when nothing is close.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        let best = closest(to: word, in: candidates)
        guard !best.isEmpty else { return nil }
        return "did you mean " + best.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// Levenshtein distance, giving up early (returning `limit + 1`) once it exceeds `limit`.
    public static func distance(_ a: [Character], _ b: [Character], limit: Int = .max) -> Int {
        var rows = (Array(repeating: 0, count: b.count + 1), Array(repeating: 0, count: b.count + 1))
        let x = a.map { $0.unicodeScalars.first!.value }, y = b.map { $0.unicodeScalars.first!.value }
        return distance(x, y, limit: limit, rows: &rows)
    }

    /// The same on code points, with rows reused between calls.
    static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int, rows: inout ([Int], [Int])) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if rows.0.count < b.count + 1 {
            rows = (Array(repeating: 0, count: b.count + 1), Array(repeating: 0, count: b.count + 1))
        }
        for j in 0...b.count { rows.0[j] = j }
        for i in 1...a.count {
            rows.1[0] = i
            var rowMin = i
            let ai = a[i - 1]
            for j in 1...b.count {
                let cost = ai == b[j - 1] ? 0 : 1
                let v = min(rows.0[j] + 1, rows.1[j - 1] + 1, rows.0[j - 1] + cost)
                rows.1[j] = v
                if v < rowMin { rowMin = v }
            }
            if rowMin > limit { return limit + 1 }
            swap(&rows.0, &rows.1)
        }
        return rows.0[b.count]
    }
}
