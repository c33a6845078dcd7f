import Foundation
import StatementModel
import StatementQuery

/// Checks transcript scripts: each command is followed by its expected output in `#=>` lines,
/// compared exactly. A failing command's expected output is its error message, so transcripts
/// can pin error messages too. `--update` rewrites the expectations in place (atomically).
///
/// A `#=>` line inside a multi-line string belongs to the command, not to the expectations; the
/// outputs of several commands on one line are expected together; `#=>` lines with no command
/// before them, and expectations of commands that never run (after `quit`), are problems, not
/// silently dropped.
public struct TranscriptTester {
    /// The result of checking one file.
    public struct Result: Sendable {
        /// The file.
        public var path: String
        /// Commands checked.
        public var checked: Int
        /// Unified diffs of the mismatches (empty when all matched).
        public var diffs: [String]
        /// Expectations that belong to no command, or to commands that never ran: wrong even after `--update`.
        public var issues: [String]
        /// Everything wrong: the diffs, then the issues.
        public var problems: [String] { diffs + issues }
        /// The file with expectations replaced by actual output.
        public var updated: String
        /// Whether the file reads as a transcript: a `.stmt` file, or one with a `#=>` line or a command that parses.
        /// A text or a model file given by mistake has neither, and `--update` leaves it alone.
        public var isTranscript = true

        /// Writes ``updated`` over the file through the gate, keeping its line ends (CRLF stays CRLF)
        /// (or CR) and its byte-order mark.
        public func write(to path: String, gate: FileGate) throws(FileAccessError) {
            let old = (try? gate.read(path)) ?? []
            try gate.write(TextLayout(old).encode(updated), to: path)
        }
    }

    /// Makes a tester.
    public init() {}

    /// The transcript as `--update` writes it: checked again on its own rebuilt text until that text
    /// stops changing (at most `rounds` times). Expectations that quote a place (`t.stmt:9:33: warning`)
    /// moved as lines were added above them, so one pass wrote places a fresh run refused.
    public func update<E: Error>(path: String, name: String? = nil, text: String, rounds: Int = 4,
                                 makeSession: () throws(E) -> Session) throws -> Result {
        var r = try check(path: path, name: name, text: text, makeSession: makeSession)
        var first = r
        // A string that never closes is read up to its line's end; the error lines written below it
        // quote it, and a second reading could close it on one of them: then one pass is all.
        let rounds = Parser.hasUnterminatedString(text) ? 1 : rounds
        for _ in 1..<max(1, rounds) where r.updated != text {
            let again = try check(path: path, name: name, text: r.updated, makeSession: makeSession)
            // The same commands, read the same way, or the pass is not taken: an unterminated
            // string's quoted error line (`#=>  3 | echo "abc`) closes the string on a second reading.
            guard again.checked == r.checked, again.issues.count == r.issues.count, again.updated != r.updated else { break }
            r = again
        }
        // What was wrong is the first pass's report; what is written, the settled text.
        first.updated = r.updated
        return first
    }

