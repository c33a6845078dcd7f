import Foundation
import Testing
@testable import StatementModel

@Suite struct ModelLoaderTests {
    func fixture(_ model: String) throws -> Fixture { try Fixture(["model.yaml": model, "text.txt": sampleText]) }

    @Test func validModelLoadsWithIndexes() throws {
        let f = try fixture(sampleModel())
        let m = try f.load().get()
        #expect(m.statements.count == 2)
        #expect(m.entities(named: "MINISTER") == [0])
        #expect(m.statementsBySpeaker[0] == [0])
        #expect(m.statementsByForce["assert"] == [1])
        #expect(m.statements[0].anchors[0].status == .found)
    }

    @Test func jsonWithTheSameShapeLoads() throws {
        let json = """
        {"model": "j", "documents": [{"id": "doc", "title": "T", "source": "text.txt"}],
         "entities": [{"id": "envoy", "kind": "person", "name": "The Envoy"}],
         "statements": [{"id": "s", "speakers": ["envoy"], "act": {"cue": "said", "force": "assert"},
                         "content": "c", "anchors": ["talks would resume"]}]}
        """
        let f = try Fixture(["m.json": json, "text.txt": sampleText])
        let m = try f.load("m.json").get()
        #expect(m.name == "j")
        #expect(m.statements[0].anchors[0].line == 2)
    }

