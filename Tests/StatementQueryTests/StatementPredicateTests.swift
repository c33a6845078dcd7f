import StatementModel
import Testing
@testable import StatementQuery

/// The compiled `where` path answers exactly as the row-by-row evaluator does, and its index
/// candidates never drop a statement that passes.
@Suite struct StatementPredicateTests {
    static let conditions = [
        "act = \"urge\"", "act = \"nothing\"", "id = \"s3\"", "cue = \"urged\"", "act in [\"urge\", \"call\", \"demand\"]",
        "content ~ \"KOREA\"", "content ~ \"forced and\"", "cue ~ \"call\"", "speakers has \"U.S.\"", "speakers has \"japan\"",
        "speakers has \"Miller\"", "targets has \"DPRK\"", "addressees has \"North Korea\"", "on_behalf_of has \"State Department\"",
        "topics has \"abductees\"", "act = \"urge\" and targets has \"DPRK\"", "act = \"call\" or speakers has \"COI\"",
        "not act = \"urge\"", "not (speakers has \"U.S.\" or act = \"find\")", "status = \"reported\"", "speakers has $who",
    ]

    @Test(arguments: conditions)
    func compiledMatchesEvaluator(_ condition: String) throws {
        let h = try Harness()
        h.session.variables["who"] = .string("Matthew Miller")
        var parser = Parser(SourceInput(text: "statements | where " + condition))
        let commands = try parser.parseScript()
        guard case .expression(let e) = commands[0].pipeline.stages[0].arguments else { Issue.record("parse"); return }
        let m = h.session.model
        let p = try #require(StatementPredicate.compile(e, model: m, variable: h.session.readVariable), "not compiled: \(condition)")
        let evaluator = Evaluator(session: h.session)
        for i in m.statements.indices {
            let expected = try evaluator.truth(evaluator.eval(e, row: .statement(i)), e.span)
            #expect(p.test(i) == expected, "\(condition) on \(m.statements[i].id)")
            if expected, let c = p.candidates { #expect(c.contains(i), "\(condition): candidates miss \(m.statements[i].id)") }
            // Exact candidates are used without the test: each must pass.
            if p.exact, let c = p.candidates, c.contains(i) { #expect(expected, "\(condition): exact candidates hold \(m.statements[i].id)") }
        }
    }

    @Test func otherConditionsAreLeftToTheEvaluator() throws {
        var parser = Parser(SourceInput(text: "statements | where date > 2020"))
        let commands = try parser.parseScript()
        guard case .expression(let e) = commands[0].pipeline.stages[0].arguments else { Issue.record("parse"); return }
        #expect(StatementPredicate.compile(e, model: try SeedModel.load(), variable: { _ in nil }) == nil)
    }

    @Test func dateOrderMatchesTheGenericSort() throws {
        let h = try Harness()
        // `sort` after `where` takes the generic path; on every statement it reads the date order.
        let fast = try h.run("statements | sort date desc | select id")
        let slow = try h.run("statements | where len(id) > 0 | sort date desc | select id")
        #expect(fast == slow)
        #expect(try h.run("statements | sort date | limit 3 | select id") == (try h.run("statements | where len(id) > 0 | sort date | limit 3 | select id")))
    }
}

/// The content column's search over more than a megabyte (both cores, memmem on the folded column)
/// finds exactly the statements a plain lower-cased search finds: matches at either end of a
/// statement, in capitals, and never one that runs across two statements.
@Suite struct ContentSearchTests {
    @Test func largeColumnsFindWhatAPlainSearchFinds() throws {
        var statements: [Statement] = []
        let pieces = ["harbour", "HARBOUR works", "the Harbour", "harb", "our quay", "no match here at all", "Ünïcode harbour", "x"]
        for i in 0..<60_000 {
            let text = pieces[i % pieces.count] + String(repeating: " filler", count: i % 5) + (i % 7 == 0 ? " harbour" : "")
            statements.append(Statement(id: "s\(i)", speakers: [0], act: Act(cue: "said", force: "assert"), content: text))
        }
        let m = Model(name: "t", title: nil, origin: "<test>", documents: [], entities: [Entity(id: "e", kind: .person, name: "E")],
                      statements: statements, relations: [])
        #expect(m.contentBytes.count > 1 << 20)
        for needle in ["harbour", "harb", "our quay", "bour works", "r q", "zzz"] {
            let found = StatementPredicate.contentHits(Array(needle.utf8), m) { m.statements[$0].content.lowercased().contains(needle) }
            let expected = m.statements.indices.filter { m.statements[$0].content.lowercased().contains(needle) }
            #expect(found == expected, "\(needle): \(found.count) found, \(expected.count) expected")
        }
    }
}