    /// Runs a transcript file against a fresh session made by `makeSession` and compares.
    public func check<E: Error>(path: String, name: String? = nil, text: String, makeSession: () throws(E) -> Session) throws -> Result {
        let shown = name ?? path
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let source = text.strippingShebang()
        let insideStrings = Parser.linesInsideStrings(source)
        func isExpectation(_ n: Int) -> Bool { lines[n].hasPrefix("#=>") && !insideStrings.contains(n + 1) }
        let session = try makeSession()
        session.baseDirectory = PathText.folder(of: path)
        let runner = ScriptRunner()
        session.host = runner
        var output = ""
        session.write = { output += $0 }
        session.writeWarning = { output += $0 }
        // Each command in order; one that does not parse expects its syntax error, like any output.
        let entries: [TranscriptEntry] = session.parseEach(SourceInput(name: shown, text: source)).map { item in
            switch item {
            case .success(let c):
                let first = c.span.line - 1
                return TranscriptEntry(firstLine: first, lastLine: first + c.text.filter { $0 == "\n" }.count, text: c.text, command: c)
            case .failure(let u):
                // An error at the end of the input (`echo (`) has no line of its own: the command's first line names it.
                var text = u.diagnostic.span?.lineText.trimmingCharacters(in: .whitespaces) ?? ""
                if text.isEmpty, lines.indices.contains(u.firstLine - 1) { text = lines[u.firstLine - 1].trimmingCharacters(in: .whitespaces) }
                return TranscriptEntry(firstLine: u.firstLine - 1, lastLine: u.lastLine - 1, text: text, error: u.diagnostic)
            }
        }

        // The line (0-based) each command ends on; several commands may end on one line.
        let endLines = entries.map(\.lastLine)
        var codeLines = Set<Int>()
        for e in entries { for l in e.firstLine...e.lastLine { codeLines.insert(l) } }
        // Expectation groups: the `#=>` lines after a line, keyed by the last code line before them.
        var expectations: [Int: [String]] = [:]
        var groupStart: [Int: Int] = [:]
        var problems: [String] = []
        var lastCode = -1
        for n in lines.indices {
            if isExpectation(n) {
                let content = lines[n].dropFirst(3)
                if expectations[lastCode] == nil { groupStart[lastCode] = n }
                expectations[lastCode, default: []].append(String(content.hasPrefix(" ") ? content.dropFirst() : content))
            } else if codeLines.contains(n) {
                lastCode = n
            }
        }
        let commandEnds = Set(endLines)
        for (line, start) in groupStart.sorted(by: { $0.value < $1.value }) where !commandEnds.contains(line) {
            problems.append("\(shown):\(start + 1): expected output with no command before it"
                            + (line < 0 ? "" : " (the command on line \(line + 1) continues after it)") + "\n")
        }

        var actual: [Int: [String]] = [:]
        var diffs: [String] = []
        var ran = 0
        var quitAt: Int?
        for (k, entry) in entries.enumerated() {
            let end = entry.lastLine
            let firstLine = entry.text.split(separator: "\n").first.map(String.init) ?? ""
            if let q = quitAt {
                if expectations[end] != nil && actual[end] == nil {
                    problems.append("\(shown):\(entry.firstLine + 1): `\(firstLine)` never runs: it comes after `quit` on line \(q)\n")
                }
                continue
            }
            output = ""
            if let c = entry.command {
                do { try session.run(c) } catch let d as Diagnostic {
                    output += DiagnosticRenderer(color: false).render(d)
                } catch let l as DiagnosticList {
                    output += DiagnosticRenderer(color: false).render(l.diagnostics)
                }
                if runner.quitRequested { quitAt = entry.firstLine + 1 }
            } else if let d = entry.error {
                output = DiagnosticRenderer(color: false).render(d)
            }
            ran += 1
            // CSV ends lines with CRLF, one Character in Swift: both end a line here.
            var got = output.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
            if got.last == "" { got.removeLast() }
            actual[end, default: []] += got
            // Compared once the last command ending on this line has run.
            let lastOnLine = !(k + 1 < entries.count && endLines[k + 1] == end && quitAt == nil)
            if lastOnLine {
                let want = expectations[end] ?? [], have = actual[end] ?? []
                if have != want {
                    diffs.append(UnifiedDiff.make(expected: want, actual: have, header: "\(shown):\(entry.firstLine + 1): output of `\(firstLine)` differs"))
                }
            }
        }
        if entries.isEmpty && !expectations.isEmpty && problems.isEmpty {
            problems.append("\(shown): expected output but no commands\n")
        }
        // The file again, each command's expectations replaced by what it printed; other lines kept.
        var rebuilt: [String] = []
        // The last code line so far owns the `#=>` lines after it (kept in one pass: walking back
        // from each of 20,000 expectation lines took seconds).
        var owner: Int?
        for (n, line) in lines.enumerated() {
            if isExpectation(n) {
                if owner.map({ actual[$0] == nil }) ?? true { rebuilt.append(line) }
                continue
            }
            if codeLines.contains(n) { owner = n }
            rebuilt.append(line)
            if commandEnds.contains(n), let out = actual[n] {
                for o in out { rebuilt.append(o.isEmpty ? "#=>" : "#=> " + o) }
            }
        }
        var result = Result(path: path, checked: ran, diffs: diffs, issues: problems, updated: rebuilt.joined(separator: "\n"))
        // A .stmt file is a script whatever it holds (a new one may start with a typo); another file
        // is one when some line reads as a command or an expectation.
        result.isTranscript = path.hasSuffix(".stmt") || !expectations.isEmpty || entries.contains { $0.command != nil } || entries.isEmpty
        return result
    }
}

