import StatementModel
import Testing
@testable import StatementQuery

@Suite struct ParserTests {
    func parse(_ text: String) throws -> [ParsedCommand] {
        var p = Parser(SourceInput(text: text))
        return try p.parseScript()
    }

    func errors(_ text: String) -> [Diagnostic] {
        var p = Parser(SourceInput(text: text))
        do { _ = try p.parseScript(); return [] } catch { return error.diagnostics }
    }

    @Test func pipelineStagesAndSpans() throws {
        let cs = try parse("statements | where act = \"urge\" | select id, content as text")
        #expect(cs.count == 1)
        let p = cs[0].pipeline
        #expect(p.head.command.name == "statements")
        #expect(p.stages.map(\.command.name) == ["where", "select"])
        #expect(p.stages[0].nameSpan.column == 14 && p.stages[0].nameSpan.length == 5)
        guard case .expression(.binary(let op, .field(let path, let fs), .literal(.string(let s), let ls), _)) = p.stages[0].arguments else {
            Issue.record("where argument"); return
        }
        #expect(op == "=" && path == ["act"] && s == "urge")
        #expect(fs.column == 20 && ls.column == 26)
        guard case .columns(let columns) = p.stages[1].arguments else { Issue.record("select"); return }
        #expect(columns.map(\.name) == ["id", "text"])
    }

    @Test func commandsSplitOnNewlinesAndSemicolonsAndCommentsAreIgnored() throws {
        let cs = try parse("# a comment\nstatements | count; entities | count\n\ninfo  # trailing\n")
        #expect(cs.map(\.pipeline.head.command.name) == ["statements", "entities", "info"])
        #expect(cs[2].span.line == 4)
    }

    @Test func pipelineContinuesAfterTrailingPipeAndInsideBrackets() throws {
        let cs = try parse("statements |\n  where act in [\"urge\",\n \"call\"] |\n  count")
        #expect(cs.count == 1)
        #expect(cs[0].pipeline.stages.count == 2)
    }

    @Test func precedenceOfAndOrNot() throws {
        let cs = try parse("statements | where not act = \"urge\" or act = \"call\" and id = \"s1\"")
        guard case .expression(.binary("or", .not, .binary("and", _, _, _), _)) = cs[0].pipeline.stages[0].arguments else {
            Issue.record("precedence"); return
        }
    }

    @Test func parenthesisedPipelineIsAValue() throws {
        let cs = try parse("assert (statements | count) > 0")
        guard case .expression(.binary(">", .pipeline(let p, _), .literal(.number(0), _), _)) = cs[0].pipeline.head.arguments else {
            Issue.record("subpipeline"); return
        }
        #expect(p.stages.map(\.command.name) == ["count"])
    }

    @Test func unknownStageHasCaretAndSuggestion() {
        let d = errors("statements | wher act = \"urge\"")
        #expect(d.count == 1)
        #expect(d[0].span?.column == 14 && d[0].span?.length == 4)
        #expect(d[0].message == "unknown command 'wher'")
        #expect(d[0].hint == "did you mean 'where'?")
    }

    @Test func recoveryReportsEveryBadCommand() {
        let d = errors("statements | wher x\nentities | count\nshoww s1\n")
        #expect(d.map { $0.span?.line } == [1, 3])
    }

    @Test func unterminatedStringAndMissingBracket() {
        #expect(errors("find \"crimes").first?.message == "unterminated string")
        let d = errors("statements | where act in [\"a\", \"b\"")
        #expect(d.first?.message.hasPrefix("expected ']'") == true || d.first?.message.hasPrefix("expected") == true)
    }

    @Test func stageAtTheStartAndSourceAfterPipeAreExplained() {
        #expect(errors("where act = \"urge\"").first?.message == "'where' needs input from a pipeline")
        #expect(errors("statements | entities").first?.message == "'entities' starts a command; it cannot follow '|'")
    }

    @Test func hostileInputNeitherCrashesNorHangs() {
        let deep = String(repeating: "(", count: 5000) + "statements" + String(repeating: ")", count: 5000)
        _ = errors(deep.count > 0 ? "echo " + String(repeating: "[", count: 3000) : "")
        _ = errors(String(repeating: "statements | ", count: 2000))
        _ = errors(String(repeating: "\"", count: 10001))
        _ = errors("\u{0}\u{7}|||;;;((]]")
    }

    /// A long flat line: every span shares the line's text (it was copied per token, so 8,000
    /// `or` terms took 10 s and 3 GB) and finds its column from a checkpoint, not the line start.
    @Test func longFlatLinesParseInLinearWork() throws {
        let terms = 5_000
        let line = "statements | where " + Array(repeating: "id = \"s1\"", count: terms).joined(separator: " or ") + " | count"
        let clock = ContinuousClock()
        let started = clock.now
        let cs = try parse("echo 1\n" + line)
        #expect(clock.now - started < .seconds(5))
        guard case .expression(let e) = cs[1].pipeline.stages[0].arguments else { Issue.record("where"); return }
        // The last `or` is the root; its column counts every character before it, non-ASCII included.
        let lastOr = line.range(of: " or ", options: .backwards)!.lowerBound
        #expect(e.span.line == 2 && e.span.column == line.distance(from: line.startIndex, to: lastOr) + 2)
        let wide = "statements | where \"" + String(repeating: "é", count: 300) + "\" + \"ü\" + 1"
        guard case .expression(.binary(_, .binary(_, _, let u, _), let one, _)) = try parse(wide)[0].pipeline.stages[0].arguments else {
            Issue.record("where"); return
        }
        #expect(u.span.column == 325 && one.span.column == 331 && one.span.lineText == wide)
    }

    /// A chain of operators is a left-deep tree that evaluating and freeing walk recursively: a
    /// million `+ 1` terms crashed. Past 10,000 in one command it is a located error.
    @Test func operatorChainsAreBounded() throws {
        _ = try parse("echo 1" + String(repeating: " + 1", count: 10_000))
        let e = errors("echo 1" + String(repeating: " + 1", count: 10_001) + "\necho 2 or 3")
        #expect(e.count == 1 && e[0].message == "more than 10000 operators in one command")
        #expect(e[0].span?.line == 1 && e[0].span?.column == 4 * 10_001 + 4)
        #expect(errors("echo " + Array(repeating: "x", count: 10_002).joined(separator: " or ")).count == 1)
        #expect(errors("echo " + Array(repeating: "1", count: 6_000).joined(separator: " * ") + "; echo "
                       + Array(repeating: "1", count: 6_000).joined(separator: " - ")).isEmpty)
    }

    @Test func continuationNeededForOpenInput() {
        #expect(InputState.needsMore("statements |"))
        #expect(InputState.needsMore("find \"crimes"))
        #expect(InputState.needsMore("statements | where act in [\"a\","))
        #expect(!InputState.needsMore("statements | count"))
        #expect(!InputState.needsMore("find \"a | b\""))
        #expect(!InputState.needsMore("statements # |"))
    }
}
