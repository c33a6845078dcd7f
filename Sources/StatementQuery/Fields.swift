import StatementModel

/// The fields of each kind of row, and how to read them. One table drives evaluation, `show`,
/// completion and the "did you mean" hints for field names.
public enum Fields {
    /// Fields of statement rows.
    public static let statement = StatementField.allCases.map(\.rawValue)
    /// Fields of entity rows.
    public static let entity = ["id", "kind", "name", "aliases", "codes", "roles", "members", "affiliation", "statements", "status", "note"]
    /// Fields of document rows.
    public static let document = ["id", "kind", "title", "authors", "publisher", "date", "date_basis", "place", "source",
                                  "lines", "statements", "status", "note"]
    /// Fields of relation rows.
    public static let relation = ["id", "type", "from", "to", "note"]
    /// Fields of quote rows.
    public static let quote = ["document", "line", "column", "owner", "role", "status", "text", "start", "end"]

    /// Names a model file uses (or a reader would guess) → the field a query reads.
    public static let fileNames: [String: String] = [
        "force": "act", "anchors": "quote", "anchor": "quote", "exact": "quote", "speaker": "speakers",
        "addressee": "addressees", "target": "targets", "topic": "topics", "reported": "via", "by": "reported_by",
        "onbehalfof": "on_behalf_of", "on-behalf-of": "on_behalf_of", "alias": "aliases", "member": "members",
        "author": "authors", "text": "content", "document": "source",
    ]

    /// Paths a reader would guess from a model file's nesting (`act: {cue: …}`) → the field a query reads.
    public static let dottedNames: [String: String] = [
        "act.cue": "cue", "act.force": "act", "act.cameo": "cameo", "act.family": "family",
        "framing.by": "framed_by", "framings.by": "framed_by", "framing.force": "framed_as", "framings.force": "framed_as",
        "framing.act": "framed_as", "framing.cue": "framing",
        "reported.mode": "mode", "reported.by": "reported_by", "reported.via": "via",
        "date.basis": "date_basis", "date.value": "date", "anchors.exact": "quote",
    ]

    /// The hint for a path no row has, when it is one of ``dottedNames`` and the row has that field.
    public static func dottedHint(for path: [String], in names: [String]) -> String? {
        guard path.count == 2, let ours = dottedNames[path.joined(separator: ".").lowercased()], names.contains(ours) else { return nil }
        return "the field is '\(ours)'"
    }

    /// The hint for a field name no row has: the field a model file's name stands for, else the
    /// closest name, else nil.
    public static func hint(for name: String, in names: [String]) -> String? {
        if let ours = fileNames[name.lowercased()], names.contains(ours) {
            let why = name.lowercased() == "force" ? " (a statement's force, written `act: {force: …}` in the model)" : ""
            return "the field is '\(ours)'\(why)"
        }
        return Suggestion.hint(for: name, in: names)
    }

    /// Default columns of each table.
    public static let defaultColumns: [String: [String]] = [
        "statements": ["id", "speakers", "act", "cue", "content"],
        "entities": ["id", "kind", "name", "aliases"],
        "documents": ["id", "kind", "title", "date"],
        "relations": ["id", "type", "from", "to", "note"],
        "quotes": ["document", "line", "column", "owner", "role", "text"],
    ]

    /// The field names of a row value.
    public static func names(of row: Value) -> [String] {
        switch row {
        case .statement: return statement
        case .entity: return entity
        case .document: return document
        case .relation: return relation
        case .record(let r): return r.fields.map { $0.name }
        default: return []
        }
    }

    /// The field names of a table's rows (from its first row, or its kind).
    public static func names(ofTable t: Table) -> [String] {
        if let first = t.prefix(1).first { return names(of: first) }
        switch t.kind {
        case "statements": return statement
        case "entities": return entity
        case "documents": return document
        case "relations": return relation
        case "quotes": return quote
        default: return t.columns
        }
    }

    /// Reads a field of a row, or nil when the row has no such field.
    public static func get(_ name: String, of row: Value, in m: Model) -> Value? {
        switch row {
        case .statement(let i):
            // A statement restored from a snapshot is decoded when read: its id and date are read
            // from the row instead (`sort date | limit 10 | select id, date` decodes nothing).
            if name == "id" { return .string(m.statements.id(at: i)) }
            if name == "date" { return m.statements.date(at: i).map(Value.date) ?? .null }
            return statementField(name, m.statements[i], i, m)
        case .entity(let i): return entityField(name, m.entities[i], i, m)
        case .document(let i): return documentField(name, m.documents[i], i, m)
        case .relation(let i):
            let r = m.relations[i]
            switch name {
            case "id": return .string(r.id)
            case "type": return .string(r.type)
            case "from": return Value(r.from)
            case "to": return Value(r.to)
            case "note": return r.note.map(Value.string) ?? .null
            default: return nil
            }
        case .record(let r): return r[name]
        default: return nil
        }
    }

