import Foundation
import StatementModel

/// Writes a ``Draft`` as a model file in the documented YAML format: every drafted record marked
/// `status: draft`, statements with a `confidence`, and a comment on each uncertain choice.
public struct DraftWriter {
    /// How the document's text is given: a `source:` path (relative to the model file) or inline `text:`.
    public enum TextPlacement: Sendable {
        /// `source: PATH`.
        case source(String)
        /// `text: |` with the whole text.
        case inline
    }

    /// Where the text goes.
    public var placement: TextPlacement
    /// Whether to write `format`, `model` and `title` (not when the draft joins an existing model).
    public var header = true
    /// The file name the draft was made from, for the opening comment.
    public var fileName: String

    /// A writer.
    public init(placement: TextPlacement, fileName: String, header: Bool = true) {
        self.placement = placement
        self.fileName = fileName
        self.header = header
    }

    /// The model text.
    public func yaml(_ d: Draft) -> String {
        var out = """
        # Drafted by `stmt draft` from \(Self.commentText(fileName)): a proposal, not a reading. Every record is `status: draft`;
        # check each against the text (`stmt check`, then `stmt coverage`), fix what is wrong, and delete
        # `status` and `confidence` from what you confirm. Lines starting `# ?` mark the drafter's guesses.

        """
        if header {
            out += "format: 1\nmodel: \(Self.scalar(d.documentId))\ntitle: \(Self.scalar(d.text.title + " (draft)"))\n"
        }
        out += "\ndocuments:\n  - id: \(Self.scalar(d.documentId))\n    kind: \(d.documentKind)\n    title: \(Self.scalar(d.text.title))\n"
        switch placement {
        case .source(let path): out += "    source: \(Self.scalar(path))\n"
        case .inline:
            let whole = d.text.slice(0..<d.text.count)
            // A literal block keeps the text byte for byte only when YAML reads every character as itself:
            // no tabs, carriage returns, control or line-separator characters, no leading space.
            let blockSafe = !(whole.first?.isWhitespace ?? true)
                && whole.unicodeScalars.allSatisfy { $0 == "\n" || !QuotedString.notYAMLPrintable($0) }
            out += "    text: " + (blockSafe ? Self.block(whole, indent: 6) : QuotedString.json(whole) + "\n")
        }
        if let i = d.issuer { out += "    publisher: \(Self.scalar(d.entities[i].id))\n" }
        if let date = d.date {
            let whereFrom = d.text.header != nil ? "the header line gives" : "the text's opening gives"
            out += "    date: {value: \(date.value), basis: stated, note: \(Self.scalar("\(whereFrom) \"\(date.printed)\""))}\n"
        }
        if let h = d.text.header, let url = h.url.split(separator: " ").first, url.hasPrefix("http") {
            out += "    url: \(Self.scalar(String(url)))\n"
        }
        out += "    status: draft\n"
        let written = Self.writtenEntities(d)
        if !written.isEmpty { out += "\nentities:\n" }
        for i in written {
            let e = d.entities[i]
            out += "  - id: \(Self.scalar(e.id))\n    kind: \(e.kind.rawValue)\n    name: \(Self.scalar(e.name))\n"
            if let c = e.comment { out += "    # ? \(Self.commentText(c))\n" }
            let aliases = e.aliases.filter { $0 != e.name && $0 != e.id }
            if !aliases.isEmpty { out += "    aliases: " + Self.list(aliases) + "\n" }
            if !e.roles.isEmpty { out += "    roles: " + Self.list(e.roles) + "\n" }
            if !e.members.isEmpty { out += "    members: " + Self.list(e.members) + "\n" }
            out += "    status: draft\n"
        }
        if !d.statements.isEmpty { out += "\nstatements:\n" }
        let bytes = Bytes(d.text)
        for s in d.statements {
            out += "  - id: \(Self.scalar(s.id))\n"
            for c in s.comments { out += "    # ? \(Self.commentText(c))\n" }
            // Ids are words, but "null", "yes" or "2024" would read back as something else: they go through the quoter too.
            out += "    speakers: " + Self.list(s.speakers.map { d.entities[$0].id }) + "\n"
            if !s.addressees.isEmpty { out += "    addressees: " + Self.list(s.addressees.map { d.entities[$0].id }) + "\n" }
            out += "    act: {cue: \(Self.scalar(s.cue)), force: \(s.force), cameo: \"\(s.cameo)\"}\n"
            out += "    content: \(Self.scalar(s.content))\n"
            if let a = anchor(s.anchor, in: d.text, bytes: bytes) {
                out += "    anchors:\n      - " + a + "\n"
            } else {
                out += "    # ? its words repeat all through the text: no prefix or suffix of 200 characters makes them unique; anchor it by hand\n"
            }
            var reported = "mode: \(s.mode)"
            if let v = s.via { reported = "via: \(Self.scalar(d.statements[v].id)), " + reported }
            else if let i = d.issuer, !s.speakers.contains(i) { reported = "by: \(Self.scalar(d.entities[i].id)), " + reported }
            out += "    reported: {\(reported)}\n"
            // The doubts also go in the note, so `where status = "draft" and note != null` finds them in the shell.
            if !s.comments.isEmpty { out += "    note: \(Self.scalar("drafted: " + s.comments.joined(separator: "; ")))\n" }
            out += "    status: draft\n    confidence: \(String(format: "%.1f", s.confidence))\n"
        }
        return out
    }

    /// The entities a draft writes: those something refers to (speakers, addressees, the issuer, and
    /// members of those), not reused ones, which live in the other model.
    public static func writtenEntities(_ d: Draft) -> [Int] {
        var used = Set<Int>()
        if let i = d.issuer { used.insert(i) }
        for s in d.statements { used.formUnion(s.speakers); used.formUnion(s.addressees) }
        let byId = Dictionary(d.entities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for i in Array(used) { for m in d.entities[i].members { if let j = byId[m] { used.insert(j) } } }
        return d.entities.indices.filter { used.contains($0) && !d.entities[$0].reused }
    }

    /// The text as UTF-8 with each scalar's byte offset, so anchors are searched the way the loader
    /// resolves them (``AnchorResolver/occurrences(of:in:)`` on bytes).
    struct Bytes {
        let utf8: [UInt8]
        let offsets: [Int]   // offsets[k]: where scalar k starts; offsets[count]: the end

        init(_ text: DraftText) {
            var utf8: [UInt8] = [], offsets: [Int] = []
            utf8.reserveCapacity(text.count)
            offsets.reserveCapacity(text.count + 1)
            for u in text.scalars { offsets.append(utf8.count); utf8.append(contentsOf: UTF8.encode(u)!) }
            offsets.append(utf8.count)
            self.utf8 = utf8
            self.offsets = offsets
        }
    }

    /// The anchor for a range: its exact words, with the shortest prefix (or suffix) of whole words
    /// that makes it occur once in the text; nil when none of 200 characters does. The text is searched
    /// once for the exact words; a prefix or suffix is then checked only at those places.
    func anchor(_ r: Range<Int>, in text: DraftText, bytes: Bytes) -> String? {
        let s = text.scalars, b = bytes.utf8, off = bytes.offsets
        let start = off[r.lowerBound], end = off[r.upperBound]
        let places = AnchorResolver.occurrences(of: Array(b[start..<end]), in: b)
        if places.count <= 1 { return Self.scalar(text.slice(r)) }
        let length = end - start
        // Whether exactly one place has these bytes before (or after) it; stops at the second.
        func once(_ matches: (Int) -> Bool) -> Bool {
            var n = 0
            for q in places where matches(q) { n += 1; if n > 1 { return false } }
            return n == 1
        }
        func unique(prefix p: Int) -> Bool {
            let n = start - off[p]
            return once { q in q >= n && b[(q - n)..<q].elementsEqual(b[off[p]..<start]) }
        }
        func unique(suffix e: Int) -> Bool {
            let n = off[e] - end
            return once { q in q + length + n <= b.count && b[(q + length)..<(q + length + n)].elementsEqual(b[end..<off[e]]) }
        }
        var p = r.lowerBound
        while p > 0, r.lowerBound - p < 200 {
            p -= 1
            while p > 0, !s[p - 1].properties.isWhitespace { p -= 1 }
            if unique(prefix: p) {
                return "{exact: \(Self.scalar(text.slice(r))), prefix: \(QuotedString.json(text.slice(p..<r.lowerBound)))}"
            }
        }
        var e = r.upperBound
        while e < s.count, e - r.upperBound < 200 {
            e += 1
            while e < s.count, !s[e].properties.isWhitespace { e += 1 }
            if unique(suffix: e) {
                return "{exact: \(Self.scalar(text.slice(r))), suffix: \(QuotedString.json(text.slice(r.upperBound..<e)))}"
            }
        }
        return nil
    }

    /// Text for a `#` comment: one line, with what YAML cannot hold raw (control characters, separators)
    /// written as visible escapes — comments quote the text, and the text may hold anything.
    static func commentText(_ s: String) -> String {
        QuotedString.escaped(s) { u in
            if u == "\n" || u == "\r" || u == "\u{2028}" || u == "\u{2029}" || u == "\u{85}" { return " " }
            return !QuotedString.notYAMLPrintable(u) || u == "\t" ? nil : String(format: "\\u{%X}", u.value)
        }
    }

    /// A YAML scalar: plain when that reads back as the same string, else double-quoted.
    static func scalar(_ s: String) -> String { plainSimple(s) ? s : QuotedString.json(s) }

    static func plainSimple(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == " " || $0 == "-" || $0 == "." }
            && s.first.map { $0.isLetter } == true && s.last != " "
            && !["yes", "no", "true", "false", "null", "on", "off", "y", "n"].contains(s.lowercased())
    }

    /// A flow list whose items are each a safe scalar.
    static func list(_ items: [String]) -> String { "[" + items.map { plainSimple($0) ? $0 : QuotedString.json($0) }.joined(separator: ", ") + "]" }

    /// A literal block (`|-` keeps the text byte for byte, `|+` keeps trailing newlines).
    static func block(_ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        let keep = text.hasSuffix("\n") ? "|+" : "|-"
        return keep + "\n" + text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }
            .joined(separator: "\n") + (text.hasSuffix("\n") ? "" : "\n")
    }
}
