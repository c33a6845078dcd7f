/// Who reported a statement, where, and how: one link of a reporting chain (W3C PROV `wasQuotedFrom`).
public struct Reporting: Sendable, Hashable {
    /// How the words reach the reader.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// The speaker's own words, in quotation marks.
        case direct
        /// Reported speech ("the statement urged North Korea to …").
        case indirect
        /// The reporter's summary in their own words.
        case paraphrase
        /// Reported speech with a quoted fragment of the speaker's own words.
        case mixed
    }

    /// The statement that reports this one (statement index), when the chain goes on.
    public var via: Int?
    /// The entity doing the reporting, when not a statement of the model.
    public var by: Int?
    /// The document in which it is reported.
    public var document: Int?
    /// Direct, indirect or paraphrase.
    public var mode: Mode

    /// Makes a reporting link.
    public init(via: Int? = nil, by: Int? = nil, document: Int? = nil, mode: Mode) {
        self.via = via
        self.by = by
        self.document = document
        self.mode = mode
    }
}
