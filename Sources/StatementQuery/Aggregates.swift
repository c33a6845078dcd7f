import StatementModel

/// Functions over the rows of a group (`group by … aggregate …`). Each gets the values of its
/// argument over the group's rows, list fields flattened; nulls are skipped.
enum Aggregates {
    static func values(_ c: FunctionSpec.Call) -> [Value] {
        guard case .list(let v) = c.arguments.first ?? .list([]) else { return [] }
        return v.filter { !Comparison.isMissing($0) }
    }

    static func number(_ v: Value, _ c: FunctionSpec.Call) throws -> Double {
        guard case .number(let n) = v else {
            throw Functions.fail("expected numbers, found \(v.typeName)", c.spans.first ?? c.span, hint: "sum and avg add numbers, e.g. sum(len(topics))")
        }
        return n
    }

    /// min and max: the values must order against each other (numbers, dates, text).
    static func extreme(_ c: FunctionSpec.Call, _ wantLess: Bool) throws -> Value {
        let cmp = Comparison(model: c.model)
        var best: Value?
        for v in values(c) {
            guard let b = best else { best = v; continue }
            guard let o = cmp.order(v, b) else {
                throw Functions.fail("cannot compare \(v.typeName) with \(b.typeName)", c.spans.first ?? c.span)
            }
            if wantLess ? o < 0 : o > 0 { best = v }
        }
        return best ?? .null
    }

    static let all: [FunctionSpec] = [
        FunctionSpec(name: "count", signature: "count()", summary: "the number of rows in the group",
                     help: "In `group … aggregate`; a count of values is count_distinct or len(collect(…)).", arity: 0...0, aggregate: true,
                     examples: [Example("statements per speaker", "statements | group by speakers aggregate count() as n | sort n desc", """
                     speakers                                  │ n
                     ──────────────────────────────────────────┼──
                     U.N. Commission of Inquiry                │ 5
                     South Korea, the United States, and Japan │ 5
                     Matthew Miller                            │ 4
                     Yonhap News Agency                        │ 1
                     (4 rows)
                     """)]) { c in
            guard case .list(let rows) = c.arguments.first ?? .list([]) else { return .number(0) }
            return .number(Double(rows.count))
        },
        FunctionSpec(name: "count_distinct", signature: "count_distinct(VALUE)", summary: "how many different values the group has",
                     help: "List fields count each element: count_distinct(speakers).", arity: 1...1, aggregate: true,
                     examples: [Example("different speakers per act", "statements | group by act aggregate count_distinct(speakers) as speakers | where speakers > 1", """
                     act       │ speakers
                     ──────────┼─────────
                     urge      │ 2
                     emphasize │ 3
                     (2 rows)
                     """)]) { c in
            var seen = Set<String>()
            for v in values(c) { seen.insert(Display.plain(v, c.model)) }
            return .number(Double(seen.count))
        },
        FunctionSpec(name: "min", signature: "min(VALUE)", summary: "the least value of the group (numbers, dates, text)",
                     help: "Nulls are skipped.", arity: 1...1, aggregate: true,
                     examples: [Example("earliest date per speaker", "statements | where date != null | group by speakers aggregate min(date) as first", """
                     speakers                                  │ first
                     ──────────────────────────────────────────┼──────
                     Yonhap News Agency                        │ 2024
                     U.N. Commission of Inquiry                │ 2014
                     South Korea, the United States, and Japan │ 2024
                     (3 rows)
                     """)]) { c in try extreme(c, true) },
        FunctionSpec(name: "max", signature: "max(VALUE)", summary: "the greatest value of the group",
                     help: "Nulls are skipped.", arity: 1...1, aggregate: true,
                     examples: [Example("latest date", "statements | group by work aggregate max(date) as latest | where latest != null", """
                     work            │ latest
                     ────────────────┼───────
                     yonhap-report   │ 2024
                     coi-2014        │ 2014
                     joint-statement │ 2024
                                     │ 2024
                     (4 rows)
                     """)]) { c in try extreme(c, false) },
        FunctionSpec(name: "sum", signature: "sum(NUMBER)", summary: "the sum of the group's numbers",
                     help: "", arity: 1...1, aggregate: true,
                     examples: [Example("topics per speaker", "statements | group by speakers aggregate sum(len(topics)) as topics", """
                     speakers                                  │ topics
                     ──────────────────────────────────────────┼───────
                     Yonhap News Agency                        │ 0
                     U.N. Commission of Inquiry                │ 9
                     South Korea, the United States, and Japan │ 16
                     Matthew Miller                            │ 5
                     (4 rows)
                     """)]) { c in
            let sum = try values(c).reduce(0) { $0 + (try number($1, c)) }
            guard sum.isFinite else { throw Functions.fail("sum overflows: the total is beyond the largest number (about 1.8e308)", c.span, hint: "scale the values down first") }
            return .number(sum)
        },
        FunctionSpec(name: "avg", signature: "avg(NUMBER)", summary: "the mean of the group's numbers",
                     help: "Null for a group without numbers.", arity: 1...1, aggregate: true,
                     examples: [Example("mean topics per statement", "statements | group by act aggregate avg(len(topics)) as topics | where act = \"recommend\"", """
                     act       │ topics
                     ──────────┼───────
                     recommend │ 2.5
                     (1 row)
                     """)]) { c in
            let v = values(c)
            guard !v.isEmpty else { return .null }
            let numbers = try v.map { try number($0, c) }
            // The sum, divided: exact where it can be (2, not 2.0000000000000004). Only a sum too
            // large to hold takes the scaled mean, whose value is in range (avg of 1e308s).
            let sum = numbers.reduce(0, +)
            if sum.isFinite { return .number(sum / Double(numbers.count)) }
            return .number(numbers.reduce(0) { $0 + $1 / Double(numbers.count) })
        },
        FunctionSpec(name: "collect", signature: "collect(VALUE)", summary: "the group's values, as a list",
                     help: "In row order; list fields give their elements.", arity: 1...1, aggregate: true,
                     examples: [Example("the statements of each work", "statements | group by work aggregate collect(id) as ids", """
                     work             │ ids
                     ─────────────────┼───────────────────
                     yonhap-report    │ r1
                     coi-2014         │ f1, f2, f3, c2, c1
                     joint-statement  │ s1, s5, s6, s7
                                      │ s4
                     miller-statement │ m1, m2, m3, m4
                     (5 rows)
                     """)]) { c in .list(values(c)) },
    ]
}
