/// A span of a source text named by its exact words (W3C TextQuoteSelector), with optional
/// prefix and suffix to tell apart repeated passages. Resolution fills in where it is.
///
/// Positions are stored as 32-bit values (a source text is at most 64 MiB) so that a model of a
/// million anchored statements stays compact; the public properties present them as `Int?`.
public struct Anchor: Sendable, Hashable {
    /// How an anchor resolved against its document.
    public enum Status: String, Sendable, Hashable {
        /// Not resolved yet (or its document has no text).
        case unresolved = "UNRESOLVED"
        /// Found exactly once.
        case found = "FOUND"
        /// Found more than once: needs a prefix or suffix.
        case ambiguous = "AMBIGUOUS"
        /// Not found.
        case orphaned = "ORPHANED"
    }

    /// Where the exact text lives: as written, or — once FOUND — shared with the document's own
    /// bytes, so a million anchors do not keep a second copy of every sentence.
    private var text: SharedText

    /// The exact quoted text.
    public var exact: String {
        get { text.string }
        set { text = .literal(newValue) }
    }

    /// Points the exact text at the document's bytes (the words are the same: the anchor was FOUND there).
    /// Where the quoted words lie in the buffer they share (their document's text), when they share one.
    package var sharedRange: Range<Int>? {
        if case .text(_, let a, let b) = text { return Int(a)..<Int(b) }
        return nil
    }

    /// Points the quoted words at a slice of a shared buffer (their document's text).
    package mutating func share(_ bytes: TextBytes, _ range: Range<Int>) {
        text = .text(bytes, Int32(range.lowerBound), Int32(range.upperBound))
    }
    /// Text that must come immediately before it.
    public var prefix: String?
    /// Text that must come immediately after it.
    public var suffix: String?
    /// The outcome of resolution.
    public var status: Status = .unresolved
    private var doc: Int32 = -1
    private var byteStart: Int32 = -1, byteEnd: Int32 = -1
    private var scalarStart: Int32 = -1, scalarEnd: Int32 = -1
    private var lineNumber: Int32 = -1, columnNumber: Int32 = -1
    /// Where the anchor was written in the model file (for diagnostics while loading).
    var mark: FileMark?

    /// Makes an unresolved anchor.
    public init(exact: String, prefix: String? = nil, suffix: String? = nil, document: Int? = nil) {
        self.text = .literal(exact)
        self.prefix = prefix
        self.suffix = suffix
        self.document = document
    }

    /// The document it points into (index), once known.
    public var document: Int? {
        get { doc < 0 ? nil : Int(doc) }
        set { doc = newValue.map(Int32.init) ?? -1 }
    }

    /// Byte range in the document text, when FOUND.
    public var byteRange: Range<Int>? {
        get { byteStart < 0 ? nil : Int(byteStart)..<Int(byteEnd) }
        set { byteStart = newValue.map { Int32($0.lowerBound) } ?? -1; byteEnd = newValue.map { Int32($0.upperBound) } ?? -1 }
    }

    /// Unicode-scalar start offset (W3C TextPositionSelector), when FOUND.
    public var start: Int? {
        get { scalarStart < 0 ? nil : Int(scalarStart) }
        set { scalarStart = newValue.map(Int32.init) ?? -1 }
    }

    /// Unicode-scalar end offset, when FOUND.
    public var end: Int? {
        get { scalarEnd < 0 ? nil : Int(scalarEnd) }
        set { scalarEnd = newValue.map(Int32.init) ?? -1 }
    }

    /// 1-based line where it starts, when FOUND.
    public var line: Int? {
        get { lineNumber < 0 ? nil : Int(lineNumber) }
        set { lineNumber = newValue.map(Int32.init) ?? -1 }
    }

    /// 1-based column (in code points) where it starts, when FOUND.
    public var column: Int? {
        get { columnNumber < 0 ? nil : Int(columnNumber) }
        set { columnNumber = newValue.map(Int32.init) ?? -1 }
    }

    public static func == (a: Anchor, b: Anchor) -> Bool {
        a.exact == b.exact && a.prefix == b.prefix && a.suffix == b.suffix && a.doc == b.doc && a.byteStart == b.byteStart
    }

    public func hash(into h: inout Hasher) {
        h.combine(exact)
        h.combine(doc)
        h.combine(byteStart)
    }
}
