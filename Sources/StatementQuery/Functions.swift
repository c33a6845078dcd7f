import StatementModel

/// Every function of the language, registered in one place (`help functions` and docs/commands.md
/// list them; a test runs every example).
public enum Functions {
    /// The standard table.
    public static let table = FunctionTable(scalar + Aggregates.all)

    static func fail(_ message: String, _ span: SourceSpan, hint: String? = nil) -> Diagnostic {
        Diagnostic(message, at: span, hint: hint, category: .evaluation)
    }

    /// The text of a value for text functions: text as it is, an entity's name, a record's id, a
    /// date or a number written out; nil for null.
    static func text(_ v: Value, _ c: FunctionSpec.Call, _ k: Int) throws -> String? {
        switch v {
        case .null: return nil
        case .string(let s): return s
        case .entity(let i): return c.model.entities[i].name
        case .statement, .document, .relation: return c.model.id(of: v.recordRef!)
        case .number, .date, .bool: return Display.plain(v, c.model)
        default:
            throw fail("expected text, found \(v.typeName)", c.spans[k], hint: "text functions work on one value; for a list, use join(LIST, \", \") first")
        }
    }

    /// A text function applied to a value, or to each element of a list.
    /// Each text it makes is counted in the command's budget (`upper` of a 33 MB text made 100 MB).
    static func mapText(_ c: FunctionSpec.Call, _ f: @escaping (String) throws -> Value) throws -> Value {
        func one(_ v: Value) throws -> Value {
            guard let t = try text(v, c, 0) else { return .null }
            let made = try f(t)
            guard case .string(let s) = made else { return made }
            // Unchanged (`lower` of lower-case text, a `replace` that found nothing): the text itself,
            // so that no copy is kept, and nothing new counted.
            if s.utf8.count == t.utf8.count && s == t { return .string(t) }
            try c.madeText.take(s.utf8.count, at: c.span)
            return made
        }
        if case .list(let items) = c.arguments[0] { return .list(try items.map(one)) }
        return try one(c.arguments[0])
    }

    static func list(_ v: Value, _ c: FunctionSpec.Call, _ k: Int) throws -> [Value]? {
        switch v {
        case .null: return nil
        case .list(let items): return items
        case .table(let t) where t.columns.count == 1: return t.rows.map { Fields.get(t.columns[0], of: $0, in: c.model) ?? .null }
        default: throw fail("expected a list, found \(v.typeName)", c.spans[k], hint: "e.g. aliases, speakers, topics")
        }
    }

    static func date(_ v: Value, _ c: FunctionSpec.Call) throws -> PartialDate? {
        switch v {
        case .null: return nil
        case .date(let d): return d
        case .string(let s):
            guard let d = PartialDate.parse(s) else {
                throw fail("expected a date, found the text '\(s)'", c.spans[0], hint: "a date is written 2024, 2024-03 or 2024-03-15, and names a day there is")
            }
            return d
        default: throw fail("expected a date, found \(v.typeName)", c.spans[0], hint: "e.g. year(date)")
        }
    }