/// One command of a transcript, parsed or with its syntax error; lines are 0-based.
struct TranscriptEntry {
    var firstLine: Int, lastLine: Int
    var text: String
    var command: ParsedCommand?
    var error: Diagnostic?
}

/// A small unified diff for expected-versus-actual line lists.
public enum UnifiedDiff {
    /// Past this many cells the middle is shown as all removed, then all added, instead of being
    /// aligned: the alignment table grows with the product of the two lengths.
    static let maxCells = 1_000_000
    /// Lines of one hunk shown at most.
    static let maxLines = 200

    /// `--- expected` / `+++ actual` with one hunk covering the differing region and 2 lines of
    /// context. Trailing spaces and tabs of changed lines are shown (· and →): lines that differ
    /// only there looked the same.
    public static func make(expected: [String], actual: [String], header: String) -> String {
        // Common lines at both ends are matched first, in linear time.
        var p = 0
        while p < expected.count && p < actual.count && expected[p] == actual[p] { p += 1 }
        var q = 0
        while q < expected.count - p && q < actual.count - p && expected[expected.count - 1 - q] == actual[actual.count - 1 - q] { q += 1 }
        let a = Array(expected[p..<(expected.count - q)]), b = Array(actual[p..<(actual.count - q)])
        var ops: [(Character, String)] = expected[..<p].map { (" ", $0) }
        if a.count * b.count <= maxCells {
            let lcs = table(a, b)
            var i = 0, j = 0
            while i < a.count || j < b.count {
                if i < a.count && j < b.count && a[i] == b[j] {
                    ops.append((" ", a[i])); i += 1; j += 1
                } else if i < a.count && (j == b.count || lcs[i + 1][j] >= lcs[i][j + 1]) {
                    ops.append(("-", a[i])); i += 1
                } else {
                    ops.append(("+", b[j])); j += 1
                }
            }
        } else {
            ops += a.map { ("-", $0) } + b.map { ("+", $0) }
        }
        ops += expected[(expected.count - q)...].map { (" ", $0) }
        let changed = ops.indices.filter { ops[$0].0 != " " }
        guard let first = changed.first, let last = changed.last else { return "" }
        let lo = max(0, first - 2), hi = min(ops.count - 1, last + 2)
        var out = "\(header)\n--- expected\n+++ actual\n@@ -\(lo + 1) +\(lo + 1) @@\n"
        var marked = false
        for k in lo...min(hi, lo + maxLines - 1) {
            let (op, line) = ops[k]
            let shown = op == " " ? line : visibleTrailingSpace(line)
            if shown != line { marked = true }
            out += "\(op)\(shown)\n"
        }
        if hi - lo + 1 > maxLines { out += "… \(hi - lo + 1 - maxLines) more lines\n" }
        if marked { out += "(· is a trailing space, → a trailing tab)\n" }
        return out
    }

    /// The line with its trailing spaces and tabs made visible.
    static func visibleTrailingSpace(_ line: String) -> String {
        let body = line.reversed().drop { $0 == " " || $0 == "\t" }
        let tail = line.dropFirst(body.count)
        guard !tail.isEmpty else { return line }
        return String(line.prefix(body.count)) + tail.map { $0 == " " ? "·" : "→" }.joined()
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
