/// "Did you mean …" suggestions by edit distance, shared by the loader, the parser and the evaluator.
public enum Suggestion {
    /// The candidates closest to `word` (case-insensitive), best first, within a distance that grows
    /// with the word's length; at most `limit` of them.
    public static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let w = Array(word.lowercased())
        guard !w.isEmpty else { return [] }
        let threshold = max(1, min(3, w.count / 3 + 1))
        var scored: [(String, Int)] = []
        var seen = Set<String>()
        for candidate in candidates where seen.insert(candidate).inserted {
            let c = Array(candidate.lowercased())
            if abs(c.count - w.count) > threshold && !c.starts(with: w) { continue }
            let d = c.starts(with: w) && w.count >= 3 ? 1 : distance(w, c, limit: threshold)
            if d <= threshold { scored.append((candidate, d)) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return scored.prefix(limit).map(\.0)
    }

    /// A hint sentence, `did you mean 'x'?` or `did you mean 'x' or 'y'?`, or nil when nothing is close.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        let best = closest(to: word, in: candidates)
        guard !best.isEmpty else { return nil }
        return "did you mean " + best.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// Levenshtein distance, giving up early (returning `limit + 1`) once it exceeds `limit`.
    public static func distance(_ a: [Character], _ b: [Character], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