    /// The nesting pre-check counts only real flow brackets: not those in quoted scalars (with escaped
    /// quotes), comments, or after an apostrophe inside a word (found by the draft fuzz target).
    @Test func bracketsInTextAreNotNesting() throws {
        let many = String(repeating: "[{", count: 40)
        let model = """
        model: b
        # a comment \(many)
        entities:
          - {id: a, kind: person, name: "the \\"quoted\\" \(many)", note: Norland's view}
          - id: b
            kind: person
            name: 'single ''quoted'' \(many)'
            note: "\(many)"
        """
        let m = try Fixture(["m.yaml": model]).load("m.yaml").get()
        #expect(m.entities.count == 2 && m.entities[0].name.hasSuffix(many))
        // A block scalar's lines are text, whatever brackets they hold.
        let block = "model: t\ndocuments:\n  - id: d\n    title: T\n    text: |-\n      {\"record\"\(String(repeating: "[", count: 80))\n\n      more [[[[\nentities:\n  - {id: a, kind: person, name: A}\n"
        let bm = try Fixture(["m.yaml": block]).load("m.yaml").get()
        #expect(bm.documents[0].text?.string.hasPrefix("{\"record\"[[[") == true && bm.entities.count == 1)
        let deep = try Fixture(["m.yaml": "model: d\nentities: " + String(repeating: "[", count: 70) + "\n"]).diagnostics("m.yaml")
        #expect(deep.contains { $0.message.contains("nesting deeper than") })
    }

    @Test func yamlSyntaxErrorHasLocation() throws {
        let d = try fixture("model: x\nentities:\n  - id: a\n   kind: [state\n").diagnostics()
        #expect(d.count == 1)
        #expect(d[0].category == .syntax)
        #expect(d[0].span?.file.hasSuffix("model.yaml") == true)
        #expect(d[0].span?.line != nil)
    }

    /// Keys are compared as the loader reads them, as text: a plain `1` and a quoted `"1"` are one
    /// key, and so are `true` and `"true"` (Yams' default resolver would type them apart).
    @Test func duplicateKeysAreComparedAsText() throws {
        for (a, b) in [("id", "\"id\""), ("1", "'1'"), ("true", "\"true\""), ("null", "'null'")] {
            let d = try Fixture(["m.yaml": "model: k\nentities:\n  - {\(a): x, \(b): y, kind: person, name: N}\n"]).diagnostics("m.yaml")
            #expect(d.contains { $0.message.hasPrefix("yaml: duplicate key") && $0.span?.line == 3 }, "\(a) and \(b)")
        }
        // Keys that differ only in how a resolver would type them are still different.
        let ok = try Fixture(["m.yaml": "model: k\nentities:\n  - {id: a, kind: person, name: N, note: '1.0'}\n"]).load("m.yaml").get()
        #expect(ok.entities.count == 1)
    }

    @Test func unknownFieldSuggestsTheRightOne() throws {
        let d = try fixture(sampleModel(statements: """
          - id: a3
            speakers: [envoy]
            act: {cue: said, force: assert}
            contnet: x
            content: y
            anchors: [talks would resume]
        """)).diagnostics()
        let e = try #require(d.first { $0.message.contains("unknown field 'contnet'") })
        #expect(e.hint == "did you mean 'content'?")
        #expect(e.span?.line == 31)
        #expect(e.span?.column == 5)
    }

    @Test func missingRequiredField() throws {
        let d = try fixture(sampleModel(statements: """
          - id: a3
            act: {cue: said, force: assert}
            content: y
        """)).diagnostics()
        #expect(d.contains { $0.message == "missing required field 'speakers' in a statement" && $0.span?.line == 28 })
    }

    @Test func duplicateIdPointsAtBothDefinitions() throws {
        let d = try fixture(sampleModel(statements: """
          - id: a1
            speakers: [envoy]
            act: {cue: said, force: assert}
            content: y
            anchors: [talks would resume]
        """)).diagnostics()
        let e = try #require(d.first { $0.message == "duplicate id 'a1'" })
        #expect(e.span?.line == 28)
        #expect(e.notes.first?.span?.line == 16)
    }

    @Test func unknownEntitySuggestsTheRightName() throws {
        let d = try fixture(sampleModel(statements: """
          - id: a3
            speakers: [envoi]
            act: {cue: said, force: assert}
            content: y
            anchors: [talks would resume]
        """)).diagnostics()
        let e = try #require(d.first { $0.message == "unknown entity 'envoi'" })
        #expect(e.hint == "did you mean 'envoy'?")
        #expect(e.span?.line == 29 && e.span?.column == 16)
    }

    @Test func entityReferencedByAliasIsExplained() throws {
        let d = try fixture(sampleModel(statements: """
          - id: a3
            speakers: [The Envoy]
            act: {cue: said, force: assert}
            content: y
            anchors: [talks would resume]
        """)).diagnostics()
        #expect(d.contains { $0.hint == "'The Envoy' is a name of entity 'envoy'; refer to entities by id" })
    }

    @Test func unknownStatementAndDocumentReferences() throws {
        let d = try fixture(sampleModel(statements: """
          - id: a3
            speakers: [envoy]
            act: {cue: said, force: assert}
            content: y
            anchors: [talks would resume]
            reported: {via: a9, mode: indirect}
            cites: [dok]
        """)).diagnostics()
        #expect(d.contains { $0.message == "unknown statement 'a9'" })
        #expect(d.contains { $0.message == "unknown document 'dok'" && $0.hint == "did you mean 'doc'?" })
    }

    @Test func unknownForceListsTheValidOnes() throws {
        let d = try fixture(sampleModel(statements: """
          - id: a3
            speakers: [envoy]
            act: {cue: said, force: urgee}
            content: y
            anchors: [talks would resume]
        """)).diagnostics()
        let e = try #require(d.first { $0.message == "unknown force 'urgee'" })
        #expect(e.hint?.hasPrefix("did you mean 'urge'?") == true)
        #expect(e.hint?.contains("the forces are: assert, report") == true)
    }

    @Test func badDate() throws {
        let d = try fixture(sampleModel(statements: """
          - id: a3
            speakers: [envoy]
            act: {cue: said, force: assert}
            content: y
            date: 2024-02-30
            anchors: [talks would resume]
        """)).diagnostics()
        let e = try #require(d.first { $0.message == "bad date '2024-02-30'" })
        #expect(e.hint?.contains("YYYY-MM-DD") == true)
        #expect(e.span?.line == 32)
    }

    @Test func ambiguousAndOrphanedAnchors() throws {
        let d = try fixture(sampleModel(statements: """
          - id: a3
            speakers: [minister]
            act: {cue: urged, force: urge}
            content: y
            anchors: [The minister urged]
          - id: a4
            speakers: [envoy]
            act: {cue: said, force: assert}
            content: y
            anchors: [talks will resume soon]
        """)).diagnostics()
        let amb = try #require(d.first { $0.message.hasPrefix("AMBIGUOUS anchor") })
        #expect(amb.notes.count == 2)
        #expect(amb.hint?.contains("prefix") == true)
        let orphan = try #require(d.first { $0.message.hasPrefix("ORPHANED anchor") })
        #expect(orphan.hint?.contains("closest passage, at line 2") == true)
    }

    @Test func missingSourceText() throws {
        let f = try Fixture(["model.yaml": sampleModel()])
        let d = f.diagnostics()
        #expect(d.contains { $0.message == "source text file 'text.txt' not found" && $0.span?.line == 5 })
    }

    @Test func everyProblemIsReportedInOnePass() throws {
        let d = try fixture(sampleModel(statements: """
          - id: a3
            speakers: [envoi]
            act: {cue: said, force: urgee}
            content: y
            date: 20240
            anchors: [not in the text at all]
        """)).diagnostics()
        #expect(d.count >= 4)
    }

    @Test func aliasBombIsRefused() throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let f = try Fixture(["model.yaml": yaml])
        let started = Date()
        let d = f.diagnostics()
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(d.contains { $0.message.contains("expands to more than") })
    }

