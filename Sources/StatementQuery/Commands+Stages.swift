import Foundation
import StatementModel

extension Commands {
    static let stages: [CommandSpec] = [
        CommandSpec(name: "where", synopsis: "where EXPRESSION", summary: "keep the rows for which the expression holds",
                    help: """
                    Operators: = != < <= > >= ; ~ (case-insensitive contains; on a list, any element);
                    in [a, b] ; has (list membership) ; and, or, not ; parentheses; field paths such as
                    speakers.kind; (PIPELINE) as a value. An entity compared with text matches its id, name or
                    any alias, and a group matches through its members: speakers has "U.S." finds the joint
                    statements of South Korea, the United States and Japan.
                    """,
                    examples: [
                        Example("filter by force", "statements | where act = \"urge\" | select id, cue", """
                        id │ cue
                        ───┼───────
                        s3 │ urged
                        m4 │ urging
                        (2 rows)
                        """),
                        Example("aliases resolve", "statements | where speakers has \"U.S.\" | count", "7"),
                    ],
                    role: .stage, shape: .expression, completion: .expression, run: whereStage),
        CommandSpec(name: "select", synopsis: "select FIELD [as NAME], …", summary: "choose and rename columns",
                    help: "Keeps the named fields, in order, as columns; `as` renames one. Field paths reach into records: speakers.kind.",
                    examples: [Example("rename a column", "statements | where id = \"m4\" | select id, addressees as to, content", """
                    id │ to            │ content
                    ───┼───────────────┼──────────────────────────────────────────────────────────────
                    m4 │ member states │ Member states should uphold the principle of non-refoulement.
                    (1 row)
                    """)],
                    role: .stage, shape: .fields(rename: true, direction: false, min: 1), completion: .fields, run: selectStage),
        CommandSpec(name: "sort", synopsis: "sort FIELD [asc|desc], …", summary: "order rows by fields",
                    help: "Stable sort; empty values go last. Dates order by year, month, day.",
                    examples: [Example("latest first", "statements | sort date desc | limit 3 | select id, date", """
                    id │ date
                    ───┼─────
                    r1 │ 2024
                    s1 │ 2024
                    s2 │ 2024
                    (3 rows)
                    """)],
                    role: .stage, shape: .fields(rename: false, direction: true, min: 1), completion: .fields, run: sortStage),
        CommandSpec(name: "limit", synopsis: "limit N", summary: "keep the first N rows",
                    help: "Keeps at most N rows.",
                    examples: [Example("first two ids", "statements | limit 2 | select id", """
                    id
                    ──
                    r1
                    s1
                    (2 rows)
                    """)],
                    role: .stage, shape: .words(min: 1, max: 1), keepsFirstRows: true, run: limitStage),
        CommandSpec(name: "count", synopsis: "count [by FIELD]", summary: "count rows, or count them by a field's values",
                    help: "Without `by`, the number of rows. With `by FIELD`, one row per value with its count, most frequent first; a list field counts each element.",
                    examples: [Example("statements by force", "statements | count by act", """
                    act         │ count
                    ────────────┼──────
                    call        │ 2
                    emphasize   │ 2
                    find        │ 2
                    urge        │ 2
                    advocate    │ 1
                    assert      │ 1
                    commemorate │ 1
                    commit      │ 1
                    link        │ 1
                    note        │ 1
                    recommend   │ 1
                    report      │ 1
                    (12 rows)
                    """)],
                    role: .stage, shape: .countBy, completion: .fields, run: countStage),
        CommandSpec(name: "distinct", synopsis: "distinct [FIELD, …]", summary: "drop repeated rows",
                    help: "With fields, keeps those columns and drops repeats; without, compares whole rows.",
                    examples: [Example("the modes of reporting", "statements | distinct mode", """
                    mode
                    ──────────
                    indirect
                    paraphrase
                    direct
                    (3 rows)
                    """)],
                    role: .stage, shape: .fields(rename: false, direction: false, min: 0), completion: .fields, run: distinctStage),
        CommandSpec(name: "expand", synopsis: "expand FIELD", summary: "one row per element of a list field",
                    help: "Repeats each row once per element of the list in FIELD, with that element in its place.",
                    examples: [Example("topics one per row", "statements | where id = \"s6\" | expand topics | select id, topics", """
                    id │ topics
                    ───┼────────────────────────────
                    s6 │ forced labor
                    s6 │ weapons of mass destruction
                    (2 rows)
                    """)],
                    role: .stage, shape: .fields(rename: false, direction: false, min: 1), completion: .fields, run: expandStage),
        CommandSpec(name: "save", synopsis: "save PATH", summary: "write the table to a file; the format follows the extension",
                    help: "Formats: .json, .csv, .md, .yaml/.yml, .txt (the table as shown). The file is written atomically: a temporary file renamed into place. Refused in safe mode.",
                    examples: [Example("save as CSV", "statements | where act = \"urge\" | select id, content | save /tmp/stmt-example-urged.csv", "saved 2 rows to /tmp/stmt-example-urged.csv")],
                    role: .stage, shape: .words(min: 1, max: 1), completion: .paths, writes: true, run: saveStage),
    ]

