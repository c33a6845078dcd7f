/// Resolves anchors against document texts: FOUND once, AMBIGUOUS, or ORPHANED — never re-anchored
/// to a near miss. The diagnostics say where the candidates are, or what the closest passage is.
public enum AnchorResolver {
    /// The outcome of resolving one anchor.
    public struct Outcome: Sendable {
        /// The anchor with status, offsets and line:column filled in.
        public var anchor: Anchor
        /// Byte offsets of every match (more than one when AMBIGUOUS).
        public var matches: [Int]
        /// How often the exact text occurs, whatever the prefix and suffix say.
        public var exactCount: Int = 0
    }

    /// Resolves `anchor` in `text`.
    public static func resolve(_ anchor: Anchor, in text: SourceText) -> Outcome {
        var a = anchor
        let needle = Array(anchor.exact.utf8)
        let prefix = Array((anchor.prefix ?? "").utf8)
        let suffix = Array((anchor.suffix ?? "").utf8)
        var matches: [Int] = []
        var exactCount = 0
        if !needle.isEmpty {
            for start in occurrences(of: needle, in: text.utf8) {
                exactCount += 1
                if !prefix.isEmpty {
                    guard start >= prefix.count, text.utf8[(start - prefix.count)..<start].elementsEqual(prefix) else { continue }
                }
                if !suffix.isEmpty {
                    let end = start + needle.count
                    guard end + suffix.count <= text.utf8.count,
                          text.utf8[end..<(end + suffix.count)].elementsEqual(suffix) else { continue }
                }
                matches.append(start)
            }
        }
        switch matches.count {
        case 1:
            let start = matches[0]
            a.status = .found
            a.byteRange = start..<(start + needle.count)
            a.start = text.scalarOffset(ofByte: start)
            a.end = a.start! + text.scalarCount(from: start, to: start + needle.count)
            let lc = text.lineColumn(ofByte: start)
            a.line = lc.line
            a.column = lc.column
            a.share(text.utf8, start..<(start + needle.count))
            return Outcome(anchor: a, matches: matches, exactCount: exactCount)
        case 0:
            a.status = .orphaned
            return Outcome(anchor: a, matches: [], exactCount: exactCount)
        default:
            a.status = .ambiguous
            return Outcome(anchor: a, matches: matches, exactCount: exactCount)
        }
    }

