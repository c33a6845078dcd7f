import StatementModel

/// A value of the command language.
///
/// References to entities, statements, documents and relations print as names but compare by
/// identity; compared with a string, an entity matches its id, name or any alias.
public enum Value: Sendable {
    /// No value.
    case null
    /// true or false.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// Text.
    case string(String)
    /// A (partial) date.
    case date(PartialDate)
    /// A list.
    case list([Value])
    /// A record: ordered fields.
    case record(Record)
    /// A table.
    case table(Table)
    /// An entity of the current model.
    case entity(Int)
    /// A statement of the current model.
    case statement(Int)
    /// A document of the current model.
    case document(Int)
    /// A relation of the current model.
    case relation(Int)
    /// A graph drawn from the model (`graph`).
    case graph(Graph)

    /// The type name used in error messages.
    public var typeName: String {
        switch self {
        case .null: return "nothing"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "text"
        case .date: return "a date"
        case .list: return "a list"
        case .record: return "a record"
        case .table: return "a table"
        case .entity: return "an entity"
        case .statement: return "a statement"
        case .document: return "a document"
        case .relation: return "a relation"
        case .graph: return "a graph"
        }
    }

    /// The record reference, for model values.
    public var recordRef: RecordRef? {
        switch self {
        case .entity(let i): return .entity(i)
        case .statement(let i): return .statement(i)
        case .document(let i): return .document(i)
        case .relation(let i): return .relation(i)
        default: return nil
        }
    }

    /// Wraps a record reference.
    public init(_ ref: RecordRef) {
        switch ref {
        case .entity(let i): self = .entity(i)
        case .statement(let i): self = .statement(i)
        case .document(let i): self = .document(i)
        case .relation(let i): self = .relation(i)
        }
    }
}

/// Ordered named fields.
public struct Record: Sendable {
    /// The fields in display order.
    public var fields: [(name: String, value: Value)]

    /// Whether the keys vary from record to record (an entity's `codes`): a key that this one
    /// lacks reads as null where others have it, instead of being an unknown field.
    public var isMapping = false

    /// Makes a record.
    public init(_ fields: [(name: String, value: Value)]) { self.fields = fields }

    /// Makes a record whose keys vary from record to record.
    public init(_ fields: [(name: String, value: Value)], isMapping: Bool) {
        self.fields = fields
        self.isMapping = isMapping
    }

    /// The value of a field, if present.
    public subscript(name: String) -> Value? { fields.first { $0.name == name }?.value }
}
