import ArgumentParser
import Foundation
import StatementModel
import StatementQuery
import StatementShell
import StatementSnapshot

/// `stmt`: explore statement models interactively or run saved analyses.
struct Stmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stmt",
        abstract: "Explore statement models: who said what, to whom, with what force, reported by whom.",
        discussion: """
        With no arguments, opens the REPL on the bundled seed model; with a model FILE (.yaml, .yml, .json, .jsonl \
        or a folder), opens the REPL on it; with a script FILE, runs it. Exit codes: 0 success; 1 a command, \
        assertion or transcript check failed; 2 the script or model has a syntax or validation error; \
        64 bad usage (unknown flag, missing file). The command language is described in stmt-language(7).
        """,
        version: versionLine,
        subcommands: [Open.self, Run.self, Check.self, Info.self, DraftCommand.self, CoverageCommand.self, Report.self, Test.self, Demo.self, Docs.self, CacheCommand.self],
        defaultSubcommand: Open.self
    )
}

/// `stmt 0.2.0 (commit 1a2b3c4d5e6f)`; the commit is left out when the build did not know it.
let versionLine = "stmt 0.2.0" + (BuildInfo.commit.isEmpty ? "" : " (commit \(BuildInfo.commit))")

/// What shell completion offers for model paths: model files, and folders (which hold them).
let modelCompletion = CompletionKind.file(extensions: ["yaml", "yml", "json", "jsonl"])
/// What shell completion offers for scripts.
let scriptCompletion = CompletionKind.file(extensions: ["stmt"])
/// What shell completion offers where a script or a model may stand (`stmt FILE`).
let scriptOrModelCompletion = CompletionKind.file(extensions: ["stmt", "yaml", "yml", "json", "jsonl"])

/// Ends the process. Output that could not be written (a full disk, a closed descriptor) turns a
/// success into failure (1), with one line on standard error when that can still be written; a
/// reader that went away (a closed pipe) ends it quietly. A warning or message lost on standard
/// error is a failure too: whoever reads the exit code would not know it was said.
func finish(_ code: Int32) -> Never {
    SnapshotCache.waitForPendingWrites()
    let failed = code == 0 ? StatementShell.ExitCode.failure.rawValue : code
    if let e = OutputWriter.standardOutput.failure, e != EPIPE {
        OutputWriter.standardError.write("stmt: error: cannot write to standard output: \(OutputWriter.standardOutput.failureDescription ?? "")\n")
        exit(failed)
    }
    if let e = OutputWriter.standardError.failure, e != EPIPE { exit(failed) }
    exit(code)
}

/// Options shared by the ways of running commands.
struct SessionOptions: ParsableArguments {
    @Option(name: .long, help: "Model file or folder (default: the bundled seed).", completion: modelCompletion)
    var model: String?
    @Option(name: .customLong("set"), help: "Bind $NAME to VALUE (repeatable): --set actor=Japan.")
    var parameters: [String] = []
    @Flag(name: .long, help: "Safe mode: no file writes, no reads outside the script's and the model's folders (the REPL's own history file, named by the environment, excepted).")
    var safe = false
    @Flag(name: .customLong("no-cache"), help: "Parse the model even if a current snapshot of it is cached, and write none (see `stmt cache`).")
    var noCache = false

    func setup(scriptPath: String?) -> SessionSetup {
        var setup = SessionSetup(modelPath: model, parameters: parameters, safe: safe, scriptPath: scriptPath)
        setup.cache = noCache ? nil : SnapshotCache.standard()
        setup.cache?.writesInBackground = true
        return setup
    }

    /// The session, or the set-up's diagnostics on standard error and its exit code.
    func makeSession(scriptPath: String?) throws -> Session {
        do {
            let session = try setup(scriptPath: scriptPath).makeSession()
            sessionsKeptUntilExit.append(session)
            return session
        } catch {
            report(error.diagnostics)
            throw ExitCode(error.code.rawValue)
        }
    }
}

/// Diagnostics on standard error, coloured on a terminal without NO_COLOR.
func report(_ diagnostics: [Diagnostic]) {
    let color = OutputWriter.standardError.isTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    OutputWriter.standardError.write(DiagnosticRenderer(color: color).render(diagnostics))
}

