import Foundation
import StatementQuery
import StatementModel

/// Runs script files (`stmt FILE`, `stmt -`, `-c`, and `run FILE` inside a session): stops at the
/// first failing command unless asked to keep going, echoes commands on request, refuses recursion.
public final class ScriptRunner: SessionHost {
    /// Runner options.
    public struct Options: Sendable {
        /// Print each command, with a prompt, before its output.
        public var echo = false
        /// Run on after a failing command, and fail at the end.
        public var keepGoing = false
        /// Makes default options.
        public init() {}
    }

    /// The options in force.
    public var options: Options
    /// Where diagnostics go.
    public var writeError: (String) -> Void
    /// Failures seen so far when keeping going.
    public private(set) var failures = 0
    /// Whether `quit` was called.
    public private(set) var quitRequested = false
    /// The most severe exit code seen.
    public private(set) var worst: ExitCode = .success

    /// Makes a runner.
    public init(options: Options = Options(), writeError: @escaping (String) -> Void = { OutputWriter.standardError.write($0) }) {
        self.options = options
        self.writeError = writeError
    }

    /// Whether standard output is a terminal.
    public var isTerminal: Bool { isatty(1) == 1 }
    /// Scripts have no history.
    public func historyEntries() -> [String] { [] }
    /// Stops the script after the current command.
    public func requestQuit() { quitRequested = true }

    /// Runs script text in a session; returns the exit code.
    public func run(text: String, name: String, session: Session) -> ExitCode {
        session.host = self
        do {
            try execute(text: text, name: name, session: session)
        } catch let d as Diagnostic {
            report(d, session: session)
        } catch let list as DiagnosticList {
            writeError(DiagnosticRenderer(color: colorErrors).render(list.diagnostics))
            worst = .syntax
        } catch {
            writeError("error: \(error)\n")
            worst = .failure
        }
        return failures > 0 && worst == .success ? .failure : worst
    }

    var colorErrors: Bool { OutputWriter.standardError.isTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty }

    func report(_ d: Diagnostic, session: Session) {
        writeError(DiagnosticRenderer(color: colorErrors).render(d))
        let code: ExitCode = d.category == .syntax ? .syntax : .failure
        if code.rawValue > worst.rawValue || worst == .success { worst = code }
    }

    /// Parses all of a script first (a syntax error anywhere means nothing runs), then runs it.
    /// A script `run` from another (`runFrom`, the `run` command's place) that does not parse fails
    /// that `run` command, with its errors as notes: the outer script has already run up to it, so
    /// this is no "nothing ran" syntax error (exit 2) of the outer one.
    func execute(text: String, name: String, session: Session, runFrom span: SourceSpan? = nil) throws {
        let commands: [ParsedCommand]
        do { commands = try session.parse(SourceInput(name: name, text: text.strippingShebang())) } catch {
            guard let span else { throw error }
            let n = error.diagnostics.count
            throw Diagnostic("'\(name)' has \(n) syntax error\(n == 1 ? "" : "s"): none of it ran", at: span,
                             hint: "fix \(n == 1 ? "it" : "them") (below), then run it again", category: .evaluation, notes: error.diagnostics)
        }
        for c in commands {
            if quitRequested { return }
            if options.echo { session.write("stmt> " + TerminalText.escaped(c.text).replacingOccurrences(of: "\n", with: "\n  ... ") + "\n") }
            do {
                try session.run(c)
            } catch let d as Diagnostic where options.keepGoing {
                failures += 1
                report(d, session: session)
            }
        }
    }

    /// `run FILE` from a session: relative to the running script's folder, recursion refused.
    public func runScript(path: String, span: SourceSpan, session: Session) throws {
        try Self.runNested(path: path, span: span, session: session) { text, name in
            try execute(text: text, name: name, session: session, runFrom: span)
        }
    }

    /// How deep `run` may nest scripts (a chain of scripts each running the next).
    public static let maxNesting = 64

    /// Shared by the runner and the REPL: resolve, check, read, then run with the script's folder as base.
    public static func runNested(path: String, span: SourceSpan, session: Session, body: (String, String) throws -> Void) throws {
        let full = session.resolve(path: path)
        let chain = { (session.runningScripts + [full]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → ") }
        if session.runningScripts.contains(full) {
            throw Diagnostic("'\(path)' is already running: a script may not run itself", at: span,
                             hint: "chain: " + chain(), category: .evaluation)
        }
        if session.runningScripts.count >= maxNesting {
            throw Diagnostic("scripts nested deeper than \(maxNesting) levels", at: span,
                             hint: "each `run` starts another script inside this one; the chain begins " +
                                 session.runningScripts.prefix(3).map { ($0 as NSString).lastPathComponent }.joined(separator: " → ") + " → …",
                             category: .evaluation)
        }
        let bytes = try session.readFile(full, span: span, verb: "read script")
        let text: String
        do { text = try TextDecoder.decode(bytes, name: path) } catch { throw error }
        let saved = session.baseDirectory
        session.runningScripts.append(full)
        session.baseDirectory = PathText.folder(of: full)
        defer {
            session.baseDirectory = saved
            session.runningScripts.removeLast()
        }
        try body(text, path)
    }
}

extension String {
    /// A `#!` first line becomes a comment line, so line numbers stay right.
    func strippingShebang() -> String { hasPrefix("#!") ? "#" + dropFirst(2) : self }
}
