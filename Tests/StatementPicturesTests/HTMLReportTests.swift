import Foundation
import StatementModel
import StatementQuery
import Testing
@testable import StatementPictures

/// The HTML report and pages as text: highlights, nesting, escaping, the fallback without dot.
@Suite struct HTMLReportTests {
    /// Counts of an element's opening and closing tags.
    func tags(_ html: String, _ name: String) -> (open: Int, close: Int) {
        (html.components(separatedBy: "<\(name) ").count - 1 + html.components(separatedBy: "<\(name)>").count - 1,
         html.components(separatedBy: "</\(name)>").count - 1)
    }

    @Test func everyFoundAnchorIsOneHighlightAndTheMarksNest() throws {
        let model = try SeedModel.load()
        let html = try HTMLReport(model: model, graphviz: Graphviz(searchPath: "/nonexistent")).html()
        #expect(HTMLReport.highlightCount(model) == 21)
        #expect(html.components(separatedBy: "tabindex=\"0\">").count - 1 == 21)
        let marks = tags(html, "mark")
        #expect(marks.open == marks.close)
        // Each statement has a card; each framing too.
        for i in model.statements.indices { #expect(html.contains("id=\"card-\(i)\"")) }
        #expect(html.contains("id=\"card-2-framing-0\"") && html.contains("id=\"card-2-framing-1\""))
        // Narration and residue are styled apart.
        #expect(html.contains("class=\"hl narrative\"") && html.contains("class=\"hl residue\""))
        // Without dot the graph is listed, and the page says why.
        #expect(html.contains("Graphviz&#39;s dot was not installed when this report was made"))
        #expect(html.contains("<li>Matthew Miller —urge (1)→ member states</li>"))
    }

    @Test func crossingAnchorsAreDrawnInPiecesThatStayNested() throws {
        // "B C" and "C D" cross: the second is closed and reopened around the end of the first.
        let model = try loadModel("""
        format: 1
        documents: [{id: d, title: T, text: "A B C D E"}]
        entities: [{id: x, kind: person, name: X}, {id: y, kind: person, name: Y}]
        statements:
          - {id: s1, speakers: [x], act: {cue: B, force: assert}, content: one, anchors: [B C]}
          - {id: s2, speakers: [y], act: {cue: D, force: assert}, content: two, anchors: [C D]}

        """)
        let html = try HTMLReport(model: model, graphviz: Graphviz(searchPath: "/nonexistent")).html()
        let text = try #require(html.range(of: "<div class=\"text\">").map { html[$0.upperBound...] }.flatMap { s in s.range(of: "</div>").map { String(s[..<$0.lowerBound]) } })
        #expect(text == """
        A <mark class="hl st c0" data-a="0" data-card="card-0" data-label="s1" tabindex="0">B \
        <mark class="hl st c1" data-a="1" data-card="card-1" data-label="s2" tabindex="0">C</mark></mark>\
        <mark class="hl st c1 cont" data-a="1" data-card="card-1" data-label="s2"> D</mark> E
        """)
    }

    @Test func everyModelStringIsEscaped() throws {
        let model = try hostileModel()
        let html = try HTMLReport(model: model, graphviz: Graphviz()).html()
        #expect(!html.contains("<script>window"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;window.__stmtInjected=1&lt;/script&gt;"))
        #expect(html.components(separatedBy: "<script>").count - 1 == 1)
        // The page's own script is the only one its policy allows.
        let script = try #require(html.range(of: "<script>").flatMap { s in html.range(of: "</script>", range: s.upperBound..<html.endIndex).map { String(html[s.upperBound..<$0.lowerBound]) } })
        #expect(html.contains("script-src 'sha256-\(SHA256.base64(Array(script.utf8)))'"))
        #expect(html.contains("default-src 'none'"))
        let page = TablePage.html(.table(Table(kind: "rows", columns: ["v"], rows: [.record(Record([("v", .string("<b onclick=x>\"'&"))]))])),
                                  model: model, title: "<title>")
        #expect(page.contains("<td>&lt;b onclick=x&gt;&quot;&#39;&amp;</td>") && page.contains("<title>&lt;title&gt;</title>"))
    }

    @Test func sha256MatchesTheStandardsVectors() {
        func hex(_ s: String) -> String { SHA256.digest(Array(s.utf8)).map { String(format: "%02x", $0) }.joined() }
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func saveHTMLWritesAPageForAnyTable() throws {
        let dir = try scratchFolder()
        let h = try picturesHarness()
        #expect(try h.run("statements | where act = \"urge\" | select id, speakers, content | save \(dir)/urged.html") == "saved 2 rows to \(dir)/urged.html")
        let page = try String(contentsOfFile: dir + "/urged.html", encoding: .utf8)
        #expect(page.contains("<th scope=\"col\"><button type=\"button\">speakers</button></th>"))
        #expect(page.contains("<td>Matthew Miller</td>"))
        #expect(tags(page, "tr").open == 3)
        #expect(try h.run("report \(dir)/seed.html") == "wrote \(dir)/seed.html: 15 statements, 21 highlights")
    }

    @Test func examplesOfThePicturesCommandsRun() throws {
        for c in Pictures.commands {
            #expect(!c.examples.isEmpty && !c.help.isEmpty, "\(c.name)")
            for example in c.examples {
                #expect(try picturesHarness().run(example.input) == example.output, "example of '\(c.name)': \(example.caption)")
            }
        }
    }
}

/// A model whose every string tries to become markup.
func hostileModel() throws -> Model {
    try loadModel("""
    format: 1
    title: "<script>window.__stmtInjected=1</script>"
    documents:
      - id: d
        title: "<img src=x onerror=\\"window.__stmtInjected=1\\">"
        text: "Evil said <script>window.__stmtInjected=1</script> today. Good said \\"fine\\" & left."
    entities:
      - {id: evil, kind: person, name: "Evil \\" onmouseover=\\"window.__stmtInjected=1"}
      - {id: good, kind: person, name: "<b>Good</b>"}
    statements:
      - {id: s1, speakers: [evil], act: {cue: said, force: assert}, content: "<script>window.__stmtInjected=1</script>", anchors: ["Evil said <script>window.__stmtInjected=1</script> today."], note: "</div><img src=x onerror=alert(1)>"}
      - {id: s2, speakers: [good], addressees: [evil], act: {cue: said, force: assert}, content: "\\"fine\\" & left", anchors: ["Good said \\"fine\\" & left."]}

    """)
}