/// Loads a model (the seed when no path is given), or prints every problem and fails.
func loadModel(_ path: String?) throws -> Model {
    do { return try SessionSetup(modelPath: path).makeSession().model } catch {
        report(error.diagnostics)
        throw ExitCode(error.code.rawValue)
    }
}

/// Sessions live until the process ends: freeing a model of a million statements at exit only costs time.
nonisolated(unsafe) var sessionsKeptUntilExit: [Session] = []

/// Runs script text and exits with the runner's code.
/// Runs script text; returns whether it asked to quit (so no later `-c` runs).
@discardableResult
func runScript(_ text: String, name: String, session: Session, echo: Bool, keepGoing: Bool) throws -> Bool {
    var options = ScriptRunner.Options()
    options.echo = echo
    options.keepGoing = keepGoing
    let runner = ScriptRunner(options: options)
    if !name.hasPrefix("-c") && name != "<stdin>" {
        session.runningScripts = [session.resolve(path: name)]
        session.baseDirectory = PathText.folder(of: session.resolve(path: name))
    }
    let code = runner.run(text: text, name: name, session: session)
    if code != .success { throw ExitCode(code.rawValue) }
    return runner.quitRequested
}

/// A script's text through the session's gate, or its diagnostic and exit code.
func readScript(_ path: String, gate: FileGate) throws -> String {
    do { return try SessionSetup.readScript(path, gate: gate) } catch {
        report(error.diagnostics)
        throw ExitCode(error.code.rawValue)
    }
}

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the REPL, or run a script FILE (`-` for standard input).")

    @Argument(help: "A script to run (`-` reads standard input), or a model to open (.yaml, .yml, .json, .jsonl, a folder); omit for the REPL on the seed.", completion: scriptOrModelCompletion)
    var script: String?
    // Repeatable, run in order, as psql's -c: a second -c once replaced the first without a word.
    @Option(name: .customShort("c"), help: "Run these commands and exit (repeatable: each -c runs after the one before).")
    var commands: [String] = []
    @Flag(name: .long, help: "Print each command before its output.")
    var echo = false
    @Flag(name: .long, help: "Run on after a failing command; exit non-zero at the end.")
    var keepGoing = false
    @OptionGroup var options: SessionOptions

    /// Whether a path names a model rather than a script: a model file's extension, or a folder.
    static func isModelPath(_ path: String) -> Bool {
        var folder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &folder), folder.boolValue { return true }
        return ["yaml", "yml", "json", "jsonl"].contains((path as NSString).pathExtension.lowercased())
    }

    mutating func validate() throws {
        // `stmt model.yaml` opens the model, as `sqlite3 file.db` opens the database.
        if let s = script, s != "-", Open.isModelPath(s) {
            if let m = options.model {
                throw ValidationError("'\(s)' is a model, and --model already names '\(m)'; give one model")
            }
            options.model = s
            script = nil
        }
        if let s = script, !commands.isEmpty {
            throw ValidationError("give a script FILE or -c COMMANDS, not both ('\(s)' would be ignored); a model is opened with --model FILE or as FILE.yaml")
        }
    }

    func run() throws {
        let session = try options.makeSession(scriptPath: script)
        if !commands.isEmpty {
            // Each -c is a script of its own, run in turn (an unfinished one does not run on into the
            // next); errors name it: `-c` alone, `-c#2` for the second of several.
            let names = commands.indices.map { commands.count == 1 ? "-c" : "-c#\($0 + 1)" }
            var failed: ArgumentParser.ExitCode?
            // A syntax error says "nothing ran" (2) only while nothing has: after an earlier -c ran
            // (and perhaps wrote a file), or before a later one does, it is a failed command (1).
            var anyRan = false
            let syntax = StatementShell.ExitCode.syntax.rawValue, failure = ExitCode(StatementShell.ExitCode.failure.rawValue)
            for text in commands.enumerated() {
                do {
                    let quit = try runScript(text.element, name: names[text.offset], session: session, echo: echo, keepGoing: keepGoing)
                    anyRan = true
                    if quit { break }
                } catch var code as ArgumentParser.ExitCode {
                    if code.rawValue == syntax { if anyRan { code = failure } } else { anyRan = true }
                    guard keepGoing else { throw code }
                    failed = failed ?? code
                }
            }
            if var failed {
                if failed.rawValue == syntax && anyRan { failed = failure }
                throw failed
            }
            session.unusedPresetWarnings().forEach(session.warn)
            return
        }
        if let script {
            let text = try readScript(script, gate: session.gate)
            try runScript(text, name: script == "-" ? "<stdin>" : script, session: session, echo: echo, keepGoing: keepGoing)
            session.unusedPresetWarnings().forEach(session.warn)
            return
        }
        let code = REPL(session: session).run()
        if code != .success { throw ExitCode(code.rawValue) }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a script file.")
    @Argument(help: "The script (`-` reads standard input).", completion: scriptCompletion) var script: String
    @Flag(name: .long, help: "Print each command before its output.") var echo = false
    @Flag(name: .long, help: "Run on after a failing command; exit non-zero at the end.") var keepGoing = false
    @OptionGroup var options: SessionOptions

    func validate() throws {
        if script != "-", Open.isModelPath(script) {
            throw ValidationError("'\(script)' is a model, not a script; open it with `stmt \(script)` or run a script on it with `stmt run SCRIPT --model \(script)`")
        }
    }

    func run() throws {
        let session = try options.makeSession(scriptPath: script)
        try runScript(try readScript(script, gate: session.gate), name: script == "-" ? "<stdin>" : script, session: session, echo: echo, keepGoing: keepGoing)
        session.unusedPresetWarnings().forEach(session.warn)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a model file or folder: every problem, and warnings for likely mistakes.",
        discussion: "Warnings (exit 0) point at what the text may not support: an alias that names two entities, an entity or document nothing refers to, a cue outside its anchors, a relation repeating a field, a `via` the anchors do not support, a comma that split a name. --strict makes them errors (exit 2). --fix rewrites AMBIGUOUS anchors with the shortest prefix or suffix that makes them unique."
    )
    @Argument(help: "The model file or folder.", completion: modelCompletion) var path: String
    @Flag(help: "Treat warnings as errors (exit 2).") var strict = false
    @Flag(help: "Rewrite AMBIGUOUS anchors in place (atomically) with the shortest prefix or suffix that makes them unique.") var fix = false

    func run() throws {
        let gate = FileGate.unrestricted
        if fix {
            let repair = AnchorRepair(gate: gate).repair(path: path)
            OutputWriter.standardOutput.write(TerminalText.escaped(repair.text))
            report(repair.errors)
            if repair.failed { throw ExitCode(StatementShell.ExitCode.syntax.rawValue) }
        }
        var loader = ModelLoader(gate: gate)
        loader.lint = true
        let result: (model: Model, warnings: [Diagnostic])
        do { result = try loader.loadWithWarnings(path: path) } catch {
            report(error.diagnostics)
            let unreadable = error.diagnostics.allSatisfy { $0.category == .io || $0.category == .refused || $0.severity != .error }
            throw ExitCode(unreadable ? StatementShell.ExitCode.usage.rawValue : StatementShell.ExitCode.syntax.rawValue)
        }
        let warnings = result.warnings.filter { $0.severity == .warning }
        report(strict ? warnings.map { var d = $0; d.severity = .error; return d } : warnings)
        let m = result.model
        let counts = ModelSummary(m).anchorCounts
        let note = warnings.isEmpty ? "" : ", \(warnings.count) warning\(warnings.count == 1 ? "" : "s")"
        if strict && !warnings.isEmpty {
            OutputWriter.standardOutput.write(TerminalText.oneLine(path) + ": failed (--strict) — \(warnings.count) warning\(warnings.count == 1 ? "" : "s")\n")
            throw ExitCode(StatementShell.ExitCode.syntax.rawValue)
        }
        OutputWriter.standardOutput.write(TerminalText.oneLine(path) + ": ok — " + ModelSummary(m).oneLine + ", " + ModelSummary.count(counts[.found] ?? 0, "anchor") + " FOUND" + note + "\n")
    }
}

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Summarize a model (default: the seed).")
    @Argument(help: "The model file or folder.", completion: modelCompletion) var path: String?

    func run() throws {
        OutputWriter.standardOutput.write(ModelSummary(try loadModel(path)).text)
    }
}

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check transcript scripts: expected output in `#=>` lines below each command.")
    @Argument(help: "Transcript scripts.", completion: scriptCompletion) var files: [String]
    @Flag(name: .long, help: "Rewrite the expectations with the actual output.") var update = false
    @OptionGroup var options: SessionOptions

    func run() throws {
        var failed = 0, usage = false
        // Commands, expected and actual lines are the script's and the model's text: shown escaped.
        func say(_ s: String) { OutputWriter.standardOutput.write(TerminalText.escaped(s)) }
        for f in files {
            // Each file gets its own session; a set-up that fails fails that file, never falls back.
            let setup = options.setup(scriptPath: f)
            do {
                let text = try SessionSetup.readScript(f, gate: setup.makeGate())
                // The transcript's last session, asked afterwards which `--set` names no command read.
                var last: Session?
                // The models the sessions started on: `--update` never rewrites their files or texts.
                var models: [Model] = []
                let make = { () throws(SessionSetup.Failure) -> Session in
                    let s = try setup.makeSession()
                    last = s
                    if !models.contains(where: { $0 === s.model }) { models.append(s.model) }
                    return s
                }
                let r = update ? try TranscriptTester().update(path: f, text: text, makeSession: make)
                    : try TranscriptTester().check(path: f, text: text, makeSession: make)
                for w in last?.unusedPresetWarnings() ?? [] { report([w]) }
                if update {
                    if let why = models.lazy.compactMap({ $0.ownFileRefusal(f) }).first {
                        throw Diagnostic("refusing to update '\(f)': \(why)", at: nil,
                                         hint: "--update rewrites transcript scripts (.stmt files with `#=>` lines); give it one", category: .io)
                    }
                    guard r.isTranscript else {
                        throw Diagnostic("refusing to update '\(f)': it is not a transcript (none of its lines reads as a command or a `#=>` line, and its name does not end in .stmt)", at: nil,
                                         hint: "--update rewrites transcript scripts (.stmt files with `#=>` lines); give it one", category: .io)
                    }
                    try r.write(to: f, gate: setup.makeGate())
                    if r.issues.isEmpty {
                        say("\(f): updated (\(ModelSummary.count(r.checked, "command")))\n")
                    } else {
                        // What an update cannot fix: expectations with no command, commands that never run.
                        failed += 1
                        say(r.issues.joined())
                        say("\(f): updated, but \(r.issues.count) problem\(r.issues.count == 1 ? "" : "s") remain\n")
                    }
                } else if r.problems.isEmpty {
                    say("\(f): ok (\(ModelSummary.count(r.checked, "command")))\n")
                } else {
                    failed += 1
                    say(r.problems.joined(separator: "\n"))
                    say("\(f): FAILED (\(r.problems.count) problem\(r.problems.count == 1 ? "" : "s") in \(ModelSummary.count(r.checked, "command")))\n")
                }
            } catch let e as SessionSetup.Failure {
                failed += 1
                // A file that is not there, or a model that is not, is bad usage (64), as for a script.
                if e.code == .usage { usage = true }
                report(e.diagnostics)
            } catch let e as FileAccessError {
                failed += 1
                report([e.diagnostic("update", at: nil)])
            } catch let d as Diagnostic {
                failed += 1
                report([d])
            } catch let l as DiagnosticList {
                failed += 1
                report(l.diagnostics)
            }
        }
        if usage { throw ExitCode(StatementShell.ExitCode.usage.rawValue) }
        if failed > 0 { throw ExitCode(StatementShell.ExitCode.failure.rawValue) }
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Step through a script for a class: one command at a time.")
    @Argument(help: "The script.", completion: scriptCompletion) var script: String
    @Option(help: "Milliseconds per typed character, 0 to 1000 (0 prints at once).") var typingDelay = 25
    @OptionGroup var options: SessionOptions

    func validate() throws {
        guard (0...1000).contains(typingDelay) else {
            throw ValidationError("--typing-delay expects milliseconds from 0 to 1000, found \(typingDelay)")
        }
    }

    func run() throws {
        let session = try options.makeSession(scriptPath: script)
        let demo = DemoRunner(session: session, typingDelay: typingDelay)
        let code = demo.run(text: try readScript(script, gate: session.gate), name: script)
        if code != .success { throw ExitCode(code.rawValue) }
    }
}

struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the command reference (docs/commands.md) from the command table.")
    @Flag(help: "Print it as the manual page stmt-language(7) instead of Markdown.") var man = false
    @Flag(help: "Print the JSON Schema of model files (docs/statement-model.schema.json) instead.") var schema = false
    func run() throws {
        OutputWriter.standardOutput.write(schema ? ModelSchema.json() : man ? HelpText.manPage(Language.commands, version: versionLine) : HelpText.markdown(Language.commands))
    }
}

/// swift-argument-parser's message as stmt writes its own: `Error: Unknown option` → `error: unknown
/// option`, `See '… --help'` as a hint.
func usageMessage(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        if line.hasPrefix("Error: ") {
            let rest = line.dropFirst(7)
            // A message that starts with an option or a name keeps its case (`--typing-delay expects …`).
            return "error: " + (rest.first?.isUppercase == true && rest.dropFirst().first?.isLowercase == true ? rest.prefix(1).lowercased() + rest.dropFirst() : String(rest))
        }
        if line.hasPrefix("Usage: ") { return "  usage: " + line.dropFirst(7) }
        if line.hasPrefix("Help:  ") { return "  help: " + line.dropFirst(7).trimmingCharacters(in: .whitespaces) }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("See '") { return "  hint: see" + trimmed.dropFirst(3) }
        return String(line)
    }.joined(separator: "\n")
}

