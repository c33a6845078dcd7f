import Foundation
import StatementModel

/// What a session asks of the program hosting it (the REPL or the script runner).
public protocol SessionHost: AnyObject {
    /// Runs a script file inside this session (`run FILE`).
    func runScript(path: String, span: SourceSpan, session: Session) throws
    /// The history entries, oldest first (`history`).
    func historyEntries() -> [String]
    /// Asks the host to stop after this command (`quit`).
    func requestQuit()
    /// Whether standard output is a terminal (for `set color auto`).
    var isTerminal: Bool { get }
}

/// The state of one session: the model, variables, settings, and where output goes.
/// The REPL and the script runner each drive a session; commands read and change it.
public final class Session: @unchecked Sendable {
    /// The model queried.
    public var model: Model
    /// `let` variables and parameters.
    public var variables: [String: Value] = [:]
    /// Names bound by `--set`, which `param` defaults do not override.
    public var presetParameters: Set<String> = []
    /// Names a command has read (`$name`) or declared with `param`: a `--set` name outside it was
    /// given to a script that never used it, most likely misspelt.
    public var readVariables: Set<String> = []
    /// Output settings.
    public var settings = Settings()
    /// How much text one command may make (`TextBudget`).
    public var textLimits = TextBudget.Limits()
    /// The most cells (rows × columns) one `select` or `expand` makes: rows alone did not bound
    /// memory (5.8 million rows of 100 columns took 7 GB, then an abort); a cell takes about 100 bytes.
    public var maxCells = 20_000_000
    /// The commands of the language.
    public let commands: CommandTable
    /// The folder relative paths resolve against (the running script's, or the working directory).
    public var baseDirectory: String
    /// The gate every file access goes through; safe mode is its state, fixed when the session is made.
    public let gate: FileGate
    /// Safe mode: no file writes, no reads outside the gate's folders. Cannot be switched off from inside.
    public var safe: Bool { gate.isSafe }
    /// The host, for `run`, `history`, `quit`.
    public weak var host: SessionHost?
    /// Where command output goes.
    public var write: (String) -> Void
    /// Where warnings go (standard error; a transcript keeps them with the output).
    public var writeWarning: (String) -> Void = { OutputWriter.standardError.write($0) }
    /// Polled by long commands; true once the user pressed Ctrl-C.
    public var isCancelled: () -> Bool = { false }
    /// File formats other modules write (`save x.svg`), by extension.
    public var exporters: [Exporter] = []
    /// Script files currently running (to refuse recursion).
    public var runningScripts: [String] = []
    /// State other modules keep with a session, by its type (the REPL's drafts): it lives and dies
    /// with the session.
    public var attachments: [ObjectIdentifier: AnyObject] = [:]
    /// How `load` reads a model: the shell routes it through the snapshot cache; nil reads it afresh.
    public var openModel: (@Sendable (String, ModelLoader) throws(DiagnosticList) -> Model)?

    /// Makes a session on a model; file access goes through `gate` (safe mode when the gate is safe).
    public init(model: Model, gate: FileGate = .unrestricted, commands: CommandTable = .standard,
                baseDirectory: String = FileManager.default.currentDirectoryPath,
                write: @escaping (String) -> Void = { OutputWriter.standardOutput.write($0) }) {
        self.model = model
        self.gate = gate
        self.commands = commands
        self.baseDirectory = baseDirectory
        self.write = write
    }

    /// Whether colour is in effect.
    public var useColor: Bool {
        switch settings.color {
        case .on: return true
        case .off: return false
        // `getenv`, not `ProcessInfo.environment`, which copies the whole environment on every call.
        case .auto: return (host?.isTerminal ?? false) && getenv("NO_COLOR").map { $0.pointee == 0 } ?? true
        }
    }

    /// The value of `$name`, noted as read.
    public func readVariable(_ name: String) -> Value? {
        readVariables.insert(name)
        return variables[name]
    }

    /// Warnings for `--set` names that no command read and no `param` declared: a script run with
    /// `--set acter=Japan` would otherwise quietly use its default for `actor`.
    public func unusedPresetWarnings() -> [Diagnostic] {
        presetParameters.subtracting(readVariables).sorted().map { name in
            let known = readVariables.union(variables.keys).subtracting(presetParameters)
            let hint = Suggestion.closest(to: name, in: known).first.map { "did you mean '\($0)'? " } ?? ""
            return Diagnostic("--set \(name)=… was not used: no command read $\(name)",
                              hint: hint + "a script reads a parameter as $\(name), and may declare it with `param \(name) = DEFAULT`",
                              category: .evaluation, severity: .warning)
        }
    }