    /// Every byte offset where `needle` starts in `haystack` (overlapping matches included).
    public static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return haystack.withUnsafeBytes { h in needle.withUnsafeBytes { n in ByteSearch.all(n, in: h) } }
    }

    /// Where `needle` starts in a document's text, every time.
    public static func occurrences(of needle: [UInt8], in haystack: TextBytes) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return haystack.withUnsafeBytes { h in needle.withUnsafeBytes { n in ByteSearch.all(n, in: h) } }
    }

    /// The passage of a text most like an anchor's words, and how they differ.
    public struct Closest: Sendable {
        /// The passage as it is in the text.
        public var text: String
        /// Where it starts: 1-based line and column.
        public var line: Int
        public var column: Int
        /// Two aligned lines — the anchor's words and the text's — and a line of `^` under every
        /// column where they differ; spaces shown as `·`, a missing character as `∅`.
        public var comparison: [String]
    }

    /// The passage closest to `exact`: candidate starts (word boundaries) are ranked by the edit
    /// distance of a window of the same length, then the best is aligned exactly — start and end
    /// free — so the passage neither starts early nor stops short, and the differences are marked.
    public static func closestPassage(to exact: String, in text: SourceText) -> Closest? {
        let target = Array(exact.prefix(160))
        guard !target.isEmpty, !text.utf8.isEmpty else { return nil }
        let limitBytes = Array(String(target).utf8).count
        var best: (Int, Int)? = nil
        var starts: [Int] = [0]
        for (i, b) in text.utf8.enumerated() where i + 1 < text.utf8.count && (b == 32 || b == 10) { starts.append(i + 1) }
        if starts.count > 4000 { starts = stride(from: 0, to: starts.count, by: starts.count / 4000 + 1).map { starts[$0] } }
        for s in starts {
            var e = min(text.utf8.count, s + limitBytes)
            while e < text.utf8.count && text.utf8[e] & 0xC0 == 0x80 { e += 1 }
            let candidate = Array(text.slice(s, e))
            let d = Suggestion.distance(target, candidate, limit: best?.1 ?? target.count)
            if best == nil || d < best!.1 { best = (s, d) }
        }
        guard let (start, dist) = best, dist < target.count * 2 / 3 else { return nil }
        // Align exactly within a window around the best start.
        var from = max(0, start - 16)
        while from > 0 && text.utf8[from] & 0xC0 == 0x80 { from -= 1 }
        var to = min(text.utf8.count, start + limitBytes + 32)
        while to < text.utf8.count && text.utf8[to] & 0xC0 == 0x80 { to += 1 }
        let window = Array(text.slice(from, to))
        let (k, j, ops) = align(target, window)
        let passage = String(window[k..<j])
        let startByte = from + String(window[..<k]).utf8.count
        let lc = text.lineColumn(ofByte: startByte)
        return Closest(text: passage.flatteningNewlines(), line: lc.line, column: lc.column, comparison: comparison(ops))
    }

    /// One step of an alignment: a pair of characters (equal or not), or a character on one side only.
    enum AlignOp { case same(Character), changed(Character, Character), onlyAnchor(Character), onlyText(Character) }

    /// Characters are the same when their code points are: anchors match bytes, so `é` and `e` +
    /// U+0301 differ although Swift's `==` calls them equal.
    static func same(_ x: Character, _ y: Character) -> Bool { x.unicodeScalars.elementsEqual(y.unicodeScalars) }

    /// Semi-global alignment: all of `a` against the best substring of `b`; its bounds and steps.
    static func align(_ a: [Character], _ b: [Character]) -> (Int, Int, [AlignOp]) {
        let n = a.count, m = b.count
        var cost = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in 1...max(1, n) where i <= n { cost[i][0] = i }
        if n > 0 {
            for i in 1...n {
                for j in 0...m {
                    if j == 0 { continue }
                    let sub = cost[i - 1][j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)
                    cost[i][j] = min(sub, cost[i - 1][j] + 1, cost[i][j - 1] + 1)
                }
            }
        }
        // The end: least cost, and of those the one whose length is closest to the anchor's.
        var end = 0
        for j in 0...m where cost[n][j] < cost[n][end] || (cost[n][j] == cost[n][end] && abs(j - n) < abs(end - n)) { end = j }
        var ops: [AlignOp] = []
        var i = n, j = end
        while i > 0 {
            if j > 0 && cost[i][j] == cost[i - 1][j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1) {
                ops.append(same(a[i - 1], b[j - 1]) ? .same(a[i - 1]) : .changed(a[i - 1], b[j - 1]))
                i -= 1; j -= 1
            } else if cost[i][j] == cost[i - 1][j] + 1 {
                ops.append(.onlyAnchor(a[i - 1])); i -= 1
            } else {
                ops.append(.onlyText(b[j - 1])); j -= 1
            }
        }
        return (j, end, ops.reversed())
    }

    /// The aligned lines, cut to a window of 60 columns around the first difference.
    static func comparison(_ ops: [AlignOp]) -> [String] {
        func visible(_ c: Character) -> String {
            switch c {
            case " ": return "·"
            case "\t": return "→"
            case "\n", "\r\n": return "↵"
            default: return TerminalText.escaped(String(c))
            }
        }
        func codePoints(_ c: Character) -> String {
            c.unicodeScalars.map { $0.isASCII ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined()
        }
        var top: [String] = [], bottom: [String] = [], marks: [Bool] = []
        for op in ops {
            switch op {
            case .same(let c): top.append(visible(c)); bottom.append(visible(c)); marks.append(false)
            case .changed(let x, let y) where x == y:
                // Equal but for their code points: show them (`\u{e9}` against `e\u{301}`).
                top.append(codePoints(x)); bottom.append(codePoints(y)); marks.append(true)
            case .changed(let x, let y): top.append(visible(x)); bottom.append(visible(y)); marks.append(true)
            case .onlyAnchor(let x): top.append(visible(x)); bottom.append("∅"); marks.append(true)
            case .onlyText(let y): top.append("∅"); bottom.append(visible(y)); marks.append(true)
            }
        }
        let first = marks.firstIndex(of: true) ?? 0
        let lo = max(0, first - 25), hi = min(ops.count, lo + 60)
        // Pad each column to the wider of its two cells, so the marks stand under the characters.
        var a = lo > 0 ? "…" : "", b = lo > 0 ? "…" : "", c = lo > 0 ? " " : ""
        for k in lo..<hi {
            let w = max(TerminalText.width(top[k]), TerminalText.width(bottom[k]))
            a += top[k] + String(repeating: " ", count: w - TerminalText.width(top[k]))
            b += bottom[k] + String(repeating: " ", count: w - TerminalText.width(bottom[k]))
            c += (marks[k] ? "^" : " ") + String(repeating: " ", count: w - 1)
        }
        if hi < ops.count { a += "…"; b += "…" }
        return [a, b, c]
    }
}

extension String {
    /// Line breaks (LF, CR, CRLF) become spaces, so a passage shows on one line.
    func flatteningNewlines() -> String { String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }) }

    /// Line breaks (LF, CR, CRLF) become ↵, so quoted words show on one line and say where they broke.
    func flatteningLineBreaks() -> String { String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? "↵" : $0 }) }
}
