import Foundation
import StatementModel
import Testing
@testable import StatementQuery

/// The language's second step (issue 12): lists from subqueries, computed columns, functions and
/// aggregates, null and list semantics, warnings, foreign idioms, output. The five silent cases of
/// the issue each end in a right answer, a warning or an error.
@Suite struct LanguageTests {
    // MARK: the five silent cases

    @Test func aNameNothingHasIsWarnedAbout() throws {
        let h = try Harness()
        let out = try h.run("statements | where speakers has \"Pyongyang\" | count")
        #expect(out.hasSuffix("\n0") && out.contains("warning: no entity is named 'Pyongyang'"))
        let typo = try h.run("statements | where speakers has \"Miler\" | count")
        #expect(typo.contains("hint: did you mean 'Miller'?"))
        let force = try h.run("statements | where act = \"urgee\" | count")
        #expect(force.contains("warning: no force is called 'urgee'") && force.contains("did you mean 'urge'?"))
        _ = try h.run("set warnings off")
        #expect(try h.run("statements | where speakers has \"Pyongyang\" | count") == "0")
        // Known names raise nothing.
        _ = try h.run("set warnings on")
        #expect(try h.run("statements | where speakers has \"Miller\" and act in [\"urge\", \"call\"] | count") == "2")
    }

    @Test func aListComparedWithEqualsIsAnErrorThatPointsToHas() throws {
        let h = try Harness()
        let d = try #require(h.error("statements | where speakers = \"Miller\""))
        #expect(d.message == "'=' compares one value with one value, but the left side is a list")
        #expect(d.hint?.contains("has \"Miller\"") == true && d.span?.column == 29)
        let r = try #require(h.error("statements | where act = [\"urge\", \"call\"]"))
        #expect(r.hint?.contains("use in") == true)
        #expect(try h.run("statements | where topics = [\"forced labor\", \"weapons of mass destruction\"] | select id") == "id\n──\ns6\n(1 row)")
    }

    @Test func aOneColumnTableIsAList() throws {
        let h = try Harness()
        #expect(try h.run("statements | where id in (quotes | where role = \"framing\" | select owner) | select id") == "id\n──\ns1\n(1 row)")
        #expect(try h.run("statements | where id not in (quotes | select owner) | count") == "0")
        #expect(try h.run("echo (quotes | select owner) has \"m4\"") == "true")
        let many = try #require(h.error("statements | where id in (quotes | select owner, role)"))
        #expect(many.message.contains("found a table of 2 columns (owner, role)") && many.hint?.contains("select owner") == true)
    }

    @Test func expandOnAPathPutsEachElementInItsPlace() throws {
        let h = try Harness()
        let out = try h.run("statements | where id = \"s1\" | expand speakers.members | select id, speakers.members")
        #expect(out == "id │ speakers.members\n───┼─────────────────\ns1 │ South Korea\ns1 │ United States\ns1 │ Japan\n(3 rows)")
    }

    @Test func anEmptyTableKeepsItsColumns() throws {
        let h = try Harness()
        #expect(try h.run("statements | select id, act as a | where a = \"zzz\" | select id, a") == "id │ a\n───┼──\n(0 rows)")
        let d = try #require(h.error("statements | select id, act as a | where a = \"zzz\" | select id, b"))
        #expect(d.message == "unknown field 'b'" && d.hint?.contains("'a'") == true)
    }

    @Test func comparisonsWithNullAreUnknownAndEqualsNullTestsAbsence() throws {
        let h = try Harness()
        #expect(try h.run("statements | where date != 2024 | count") == "5")
        #expect(try h.run("statements | where not (date = 2024) | count") == "5")
        #expect(try h.run("statements | where date = null | count") == "4")
        #expect(try h.run("statements | where topics = null | select id") == "id\n──\nr1\n(1 row)")
        #expect(try h.run("statements | where topics != null | count") == "14")
        #expect(try h.run("echo null = null") == "true")
        // Three-valued logic: unknown or true is true; unknown and false is false.
        #expect(try h.run("statements | where date = 2024 or act = \"urge\" | count") == "7")
        _ = try h.run("set mode json")
        #expect(try h.run("statements | where id = \"r1\" | select topics, date") == "[\n  {\n    \"topics\": [],\n    \"date\": \"2024\"\n  }\n]")
        #expect(try h.run("statements | where id = \"m1\" | select date") == "[\n  {\n    \"date\": null\n  }\n]")
    }

    // MARK: computed columns, functions, arithmetic

