import Foundation
import StatementModel

/// How single values print in cells and text: entities by name, other records by id, lists joined.
public enum Display {
    /// The plain text of a value, with control characters in its data shown escaped (`\u{1b}`).
    public static func plain(_ v: Value, _ m: Model) -> String { TerminalText.escaped(raw(v, m)) }

    /// The text of a value as stored.
    static func raw(_ v: Value, _ m: Model) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return number(n)
        case .string(let s): return s
        case .date(let d): return d.description
        case .list(let items): return items.map { raw($0, m) }.joined(separator: ", ")
        case .record(let r): return r.fields.map { "\($0.name): \(raw($0.value, m))" }.joined(separator: ", ")
        case .table(let t): return "(\(t.count) \(t.kind))"
        case .entity(let i): return m.entities[i].name
        case .statement(let i): return m.statements[i].id
        case .document(let i): return m.documents[i].id
        case .relation(let i): return m.relations[i].id
        case .graph(let g): return g.adjacencyLines().joined(separator: "\n")
        }
    }

    /// A value as it would be typed in a query: text in quotes, numbers and names as they are.
    public static func quoted(_ v: Value, _ m: Model) -> String {
        switch v {
        case .string(let s): return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .entity(let i): return "\"" + m.entities[i].name + "\""
        case .statement, .document, .relation: return "\"" + plain(v, m) + "\""
        default: return plain(v, m)
        }
    }

    /// A number without a trailing `.0` when it is whole, else its shortest exact form: the
    /// digits that read back as the same number (`%g` kept six, so 1234567.89 showed as 1.23457e+06).
    public static func number(_ n: Double) -> String {
        if n.isNaN { return "nan" }
        // Whole numbers print as such while a double holds them exactly (to 2^53): `1e15` printed `1000000000000000.0`.
        if n == n.rounded(), abs(n) < 9_007_199_254_740_992 { return String(Int64(n)) }
        return n.description
    }

    /// A JSON-compatible value: references become ids (entities their names, or their ids with
    /// `ids`), dates strings.
    public static func json(_ v: Value, _ m: Model, full: Bool, ids: Bool = false) -> Any {
        switch v {
        case .null: return NSNull()
        case .bool(let b): return b
        case .number(let n): return n == n.rounded() && abs(n) < 9_007_199_254_740_992 ? Int(n) as Any : n as Any
        case .string(let s): return s
        case .date(let d): return d.description
        case .list(let items): return items.map { json($0, m, full: false, ids: ids) }
        case .record(let r): return ordered(r.fields.map { ($0.name, json($0.value, m, full: false, ids: ids)) })
        case .table(let t): return t.rows.map { json(row: $0, columns: t.columns, m, full: full, ids: ids) }
        case .entity(let i): return ids ? m.entities[i].id : m.entities[i].name
        case .statement, .document, .relation: return plain(v, m)
        case .graph(let g): return graphJSON(g)
        }
    }

    /// A graph as `{kind, nodes, clusters, edges, notes}`, edges by node key.
    static func graphJSON(_ g: Graph) -> Any {
        ordered([
            ("kind", g.kind.rawValue),
            ("nodes", g.nodes.map { n in
                ordered([("key", n.key), ("label", n.label), ("kind", n.kind.rawValue), ("caption", n.caption), ("detail", n.detail), ("cluster", n.cluster ?? NSNull())])
            }),
            ("clusters", g.clusters.map { c in ordered([("key", c.key), ("label", c.label), ("members", c.members)]) }),
            ("edges", g.edges.map { e in
                ordered([("from", e.from), ("to", e.to ?? NSNull()), ("label", e.label), ("count", e.count), ("cues", e.cues),
                         ("records", e.records), ("style", e.style.rawValue), ("listed", e.listed)])
            }),
            ("notes", g.notes),
        ])
    }

    /// A row as a JSON object: every field when `full`, else the table's columns.
    static func json(row: Value, columns: [String], _ m: Model, full: Bool, ids: Bool) -> Any {
        if case .record = row { return json(row, m, full: false, ids: ids) }
        let names = full ? Fields.names(of: row) : columns
        return ordered(names.map { ($0, json(Fields.get($0, of: row, in: m) ?? .null, m, full: false, ids: ids)) })
    }

    /// Keeps field order through JSONSerialization by encoding pairs ourselves.
    static func ordered(_ pairs: [(String, Any)]) -> Any { OrderedJSON(pairs: pairs) }
}

/// A JSON object whose keys keep their order when written.
struct OrderedJSON {
    var pairs: [(String, Any)]
}
