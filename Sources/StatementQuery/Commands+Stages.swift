import Foundation
import StatementModel

extension Commands {
    static let stages: [CommandSpec] = [
        CommandSpec(name: "where", synopsis: "where EXPRESSION", summary: "keep the rows for which the expression holds",
                    help: """
                    Operators: = != < <= > >= ; ~ (case-insensitive contains; on a list, any element);
                    matches "PATTERN" (a regular expression); in [a, b] ; has (list membership) ; and, or, not ;
                    + - * / ; functions such as len(aliases); (PIPELINE) as a value. An entity compared with text
                    matches its id, name or any alias, and a group matches through its members: speakers has "U.S."
                    finds the joint statements of South Korea, the United States and Japan. A comparison with a
                    missing value is unknown and keeps no row; `x = null` tests for a missing value (or an empty
                    list). A value that no row could have (a name no entity has) is warned about.
                    """,
                    examples: [
                        Example("filter by force", "statements | where act = \"urge\" | select id, cue", """
                        id │ cue
                        ───┼───────
                        s1 │ urged
                        m4 │ urging
                        (2 rows)
                        """),
                        Example("aliases resolve", "statements | where speakers has \"U.S.\" | count", "5"),
                        Example("a name no entity has is warned about", "statements | where speakers has \"Pyongyang\" | count", """
                        <input>:1:33: warning: no entity is named 'Pyongyang'
                         1 | statements | where speakers has "Pyongyang" | count
                           |                                 ^~~~~~~~~~~
                          hint: `statements | distinct speakers` lists the values it has
                        0
                        """),
                    ],
                    role: .stage, shape: .expression, completion: .expression, run: whereStage),
        CommandSpec(name: "select", synopsis: "select COLUMN [as NAME], …", summary: "choose, compute and rename columns",
                    help: "Each column is a field (a path such as speakers.kind reaches into records) or an expression: len(aliases), lower(name), a = b, $var, \"total: \" + n. `as` names it; otherwise a field keeps its name and an expression is named as typed.",
                    examples: [
                        Example("rename a column", "statements | where id = \"m4\" | select id, addressees as to, content", """
                        id │ to            │ content
                        ───┼───────────────┼──────────────────────────────────────────────────────────────
                        m4 │ member states │ Member states should uphold the principle of non-refoulement.
                        (1 row)
                        """),
                        Example("computed columns", "entities | where kind = \"state\" | select name, len(aliases) as aliases, upper(id) as code", """
                        name          │ aliases │ code
                        ──────────────┼─────────┼─────
                        South Korea   │ 0       │ KOR
                        United States │ 3       │ USA
                        Japan         │ 0       │ JPN
                        North Korea   │ 6       │ PRK
                        (4 rows)
                        """),
                    ],
                    role: .stage, shape: .columns(min: 1), completion: .fields, run: selectStage),
        CommandSpec(name: "sort", synopsis: "sort FIELD [asc|desc], …", summary: "order rows by fields",
                    help: "Stable sort; empty values (null or an empty list) go last, ascending or descending. Dates order by year, month, day.",
                    examples: [Example("latest first", "statements | sort date desc | limit 3 | select id, date", """
                    id │ date
                    ───┼─────
                    r1 │ 2024
                    s1 │ 2024
                    s4 │ 2024
                    (3 rows)
                    """)],
                    role: .stage, shape: .fields(rename: false, direction: true, min: 1), completion: .fields, run: sortStage),
        CommandSpec(name: "limit", synopsis: "limit N", summary: "keep the first N rows",
                    help: "Keeps at most N rows.",
                    examples: [Example("first two ids", "statements | limit 2 | select id", """
                    id
                    ──
                    r1
                    f1
                    (2 rows)
                    """)],
                    role: .stage, shape: .words(min: 1, max: 1), keepsFirstRows: true, run: limitStage),
        CommandSpec(name: "distinct", synopsis: "distinct [COLUMN, …]", summary: "drop repeated rows",
                    help: "With columns (fields or expressions, as in select), keeps those columns and drops repeats; without, compares whole rows.",
                    examples: [Example("the modes of reporting", "statements | distinct mode", """
                    mode
                    ────────
                    indirect
                    mixed
                    (2 rows)
                    """)],
                    role: .stage, shape: .columns(min: 0), completion: .fields, run: distinctStage),
        CommandSpec(name: "expand", synopsis: "expand FIELD", summary: "one row per element of a list field",
                    help: "Repeats each row once per element of the list in FIELD, with that element in its place. A path expands the elements it reaches: `entities | expand members.aliases`. It stops with an error past 10,000,000 rows or 20,000,000 cells (rows × columns), as `select` does past 20,000,000 cells.",
                    examples: [Example("topics one per row", "statements | where id = \"s6\" | expand topics | select id, topics", """
                    id │ topics
                    ───┼────────────────────────────
                    s6 │ forced labor
                    s6 │ weapons of mass destruction
                    (2 rows)
                    """)],
                    role: .stage, shape: .fields(rename: false, direction: false, min: 1), completion: .fields, run: expandStage),
    ] + grouping + [save]