    /// Every field of a row, by name, the record read once (not once per field).
    public static func all(of row: Value, in m: Model) -> [(name: String, value: Value)] {
        if case .statement(let i) = row {
            let s = m.statements[i]
            return StatementField.allCases.map { ($0.rawValue, $0.value(s, i, m)) }
        }
        let names = names(of: row)
        return zip(names, values(names, of: row, in: m)).map { (name: $0, value: $1) }
    }

    /// The named fields of a row (null where it has none), the record read once: a statement
    /// restored from a snapshot is decoded per read, so a table's cells must not read it per column.
    public static func values(_ names: [String], of row: Value, in m: Model) -> [Value] {
        switch row {
        case .statement(let i) where names.contains(where: { $0 != "id" && $0 != "date" }):
            let s = m.statements[i]
            return names.map { StatementField.named[$0]?.value(s, i, m) ?? .null }
        case .entity(let i):
            let e = m.entities[i]
            return names.map { entityField($0, e, i, m) ?? .null }
        case .document(let i):
            let d = m.documents[i]
            return names.map { documentField($0, d, i, m) ?? .null }
        default:
            return names.map { get($0, of: row, in: m) ?? .null }
        }
    }

    static func opt(_ s: String?) -> Value { s.map(Value.string) ?? .null }
    static func ents(_ xs: [Int]) -> Value { .list(xs.map(Value.entity)) }

    static func statementField(_ name: String, _ s: Statement, _ i: Int, _ m: Model) -> Value? {
        StatementField.named[name]?.value(s, i, m)
    }

    static func entityField(_ name: String, _ e: Entity, _ i: Int, _ m: Model) -> Value? {
        switch name {
        case "id": return .string(e.id)
        case "kind": return .string(e.kind.rawValue)
        case "name": return .string(e.name)
        case "aliases": return .list(e.aliases.map(Value.string))
        // No codes is null (`codes = null` finds them; they sort last), not an empty record.
        case "codes": return e.codes.isEmpty ? .null : .record(Record(e.codes.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }, isMapping: true))
        case "roles": return .list(e.roles.map(Value.string))
        case "members": return ents(e.members)
        case "affiliation": return e.affiliation.map(Value.entity) ?? .null
        case "statements": return .number(Double(m.statementsBySpeaker[i]?.count ?? 0))
        case "status": return opt(e.status)
        case "note": return opt(e.note)
        default: return nil
        }
    }

    static func documentField(_ name: String, _ d: Document, _ i: Int, _ m: Model) -> Value? {
        switch name {
        case "id": return .string(d.id)
        case "kind": return .string(d.kind)
        case "title": return .string(d.title)
        case "authors": return ents(d.authors)
        case "publisher": return d.publisher.map(Value.entity) ?? .null
        case "date": return d.date.map { .date($0.value) } ?? .null
        case "date_basis": return opt(d.date?.basis.rawValue)
        case "place": return opt(d.place)
        case "source": return opt(d.sourcePath)
        case "lines": return d.text.map { .number(Double($0.lineStarts.count)) } ?? .null
        case "statements": return .number(Double(m.statements.filter { $0.document == i }.count))
        case "status": return opt(d.status)
        case "note": return opt(d.note)
        default: return nil
        }
    }

    /// The `quotes` table: every anchor with its document, position, owner and role.
    public static func quotes(_ m: Model) -> Table {
        let rows: [Value] = m.allAnchors.map { item in
            let a = item.anchor
            return .record(Record([
                ("document", a.document.map(Value.document) ?? .null),
                ("line", a.line.map { .number(Double($0)) } ?? .null),
                ("column", a.column.map { .number(Double($0)) } ?? .null),
                ("owner", Value(item.owner)),
                ("role", .string(item.role)),
                ("status", .string(a.status.rawValue)),
                ("text", .string(a.exact)),
                ("start", a.start.map { .number(Double($0)) } ?? .null),
                ("end", a.end.map { .number(Double($0)) } ?? .null),
            ]))
        }
        return Table(kind: "quotes", columns: defaultColumns["quotes"]!, rows: rows)
    }
}