    @Sendable static func whereStage(_ inv: Invocation) throws -> Output {
        let t = try inv.inputTable()
        guard case .expression(let e) = inv.arguments else { return .none }
        let m = inv.session.model
        if let p = StatementPredicate.compile(e, model: m, variables: inv.session.variables) {
            // Statement rows: test indexes directly, starting from the index lists when the
            // input is every statement.
            if t.wholeStatementsCount == m.statements.count {
                var rows: [Value] = []
                if let candidates = p.candidates {
                    for i in candidates where p.test(i) { rows.append(.statement(i)) }
                } else {
                    // A scan of every statement: split across the cores, results kept in model order.
                    let parts = m.statements.count < 50_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount
                    nonisolated(unsafe) var found = Array(repeating: [Int](), count: parts)
                    nonisolated(unsafe) let test = p.test
                    let n = m.statements.count
                    nonisolated(unsafe) let cancelled = inv.session.isCancelled
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        var mine: [Int] = []
                        for i in (n * part / parts)..<(n * (part + 1) / parts) {
                            if i & 65535 == 0 && cancelled() { return }
                            if test(i) { mine.append(i) }
                        }
                        found[part] = mine
                    }
                    try inv.evaluator.checkCancelled(inv.span)
                    for part in found { rows += part.lazy.map(Value.statement) }
                }
                return .value(.table(Table(kind: "statements", columns: t.columns, rows: rows)))
            }
            if t.rows.allSatisfy({ if case .statement = $0 { return true }; return false }) {
                var out = t
                out.rows = t.rows.filter { if case .statement(let i) = $0 { return p.test(i) }; return false }
                return .value(.table(out))
            }
        }
        var out = t
        out.rows = []
        for (n, row) in t.rows.enumerated() {
            if n & 4095 == 0 { try inv.evaluator.checkCancelled(inv.span) }
            if try inv.evaluator.truth(inv.evaluator.eval(e, row: row), e.span) { out.rows.append(row) }
        }
        return .value(.table(out))
    }

    static func checkFields(_ fields: [FieldArgument], _ t: Table, _ inv: Invocation) throws {
        guard t.count == 0 else { return }
        let names = Fields.names(ofTable: t)
        for f in fields where !names.contains(f.path[0]) && !names.isEmpty {
            throw fail("unknown field '\(f.path[0])'", f.span, hint: Suggestion.hint(for: f.path[0], in: names) ?? "the fields are: " + names.joined(separator: ", "))
        }
    }

    @Sendable static func selectStage(_ inv: Invocation) throws -> Output {
        let t = try inv.inputTable()
        guard case .fields(let fields) = inv.arguments else { return .none }
        try checkFields(fields, t, inv)
        var rows: [Value] = []
        rows.reserveCapacity(t.rows.count)
        for row in t.rows {
            rows.append(.record(Record(try fields.map { ($0.columnName, try inv.evaluator.field($0.path, of: row, $0.span)) })))
        }
        return .value(.table(Table(kind: t.kind == "rows" ? "rows" : t.kind, columns: fields.map(\.columnName), rows: rows)))
    }

    @Sendable static func sortStage(_ inv: Invocation) throws -> Output {
        var t = try inv.inputTable()
        guard case .fields(let fields) = inv.arguments else { return .none }
        try checkFields(fields, t, inv)
        let m = inv.session.model
        if fields.count == 1, fields[0].path == ["date"], t.wholeStatementsCount == m.statements.count {
            // Every statement by date: read the model's date order (built on first use), and only
            // as far as a following `limit` needs.
            let order = fields[0].descending ? m.statementsByDateDescending() : m.statementsByDate()
            let k = min(order.count, inv.limitHint ?? order.count)
            t.rows = order[..<k].map(Value.statement)
            return .value(.table(t))
        }
        let keys = try t.rows.map { row in try fields.map { try inv.evaluator.field($0.path, of: row, $0.span) } }
        let cmp = Comparison(model: inv.session.model)
        let order = t.rows.indices.sorted { a, b in
            for (k, f) in fields.enumerated() {
                var c = cmp.sortOrder(keys[a][k], keys[b][k])
                if f.descending, !isNull(keys[a][k]), !isNull(keys[b][k]) { c = -c }
                if c != 0 { return c < 0 }
            }
            return a < b
        }
        t.rows = order.map { t.rows[$0] }
        return .value(.table(t))
    }

    static func isNull(_ v: Value) -> Bool { if case .null = v { return true }; return false }

    @Sendable static func limitStage(_ inv: Invocation) throws -> Output {
        var t = try inv.inputTable()
        let w = inv.words[0]
        guard let n = Int(w.text), n >= 0 else { throw fail("expected a whole number of rows, found '\(w.text)'", w.span, hint: "e.g. limit 10") }
        t.rows = Array(t.rows.prefix(n))
        return .value(.table(t))
    }

    @Sendable static func countStage(_ inv: Invocation) throws -> Output {
        let t = try inv.inputTable()
        guard case .countBy(let by) = inv.arguments, let f = by else { return .value(.number(Double(t.count))) }
        try checkFields([f], t, inv)
        let m = inv.session.model
        var counts: [Value] = []
        var tally: [Int] = []
        // Entity-valued statement fields count by entity index; everything else by its shown text.
        if f.path.count == 1, StatementPredicate.entityListFields.contains(f.path[0]), t.wholeStatementsCount == m.statements.count {
            var perEntity = Array(repeating: 0, count: m.entities.count)
            var none = 0
            for i in m.statements.indices {
                let list: [Int]
                switch f.path[0] {
                case "speakers": list = m.statements[i].speakers
                case "targets": list = m.statements[i].targets
                case "addressees": list = m.statements[i].addressees
                default: list = m.statements[i].onBehalfOf
                }
                if list.isEmpty { none += 1 }
                for e in list { perEntity[e] += 1 }
            }
            for (e, n) in perEntity.enumerated() where n > 0 { counts.append(.entity(e)); tally.append(n) }
            if none > 0 { counts.append(.null); tally.append(none) }
        } else {
            var slot: [String: Int] = [:]
            for row in t.rows {
                let v = try inv.evaluator.field(f.path, of: row, f.span)
                let items: [Value] = { if case .list(let l) = v { return l.isEmpty ? [.null] : l }; return [v] }()
                for item in items {
                    let key = Display.plain(item, m)
                    if let k = slot[key] { tally[k] += 1 } else { slot[key] = counts.count; counts.append(item); tally.append(1) }
                }
            }
        }
        let names = counts.map { Display.plain($0, m) }
        let order = counts.indices.sorted { tally[$0] != tally[$1] ? tally[$0] > tally[$1] : names[$0] < names[$1] }
        let rows = order.map { Value.record(Record([(f.columnName, counts[$0]), ("count", .number(Double(tally[$0])))])) }
        return .value(.table(Table(kind: "rows", columns: [f.columnName, "count"], rows: rows)))
    }

    @Sendable static func distinctStage(_ inv: Invocation) throws -> Output {
        var t = try inv.inputTable()
        guard case .fields(let fields) = inv.arguments else { return .none }
        if !fields.isEmpty { t = try selectStage(inv).tableValue ?? t }
        let m = inv.session.model
        var seen = Set<String>()
        t.rows = t.rows.filter { row in
            seen.insert(t.columns.map { Display.plain(Fields.get($0, of: row, in: m) ?? .null, m) }.joined(separator: "\u{1F}")).inserted
        }
        return .value(.table(t))
    }

    @Sendable static func expandStage(_ inv: Invocation) throws -> Output {
        let t = try inv.inputTable()
        guard case .fields(let fields) = inv.arguments, let f = fields.first else { return .none }
        try checkFields([f], t, inv)
        let columns = t.columns.contains(f.columnName) ? t.columns : t.columns + [f.columnName]
        let m = inv.session.model
        var rows: [Value] = []
        for row in t.rows {
            let v = try inv.evaluator.field(f.path, of: row, f.span)
            let items: [Value] = { if case .list(let l) = v { return l }; return [v] }()
            let allFields = Fields.names(of: row)
            for item in items {
                rows.append(.record(Record(allFields.map { name in
                    (name, name == f.columnName ? item : Fields.get(name, of: row, in: m) ?? .null)
                } + (allFields.contains(f.columnName) ? [] : [(f.columnName, item)]))))
            }
        }
        return .value(.table(Table(kind: t.kind, columns: columns, rows: rows)))
    }

    @Sendable static func saveStage(_ inv: Invocation) throws -> Output {
        let w = inv.words[0]
        let path = inv.session.resolve(path: w.text)
        try inv.session.checkWrite(path, span: w.span)
        guard let input = inv.input else { throw fail("'save' needs input", inv.span) }
        let ext = (path as NSString).pathExtension.lowercased()
        let saved = inv.session.settings
        defer { inv.session.settings = saved }
        inv.session.settings.color = .off
        inv.session.settings.rows = 0
        switch ext {
        case "json": inv.session.settings.mode = .json
        case "csv": inv.session.settings.mode = .csv
        case "md", "markdown": inv.session.settings.mode = .markdown
        case "txt": inv.session.settings.mode = .table
        case "yaml", "yml": break
        default:
            throw fail("cannot tell the format of '\(w.text)' from its extension", w.span, hint: "use .json, .csv, .md, .yaml or .txt")
        }
        let text = ext == "yaml" || ext == "yml" ? YAMLText.encode(input, inv.session.model)
            : Renderer(session: inv.session).render(input)
        try inv.session.writeFile(text, to: path, span: w.span)
        let n: Int = { if case .table(let t) = input { return t.rows.count }; return 1 }()
        return .text("saved \(n) row\(n == 1 ? "" : "s") to \(w.text)")
    }
}

extension Output {
    var tableValue: Table? { if case .value(.table(let t)) = self { return t }; return nil }
}
