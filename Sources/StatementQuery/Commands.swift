import StatementModel

/// The registry: every command of the language, in the order `help` lists them.
public enum Commands {
    /// All commands.
    public static let all: [CommandSpec] = tables + stages + inspection + session

    /// Throws a located evaluation error.
    static func fail(_ message: String, _ span: SourceSpan, hint: String? = nil) -> Diagnostic {
        Diagnostic(message, at: span, hint: hint, category: .evaluation)
    }

    /// The record named by an id argument, with "did you mean" over ids and names.
    static func record(_ word: (text: String, span: SourceSpan), in m: Model) throws -> RecordRef {
        if let r = m.record(id: word.text) { return r }
        let named = m.entities(named: word.text)
        if named.count == 1 { return .entity(named[0]) }
        if named.count > 1 {
            throw fail("ambiguous name '\(word.text)': \(named.count) entities answer to it", word.span,
                       hint: "say which by id: " + named.prefix(10).map { "show \(m.entities[$0].id) (\(m.entities[$0].name))" }.joined(separator: ", "))
        }
        throw fail("no record with id '\(word.text)'", word.span,
                   hint: Suggestion.hint(for: word.text, in: m.vocabulary) ?? "`statements | select id` lists the statement ids")
    }

    static func statementIndex(_ word: (text: String, span: SourceSpan), in m: Model, for command: String) throws -> Int {
        let r = try record(word, in: m)
        guard case .statement(let i) = r else {
            throw fail("'\(command)' takes a statement id; '\(word.text)' is \(kindName(r))", word.span,
                       hint: "`statements | select id, content` lists them; `show \(word.text)` shows this record")
        }
        return i
    }

    /// The records a source-or-stage command works on: its id argument, or the rows flowing in —
    /// records themselves, or rows with an `id`, `owner` or `statements` field (as `find` gives).
    static func targets(_ inv: Invocation) throws -> [(RecordRef, SourceSpan)] {
        let m = inv.session.model
        if let w = inv.words.first {
            if inv.input != nil { throw fail("'\(inv.command.name)' takes an id or the rows before it, not both", w.span, hint: "drop the id, or the pipe") }
            return [(try record(w, in: m), w.span)]
        }
        guard let input = inv.input else {
            throw fail("'\(inv.command.name)' needs an id, or rows from a pipeline", inv.span,
                       hint: "e.g. \(inv.command.name) s1, or statements | where act = \"urge\" | \(inv.command.name)")
        }
        let out = records(in: input, m).map { ($0, inv.span) }
        if out.isEmpty {
            throw fail("'\(inv.command.name)' found no records in its input", inv.span,
                       hint: "pipe statements (or rows with an id), e.g. statements | where act = \"urge\" | \(inv.command.name)")
        }
        return out
    }

    /// The records a value holds: model rows, lists of them, and records with an `id`, `owner` or
    /// `statements` field naming them; each once, in the order met (find gives a statement once per hit).
    static func records(in input: Value, _ m: Model) -> [RecordRef] {
        var out: [RecordRef] = []
        func add(_ v: Value) {
            if let r = v.recordRef { out.append(r); return }
            if case .list(let items) = v { items.forEach(add); return }
            if case .record(let rec) = v {
                for key in ["id", "owner", "statements"] {
                    guard let x = rec[key] else { continue }
                    if case .string(let id) = x, let r = m.record(id: id) { out.append(r); return }
                    if x.recordRef != nil || { if case .list = x { return true }; return false }() { add(x); return }
                }
            }
        }
        switch input {
        case .table(let t): t.rows.forEach(add)
        default: add(input)
        }
        var seen = Set<RecordRef>()
        return out.filter { seen.insert($0).inserted }
    }

    static func kindName(_ r: RecordRef) -> String {
        switch r {
        case .entity: return "an entity"
        case .statement: return "a statement"
        case .document: return "a document"
        case .relation: return "a relation"
        }
    }
}
