import Foundation
import StatementModel
import Testing
@testable import StatementQuery

@Suite struct EvaluatorTests {
    @Test func whereWithEachOperator() throws {
        let h = try Harness()
        #expect(try h.run("statements | where act = \"urge\" | count") == "2")
        #expect(try h.run("statements | where act != \"urge\" | count") == "13")
        #expect(try h.run("statements | where line > 10 | count") == "6")
        #expect(try h.run("statements | where line <= 1 | count") == "0")
        #expect(try h.run("statements | where date >= 2024 | count") == "6")
        #expect(try h.run("statements | where date < \"2015\" | count") == "5")
        #expect(try h.run("statements | where content ~ \"EXPLOITED LABOR\" | select id") .hasSuffix("s6\n(1 row)"))
        #expect(try h.run("statements | where topics ~ \"freedom of\" | count") == "1")
        #expect(try h.run("statements | where act in [\"urge\", \"call\", \"demand\"] | count") == "3")
        #expect(try h.run("statements | where act not in [\"urge\"] | count") == "13")
        #expect(try h.run("statements | where topics has \"abductees\" | count") == "1")
        #expect(try h.run("statements | where act = \"urge\" and speakers has \"Miller\" | select id").contains("m4"))
        #expect(try h.run("statements | where act = \"urge\" or act = \"call\" | count") == "3")
        #expect(try h.run("statements | where not (act = \"urge\" or act = \"call\") | count") == "12")
        #expect(try h.run("statements | where framing != null | count") == "1")
    }

    @Test func entitiesCompareByNameAliasOrIdAndGroupsThroughMembers() throws {
        let h = try Harness()
        #expect(try h.run("statements | where speakers has \"U.S.\" | count") == "5")
        #expect(try h.run("statements | where speakers has \"united states\" | count") == "5")
        #expect(try h.run("statements | where speakers has \"usa\" | count") == "5")
        #expect(try h.run("statements | where addressees has \"DPRK\" | count") == "4")
        #expect(try h.run("statements | where speakers.kind has \"person\" | count") == "4")
        #expect(try h.run("entities | where aliases ~ \"dprk\" | count") == "1")
    }

    @Test func selectSortLimitDistinctExpandCount() throws {
        let h = try Harness()
        #expect(try h.run("statements | sort id desc | limit 2 | select id") == "id\n──\ns7\ns6\n(2 rows)")
        #expect(try h.run("statements | sort date, id | limit 1 | select id, date") == "id │ date\n───┼─────\nc1 │ 2014\n(1 row)")
        #expect(try h.run("statements | distinct mode | count") == "2")
        #expect(try h.run("statements | expand topics | count") == "30")
        #expect(try h.run("statements | count by speakers | limit 1") == "speakers                                  │ count\n──────────────────────────────────────────┼──────\nSouth Korea, the United States, and Japan │ 5\n(1 row)")
        #expect(try h.run("entities | count by kind | where kind = \"state\" | select count") == "count\n─────\n4\n(1 row)")
        // Over every statement, `count by act` and `count by speakers` read the indexes; after a `limit`, the rows: the same answer.
        for field in ["act", "speakers", "targets"] {
            #expect(try h.run("statements | count by \(field)") == h.run("statements | limit 1000 | count by \(field)"))
        }
    }

    @Test func aPrefixOfEveryStatementIsTheirFirstRows() throws {
        // Every statement's rows are made only as far as asked: the same rows as the whole table's.
        let h = try Harness()
        let all = Table(allStatements: 16, columns: ["id"])
        let numbers = { (rows: [Value]) in rows.map { if case .statement(let i) = $0 { i } else { -1 } } }
        #expect(numbers(all.prefix(3)) == [0, 1, 2])
        #expect(all.prefix(20).count == 16 && all.prefix(0).isEmpty && all.prefix(-1).isEmpty)
        #expect(numbers(all.prefix(5)) == numbers(Array(all.rows.prefix(5))))
        #expect(Table(kind: "rows", columns: [], rows: [.number(1)]).prefix(-1).isEmpty)
        #expect(try h.run("statements | limit 2 | select id") == "id\n──\nr1\nf1\n(2 rows)")
        #expect(try h.run("set rows 2; statements | select id").contains("f1\n… 13 more rows (15 in all); use limit or save"))
    }

