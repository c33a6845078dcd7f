import StatementModel

extension Commands {
    static let grouping: [CommandSpec] = [
        CommandSpec(name: "count", synopsis: "count [by FIELD, …]", summary: "count rows, or count them by the values of fields",
                    help: "Without `by`, the number of rows. With `by`, one row per combination of values with its count, most frequent first; a list field counts each element, and a row whose list is empty counts once under an empty value (as SQL groups nulls; `expand` drops such rows).",
                    examples: [
                        Example("statements by force", "statements | count by act", """
                        act       │ count
                        ──────────┼──────
                        emphasize │ 4
                        find      │ 2
                        recommend │ 2
                        urge      │ 2
                        advocate  │ 1
                        call      │ 1
                        link      │ 1
                        note      │ 1
                        report    │ 1
                        (9 rows)
                        """),
                        Example("by two fields", "statements | count by speakers, mode", """
                        speakers                                  │ mode     │ count
                        ──────────────────────────────────────────┼──────────┼──────
                        South Korea, the United States, and Japan │ indirect │ 5
                        Matthew Miller                            │ indirect │ 4
                        U.N. Commission of Inquiry                │ indirect │ 3
                        U.N. Commission of Inquiry                │ mixed    │ 2
                        Yonhap News Agency                        │ indirect │ 1
                        (5 rows)
                        """),
                    ],
                    role: .stage, shape: .countBy, completion: .fields, run: countStage),
        CommandSpec(name: "group", synopsis: "group by FIELD, … [aggregate CALL [as NAME], …]", summary: "one row per group, with aggregates of its rows",
                    help: "Groups the rows by the values of the fields (a list field: each element), in the order groups first appear, and computes aggregates over each group: count(), count_distinct(x), min(x), max(x), sum(x), avg(x), collect(x). Without `aggregate`, count() as count.",
                    examples: [Example("speakers per act, and when", "statements | group by act aggregate count() as n, count_distinct(speakers) as speakers, min(date) as first", """
                    act       │ n │ speakers │ first
                    ──────────┼───┼──────────┼──────
                    report    │ 1 │ 1        │ 2024
                    find      │ 2 │ 1        │ 2014
                    urge      │ 2 │ 2        │ 2024
                    emphasize │ 4 │ 3        │ 2014
                    link      │ 1 │ 1        │ 2024
                    note      │ 1 │ 1        │ 2024
                    call      │ 1 │ 1        │
                    recommend │ 2 │ 1        │ 2014
                    advocate  │ 1 │ 1        │
                    (9 rows)
                    """)],
                    role: .stage, shape: .group, completion: .fields, run: groupStage),
    ]

    /// The groups of a table by fields: each combination of values (a list field contributes each
    /// element) with the indexes of its rows, in order of first appearance.
    static func groups(_ t: Table, by fields: [FieldArgument], _ inv: Invocation, stage: String) throws -> [(key: [Value], rows: [Int])] {
        let m = inv.session.model
        var slot: [String: Int] = [:]
        var out: [(key: [Value], rows: [Int])] = []
        // Keys made so far, as cells (combinations × fields): three lists of 300 on one row are 27
        // million combinations (3.3 GB, then an abort).
        var cells = 0
        for (n, row) in t.rows.enumerated() {
            try inv.evaluator.checkCancelled(inv.span)
            // Each field's values (a list's elements; an empty list is one null), then every combination.
            var combos: [[Value]] = [[]]
            for (k, f) in fields.enumerated() {
                let v = try inv.evaluator.field(f.path, of: row, f.span)
                let items: [Value] = { if case .list(let l) = v { return l.isEmpty ? [.null] : l }; return [v] }()
                let (next, o1) = combos.count.multipliedReportingOverflow(by: items.count)
                let (size, o2) = next.multipliedReportingOverflow(by: k + 1)
                try checkCells(o1 || o2 ? Int.max : cells + size, 1, stage, inv, f.span)
                combos = combos.flatMap { c in items.map { c + [$0] } }
            }
            cells += combos.count * fields.count
            for (j, key) in combos.enumerated() {
                if j & 4095 == 4095 { try inv.evaluator.checkCancelled(inv.span) }
                let k = key.map { Display.plain($0, m) }.joined(separator: "\u{1F}")
                if let s = slot[k] { out[s].rows.append(n) } else { slot[k] = out.count; out.append((key, [n])) }
            }
        }
        return out
    }