    @Test func computedColumnsFunctionsAndArithmetic() throws {
        let h = try Harness()
        #expect(try h.run("entities | where id = \"prk\" | select len(aliases) as n, lower(name), upper(id) as code")
                == "n │ lower(name) │ code\n──┼─────────────┼─────\n6 │ north korea │ PRK\n(1 row)")
        #expect(try h.run("echo \"total: \" + (statements | count)") == "total: 15")
        #expect(try h.run("echo 7 - 2 * 3, (7 - 2) * 3, 10 / 4, -1") == "1 15 2.5 -1")
        #expect(try h.run("echo len(\"北朝鮮\"), trim(\"  x  \"), replace(\"a-b-c\", \"-\", \"+\")") == "3 x a+b+c")
        #expect(try h.run("echo year(\"2014-02-17\"), month(\"2014\") = null, contains(\"Korea\", \"or\"), starts_with(\"Korea\", \"K\")") == "2014 true true true")
        #expect(try h.run("echo first([]) = null, last([1, 2]), coalesce(null, [], \"x\")") == "true 2 x")
        _ = try h.run("let h = \"Miller\"")
        #expect(try h.run("statements | where speakers has $h | select id, $h as who, act = \"urge\" as urging | limit 1")
                == "id │ who    │ urging\n───┼────────┼───────\nm1 │ Miller │ false\n(1 row)")
        #expect(h.error("echo 1 / 0")?.message == "division by zero")
        #expect(h.error("echo \"a\" - 1")?.message == "cannot subtract text and a number")
        #expect(h.error("echo lenn(aliases)")?.hint == "did you mean 'len'?")
        #expect(h.error("echo len()")?.message == "'len' takes 1 argument, found 0")
        #expect(h.error("echo count()")?.message == "'count' is an aggregate: it works on the rows of a group")
    }

    @Test func matchesUsesABoundedEngine() throws {
        let h = try Harness()
        #expect(try h.run("statements | where content matches \"^North Korea's \" | select id") == "id\n──\ns5\ns7\n(2 rows)")
        #expect(try h.run("entities | where aliases matches \"(?i)^dprk$\" | select id") == "id\n───\nprk\n(1 row)")
        #expect(try h.run("echo \"2014-02-17\" matches \"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\"") == "true")
        // Exponential for a backtracking engine; linear here.
        let start = Date()
        #expect(try h.run("echo \"" + String(repeating: "a", count: 5000) + "!\" matches \"(a+)+b\"") == "false")
        #expect(Date().timeIntervalSince(start) < 5)
        let bad = try #require(h.error("echo \"x\" matches \"(ab\""))
        #expect(bad.message == "bad pattern: expected ')' to close a group" && bad.span?.column == 22)
    }

    @Test func regularExpressionsOnTheirOwn() throws {
        func m(_ p: String, _ t: String) throws -> Bool { try BoundedRegex(p).matches(t) }
        #expect(try m("a|b", "xbx") && m("^ab*c$", "abbbc") && !m("^ab*c$", "abbbcd"))
        #expect(try m("[a-c]{2,3}", "xxbcx") && !m("^[a-c]{2,3}$", "abcab"))
        #expect(try m("\\w+@\\w+\\.org", "mail me: a@b.org") && !m("\\d", "no digits"))
        #expect(try m("(?i)KOREA", "North korea") && m("[^ ]+$", "a b"))
        #expect(throws: BoundedRegex.PatternError.self) { try BoundedRegex("a**") }
        #expect(throws: BoundedRegex.PatternError.self) { try BoundedRegex("(a{1000}){1000}") }
        #expect(throws: BoundedRegex.PatternError.self) { try BoundedRegex(String(repeating: "(", count: 60)) }
    }

    // MARK: aggregates

    @Test func groupByWithAggregatesAndCountByTwoFields() throws {
        let h = try Harness()
        #expect(try h.run("statements | group by mode aggregate count() as n, min(date) as first, max(date) as last, collect(id) as ids")
                == "mode     │ n  │ first │ last │ ids\n─────────┼────┼───────┼──────┼───────────────────────────────────────────────────\nindirect │ 13 │ 2014  │ 2024 │ r1, s1, f3, s4, s5, s6, s7, m1, c2, m2, m3, m4, c1\nmixed    │ 2  │ 2014  │ 2014 │ f1, f2\n(2 rows)")
        #expect(try h.run("statements | group by work | sort count desc | limit 1") == "work     │ count\n─────────┼──────\ncoi-2014 │ 5\n(1 row)")
        #expect(try h.run("statements | where speakers has \"Miller\" | group by act aggregate avg(len(topics)) as topics, sum(1) as n | sort act")
                == "act       │ topics │ n\n──────────┼────────┼──\nadvocate  │ 1      │ 1\ncall      │ 1      │ 1\nemphasize │ 1      │ 1\nurge      │ 2      │ 1\n(4 rows)")
        #expect(try h.run("statements | count by speakers, mode | limit 2")
                == "speakers                                  │ mode     │ count\n──────────────────────────────────────────┼──────────┼──────\nSouth Korea, the United States, and Japan │ indirect │ 5\nMatthew Miller                            │ indirect │ 4\n(2 rows)")
        #expect(h.error("statements | group by act aggregate len(topics)")?.message.contains("expected an aggregate") == true)
    }

    // MARK: statements after a pipe, foreign idioms, output

    @Test func quoteTraceAndShowTakeAPipelinesRows() throws {
        let h = try Harness()
        let q = try h.run("statements | where act = \"urge\" | quote")
        #expect(q.hasPrefix("s1 · article:5:222 · FOUND") && q.contains("m4 · article:11:354 · FOUND"))
        #expect(try h.run("find \"non-refoulement\" | trace").components(separatedBy: "m4 · urge").count == 2)
        #expect(try h.run("statements | where id in [\"m3\", \"m4\"] | show").components(separatedBy: "\nid ").count == 2)
        #expect(h.error("statements | limit 1 | quote s1")?.message == "'quote' takes an id or the rows before it, not both")
        #expect(h.error("entities | limit 1 | trace")?.message.contains("works on statements") == true)
    }

    @Test func foreignIdiomsLeadToTheRightQuery() throws {
        let h = try Harness()
        // filter act == urge → where → = → "urge": each error's hint is the next step.
        // The hint is the user's own line in stmt's words, not a stock example.
        #expect(h.error("statements | filter act == urge")?.hint == "stmt calls it 'where': statements | where act = urge")
        #expect(h.error("statements | where act = \"urge\"; statements | head 2 && x")?.hint
                == "stmt calls it 'limit': statements | limit 2 and x")
        let eq = try #require(h.error("statements | where act == urge"))
        #expect(eq.message == "expected an operator of stmt, found '=='" && eq.hint?.contains("single '='") == true)
        let bare = try #require(h.error("statements | where act = urge"))
        #expect(bare.hint == "'urge' is a force (a value of act), not a field; quote it: \"urge\"")
        #expect(try h.run("statements | where act = \"urge\" | count") == "2")
        for (word, ours) in [("head", "limit"), ("take", "limit"), ("top", "limit"), ("length", "count"), ("size", "count"), ("grep", "where")] {
            #expect(h.error("statements | \(word) 3")?.hint?.hasPrefix("stmt calls it '\(ours)'") == true, "\(word)")
        }
        #expect(h.error("statements | where act = \"urge\" && date = 2024")?.hint?.hasPrefix("write 'and'") == true)
        #expect(h.error("statements | where act = \"urge\" || act = \"call\"")?.hint?.hasPrefix("write 'or'") == true)
        #expect(h.error("SELECT id FROM statements WHERE act = 'urge' ORDER BY date DESC LIMIT 2")?.hint
                == "in stmt: statements | where act = \"urge\" | sort date desc | limit 2 | select id")
        #expect(h.error("statements.count")?.hint == "stages follow a pipe: statements | count")
        // The model file's names lead to the query's fields.
        #expect(h.error("statements | count by force")?.hint == "the field is 'act' (a statement's force, written `act: {force: …}` in the model)")
        #expect(h.error("statements | select id, anchors")?.hint == "the field is 'quote'")
        #expect(try h.run("echo done") == "done")
        #expect(try h.run("echo results: (statements | count) statements") == "results: 15 statements")
    }

    @Test func csvListsAreJSONArraysAndIdsAreAChoice() throws {
        let h = try Harness()
        _ = try h.run("set mode csv")
        let csv = try h.run("statements | where id = \"s1\" | select id, speakers, topics")
        // Python's csv and json read it back: see RunnerTests for the round trip through Python.
        #expect(csv.contains("s1,\"[\"\"South Korea, the United States, and Japan\"\"]\",\"[\"\"human rights violations\"\""))
        _ = try h.run("set ids on")
        #expect(try h.run("statements | where id = \"m2\" | select speakers, on_behalf_of, targets") == "speakers,on_behalf_of,targets\r\n\"[\"\"miller\"\"]\",\"[\"\"state-dept\"\"]\",\"[\"\"usa\"\", \"\"prk\"\"]\"\r\n")
        _ = try h.run("set mode json")
        #expect(try h.run("entities | where id = \"trilateral\" | select members") == "[\n  {\n    \"members\": [\"kor\", \"usa\", \"jpn\"]\n  }\n]")
    }
}

/// A name several entities answer to is ambiguous, not missing (issue 10).
@Suite struct AmbiguousNameTests {
    @Test func showListsTheEntitiesANameBelongsTo() throws {
        let dir = NSTemporaryDirectory() + "stmt-ambiguous-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
        format: 1
        entities:
          - {id: kor, kind: state, name: South Korea}
          - {id: three, kind: group, name: the three countries, aliases: [South Korea]}
        """.write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
        let session = Session(model: try ModelLoader().load(path: dir + "/m.yaml"), baseDirectory: dir, write: { _ in })
        do {
            try session.execute("show \"South Korea\"")
            Issue.record("expected an error")
        } catch let d as Diagnostic {
            #expect(d.message == "ambiguous name 'South Korea': 2 entities answer to it")
            #expect(d.hint == "say which by id: show kor (South Korea), show three (the three countries)")
        }
    }
}
