import Foundation
import StatementModel
import StatementQuery

/// Checks transcript scripts: each command is followed by its expected output in `#=>` lines,
/// compared exactly. A failing command's expected output is its error message, so transcripts
/// can pin error messages too. `--update` rewrites the expectations in place (atomically).
public struct TranscriptTester {
    /// The result of checking one file.
    public struct Result: Sendable {
        /// The file.
        public var path: String
        /// Commands checked.
        public var checked: Int
        /// Unified diffs of the mismatches (empty when all matched).
        public var diffs: [String]
        /// The file with expectations replaced by actual output.
        public var updated: String
    }

    /// Makes a tester.
    public init() {}

    /// Runs a transcript file against a fresh session made by `makeSession` and compares.
    public func check(path: String, name: String? = nil, text: String, makeSession: () -> Session) throws -> Result {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Expectation lines are blanked (not removed) in what is parsed, so every error names the
        // line it has in the file; `bodyIndex` maps a file line to its place in the rebuilt file.
        var body: [String] = []
        var bodyIndex: [Int: Int] = [:]
        var expectations: [Int: [String]] = [:]   // body index after which expectations stand
        var lastCodeLine = -1
        for (n, line) in lines.enumerated() {
            if line.hasPrefix("#=>") {
                let content = line.dropFirst(3)
                expectations[lastCodeLine, default: []].append(String(content.hasPrefix(" ") ? content.dropFirst() : content))
                continue
            }
            body.append(line)
            bodyIndex[n] = body.count - 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { lastCodeLine = body.count - 1 }
        }
        let source = lines.map { $0.hasPrefix("#=>") ? "" : $0 }.joined(separator: "\n").strippingShebang()
        let session = makeSession()
        session.baseDirectory = (path as NSString).deletingLastPathComponent
        let runner = ScriptRunner()
        session.host = runner
        var output = ""
        session.write = { output += $0 }
        let commands = try session.parse(SourceInput(name: name ?? path, text: source))
        var actual: [Int: [String]] = [:]
        var diffs: [String] = []
        for c in commands {
            output = ""
            do { try session.run(c) } catch let d as Diagnostic {
                output += DiagnosticRenderer(color: false).render(d)
            } catch let l as DiagnosticList {
                output += DiagnosticRenderer(color: false).render(l.diagnostics)
            }
            let endLine = bodyIndex[c.span.line - 1 + c.text.filter { $0 == "\n" }.count] ?? -1
            var got = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if got.last == "" { got.removeLast() }
            actual[endLine] = got
            let want = expectations[endLine] ?? []
            if got != want {
                diffs.append(UnifiedDiff.make(expected: want, actual: got,
                                              header: "\(name ?? path):\(c.span.line): output of `\(c.text.split(separator: "\n").first ?? "")` differs"))
            }
        }
        var rebuilt: [String] = []
        for (i, line) in body.enumerated() {
            rebuilt.append(line)
            for out in actual[i] ?? [] { rebuilt.append(out.isEmpty ? "#=>" : "#=> " + out) }
        }
        return Result(path: path, checked: commands.count, diffs: diffs, updated: rebuilt.joined(separator: "\n"))
    }
}

/// A small unified diff for expected-versus-actual line lists.
public enum UnifiedDiff {
    /// `--- expected` / `+++ actual` with one hunk covering the differing region and 2 lines of context.
    public static func make(expected: [String], actual: [String], header: String) -> String {
        let lcs = table(expected, actual)
        var ops: [(Character, String)] = []
        var i = 0, j = 0
        while i < expected.count || j < actual.count {
            if i < expected.count && j < actual.count && expected[i] == actual[j] {
                ops.append((" ", expected[i])); i += 1; j += 1
            } else if i < expected.count && (j == actual.count || lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.append(("-", expected[i])); i += 1
            } else {
                ops.append(("+", actual[j])); j += 1
            }
        }
        let changed = ops.indices.filter { ops[$0].0 != " " }
        guard let first = changed.first, let last = changed.last else { return "" }
        let lo = max(0, first - 2), hi = min(ops.count - 1, last + 2)
        var out = "\(header)\n--- expected\n+++ actual\n@@ -\(lo + 1) +\(lo + 1) @@\n"
        for k in lo...hi { out += "\(ops[k].0)\(ops[k].1)\n" }
        return out
    }

    static func table(_ a: [String], _ b: [String]) -> [[Int]] {
        var t = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                t[i][j] = a[i] == b[j] ? t[i + 1][j + 1] + 1 : max(t[i + 1][j], t[i][j + 1])
            }
        }
        return t
    }
}
