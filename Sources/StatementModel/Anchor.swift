/// A span of a source text named by its exact words (W3C TextQuoteSelector), with optional
/// prefix and suffix to tell apart repeated passages. Resolution fills in where it is.
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

    /// The exact quoted text.
    public var exact: String
    /// Text that must come immediately before it.
    public var prefix: String?
    /// Text that must come immediately after it.
    public var suffix: String?
    /// The document it points into (index), once known.
    public var document: Int?
    /// The outcome of resolution.
    public var status: Status = .unresolved
    /// Byte range in the document text, when FOUND.
    public var byteRange: Range<Int>?
    /// Unicode-scalar offsets (W3C TextPositionSelector), when FOUND.
    public var start: Int?
    /// End scalar offset, when FOUND.
    public var end: Int?
    /// 1-based line where it starts, when FOUND.
    public var line: Int?
    /// 1-based character column where it starts, when FOUND.
    public var column: Int?
    /// Where the anchor was written in the model file.
    public var span: SourceSpan?

    /// Makes an unresolved anchor.
    public init(exact: String, prefix: String? = nil, suffix: String? = nil, document: Int? = nil, span: SourceSpan? = nil) {
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
        self.document = document
        self.span = span
    }
}
