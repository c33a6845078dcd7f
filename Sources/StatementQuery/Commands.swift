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

    static func kindName(_ r: RecordRef) -> String {
        switch r {
        case .entity: return "an entity"
        case .statement: return "a statement"
        case .document: return "a document"
        case .relation: return "a relation"
        }
    }
}