// A reader that goes away (`stmt … | head`) makes writes fail with EPIPE, handled by OutputWriter, instead of a signal.
signal(SIGPIPE, SIG_IGN)
// Past a file-size limit (`ulimit -f`) a write fails with EFBIG and says so, instead of the signal ending the run.
signal(SIGXFSZ, SIG_IGN)

// Completion scripts get the default-subcommand layer (ShellCompletion); everything else is parsed as usual.
let arguments = Array(CommandLine.arguments.dropFirst())
if let shell = arguments.first == "--generate-completion-script" && arguments.count == 2 ? arguments[1]
    : arguments.count == 1 && arguments[0].hasPrefix("--generate-completion-script=") ? String(arguments[0].dropFirst(29)) : nil,
   let script = ShellCompletion.script(for: shell) {
    OutputWriter.standardOutput.write(script)
    finish(0)
}
// `--typing-delay -1` is a value to refuse by its range, not an unknown option `-1` (joined as
// `--typing-delay=-1`, the parser takes it as written; `--typing-delay --safe` stays a missing value).
let parsedArguments = arguments.indices.reduce(into: [String]()) { out, i in
    if i > 0, arguments[i - 1] == "--typing-delay", arguments[i].first == "-", arguments[i].dropFirst().first?.isNumber == true {
        out[out.count - 1] += "=" + arguments[i]
    } else {
        out.append(arguments[i])
    }
}
do {
    var command = try Stmt.parseAsRoot(parsedArguments)
    try command.run()
    finish(0)
} catch {
    // One funnel for every ending: the message (help and --version to standard output), then the code.
    let code = Stmt.exitCode(for: error)
    let text = Stmt.fullMessage(for: error)
    if code == .success {
        if !text.isEmpty { OutputWriter.standardOutput.write(text + "\n") }
    } else if !text.isEmpty {
        // The parser's own words in the house style (`error: …`, lower case), and an argument's
        // control characters shown escaped: `--bogus<ESC>]0;…` set the window title.
        // An argument's own line breaks are not the message's: `--x\nError: …` forged a line.
        let shown = arguments.filter { $0.contains(where: \.isNewline) }.reduce(text) { $0.replacingOccurrences(of: $1, with: TerminalText.oneLine($1)) }
        OutputWriter.standardError.write(TerminalText.escaped(usageMessage(shown)) + "\n")
    }
    finish(code.rawValue)
}
