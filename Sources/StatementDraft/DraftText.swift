import Foundation

/// A plain-text document read for drafting: its characters, and the header line when it has one.
///
/// Texts in the shape of the development corpus start with one line `title | issuer | date | URL`,
/// then a blank line. That line is metadata: it names the document and its issuer but is not part of
/// what anyone said, so the drafter reads statements only from ``bodyStart`` on. A text without it
/// takes its first line as the title, and that line is part of the text (a headline).
public struct DraftText: Sendable {
    /// The whole text as Unicode scalars, so offsets are cheap and agree with anchors' code points.
    public let scalars: [Unicode.Scalar]
    /// The header line's fields, when the text has one.
    public let header: Header?
    /// Where the text proper begins (after the header and its blank line).
    public let bodyStart: Int

    /// The fields of a `title | issuer | date | URL` header line.
    public struct Header: Sendable, Equatable {
        /// The document's title.
        public var title: String
        /// Who issued it, as written ("Voice of America (VOA Africa; Juba)").
        public var issuer: String
        /// The date as written ("May 13, 2024").
        public var date: String
        /// The address, possibly followed by a remark.
        public var url: String
    }

    /// Reads a text; a header is recognised only when its first line has four `|`-separated fields,
    /// the third of which reads as a date.
    public init(_ string: String) {
        scalars = Array(string.unicodeScalars)
        let firstEnd = scalars.firstIndex(of: "\n") ?? scalars.count
        let first = String(String.UnicodeScalarView(scalars[0..<firstEnd]))
        let fields = first.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        if fields.count >= 4, DraftDate.parse(fields[2]) != nil, !fields[0].isEmpty {
            header = Header(title: fields[0], issuer: fields[1], date: fields[2], url: fields[3...].joined(separator: " | "))
            var i = firstEnd
            while i < scalars.count, scalars[i] == "\n" || scalars[i] == "\r" || scalars[i] == " " { i += 1 }
            bodyStart = i
        } else {
            header = nil
            bodyStart = 0
        }
    }

    /// The text between two offsets.
    public func slice(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }

    /// The title: the header's, or the first non-blank line of the text, cut after about 200
    /// characters at a space (a text that is one line of megabytes made a title of megabytes).
    public var title: String {
        if let header { return Self.cleanTitle(header.title) }
        let start = scalars.firstIndex { !$0.properties.isWhitespace } ?? 0
        let end = scalars[start...].firstIndex(of: "\n") ?? scalars.count
        guard end - start > Self.maxTitle else { return slice(start..<end).trimmingCharacters(in: .whitespacesAndNewlines) }
        let cut = scalars[start..<(start + Self.maxTitle)].lastIndex(of: " ") ?? (start + Self.maxTitle)
        return slice(start..<cut).trimmingCharacters(in: .whitespacesAndNewlines) + "…"
    }

    /// The longest title taken from a first line, in characters.
    static let maxTitle = 200

    /// A title without its trailing editorial remark in parentheses ("… (excerpt)").
    static func cleanTitle(_ t: String) -> String {
        guard t.hasSuffix(")"), let open = t.range(of: " (", options: .backwards) else { return t }
        let remark = t[open.upperBound...].lowercased()
        return remark.hasPrefix("excerpt") || remark.hasPrefix("readout") || remark.hasPrefix("repost") ? String(t[..<open.lowerBound]) : t
    }

    /// The number of scalars.
    public var count: Int { scalars.count }
}