    @Sendable static func countStage(_ inv: Invocation) throws -> Output {
        let t = try inv.inputTable()
        guard case .countBy(let fields) = inv.arguments, !fields.isEmpty else { return .value(.number(Double(t.count))) }
        try checkFields(fields.map { ($0.path, $0.span) }, t, inv)
        // The counts are a column too: `count by count` wrote two `count` keys, and a `where` read the first.
        var seen = Set<String>()
        for f in fields where !seen.insert(f.columnName).inserted {
            throw fail("column '\(f.columnName)' is named twice", f.span, hint: "count by each field once")
        }
        if let clash = fields.first(where: { $0.columnName == "count" }) {
            throw fail("column 'count' is named twice: count by adds its counts under that name", clash.span,
                       hint: "rename the field first: … | select count as n | count by n")
        }
        let m = inv.session.model
        var counted: [(key: [Value], count: Int)]
        // Entity-valued statement fields of every statement count by entity index, without rows.
        if fields.count == 1, let f = fields.first, f.path.count == 1, let list = EntityListField(rawValue: f.path[0]),
           t.wholeStatementsCount == m.statements.count {
            let (perEntity, none) = m.entityCounts(list)
            counted = perEntity.enumerated().filter { $0.element > 0 }.map { ([.entity($0.offset)], $0.element) }
            if none > 0 { counted.append(([.null], none)) }
        } else if fields.count == 1, fields[0].path == ["act"], t.wholeStatementsCount == m.statements.count {
            // Every statement by its force: the force index's list lengths (no statement is read).
            counted = m.statementsByForce.map { ([.string($0.key)], $0.value.count) }
        } else {
            counted = try groups(t, by: fields, inv, stage: "count by").map { ($0.key, $0.rows.count) }
        }
        let names = counted.map { $0.key.map { Display.plain($0, m) } }
        let order = counted.indices.sorted {
            counted[$0].count != counted[$1].count ? counted[$0].count > counted[$1].count : names[$0].lexicographicallyPrecedes(names[$1])
        }
        let columns = fields.map(\.columnName) + ["count"]
        let rows = order.map { k in
            Value.record(Record(zip(columns, counted[k].key + [.number(Double(counted[k].count))]).map { ($0, $1) }))
        }
        return .value(.table(Table(kind: "rows", columns: columns, rows: rows)))
    }

    @Sendable static func groupStage(_ inv: Invocation) throws -> Output {
        let t = try inv.inputTable()
        guard case .group(let g) = inv.arguments else { return .none }
        try checkFields(g.by.map { ($0.path, $0.span) } + g.aggregates.flatMap { fieldPaths($0.expr) }, t, inv)
        let m = inv.session.model
        let aggregates = g.aggregates.isEmpty
            ? [ColumnArgument(expr: .call("count", [], g.by[0].span), name: "count", span: g.by[0].span)] : g.aggregates
        try checkUniqueNames(g.by.map { ($0.columnName, $0.span) } + aggregates.map { ($0.name, $0.span) })
        var rows: [Value] = []
        let rowValues = t.rows
        for group in try groups(t, by: g.by, inv, stage: "group by") {
            var fields: [(name: String, value: Value)] = zip(g.by.map(\.columnName), group.key).map { ($0, $1) }
            for a in aggregates {
                guard case .call(let name, let args, let span) = a.expr, let f = Functions.table.lookup(name) else { continue }
                // The argument's values over the group's rows, list fields flattened.
                var values: [Value] = []
                if let arg = args.first {
                    for r in group.rows {
                        let v = try inv.evaluator.eval(arg, row: rowValues[r])
                        if case .list(let l) = v { values += l } else { values.append(v) }
                    }
                } else {
                    values = group.rows.map { rowValues[$0] }
                }
                fields.append((a.name, try f.run(FunctionSpec.Call(arguments: [.list(values)], spans: args.map(\.span), span: span, model: m, madeText: inv.evaluator.madeText))))
            }
            rows.append(.record(Record(fields)))
        }
        return .value(.table(Table(kind: "rows", columns: g.by.map(\.columnName) + aggregates.map(\.name), rows: rows)))
    }
}
