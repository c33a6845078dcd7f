import Foundation
import StatementModel
import StatementQuery
import Testing
@testable import StatementShell

/// Golden transcripts: every saved analysis in scripts/ and every `stmt` example block in docs/
/// produces exactly the output written beneath its commands.
@Suite struct TranscriptTests {
    static let scripts: [String] = {
        let dir = Binary.root + "/scripts"
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".stmt") }.sorted().map { dir + "/" + $0 }
    }()

    static func session() -> Session {
        let s = Language.session(model: try! SeedModel.load())
        s.settings.color = .off
        return s
    }

    @Test func thereAreSavedAnalyses() { #expect(Self.scripts.count >= 6) }

    @Test func commandsReferenceIsUpToDate() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/commands.md")
        let onDisk = try String(contentsOf: url, encoding: .utf8)
        #expect(onDisk == HelpText.markdown(Language.commands), "docs/commands.md is stale: regenerate with `swift run stmt docs > docs/commands.md`")
        #expect(Language.commands.lookup("graph") != nil && Language.commands.lookup("report") != nil)
    }

    @Test(arguments: scripts)
    func savedAnalysisMatchesItsTranscript(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let r = try TranscriptTester().check(path: path, name: "scripts/" + (path as NSString).lastPathComponent, text: text, makeSession: Self.session)
        #expect(r.checked > 0)
        #expect(r.diffs.isEmpty, "\(r.diffs.joined(separator: "\n"))")
    }

    /// ```stmt blocks in docs/*.md, with `#=>` expectations, run in order per file.
    @Test func documentationExamplesMatch() throws {
        let dir = Binary.root + "/docs"
        var blocks = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir).filter({ $0.hasSuffix(".md") }).sorted() {
            let text = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            var script = ""
            var inBlock = false
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                // Fences and prose become blank lines, so errors keep the markdown file's line numbers.
                if line == "```stmt" { inBlock = true; blocks += 1; script += "\n"; continue }
                if inBlock && line == "```" { inBlock = false; script += "\n"; continue }
                script += (inBlock ? String(line) : "") + "\n"
            }
            guard script.contains("#=>") else { continue }
            let r = try TranscriptTester().check(path: dir + "/" + name, name: "docs/" + name, text: script, makeSession: Self.session)
            #expect(r.problems.isEmpty, "\(r.problems.joined(separator: "\n"))")
        }
        #expect(blocks >= 5)
    }

    @Test func mismatchGivesAUnifiedDiffAndUpdateRewrites() throws {
        let text = "statements | count\n#=> 14\n# keep this comment\nentities | count\n#=> 15\n"
        let r = try TranscriptTester().check(path: "t.stmt", text: text, makeSession: Self.session)
        #expect(r.diffs.count == 1)
        #expect(r.diffs[0].contains("t.stmt:1: output of `statements | count` differs\n--- expected\n+++ actual"))
        #expect(r.diffs[0].contains("-14\n+15"))
        #expect(r.updated == "statements | count\n#=> 15\n# keep this comment\nentities | count\n#=> 15\n")
    }

    @Test func errorOutputIsPartOfTheTranscript() throws {
        let text = "show s99\n#=> <input>\n"
        let r = try TranscriptTester().check(path: "e.stmt", text: text, makeSession: Self.session)
        #expect(r.updated.contains("#=> e.stmt:1:6: error: no record with id 's99'"))
    }
}