    @Test func deepNestingIsRefused() throws {
        let f = try Fixture(["model.yaml": "model: " + String(repeating: "[", count: 100_000)])
        #expect(f.diagnostics().contains { $0.message.contains("nesting deeper than") })
    }

    @Test func oversizedFileIsRefused() throws {
        let f = try Fixture(["model.yaml": sampleModel(), "text.txt": sampleText])
        var loader = ModelLoader()
        loader.limits.maxFileBytes = 100
        let r = Result { () throws(DiagnosticList) -> Model in try loader.load(path: f.path("model.yaml")) }
        guard case .failure(let l) = r else { Issue.record("expected a failure"); return }
        #expect(l.diagnostics[0].message.contains("over the limit"))
    }

    @Test func folderOfFilesLoadsAsOneModel() throws {
        let f = try Fixture([
            "a.yaml": "documents:\n  - {id: doc, title: T, source: text.txt}\nentities:\n  - {id: envoy, kind: person, name: Envoy}\n",
            "b.yaml": "statements:\n  - {id: s, speakers: [envoy], act: {cue: said, force: assert}, content: c, source: doc, anchors: [talks would resume]}\n",
            "text.txt": sampleText,
        ])
        let m = try Result { () throws(DiagnosticList) -> Model in try ModelLoader().load(path: f.dir) }.get()
        #expect(m.statements.count == 1 && m.entities.count == 1)
    }

    @Test func renderedDiagnosticHasLocationLineCaretAndHint() throws {
        let d = try fixture(sampleModel(statements: """
          - id: a3
            speakers: [envoi]
            act: {cue: said, force: assert}
            content: y
            anchors: [talks would resume]
        """)).diagnostics()
        let text = DiagnosticRenderer(color: false).render(d[0])
        #expect(text.contains("model.yaml:29:16: error: unknown entity 'envoi'"))
        #expect(text.contains("29 |     speakers: [envoi]"))
        #expect(text.contains("   |                ^~~~~"))
        #expect(text.contains("hint: did you mean 'envoy'?"))
    }
}

/// What decoding changes in a file's bytes, and how a rewrite gives it back.
@Suite struct TextLayoutTests {
    @Test func marksAndLineEndsComeBack() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(TextLayout(bom + Array("a\r\nb\r\n".utf8)).encode("a\nc\n") == bom + Array("a\r\nc\r\n".utf8))
        #expect(TextLayout(Array("a\rb\r".utf8)).encode("a\nc\n") == Array("a\rc\r".utf8))
        #expect(TextLayout(Array("a\nb\r".utf8)).encode("a\nc\n") == Array("a\nc\n".utf8))
        let crlf = TextLayout(bom + Array("ab\r\ncd\r\nef".utf8))
        #expect(crlf.fileOffset(ofDecoded: 0) == 3 && crlf.fileOffset(ofDecoded: 3) == 7 && crlf.fileOffset(ofDecoded: 6) == 11)
    }
}

/// Hints for the system's refusals name what to do about each (sweep 8: a full disk said "check
/// that the disk is readable").
@Test func fileErrorsHintByCause() {
    #expect(FileAccessError(.io(errno: ENOSPC), path: "x", hint: nil).fullHint == "free some space on the disk, or write elsewhere")
    #expect(FileAccessError(.io(errno: EROFS), path: "x", hint: nil).fullHint?.contains("read-only") == true)
    #expect(FileAccessError(.io(errno: ELOOP), path: "x", hint: nil).fullHint?.contains("leads back to itself") == true)
    #expect(FileAccessError(.io(errno: EIO), path: "x", hint: nil).fullHint == "check the path and the disk")
}
