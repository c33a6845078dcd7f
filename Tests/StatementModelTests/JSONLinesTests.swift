import Foundation
import Testing
@testable import StatementModel

/// The JSON Lines path: same records and diagnostics as YAML, read in chunks on several threads.
@Suite struct JSONLinesTests {
    static func corpus(statements n: Int, badForceAt bad: Int? = nil) -> String {
        var lines = [#"{"record": "model", "format": 1, "model": "lines"}"#,
                     #"{"record": "entity", "id": "e1", "kind": "state", "name": "Kakin", "aliases": ["KAK"]}"#,
                     #"{"record": "entity", "id": "e2", "kind": "person", "name": "Lomar Vel"}"#]
        // Twenty statements to a document, as in real corpora, so each anchor searches a short text.
        for d in 0..<((n + 19) / 20) {
            let text = (d * 20..<min(n, d * 20 + 20)).map { "Kakin urged Lomar Vel to act, item \($0) of the padded series of statements." }
            lines.append(#"{"record": "document", "id": "d\#(d)", "title": "Doc", "text": ""# + text.joined(separator: "\\n") + #""}"#)
        }
        for i in 0..<n {
            let force = i == bad ? "urgee" : "urge"
            lines.append(#"{"record": "statement", "id": "s\#(i)", "speakers": ["e1"], "targets": ["e2"], "act": {"cue": "urged", "force": "\#(force)"}, "content": "Lomar Vel should act (\#(i)).", "source": "d\#(i / 20)", "anchors": [{"exact": "item \#(i) of", "suffix": " the"}]}"#)
        }
        lines.append(#"{"record": "relation", "type": "elaborates", "from": "s1", "to": "s0"}"#)
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func smallFileLoads() throws {
        let f = try Fixture(["m.jsonl": Self.corpus(statements: 3)])
        let m = try f.load("m.jsonl").get()
        #expect(m.name == "lines" && m.statements.count == 3 && m.relations.count == 1)
        #expect(m.statements[2].anchors[0].status == .found && m.statements[2].anchors[0].line == 3)
        #expect(m.documents.count == 1)
        #expect(m.entity(m.statements[0].speakers[0], isNamed: "kak"))
    }

    /// More than one 4 MiB chunk, so statements are resolved on reading threads; a problem late in
    /// the file is still reported at its own line and column.
    @Test func largeFileResolvesAcrossChunksAndLocatesProblems() throws {
        let n = 30_000   // about 9 MiB: three chunks
        let f = try Fixture(["big.jsonl": Self.corpus(statements: n, badForceAt: 25_000)])
        let size = try FileManager.default.attributesOfItem(atPath: f.path("big.jsonl"))[.size] as! Int
        #expect(size > 8 << 20)
        let d = f.diagnostics("big.jsonl")
        #expect(d.count == 1)
        #expect(d.first?.message == "unknown force 'urgee'")
        #expect(d.first?.span?.line == 3 + 1_500 + 25_000 + 1)
        #expect(d.first?.span?.lineText.contains("\"s25000\"") == true)
        let ok = try Fixture(["big.jsonl": Self.corpus(statements: n)])
        let m = try ok.load("big.jsonl").get()
        #expect(m.statements.count == n)
        #expect(m.statements.map(\.id) == (0..<n).map { "s\($0)" })
        #expect(m.statements.allSatisfy { $0.anchors[0].status == .found && $0.speakers == [0] })
        #expect(m.statementsByForce["urge"]?.count == n)
    }

    @Test func syntaxErrorNamesLineAndColumn() throws {
        let f = try Fixture(["m.jsonl": #"{"record": "model", "model": "x"}"# + "\n" + #"{"record": "entity", "id": "e1" "kind": "state"}"# + "\n"])
        let d = f.diagnostics("m.jsonl")
        #expect(d.first?.message == "json: expected ',' or '}'")
        let line = #"{"record": "entity", "id": "e1" "kind": "state"}"#
        let column = line.distance(from: line.startIndex, to: line.range(of: "\"kind\"")!.lowerBound) + 1
        #expect(d.first?.span?.line == 2 && d.first?.span?.column == column)
    }
}
