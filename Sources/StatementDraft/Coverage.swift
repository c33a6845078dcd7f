import Foundation
import StatementModel

/// Which sentences of a document's text no anchor touches: what is left to model. Statement and
/// framing anchors count, and so do narrative and residue anchors (the reporter's own words and
/// page residue are modelled when they are marked as such). A header line is metadata and not counted.
public struct Coverage: Sendable {
    /// One sentence no anchor touches.
    public struct Gap: Sendable {
        /// Its line and column in the text (1-based).
        public var line: Int
        /// Its column.
        public var column: Int
        /// Its words.
        public var text: String
    }

    /// The document's id.
    public var document: String
    /// How many sentences the text has.
    public var sentences: Int
    /// The sentences no anchor touches, in text order.
    public var gaps: [Gap]

    /// The share of sentences covered, in percent.
    public var percent: Double { sentences == 0 ? 100 : Double(sentences - gaps.count) * 100 / Double(sentences) }

    /// The coverage of every document of `model` that has a text (or only the one with this id).
    public static func of(_ model: Model, document: String? = nil) -> [Coverage] {
        var byDoc: [Int: [Range<Int>]] = [:]
        for (_, _, a) in model.allAnchors where a.status == .found {
            if let d = a.document, let s = a.start, let e = a.end { byDoc[d, default: []].append(s..<e) }
        }
        var out: [Coverage] = []
        for (i, d) in model.documents.enumerated() where d.text != nil && (document == nil || d.id == document) {
            let source = d.text!
            let text = DraftText(source.string)
            let sentences = SentenceSplitter.sentences(text)
            let anchors = (byDoc[i] ?? []).sorted { $0.lowerBound < $1.lowerBound }
            var gaps: [Gap] = []
            // One pass: sentences and anchors both in text order, and lines counted as the cursor moves.
            var a = 0, cursor = 0, line = 1, column = 1
            for s in sentences {
                while a < anchors.count, anchors[a].upperBound <= s.range.lowerBound { a += 1 }
                let touched = anchors[a...].prefix { $0.lowerBound < s.range.upperBound }.contains { $0.overlaps(s.range) }
                while cursor < s.range.lowerBound {
                    if text.scalars[cursor] == "\n" { line += 1; column = 1 } else { column += 1 }
                    cursor += 1
                }
                if !touched { gaps.append(Gap(line: line, column: column, text: text.slice(s.range))) }
            }
            out.append(Coverage(document: d.id, sentences: sentences.count, gaps: gaps))
        }
        return out
    }

    /// The report: one line per document with the share covered, then each gap (at most `limit` of them).
    public func text(limit: Int = 200) -> String {
        var out = "\(document): \(sentences - gaps.count) of \(sentences) sentences covered (" + String(format: "%.1f", percent) + "%)\n"
        for g in gaps.prefix(limit) {
            let words = g.text.replacingOccurrences(of: "\n", with: " ")
            out += "  \(g.line):\(g.column)  " + (words.count > 100 ? String(words.prefix(99)) + "…" : words) + "\n"
        }
        if gaps.count > limit { out += "  … and \(gaps.count - limit) more\n" }
        return out
    }
}