    /// A path resolved against the base directory.
    public func resolve(path: String) -> String {
        let expanded = path.hasPrefix("~/") ? NSHomeDirectory() + path.dropFirst(1) : path
        let full = expanded.hasPrefix("/") ? expanded : (baseDirectory as NSString).appendingPathComponent(expanded)
        let resolved = URL(fileURLWithPath: full).standardizedFileURL.path
        // A trailing '/' says "a folder": kept, so that writing a file there is refused, not done.
        return path.hasSuffix("/") && !resolved.hasSuffix("/") ? resolved + "/" : resolved
    }

    /// Reports a warning — a query that can run but probably does not mean what it says — unless
    /// `set warnings off`.
    public func warn(_ d: Diagnostic) {
        guard settings.warnings else { return }
        writeWarning(DiagnosticRenderer(color: useColor).render(d))
    }

    /// Refuses a read the gate does not allow, with a diagnostic at `span` naming the rule.
    public func checkRead(_ path: String, span: SourceSpan) throws {
        do { try gate.check(.read, path) } catch { throw error.diagnostic("read", at: span) }
    }

    /// Refuses a write the gate does not allow (every write in safe mode), and one that would
    /// replace the model's own files or its documents' texts.
    public func checkWrite(_ path: String, span: SourceSpan) throws {
        do { try gate.check(.write, path) } catch { throw error.diagnostic("write", at: span) }
        if let why = model.ownFileRefusal(path) {
            throw Diagnostic("will not write '\(path)': \(why)", at: span,
                             hint: "write to another file: a model and its texts are only read", category: .refused)
        }
    }

    /// Writes bytes through the gate (atomically); a refusal or a failure is a diagnostic at `span`.
    public func writeFile(_ bytes: [UInt8], to path: String, span: SourceSpan) throws {
        let full = resolve(path: path)
        try checkWrite(full, span: span)
        do { try gate.write(bytes, to: full) } catch { throw error.diagnostic("write", at: span) }
    }

    /// A file's bytes through the gate; a refusal or a failure is a diagnostic at `span`.
    public func readFile(_ path: String, span: SourceSpan, verb: String = "read") throws -> [UInt8] {
        do { return try gate.read(resolve(path: path)) } catch { throw error.diagnostic(verb, at: span) }
    }

    /// Writes a file atomically through the gate, keeping the mode and owner of a file it replaces.
    public func writeFile(_ text: String, to path: String, span: SourceSpan) throws {
        try writeFile(Array(text.utf8), to: path, span: span)
    }

    /// Parses text into commands, reporting every syntax error.
    public func parse(_ input: SourceInput) throws(DiagnosticList) -> [ParsedCommand] {
        var parser = Parser(input, table: commands)
        return try parser.parseScript()
    }

    /// Parses text into commands, each parsed or with its own syntax error (for transcripts).
    public func parseEach(_ input: SourceInput) -> [Result<ParsedCommand, Parser.Unparsed>] {
        var parser = Parser(input, table: commands)
        return parser.parseEach()
    }

    /// Runs one parsed command and writes its rendered output.
    public func run(_ command: ParsedCommand) throws {
        try DeepStack.shared.run { try runHere(command) }
    }

    private func runHere(_ command: ParsedCommand) throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let output = try Evaluator(session: self).run(command.pipeline)
        let evaluated = DispatchTime.now().uptimeNanoseconds
        let text = Renderer(session: self).render(output)
        // Long output is written in pieces, Ctrl-C heard between them (and while it was rendered):
        // 60,000 rows ran on to the end of the listing.
        let cancelled = Diagnostic("cancelled", at: command.span, hint: "the command was interrupted; the session goes on", category: .cancelled)
        if isCancelled() { throw cancelled }
        var rest = Substring(text)
        while !rest.isEmpty {
            let piece = rest.prefix(65_536)
            write(String(piece))
            rest = rest.dropFirst(piece.count)
            if !rest.isEmpty, isCancelled() { write("\n"); throw cancelled }
        }
        if settings.timer {
            // Like sqlite3's `.timer`; the evaluation alone is what a database library's query time measures.
            let total = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            let evaluation = Double(evaluated - started) / 1_000_000
            write(String(format: "Run Time: %.3f ms (evaluation %.3f ms, output %.3f ms)\n", total, evaluation, total - evaluation))
        }
    }

    /// Parses and runs text, stopping at the first error (which is thrown).
    public func execute(_ text: String, name: String = "<input>", firstLine: Int = 1) throws {
        for c in try parse(SourceInput(name: name, text: text, firstLine: firstLine)) { try run(c) }
    }
}