    @Test func variablesAndSubpipelines() throws {
        let h = try Harness()
        _ = try h.run("let calls = statements | where act in [\"urge\", \"call\", \"demand\"]")
        #expect(try h.run("$calls | count") == "3")
        #expect(try h.run("echo ($calls | count)") == "3")
        #expect(try h.run("$calls | sort date desc | limit 3 | select id") == "id\n──\ns1\nm1\nm4\n(3 rows)")
    }

    @Test func findShowQuoteTrace() throws {
        let h = try Harness()
        #expect(try h.run("find \"non-refoulement\" | count") == "2")
        #expect(try h.run("show s1").contains("framing_anchors = article:1:1 FOUND"))
        #expect(try h.run("quote s1").contains("«South Korea, U.S., and Japan Demand Immediate End to Human Rights Abuses in North Korea»"))
        let t = try h.run("trace m1")
        #expect(t.contains("reported (indirect) by the article's reporter in article"))
        #expect(t.contains("cites: coi-2014"))
    }

    /// Each place `find` lists names the statements whose anchors (or framings' anchors) overlap it:
    /// the same as testing every statement against every place, which `find` no longer does.
    @Test func findListsTheStatementsCoveringEachPlace() throws {
        let h = try Harness()
        let m = h.session.model
        for word in ["human rights", "korea", "the", "abuses"] {
            _ = try h.run("set mode json")
            let out = try h.run("find \"\(word)\" | where in = \"text\" | select document, line, column, statements")
            let rows = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]] ?? []
            #expect(!rows.isEmpty, "\(word)")
            let needle = Array(word.lowercased().utf8)
            var expected: [[String]] = []
            for (d, doc) in m.documents.enumerated() {
                guard let text = doc.text else { continue }
                let lowered = Array(text.string.lowercased().utf8)
                for start in AnchorResolver.occurrences(of: needle, in: lowered) {
                    let place = start..<(start + needle.count)
                    expected.append(m.statements.indices.filter { i in
                        let s = m.statements[i]
                        return (s.anchors + s.framings.compactMap(\.anchor)).contains { $0.document == d && ($0.byteRange?.overlaps(place) ?? false) }
                    }.map { m.statements[$0].id })
                }
            }
            #expect(rows.map { $0["statements"] as? [String] ?? [] } == expected, "\(word)")
        }
        _ = try h.run("set mode table")
        #expect(try h.run("find \"non-refoulement\" | where in = \"content\" | count") == "1")
    }

    /// A text whose lower-case form is longer ("İ" lower-cases to two code points) was skipped by
    /// `find` without a word; it is searched ignoring case, and its places name their statements.
    @Test func findSearchesTextsWhoseLowerCaseIsLonger() throws {
        let dir = NSTemporaryDirectory() + "stmt-find-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
        format: 1
        documents:
          - id: d
            kind: news-report
            title: İstanbul
            text: "İSTANBUL talks opened. The harbour office said the İstanbul harbour would reopen."
        entities:
          - {id: e, kind: office, name: the harbour office}
        statements:
          - id: s
            speakers: [e]
            act: {cue: said, force: report}
            content: The İstanbul harbour will reopen.
            anchors:
              - The harbour office said the İstanbul harbour would reopen.
            reported: {by: e, mode: indirect}
        """.write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
        let h = try Harness(model: try ModelLoader().load(path: dir + "/m.yaml"))
        _ = try h.run("set mode csv")
        let places = try h.run("find \"harbour\" | select in, line, column, statements")
        #expect(places == "in,line,column,statements\r\ntext,1,28,\"[\"\"s\"\"]\"\r\ntext,1,61,\"[\"\"s\"\"]\"\r\ncontent,,,\"[\"\"s\"\"]\"\r\n",
                "\(places.debugDescription)")
        let both = try h.run("find \"İstanbul harbour\" | select in, column, statements")
        #expect(both == "in,column,statements\r\ntext,52,\"[\"\"s\"\"]\"\r\ncontent,,\"[\"\"s\"\"]\"\r\n", "\(both.debugDescription)")
        let count = try h.run("find \"İSTANBUL\" | count")
        #expect(count == "3\r\n", "\(count.debugDescription)")
    }

    @Test func outputModes() throws {
        let h = try Harness()
        _ = try h.run("set mode json")
        let json = try h.run("statements | limit 2")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 2)
        #expect(parsed?[0]["speakers"] as? [String] == ["Yonhap News Agency"])
        _ = try h.run("set mode csv")
        let csv = try h.run("statements | where id = \"f1\" | select id, quote")
        #expect(csv.hasPrefix("id,quote\r\nf1,\"[\"\"which detailed \\\"\"systematic, widespread and gross\\\"\" human rights"), "\(csv.debugDescription)")
        // A cell with a CRLF line end is quoted (by characters, "\r\n" was neither "\r" nor "\n"), a formula guarded.
        let crlf = Renderer(session: h.session)
        #expect(crlf.csvField("a\r\nb") == "\"a\r\nb\"" && crlf.csvField("a\nb") == "\"a\nb\"" && crlf.csvField("plain") == "plain")
        #expect(crlf.csvField("=1+2") == "'=1+2" && crlf.csvField("-1") == "-1" && crlf.csvField("@x,y") == "\"'@x,y\"")
        #expect(crlf.csvField("a\"\u{301}b") == "\"a\"\"\u{301}b\"" && crlf.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        // In table, Markdown and line cells, a line end of any kind is one space (a CRLF went through whole).
        #expect("a\r\nb\nc\rd".replacingNewlines() == "a b c d" && "é\r\n\r\n".replacingNewlines() == "é  " && "plain".replacingNewlines() == "plain")
        _ = try h.run("set mode markdown")
        #expect(try h.run("statements | limit 1 | select id, act") == "| id | act |\n| --- | --- |\n| r1 | report |")
        _ = try h.run("set mode line")
        #expect(try h.run("entities | where id = \"jpn\" | select id, name") == "id   = jpn\nname = Japan")
    }

    @Test func saveWritesEachFormatAtomically() throws {
        let h = try Harness()
        let dir = NSTemporaryDirectory() + "stmt-save-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for ext in ["json", "csv", "md", "yaml", "txt"] {
            #expect(try h.run("statements | where act = \"urge\" | save \(dir)/urged.\(ext)") == "saved 2 rows to \(dir)/urged.\(ext)")
        }
        let csv = try String(contentsOfFile: dir + "/urged.csv", encoding: .utf8)
        #expect(csv.hasPrefix("id,speakers,act,cue,content\r\ns1,"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/urged.json"))) as? [[String: Any]]
        #expect(json?.count == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        #expect(h.error("statements | save \(dir)/out.xls")?.hint == "use .json, .csv, .md, .yaml or .txt")
    }

    @Test func errorsPointAndSuggest() throws {
        let h = try Harness()
        let field = try #require(h.error("statements | where speakrs has \"Japan\""))
        #expect(field.message == "unknown field 'speakrs' of a statement")
        #expect(field.hint == "did you mean 'speakers'?")
        #expect(field.span?.column == 20)
        let bare = try #require(h.error("statements | where act = urge"))
        #expect(bare.hint == "did you mean 'act'?" || bare.message.contains("'urge'"))
        let v = try #require(h.error("$callz | count"))
        #expect(v.message == "unknown variable '$callz'")
        let id = try #require(h.error("show s77"))
        #expect(id.message == "no record with id 's77'" && id.hint?.contains("'s7'") == true)
        let type = try #require(h.error("statements | where content"))
        #expect(type.message == "expected a condition (true or false), found text")
        let inList = try #require(h.error("statements | where act in \"urge\""))
        #expect(inList.message == "'in' expected a list on its right, found text")
        let setting = try #require(h.error("set mode jsno"))
        #expect(setting.hint == "did you mean 'json'?")
        let trace = try #require(h.error("trace prk"))
        #expect(trace.message == "'trace' works on statements; prk is an entity")
    }

    @Test func assertionFailureShowsBothSides() throws {
        let h = try Harness()
        #expect(try h.run("assert (statements | count) > 0") == "")
        let d = try #require(h.error("assert (statements | where act = \"demand\" | count) >= 1"))
        #expect(d.category == .check)
        #expect(d.message == "assertion failed: 0 >= 1 is false")
        #expect(d.hint == "left side: a number 0; right side: a number 1")
    }

    @Test func failedLoadKeepsTheModel() throws {
        let h = try Harness()
        let dir = NSTemporaryDirectory() + "stmt-load-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "entities:\n  - {id: a, kind: stat, name: A}\n".write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        _ = try h.run("let n = statements | count")
        let d = try #require(h.error("load \(dir)/bad.yaml"))
        #expect(d.message.contains("did not load; the model 'seed' is still in use"))
        #expect(d.notes.first?.message == "unknown entity kind 'stat'")
        #expect(try h.run("statements | count") == "15")
        try "model: tiny\nentities:\n  - {id: a, kind: state, name: A}\n".write(toFile: dir + "/ok.yaml", atomically: true, encoding: .utf8)
        #expect(try h.run("load \(dir)/ok.yaml") == "loaded tiny: 0 documents, 1 entity, 0 statements, 0 relations")
        #expect(try h.run("echo $n") == "15")
    }

    @Test func longEvaluationCanBeCancelled() throws {
        let h = try Harness()
        h.session.isCancelled = { true }
        let d = try #require(h.error("sleep 5"))
        #expect(d.category == .cancelled)
    }

    @Test func safeModeRefusesWritesAndOutsideReads() throws {
        let h = try Harness(gate: FileGate(safeRoots: ["/tmp/stmt-safe-root"]))
        let w = try #require(h.error("statements | save /tmp/stmt-safe-root/x.csv"))
        #expect(w.category == .refused && w.hint?.contains("rule:") == true)
        let r = try #require(h.error("load /etc/passwd"))
        #expect(r.category == .refused)
    }

    @Test func helpListsAndExplains() throws {
        let h = try Harness()
        #expect(try h.run("help").contains("where EXPRESSION"))
        let w = try h.run("help where")
        #expect(w.hasPrefix("where EXPRESSION\n  keep the rows for which the expression holds"))
        #expect(w.contains("> statements | where act = \"urge\" | select id, cue"))
        #expect(h.error("help wher")?.hint == "did you mean 'where'?")
    }

    /// Text made by `+`, `join`, `replace`, `upper`, `lower` and `trim` is counted per command: one
    /// text at most `maxText`, the large texts (from `countedFrom` bytes) at most `maxTotal` in all
    /// (small limits here; 64 MB, 1 GB and 64 KiB by default).
    @Test func textMadeByOneCommandIsBounded() throws {
        let h = try Harness()
        h.session.textLimits.maxText = 1_000
        h.session.textLimits.maxTotal = 5_000
        h.session.textLimits.countedFrom = 100
        _ = try h.run("let x = \"" + String(repeating: "e", count: 600) + "\"")
        _ = try h.run("let y = \"" + String(repeating: "y", count: 400) + "\"")
        _ = try h.run("let z = \"" + String(repeating: "z", count: 40) + "\"")
        #expect(try h.run("echo len($x + \"a\")") == "601")
        let plus = try #require(h.error("echo len($x + $x)"))
        #expect(plus.message == "this would make text of more than 1000 bytes" && plus.span?.column == 13)
        let join = try #require(h.error("echo len(join([$x, $x], \"\"))"))
        #expect(join.message == "this would make text of more than 1000 bytes" && join.span?.column == 10)
        let replace = try #require(h.error("echo len(replace($x, \"e\", \"ee\"))"))
        #expect(replace.message == "replace would make text of more than 1000 bytes")
        // `upper` of "ΐ" makes three scalars of it: 800 bytes became 2,400.
        let upper = try #require(h.error("echo len(upper(\"" + String(repeating: "ΐ", count: 400) + "\"))"))
        #expect(upper.message == "this would make text of more than 1000 bytes" && upper.span?.column == 10)
        // 15 rows of an 800-byte text pass 5,000: the command stops at the row that passes it; so
        // does `upper` of a large text on every row (`lower` of lower-case text is the text itself).
        let rows = try #require(h.error("statements | select len($y + $y) as n"))
        #expect(rows.message == "this command would make more than 5000 bytes of text" && rows.hint?.contains("fewer rows") == true)
        #expect(h.error("statements | select len(upper($x)) as n")?.message == "this command would make more than 5000 bytes of text")
        // Each command has its own count; small texts are not counted, nor a replace that finds nothing.
        #expect(try h.run("statements | limit 5 | select len($y + $y) as n | count") == "5")
        #expect(try h.run("statements | limit 5 | select len($y + $y) as n | count") == "5")
        #expect(try h.run("statements | select len($z + id) as n, len(replace($x, \"q\", \"z\")) as m, len($x + \"\") as k | count") == "15")
    }

    /// A table made by `select` or `expand` has at most `maxCells` cells (rows × columns; 20 million
    /// by default): rows alone did not bound memory (sweep 8: 5.8 million rows of 100 columns, 7 GB).
    @Test func cellsOfOneTableAreBounded() throws {
        let h = try Harness()
        h.session.maxCells = 1_000
        // 15 statements × 30 columns is under it; × 70 is over it, refused before a row is made.
        #expect(try h.run("statements | select " + (0..<30).map { "id as c\($0)" }.joined(separator: ", ") + " | count") == "15")
        let select = try #require(h.error("statements | select " + (0..<70).map { "id as c\($0)" }.joined(separator: ", ") + " | count"))
        #expect(select.message == "select would make more than 1,000 cells (rows × columns)" && select.span?.column == 14)
        // Rows of 3 fields, each expanded 20 times: 900 cells pass; 40 times stop at the row that passes 1,000.
        let twenty = "[" + (0..<20).map(String.init).joined(separator: ", ") + "]", forty = "[" + (0..<40).map(String.init).joined(separator: ", ") + "]"
        #expect(try h.run("statements | select id, \(twenty) as x, id as y | expand x | count") == "300")
        let expand = try #require(h.error("statements | select id, \(forty) as x, id as y | expand x | count"))
        #expect(expand.message == "expand would make more than 1,000 cells (rows × columns)" && expand.hint?.contains("limit") == true)
    }
}

extension EvaluatorTests {
    /// Ctrl-C is heard between pieces of long output (60,000 rows ran on to the end): after the
    /// first 64 KiB piece the command ends as cancelled; before any, nothing is written.
    @Test func longOutputStopsAtCancel() throws {
        let h = try Harness()
        _ = try h.run("let big = \"" + String(repeating: "x", count: 200_000) + "\"")
        h.session.isCancelled = { !h.output.isEmpty }
        let cancelled = try #require(h.error("echo $big"))
        #expect(cancelled.message == "cancelled" && h.output.count == 65_537)
        h.output = ""
        h.session.isCancelled = { true }
        #expect(h.error("statements")?.message == "cancelled" && h.output.isEmpty)
    }
}

extension EvaluatorTests {
    /// `table.rows.append` through the property's get and set copied every row each time: a `where`
    /// keeping 20,000 rows took 2 s, 100,000 a minute. Appending 200,000 rows is now linear.
    @Test func appendingRowsIsLinear() throws {
        var t = Table(kind: "rows", columns: ["value"], rows: [])
        let start = Date()
        for k in 0..<200_000 { t.rows.append(.number(Double(k))) }
        #expect(t.count == 200_000 && Date().timeIntervalSince(start) < 5)
        // Through `where`, on every statement of the seed and on rows a `select` made.
        let h = try Harness()
        #expect(try h.run("statements | where len(content) > 0 | count") == "15")
        #expect(try h.run("statements | select id, content | where len(content) > 0 | count") == "15")
    }
}
