/// A typed link between two records (statements or documents).
public struct Relation: Sendable {
    /// The relation types the model accepts.
    public static let types: [(name: String, summary: String)] = [
        ("cites", "the source refers to a work"),
        ("restates", "says again what the target said, perhaps in other words"),
        ("elaborates", "adds detail to the target"),
        ("reinforces", "backs the target up, separately"),
        ("links", "connects the target's subject to the source's"),
        ("commemorates", "marks an anniversary or event of the target"),
        ("reports", "relays the target"),
        ("contradicts", "says the opposite of the target"),
    ]

    /// A generated id such as `rel1`, unique across the model.
    public var id: String
    /// One of ``types``.
    public var type: String
    /// Source record.
    public var from: RecordRef
    /// Target record.
    public var to: RecordRef
    /// Free-text note (e.g. what the link runs through).
    public var note: String?
    /// Where it was defined.
    public var span: SourceSpan?

    /// Makes a relation.
    public init(id: String, type: String, from: RecordRef, to: RecordRef, note: String? = nil, span: SourceSpan? = nil) {
        self.id = id
        self.type = type
        self.from = from
        self.to = to
        self.note = note
        self.span = span
    }
}

/// A reference to any record of a model by kind and index.
public enum RecordRef: Sendable, Hashable {
    /// An entity.
    case entity(Int)
    /// A statement.
    case statement(Int)
    /// A document.
    case document(Int)
    /// A relation.
    case relation(Int)
}