    @Sendable static func whereStage(_ inv: Invocation) throws -> Output {
        let t = try inv.inputTable()
        guard case .expression(let e) = inv.arguments else { return .none }
        let m = inv.session.model
        // An empty input evaluates nothing: a misspelt field would pass in silence.
        try checkFields(fieldPaths(e), t, inv)
        let warnings = KnownValues(model: m).warnings(e, kind: t.kind, input: t, variable: inv.session.readVariable)
        // A date of another precision is said once the rows show it left some out (`date = 2024 or
        // true` leaves none out); comparisons never evaluate on statements' fast paths.
        let dateWarnings = warnings.filter(KnownValues.isDateWarning)
        for w in warnings where !KnownValues.isDateWarning(w) { inv.session.warn(w) }
        if let p = StatementPredicate.compile(e, model: m, variable: inv.session.readVariable) {
            // Statement rows: test indexes directly, starting from the index lists when the
            // input is every statement.
            if t.wholeStatementsCount == m.statements.count {
                var rows: [Value] = []
                if let candidates = p.candidates, p.exact {
                    rows = candidates.map(Value.statement)
                } else if let candidates = p.candidates {
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
        var leftOut = 0
        for row in t.rows {
            try inv.evaluator.checkCancelled(inv.span)
            let unknownBefore = inv.evaluator.unknownDates.count
            switch try inv.evaluator.logic(inv.evaluator.eval(e, row: row), e.span) {
            case true?: out.rows.append(row)
            case nil where inv.evaluator.unknownDates.count > unknownBefore: leftOut += 1
            default: break
            }
        }
        // What the query alone could not tell (a subquery's dates, a variable's, rows a `select`
        // made): the rows a date of another precision left out, counted as they ran.
        if leftOut > 0, !dateWarnings.isEmpty {
            for w in dateWarnings { inv.session.warn(w) }
        } else if leftOut > 0 {
            let what = leftOut == 1 ? "row was" : "rows were"
            inv.session.warn(Diagnostic("\(leftOut) \(what) left out because a date in it is within or around the date it was compared with, at another precision: whether it holds is unknown",
                                        at: e.span, hint: "compare at one precision, e.g. year(date) = 2024", category: .evaluation, severity: .warning))
        }
        return .value(.table(out))
    }

    /// For an empty table nothing is evaluated, so unknown field names are caught here.
    static func checkFields(_ paths: [(path: [String], span: SourceSpan)], _ t: Table, _ inv: Invocation) throws {
        guard t.count == 0 else { return }
        let names = Fields.names(ofTable: t)
        // `.` (the row itself) has no first name to check.
        for f in paths {
            // A column named by a whole path (`expand members.aliases` makes `members.aliases`) is one name.
            guard let first = f.path.first, !names.contains(first), !names.contains(f.path.joined(separator: ".")), !names.isEmpty else { continue }
            // `act = urge`: a value, not a field (the hint a row would give).
            let value = f.path.count == 1 ? KnownValues(model: inv.session.model).describe(first) : nil
            throw fail("unknown field '\(first)'", f.span, hint: value.map { "'\(first)' is \($0), not a field; quote it: \"\(first)\"" }
                       ?? Fields.dottedHint(for: f.path, in: names) ?? Fields.hint(for: first, in: names)
                       ?? "the fields are: " + names.joined(separator: ", "))
        }
    }

    /// The field paths an expression reads (for checking an empty table's columns).
    static func fieldPaths(_ e: Expr) -> [(path: [String], span: SourceSpan)] {
        var out: [(path: [String], span: SourceSpan)] = []
        var stack = [e]
        while let x = stack.popLast() {
            switch x {
            case .field(let p, let s): out.append((p, s))
            case .binary(_, let l, let r, _): stack += [l, r]
            case .not(let i, _), .negate(let i, _): stack.append(i)
            case .call(_, let args, _): stack += args
            case .list(let items, _): stack += items
            default: break
            }
        }
        return out
    }

    /// The rows of a table made of the given columns (select, distinct).
    static func project(_ t: Table, _ columns: [ColumnArgument], _ inv: Invocation, stage: String = "select") throws -> Table {
        try checkFields(columns.flatMap { fieldPaths($0.expr) }, t, inv)
        let m = inv.session.model
        let names = columns.map { $0.name }, paths = columns.map { $0.path }
        // Columns that are all plain statement fields (`select id, date`) are looked up once, and each
        // statement row is read once for all of them: walking each cell's path took 0.4 µs per cell.
        let fields = paths.compactMap { p in p.flatMap { $0.count == 1 ? StatementField.named[$0[0]] : nil } }
        let plain = fields.count == columns.count
        let inPlace = fields.allSatisfy { $0 == .id || $0 == .date }
        try checkCells(t.count, columns.count, stage, inv, inv.span)
        var rows: [Value] = []
        rows.reserveCapacity(t.count)
        for row in t.rows {
            try inv.evaluator.checkCancelled(inv.span)
            var cells: [(name: String, value: Value)] = []
            cells.reserveCapacity(columns.count)
            if plain, case .statement(let i) = row {
                if inPlace {
                    // Read from the row itself: a statement restored from a snapshot is not decoded.
                    for (k, f) in fields.enumerated() {
                        cells.append((names[k], f == .id ? .string(m.statements.id(at: i)) : m.statements.date(at: i).map(Value.date) ?? .null))
                    }
                } else {
                    let s = m.statements[i]
                    for (k, f) in fields.enumerated() { cells.append((names[k], f.value(s, i, m))) }
                }
            } else {
                for k in columns.indices {
                    // Labelled tuples: an unlabelled array is converted to Record's element type by a dynamic cast per row.
                    if let path = paths[k] { cells.append((names[k], try inv.evaluator.field(path, of: row, columns[k].span))) }
                    else { cells.append((names[k], try inv.evaluator.eval(columns[k].expr, row: row))) }
                }
            }
            rows.append(.record(Record(cells)))
        }
        return Table(kind: "rows", columns: names, rows: rows)
    }

    @Sendable static func selectStage(_ inv: Invocation) throws -> Output {
        guard case .columns(let columns) = inv.arguments, !columns.isEmpty else { return .none }
        try checkUniqueNames(columns.map { ($0.name, $0.span) })
        return .value(.table(try project(try inv.inputTable(), columns, inv)))
    }

    /// A table's columns are found by name: a name given twice made the second column show the
    /// first one's values (and JSON write a key twice). An error at the second.
    static func checkUniqueNames(_ names: [(String, SourceSpan)]) throws {
        var seen = Set<String>()
        for (name, span) in names where !seen.insert(name).inserted {
            throw fail("column '\(name)' is named twice", span, hint: "give it another name with `as`, e.g. `… as \(name)2`")
        }
    }

    @Sendable static func sortStage(_ inv: Invocation) throws -> Output {
        var t = try inv.inputTable()
        guard case .fields(let fields) = inv.arguments else { return .none }
        try checkFields(fields.map { ($0.path, $0.span) }, t, inv)
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
                // Missing values stay last either way.
                if f.descending, !Comparison.isMissing(keys[a][k]), !Comparison.isMissing(keys[b][k]) { c = -c }
                if c != 0 { return c < 0 }
            }
            return a < b
        }
        t.rows = order.map { t.rows[$0] }
        return .value(.table(t))
    }

    @Sendable static func limitStage(_ inv: Invocation) throws -> Output {
        var t = try inv.inputTable()
        let w = inv.words[0]
        guard let n = Int(w.text), n >= 0 else {
            // All digits, but past what a count can be: say so, not "expected a whole number".
            if !w.text.isEmpty, w.text.allSatisfy(\.isASCII), w.text.allSatisfy(\.isNumber) {
                throw fail("'\(w.text)' rows is out of range", w.span, hint: "a limit goes up to \(Int.max)")
            }
            throw fail("expected a whole number of rows, found '\(w.text)'", w.span, hint: "e.g. limit 10")
        }
        t.rows = t.prefix(n)
        return .value(.table(t))
    }

    @Sendable static func distinctStage(_ inv: Invocation) throws -> Output {
        var t = try inv.inputTable()
        guard case .columns(let columns) = inv.arguments, !columns.isEmpty else {
            // Without columns: whole rows.
            let m = inv.session.model
            var seen = Set<String>()
            t.rows = t.rows.filter { row in
                seen.insert(Fields.values(t.columns, of: row, in: m).map { Display.plain($0, m) }.joined(separator: "\u{1F}")).inserted
            }
            return .value(.table(t))
        }
        try checkUniqueNames(columns.map { ($0.name, $0.span) })
        t = try project(t, columns, inv, stage: "distinct")
        let m = inv.session.model
        var seen = Set<String>()
        t.rows = t.rows.filter { row in
            seen.insert(Fields.values(t.columns, of: row, in: m).map { Display.plain($0, m) }.joined(separator: "\u{1F}")).inserted
        }
        return .value(.table(t))
    }

    @Sendable static func expandStage(_ inv: Invocation) throws -> Output {
        let t = try inv.inputTable()
        guard case .fields(let fields) = inv.arguments, let f = fields.first else { return .none }
        try checkFields([(f.path, f.span)], t, inv)
        let columns = t.columns.contains(f.columnName) ? t.columns : t.columns + [f.columnName]
        let m = inv.session.model
        let comparison = Comparison(model: m)
        var rows: [Value] = []
        var sawList = false
        var rowIndex = 0, cells = 0
        for row in t.rows {
            // A path through lists gives one flat list (`members.aliases`: every member's aliases);
            // a one-column table (a subquery's values) is a list too.
            let v = try inv.evaluator.field(f.path, of: row, f.span)
            let list = try comparison.list(v, f.span, "expand")
            if list != nil { sawList = true }
            let items: [Value] = list ?? [v]
            if rows.count + items.count > Self.maxRows {
                throw fail("expand would make more than \(Self.maxRows) rows", f.span, hint: "filter or `limit` the rows before expanding")
            }
            if rowIndex & 4095 == 0 { try inv.evaluator.checkCancelled(f.span) }
            rowIndex += 1
            let allFields = Fields.names(of: row)
            cells += items.count * (allFields.count + (allFields.contains(f.columnName) ? 0 : 1))
            try checkCells(cells, 1, "expand", inv, f.span)
            for item in items {
                rows.append(.record(Record(allFields.map { name in
                    (name, name == f.columnName ? item : Fields.get(name, of: row, in: m) ?? .null)
                } + (allFields.contains(f.columnName) ? [] : [(f.columnName, item)]))))
            }
        }
        if !sawList && !t.rows.isEmpty {
            inv.session.warn(Diagnostic("'\(f.columnName)' holds no list in any row: expand leaves the rows as they are", at: f.span,
                                        hint: "expand takes a list field, e.g. `expand speakers`", category: .evaluation, severity: .warning))
        }
        return .value(.table(Table(kind: "rows", columns: columns, rows: rows)))
    }

    /// The most rows `expand` makes: one short line of nested expands could ask for billions.
    static let maxRows = 10_000_000
    /// Refuses a table of more than ``Session/maxCells`` cells, before it is made (select) or as it grows (expand).
    static func checkCells(_ rows: Int, _ columns: Int, _ stage: String, _ inv: Invocation, _ span: SourceSpan) throws {
        let (cells, overflow) = rows.multipliedReportingOverflow(by: columns)
        let most = inv.session.maxCells
        guard overflow || cells > most else { return }
        var grouped = String(most)
        for k in stride(from: grouped.count - 3, to: 0, by: -3) { grouped.insert(",", at: grouped.index(grouped.startIndex, offsetBy: k)) }
        throw fail("\(stage) would make more than \(grouped) cells (rows × columns)", span,
                   hint: "filter or `limit` the rows first, or take fewer columns")
    }
}
