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
        guard needle.count <= haystack.count else { return [] }
        var out: [Int] = []
        let first = needle[0]
        let last = haystack.count - needle.count
        haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var i = 0
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { out.append(i) }
                    }
                    i += 1
                }
            }
        }
        return out
    }

    /// The passage of the same length, starting at a word boundary, with the smallest edit distance.
    public static func closestPassage(to exact: String, in text: SourceText) -> (text: String, line: Int, column: Int)? {
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
        var e = min(text.utf8.count, start + limitBytes)
        while e < text.utf8.count && text.utf8[e] & 0xC0 == 0x80 { e += 1 }
        let lc = text.lineColumn(ofByte: start)
        return (text.slice(start, e).flatteningNewlines(), lc.line, lc.column)
    }
}

extension String {
    /// Newlines become spaces, so a passage shows on one line.
    func flatteningNewlines() -> String { String(map { $0 == "\n" ? " " : $0 }) }
}
