/// A source text that is loaded, or a work that statements cite (such as a report).
public struct Document: Sendable {
    /// Unique id across the model.
    public var id: String
    /// A free kind, e.g. `news-report`, `report`, `joint-statement`.
    public var kind: String
    /// The title.
    public var title: String
    /// The text, when the document has a source file; anchors resolve against it.
    public var text: SourceText?
    /// The source file as written in the model.
    public var sourcePath: String?
    /// Authors (entity indexes).
    public var authors: [Int]
    /// The publisher (entity index).
    public var publisher: Int?
    /// When it was written or released.
    public var date: DateClaim?
    /// Where it was written (e.g. a dateline).
    public var place: String?
    /// Passages that are the reporter's own narration rather than anyone's statement.
    public var narrative: [Anchor]
    /// Passages that are not content at all (page residue such as "scroll to top").
    public var residue: [Anchor]
    /// Free-text note.
    public var note: String?
    /// `draft` when `stmt draft` proposed it and no person has confirmed it yet; else nil.
    public var status: String?
    /// Where it was defined.
    public var span: SourceSpan?

    /// Makes a document.
    public init(id: String, kind: String, title: String, text: SourceText? = nil, sourcePath: String? = nil,
                authors: [Int] = [], publisher: Int? = nil, date: DateClaim? = nil, place: String? = nil,
                narrative: [Anchor] = [], residue: [Anchor] = [], note: String? = nil, span: SourceSpan? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.text = text
        self.sourcePath = sourcePath
        self.authors = authors
        self.publisher = publisher
        self.date = date
        self.place = place
        self.narrative = narrative
        self.residue = residue
        self.note = note
        self.span = span
    }
}
