import Foundation
import StatementModel

/// The habits newcomers bring from SQL, jq, Nushell and shells, in one table: each foreign word or
/// operator with what stmt calls it. Errors read their hints from here.
public enum Synonyms {
    /// Command names of other tools → the stmt command.
    public static let commands: [String: String] = [
        "filter": "where", "grep": "where", "select-where": "where",
        "head": "limit", "take": "limit", "top": "limit", "first": "limit",
        "length": "count", "size": "count", "wc": "count",
        "order": "sort", "order-by": "sort", "sort-by": "sort", "orderby": "sort", "sortby": "sort",
        "uniq": "distinct", "unique": "distinct",
        "flatten": "expand", "unnest": "expand",
        "print": "echo", "cat": "show", "get": "show", "describe": "show",
        "group-by": "group", "groupby": "group",
        "source": "run", "open": "load", "read": "load", "export": "save", "write": "save",
        "exit()": "quit", "q": "quit",
    ]

    /// Operators of other languages → what to write instead.
    public static let operators: [String: String] = [
        "==": "stmt compares with a single '=': act = \"urge\"",
        "&&": "write 'and': act = \"urge\" and date >= 2024",
        "||": "write 'or': act = \"urge\" or act = \"call\"",
        "<>": "stmt writes '!=': act != \"urge\"",
        "!~": "write not (… ~ …): not (speakers ~ \"miller\")",
    ]

    /// Comparisons of other languages written as words (after a value) → what to write instead.
    public static let operatorNames: [String: String] = [
        "is": "test for a missing value with = null (is not null: != null): date = null",
        "like": "for text containing, write ~: name ~ \"Korea\" (or matches \"pattern\")",
        "ilike": "~ ignores case already: name ~ \"korea\"",
        "between": "write both bounds: date >= 2014 and date <= 2024",
        "regexp": "write matches: content matches \"crime[s]?\"",
    ]

    /// Operators of other languages → stmt's, for rewriting a line in a hint.
    static let operatorWords: [String: String] = ["==": "=", "&&": "and", "||": "or", "<>": "!="]

    /// The hint for a foreign command name, or nil. `rewritten` is the user's own command in
    /// stmt's words, shown in place of the command's first example when the parser has it.
    static func commandHint(_ word: String, table: CommandTable, rewritten: String? = nil) -> String? {
        let w = word.lowercased()
        if let ours = commands[w] {
            let example = rewritten ?? table.lookup(ours)?.examples.first?.input.split(separator: "\n").first.map(String.init)
            return "stmt calls it '\(ours)'" + (example.map { ": \($0)" } ?? "")
        }
        // statements.count, entities.length: a method call written as a pipeline.
        let parts = w.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2, let source = table.lookup(parts[0]), source.role == .source {
            let stage = commands[parts[1]] ?? parts[1]
            if table.lookup(stage)?.role == .stage { return "stages follow a pipe: \(parts[0]) | \(stage)" }
        }
        return nil
    }

    /// `SELECT id, act FROM statements WHERE act = 'urge' ORDER BY date LIMIT 3` as a pipeline, or nil
    /// when the text does not read as SQL.
    public static func translateSQL(_ text: String) -> String? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.first?.uppercased() == "SELECT", let from = words.firstIndex(where: { $0.uppercased() == "FROM" }),
              from + 1 < words.count else { return nil }
        let keywords = ["WHERE", "ORDER", "GROUP", "LIMIT"]
        func clause(_ start: Int) -> (words: [String], next: Int) {
            var end = start
            while end < words.count && !keywords.contains(words[end].uppercased()) { end += 1 }
            return (Array(words[start..<end]), end)
        }
        let columns = words[1..<from].joined(separator: " ")
        var (source, i) = clause(from + 1)
        var stages: [String] = []
        while i < words.count {
            let k = words[i].uppercased()
            if (k == "ORDER" || k == "GROUP"), i + 1 < words.count, words[i + 1].uppercased() == "BY" {
                let (c, n) = clause(i + 2)
                let fields = c.joined(separator: " ").replacingOccurrences(of: " ASC", with: " asc").replacingOccurrences(of: " DESC", with: " desc")
                stages.append(k == "ORDER" ? "sort " + fields : "group by " + fields)
                i = n
            } else {
                let (c, n) = clause(i + 1)
                let body = c.joined(separator: " ").replacingOccurrences(of: "'", with: "\"")
                    .replacingOccurrences(of: " AND ", with: " and ").replacingOccurrences(of: " OR ", with: " or ")
                    .replacingOccurrences(of: " IS NOT NULL", with: " != null", options: .caseInsensitive)
                    .replacingOccurrences(of: " IS NULL", with: " = null", options: .caseInsensitive)
                    .replacingOccurrences(of: " <> ", with: " != ")
                stages.append(k == "WHERE" ? "where " + body : "limit " + body)
                i = n
            }
        }
        // `SELECT act, count(*) … GROUP BY act` is stmt's `count by act`.
        if let g = stages.firstIndex(where: { $0.hasPrefix("group by ") }), columns.lowercased().contains("count(") {
            stages[g] = "count by " + stages[g].dropFirst("group by ".count)
        } else if columns != "*" { stages.append("select " + columns) }
        source = source.map { $0.lowercased() }
        return ([source.joined(separator: " ")] + stages).joined(separator: " | ")
    }
}
