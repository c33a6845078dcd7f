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

    // Indexes kept as 32-bit values, -1 for none: every statement of a million-statement model
    // holds a reporting link, and three optional `Int`s made it three times the size.
    private var viaIndex: Int32, byIndex: Int32, documentIndex: Int32

    /// The statement that reports this one (statement index), when the chain goes on.
    public var via: Int? {
        get { viaIndex < 0 ? nil : Int(viaIndex) }
        set { viaIndex = Self.stored(newValue) }
    }
    /// The entity doing the reporting, when not a statement of the model.
    public var by: Int? {
        get { byIndex < 0 ? nil : Int(byIndex) }
        set { byIndex = Self.stored(newValue) }
    }
    /// The document in which it is reported.
    public var document: Int? {
        get { documentIndex < 0 ? nil : Int(documentIndex) }
        set { documentIndex = Self.stored(newValue) }
    }
    /// Direct, indirect or paraphrase.
    public var mode: Mode

    /// Makes a reporting link.
    public init(via: Int? = nil, by: Int? = nil, document: Int? = nil, mode: Mode) {
        viaIndex = Self.stored(via)
        byIndex = Self.stored(by)
        documentIndex = Self.stored(document)
        self.mode = mode
    }

    private static func stored(_ index: Int?) -> Int32 { index.map { Int32($0) } ?? -1 }
}