    static let scalar: [FunctionSpec] = [
        FunctionSpec(name: "len", signature: "len(VALUE)", summary: "the length of text, a list or a table",
                     help: "Characters of text, elements of a list, rows of a table; null for null.", arity: 1...1,
                     examples: [Example("how many names North Korea has", "entities | where id = \"prk\" | select name, len(aliases) as names", """
                     name        │ names
                     ────────────┼──────
                     North Korea │ 6
                     (1 row)
                     """)]) { c in
            switch c.arguments[0] {
            case .null: return .null
            case .list(let l): return .number(Double(l.count))
            case .table(let t): return .number(Double(t.count))
            case .string(let s): return .number(Double(s.count))
            default:
                // The characters of a number's, a name's or an id's printed form answer nothing asked.
                throw fail("len expected text, a list or a table, found \(c.arguments[0].typeName)", c.spans[0],
                           hint: "len counts the characters of text, the elements of a list or the rows of a table")
            }
        },
        FunctionSpec(name: "lower", signature: "lower(TEXT)", summary: "text in lower case (each element of a list)",
                     help: "An entity gives its name.", arity: 1...1,
                     examples: [Example("lower-case names", "echo lower(\"North Korea\")", "north korea")]) { c in
            try mapText(c) { .string($0.lowercased()) }
        },
        FunctionSpec(name: "upper", signature: "upper(TEXT)", summary: "text in upper case (each element of a list)",
                     help: "An entity gives its name.", arity: 1...1,
                     examples: [Example("upper-case", "echo upper(\"dprk\")", "DPRK")]) { c in
            try mapText(c) { .string($0.uppercased()) }
        },
        FunctionSpec(name: "trim", signature: "trim(TEXT)", summary: "text without spaces at either end",
                     help: "Spaces, tabs and newlines are trimmed.", arity: 1...1,
                     examples: [Example("trimmed", "echo \"[\" + trim(\"  words  \") + \"]\"", "[words]")]) { c in
            try mapText(c) { .string($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        },
        FunctionSpec(name: "contains", signature: "contains(TEXT, PART)", summary: "whether text contains a part (case counts)",
                     help: "`~` is the case-insensitive operator; for a list use `has`.", arity: 2...2,
                     examples: [Example("case counts", "echo contains(\"North Korea\", \"Korea\"), contains(\"North Korea\", \"korea\")", "true false")]) { c in
            if case .list = c.arguments[0] {
                throw fail("contains works on text, found a list", c.spans[0], hint: "for a list use has: aliases has \"DPRK\"")
            }
            guard let t = try text(c.arguments[0], c, 0), let p = try text(c.arguments[1], c, 1) else { return .null }
            return .bool(t.contains(p))
        },
        FunctionSpec(name: "starts_with", signature: "starts_with(TEXT, PREFIX)", summary: "whether text starts with a prefix",
                     help: "Case counts.", arity: 2...2,
                     examples: [Example("ids of the COI's statements", "statements | where starts_with(id, \"f\") | select id", """
                     id
                     ──
                     f1
                     f2
                     f3
                     (3 rows)
                     """)]) { c in
            guard let t = try text(c.arguments[0], c, 0), let p = try text(c.arguments[1], c, 1) else { return .null }
            return .bool(t.hasPrefix(p))
        },
        FunctionSpec(name: "replace", signature: "replace(TEXT, OLD, NEW)", summary: "text with every OLD replaced by NEW",
                     help: "Plain text, not a pattern.", arity: 3...3,
                     examples: [Example("shorter names", "echo replace(\"U.N. Commission of Inquiry\", \"U.N.\", \"UN\")", "UN Commission of Inquiry")]) { c in
            guard let old = try text(c.arguments[1], c, 1), !old.isEmpty else {
                throw fail("replace needs text to look for, found nothing", c.spans[1], hint: "e.g. replace(content, \"U.N.\", \"UN\")")
            }
            let new = try text(c.arguments[2], c, 2) ?? ""
            return try mapText(c) { t in
                // Nested replaces multiply the length: 8 levels of one letter for ten made 1 GB.
                if new.utf8.count > old.utf8.count, t.utf8.count / old.utf8.count * (new.utf8.count - old.utf8.count) + t.utf8.count > c.madeText.limits.maxText {
                    var found = 0
                    var from = t.startIndex
                    while let r = t.range(of: old, range: from..<t.endIndex) { found += 1; from = r.upperBound }
                    if t.utf8.count + found * (new.utf8.count - old.utf8.count) > c.madeText.limits.maxText {
                        throw fail("replace would make text of more than \(TextBudget.megabytes(c.madeText.limits.maxText))", c.spans[2], hint: "replace in smaller pieces")
                    }
                }
                // Nothing to replace: the text itself, no copy (and nothing new to count).
                guard t.contains(old) else { return .string(t) }
                return .string(t.replacingOccurrences(of: old, with: new))
            }
        },
        FunctionSpec(name: "year", signature: "year(DATE)", summary: "the year of a date",
                     help: "Null for a statement without a date.", arity: 1...1,
                     examples: [Example("years of the dated statements", "statements | where date != null | distinct year(date) as year", """
                     year
                     ────
                     2024
                     2014
                     (2 rows)
                     """)]) { c in
            try date(c.arguments[0], c).map { .number(Double($0.year)) } ?? .null
        },
        FunctionSpec(name: "month", signature: "month(DATE)", summary: "the month of a date (null when only the year is known)",
                     help: "Dates keep their precision: `2014` has no month.", arity: 1...1,
                     examples: [Example("a month", "echo month(\"2014-02-17\")", "2")]) { c in
            try date(c.arguments[0], c).flatMap { $0.month }.map { .number(Double($0)) } ?? .null
        },
        FunctionSpec(name: "join", signature: "join(LIST, SEPARATOR)", summary: "the elements of a list as one text",
                     help: "Entities by name, records by id.", arity: 2...2,
                     examples: [Example("the members of the group", "entities | where id = \"trilateral\" | select join(members, \" + \") as members", """
                     members
                     ───────────────────────────────────
                     South Korea + United States + Japan
                     (1 row)
                     """)]) { c in
            guard let items = try list(c.arguments[0], c, 0) else { return .null }
            let sep = try text(c.arguments[1], c, 1) ?? ""
            let texts = try items.map { try text($0, c, 0) ?? "" }
            try c.madeText.take(texts.reduce(sep.utf8.count * max(texts.count - 1, 0)) { $0 + $1.utf8.count }, at: c.span)
            return .string(texts.joined(separator: sep))
        },
        FunctionSpec(name: "first", signature: "first(LIST)", summary: "the first element of a list (null when empty)",
                     help: "", arity: 1...1,
                     examples: [Example("the first topic", "statements | where id = \"s6\" | select first(topics) as topic", """
                     topic
                     ────────────
                     forced labor
                     (1 row)
                     """)]) { c in
            try list(c.arguments[0], c, 0)?.first ?? .null
        },
        FunctionSpec(name: "last", signature: "last(LIST)", summary: "the last element of a list (null when empty)",
                     help: "", arity: 1...1,
                     examples: [Example("the last topic", "statements | where id = \"s6\" | select last(topics) as topic", """
                     topic
                     ───────────────────────────
                     weapons of mass destruction
                     (1 row)
                     """)]) { c in
            try list(c.arguments[0], c, 0)?.last ?? .null
        },
        FunctionSpec(name: "coalesce", signature: "coalesce(VALUE, …)", summary: "the first argument that is not null (nor an empty list)",
                     help: "For a default: coalesce(date, \"undated\").", arity: 1...16,
                     examples: [Example("a default for missing dates", "statements | where speakers has \"Miller\" | select id, coalesce(date, \"undated\") as date", """
                     id │ date
                     ───┼────────
                     m1 │ undated
                     m2 │ undated
                     m3 │ undated
                     m4 │ undated
                     (4 rows)
                     """)]) { c in
            c.arguments.first { !Comparison.isMissing($0) } ?? .null
        },
    ]
}
