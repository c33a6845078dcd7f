import Foundation
import Testing
@testable import StatementModel

/// `stmt check`'s lints, `--fix` and the multi-file rules (issue 10), and the modelling guide's
/// examples.
@Suite struct ModelCheckTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

    /// Loads with lints; every diagnostic (errors and warnings).
    func check(_ files: [String: String], main: String = "model.yaml") throws -> [Diagnostic] {
        let f = try Fixture(files)
        var loader = ModelLoader()
        loader.lint = true
        switch Result(catching: { () throws(DiagnosticList) in try loader.loadWithWarnings(path: f.path(main)) }) {
        case .success(let r): return r.warnings
        case .failure(let l): return l.diagnostics
        }
    }

    static let base = """
    format: 1
    documents:
      - {id: d, title: D, text: "According to the agency, talks failed. The minister urged calm. The envoy spoke."}
    entities:
      - {id: agency, kind: media, name: the agency}
      - {id: minister, kind: person, name: the minister, aliases: [minister]}
      - {id: reporter, kind: media, name: the reporter}
    statements:
      - {id: r1, speakers: [agency], act: {cue: According to, force: report}, content: Talks failed., anchors: ["According to the agency, talks failed."], reported: {by: reporter, mode: indirect}}
      - {id: s1, speakers: [minister], act: {cue: urged, force: urge}, content: Calm is needed., anchors: [The minister urged calm.], reported: {by: reporter, mode: indirect}}

    """

    @Test func aCleanModelHasNoWarnings() throws {
        #expect(try check(["model.yaml": Self.base]).isEmpty)
        // The seed passes --strict.
        var loader = ModelLoader()
        loader.lint = true
        let seed = try loader.loadWithWarnings(path: Self.here + "/../../seeds/seed.stmt.yaml")
        #expect(seed.warnings.isEmpty, "\(seed.warnings.map(\.description))")
    }

    @Test func eachLintIsALocatedWarningWithAHint() throws {
        let cases: [(String, String, String)] = [
            ("alias collision", "  - {id: min2, kind: person, name: Minister Two, aliases: [the minister]}\n", "alias 'the minister' of 'min2' also names 'minister'"),
            ("unreferenced entity", "  - {id: idle, kind: person, name: Idle}\n", "entity 'idle' is not referred to"),
            ("unreferenced document", "documents2", "document 'w' is not referred to"),
            ("cue outside anchors", "  - {id: s2, speakers: [minister], act: {cue: pledged, force: pledge}, content: x, anchors: [The envoy spoke.], reported: {by: reporter, mode: indirect}}\n",
             "no word of the cue 'pledged' of 's2' is in its anchors"),
            ("no anchor", "  - {id: s3, speakers: [minister], act: {cue: said, force: assert}, content: x}\n", "statement 's3' has no anchor"),
            ("relation repeats a field", "relations:\n  - {type: reports, from: r1, to: s4, note: x}\n  - {type: cites, from: s4, to: d, note: y}\n",
             "relation 'reports' repeats the `reported: via` field of 's4'"),
            ("unsupported via", "  - {id: s4, speakers: [minister], act: {cue: urged, force: urge}, content: x, anchors: [The minister urged calm.], cites: [d], reported: {via: r1, mode: indirect}}\n",
             "'s4' is modelled as reported via 'r1', but its words are in another sentence"),
            ("relation twice", "relations:\n  - {type: elaborates, from: s1, to: r1, note: x}\n  - {type: elaborates, from: s1, to: r1, note: x}\n", "is given twice"),
        ]
        for (name, extra, message) in cases {
            var text = Self.base
            if extra == "documents2" {
                text = text.replacingOccurrences(of: "documents:\n", with: "documents:\n  - {id: w, title: Unused work}\n")
            } else if extra.hasPrefix("  - {id: min2") || extra.hasPrefix("  - {id: idle") {
                text = text.replacingOccurrences(of: "statements:\n", with: extra + "statements:\n")
            } else if extra.hasPrefix("relations:") {
                text += "  - {id: s4, speakers: [minister], act: {cue: urged, force: urge}, content: x, anchors: [The minister urged calm.], cites: [d], reported: {via: r1, mode: indirect}}\n"
                    .replacingOccurrences(of: "The minister urged calm.", with: "According to the agency")
                text += extra
            } else {
                text += extra
            }
            let d = try check(["model.yaml": text])
            let w = try #require(d.first { $0.message.contains(message) }, "\(name): \(d.map(\.message))")
            #expect(w.severity == .warning && w.span?.line ?? 0 > 0 && w.hint != nil, "\(name)")
        }
    }

    @Test func aCommaThatSplitsANameIsCaughtInListsAndMappings() throws {
        // No text to read it against: the "and …" item is the sign, and the hint quotes the whole list so far.
        let list = try check(["model.yaml": Self.base.replacingOccurrences(of: "aliases: [minister]", with: "aliases: [South Korea, U.S., and Japan]")])
        let w = try #require(list.first { $0.message == "'and Japan' looks like the end of a name cut by a comma" })
        #expect(w.span?.line == 6 && w.hint == "in `[…]` a comma ends an item; if it is one name, quote all of it, e.g. \"South Korea, U.S., and Japan\"")
        // The text has the phrase: one warning for the whole run, "and …" included.
        let named = Self.base.replacingOccurrences(of: "According to the agency,", with: "According to the Union of Farmers, Growers, and Herders,")
        let run = try check(["model.yaml": named.replacingOccurrences(of: "aliases: [minister]", with: "aliases: [Union of Farmers, Growers, and Herders]")])
        #expect(run.count == 1)
        #expect(run.first?.message == "'Union of Farmers' and 'Growers' are one name of the text, cut by 2 commas: \"Union of Farmers, Growers, and Herders\"")
        #expect(run.first?.hint == "in `[…]` a comma ends an item; quote the whole of it: \"Union of Farmers, Growers, and Herders\"")
        #expect(run.first?.span?.column == 82)
        // An anchor cut in two: both halves are FOUND, so only the lint can tell.
        let anchor = try check(["model.yaml": Self.base.replacingOccurrences(of: "anchors: [\"According to the agency, talks failed.\"]", with: "anchors: [According to the agency, talks failed.]")])
        #expect(anchor.contains { $0.message == "'According to the agency' and 'talks failed.' are one passage of the text, cut by a comma: \"According to the agency, talks failed.\"" })
        // Topics are the modeller's labels: a list the text also gives is no mistake; quoted items are meant.
        let topics = Self.base.replacingOccurrences(of: "content: Calm is needed.,", with: "content: Calm is needed., topics: [talks, failed.],")
            .replacingOccurrences(of: "aliases: [minister]", with: "aliases: [\"the agency\", \"talks failed.\"]")
        #expect(try check(["model.yaml": topics.replacingOccurrences(of: "talks failed.", with: "talks, failed.")]).filter { $0.message.contains("comma") }.isEmpty)
        let map = try check(["model.yaml": Self.base.replacingOccurrences(of: "content: Calm is needed.,", with: "content: North Korea, credible reports,")])
        let e = try #require(map.first { $0.message == "unknown field 'credible reports' in a statement" })
        #expect(e.hint == "in `{…}` a comma ends a value, so 'credible reports' is read as a field; quote the value: content: \"North Korea, credible reports\"")
    }

    @Test func aSecondModelOrTitleInAFolderIsAnErrorInBothFiles() throws {
        let d = try check(["a.yaml": "format: 1\nmodel: one\ntitle: First\n", "b.yaml": "model: two\ntitle: Second\n"], main: ".")
        let model = try #require(d.first { $0.message == "a second `model:` for the same model" })
        #expect(model.span?.file.hasSuffix("b.yaml") == true && model.span?.line == 1)
        #expect(model.notes.first?.span?.file.hasSuffix("a.yaml") == true && model.notes.first?.span?.line == 2)
        #expect(d.contains { $0.message == "a second `title:` for the same model" })
    }

    @Test func fixMakesAmbiguousAnchorsUniqueAndKeepsTheRest() throws {
        let dir = NSTemporaryDirectory() + "stmt-fix-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for f in ["fix-before.yaml", "fix-text.txt"] {
            try FileManager.default.copyItem(atPath: Self.here + "/Golden/" + f, toPath: dir + "/" + f)
        }
        let report = AnchorRepair(gate: .unrestricted).repair(path: dir + "/fix-before.yaml")
        #expect(!report.failed)
        #expect(report.text.contains("fix-before.yaml:18:9: AMBIGUOUS \"The minister urged\" → suffix \" calm.\" (the one at line 1, column 31: the nearest to the statement's other anchor)"))
        #expect(report.text.contains("→ prefix \"Later \" (the one at line 2, column 7: the only one no other anchor quotes)"))
        #expect(report.text.contains("3 anchors made unique"))
        let after = try String(contentsOfFile: dir + "/fix-before.yaml", encoding: .utf8)
        #expect(after == (try String(contentsOfFile: Self.here + "/Golden/fix-after.yaml", encoding: .utf8)))
        #expect(throws: Never.self) { try ModelLoader().load(path: dir + "/fix-before.yaml") }
        // Nothing ambiguous left: a second run changes nothing.
        #expect(AnchorRepair(gate: .unrestricted).repair(path: dir + "/fix-before.yaml").text.isEmpty)
    }

    @Test func fixGivesTwoAnchorsWithTheSameWordsTwoPlaces() throws {
        let f = try Fixture(["m.yaml": """
            format: 1
            documents: [{id: d, title: D, text: "The envoy said yes. The envoy said no."}]
            entities: [{id: envoy, kind: person, name: the envoy}]
            statements:
              - {id: s1, speakers: [envoy], act: {cue: said, force: assert}, content: Yes., anchors: [The envoy said]}
              - {id: s2, speakers: [envoy], act: {cue: said, force: assert}, content: No., anchors: [The envoy said]}

            """])
        let report = AnchorRepair(gate: .unrestricted).repair(path: f.path("m.yaml"))
        #expect(report.text.contains("2 anchors made unique"))
        let model = try ModelLoader().load(path: f.path("m.yaml"))
        let starts = model.statements.map { $0.anchors[0].start }
        #expect(starts == [0, 20])
    }

    @Test func anOrphanedAnchorIsShownAgainstItsClosestPassageWithTheDifferencesMarked() throws {
        let text = Self.base.replacingOccurrences(of: "anchors: [The minister urged calm.]", with: "anchors: [\"The minister urged  calm.\"]")
        let d = try check(["model.yaml": text])
        let o = try #require(d.first { $0.message.hasPrefix("ORPHANED anchor") })
        let hint = try #require(o.hint)
        #expect(hint.contains("the closest passage, at line 1, column 40, is: \"The minister urged calm.\""))
        #expect(hint.contains("anchor: The·minister·urged··calm."))
        #expect(hint.contains("text:   The·minister·urged∅·calm."))
        #expect(hint.contains("\n                            ^"))
    }

    /// The guide's models: plain ones pass --strict; those headed `# check: …` report that.
    @Test func modellingGuideExamplesCheck() throws {
        let guide = try String(contentsOfFile: Self.here + "/../../docs/modelling.md", encoding: .utf8)
        var blocks: [String] = [], current: String?
        for line in guide.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```yaml" { current = ""; continue }
            if line == "```", let c = current { blocks.append(c); current = nil; continue }
            if current != nil { current! += line + "\n" }
        }
        #expect(blocks.count >= 4)
        for block in blocks {
            let d = try check(["model.yaml": block])
            if block.hasPrefix("# check: ") {
                let expected = String(block.dropFirst(9).prefix { $0 != "\n" })
                #expect(d.contains { $0.message.contains(expected) }, "expected '\(expected)', got \(d.map(\.message))")
            } else {
                #expect(d.isEmpty, "\(block.prefix(60)): \(d.map(\.description))")
            }
        }
        // The force table names every force.
        for force in Force.names { #expect(guide.contains("| `\(force)` |"), "\(force)") }
    }
}
