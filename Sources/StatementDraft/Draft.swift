/// What `stmt draft` proposes for one text: its document, entities and statements.
public struct Draft: Sendable {
    /// The text read.
    public var text: DraftText
    /// The document's id.
    public var documentId: String
    /// The document's kind (news-report, joint-statement, press-release, readout).
    public var documentKind: String
    /// The document's date in the model's form, and the words it was read from.
    public var date: (value: String, printed: String)?
    /// The issuer (an index into ``entities``), when the header names one.
    public var issuer: Int?
    /// The entities: reused ones (from `--model`) and new ones.
    public var entities: [DraftEntity]
    /// The statements, in text order.
    public var statements: [DraftStatement]
    /// The sentences of the text (for coverage and comments).
    public var sentences: [Sentence]
}
