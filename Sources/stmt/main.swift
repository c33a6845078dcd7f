import ArgumentParser
import Foundation
import StatementModel
import StatementQuery
import StatementShell

/// `stmt`: explore statement models interactively or run saved analyses.
struct Stmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stmt",
        abstract: "Explore statement models: who said what, to whom, with what force, reported by whom.",
        discussion: """
        With no arguments, opens the REPL on the bundled seed model; with a FILE, runs it as a script. Exit codes: 0 success; 1 a command, \
        assertion or transcript check failed; 2 the script or model has a syntax or validation error; \
        64 bad usage (unknown flag, missing file). The command language is described in stmt-language(7).
        """,
        version: versionLine,
        subcommands: [Open.self, Run.self, Check.self, Info.self, Test.self, Demo.self, Docs.self],
        defaultSubcommand: Open.self
    )
}

/// `stmt 0.2.0 (commit 1a2b3c4d5e6f)`; the commit is left out when the build did not know it.
let versionLine = "stmt 0.2.0" + (BuildInfo.commit.isEmpty ? "" : " (commit \(BuildInfo.commit))")

/// What shell completion offers for model paths: model files, and folders (which hold them).
let modelCompletion = CompletionKind.file(extensions: ["yaml", "yml", "json", "jsonl"])
/// What shell completion offers for scripts.
let scriptCompletion = CompletionKind.file(extensions: ["stmt"])

/// Options shared by the ways of running commands.
struct SessionOptions: ParsableArguments {
    @Option(name: .long, help: "Model file or folder (default: the bundled seed).", completion: modelCompletion)
    var model: String?
    @Option(name: .customLong("set"), help: "Bind $NAME to VALUE (repeatable): --set actor=Japan.")
    var parameters: [String] = []
    @Flag(name: .long, help: "Safe mode: no file writes, no reads outside the script's and the model's folders.")
    var safe = false

    func makeSession(scriptPath: String?) throws -> Session {
        let loaded = try loadModel(model)
        let session = Session(model: loaded)
        sessionsKeptUntilExit.append(session)
        for p in parameters {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                throw ValidationError("--set expects NAME=VALUE, found '\(p)'")
            }
            let name = String(p[..<eq]), value = String(p[p.index(after: eq)...])
            session.variables[name] = Double(value).map(Value.number) ?? .string(value)
            session.presetParameters.insert(name)
        }
        if safe {
            var roots = [FileManager.default.currentDirectoryPath]
            if let scriptPath { roots = [((scriptPath as NSString).standardizingPath as NSString).deletingLastPathComponent.nonEmpty ?? "."] }
            if let model { roots.append((model as NSString).deletingLastPathComponent.nonEmpty ?? ".") }
            session.enableSafeMode(allowing: roots.map { session.resolve(path: $0) })
        }
        return session
    }
}

/// Loads a model (the seed when no path is given), or prints every problem and fails with exit code 2.
func loadModel(_ path: String?) throws -> Model {
    let result: Result<Model, DiagnosticList>
    if let path {
        result = Result { () throws(DiagnosticList) -> Model in try ModelLoader().load(path: path) }
    } else {
        result = Result { () throws(DiagnosticList) -> Model in try SeedModel.load() }
    }
    switch result {
    case .success(let m): return m
    case .failure(let list):
        FileHandle.standardError.write(Data(DiagnosticRenderer(color: isatty(2) == 1).render(list.diagnostics).utf8))
        throw ExitCode(StatementShell.ExitCode.syntax.rawValue)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

/// Sessions live until the process ends: freeing a model of a million statements at exit only costs time.
nonisolated(unsafe) var sessionsKeptUntilExit: [Session] = []

/// Runs script text and exits with the runner's code.
func runScript(_ text: String, name: String, session: Session, echo: Bool, keepGoing: Bool) throws {
    var options = ScriptRunner.Options()
    options.echo = echo
    options.keepGoing = keepGoing
    let runner = ScriptRunner(options: options)
    if name != "-c" && name != "<stdin>" {
        session.runningScripts = [session.resolve(path: name)]
        session.baseDirectory = (session.resolve(path: name) as NSString).deletingLastPathComponent
    }
    let code = runner.run(text: text, name: name, session: session)
    if code != .success { throw ExitCode(code.rawValue) }
}

func readScript(_ path: String) throws -> String {
    if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("stmt: error: cannot read script '\(path)'\n  hint: check the path\n".utf8))
        throw ExitCode(StatementShell.ExitCode.usage.rawValue)
    }
    return String(decoding: data, as: UTF8.self)
}

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the REPL, or run a script FILE (`-` for standard input).")

    @Argument(help: "A script to run (`-` reads standard input); omit for the REPL.", completion: scriptCompletion)
    var script: String?
    @Option(name: .customShort("c"), help: "Run these commands and exit.")
    var commands: String?
    @Flag(name: .long, help: "Print each command before its output.")
    var echo = false
    @Flag(name: .long, help: "Run on after a failing command; exit non-zero at the end.")
    var keepGoing = false
    @OptionGroup var options: SessionOptions

    func run() throws {
        let session = try options.makeSession(scriptPath: script)
        if let commands {
            return try runScript(commands, name: "-c", session: session, echo: echo, keepGoing: keepGoing)
        }
        if let script {
            let text = try readScript(script)
            return try runScript(text, name: script == "-" ? "<stdin>" : script, session: session, echo: echo, keepGoing: keepGoing)
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

    func run() throws {
        let session = try options.makeSession(scriptPath: script)
        try runScript(try readScript(script), name: script == "-" ? "<stdin>" : script, session: session, echo: echo, keepGoing: keepGoing)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate a model file or folder and print every problem.")
    @Argument(help: "The model file or folder.", completion: modelCompletion) var path: String

    func run() throws {
        let m = try loadModel(path)
        let counts = ModelSummary(m).anchorCounts
        print("\(path): ok — " + ModelSummary(m).oneLine + ", \(counts[.found] ?? 0) anchors FOUND")
    }
}

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Summarize a model (default: the seed).")
    @Argument(help: "The model file or folder.", completion: modelCompletion) var path: String?

    func run() throws {
        print(ModelSummary(try loadModel(path)).text, terminator: "")
    }
}

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check transcript scripts: expected output in `#=>` lines below each command.")
    @Argument(help: "Transcript scripts.", completion: scriptCompletion) var files: [String]
    @Flag(name: .long, help: "Rewrite the expectations with the actual output.") var update = false
    @OptionGroup var options: SessionOptions

    func run() throws {
        var failed = 0, checked = 0
        for f in files {
            let text = try readScript(f)
            do {
                let r = try TranscriptTester().check(path: f, text: text) { (try? options.makeSession(scriptPath: f)) ?? Session(model: .empty) }
                checked += r.checked
                if update {
                    try AtomicFile.write(r.updated + (text.hasSuffix("\n") && !r.updated.hasSuffix("\n") ? "\n" : ""), to: f)
                    print("\(f): updated (\(r.checked) commands)")
                } else if r.diffs.isEmpty {
                    print("\(f): ok (\(r.checked) commands)")
                } else {
                    failed += 1
                    print(r.diffs.joined(separator: "\n"), terminator: "")
                    print("\(f): FAILED (\(r.diffs.count) of \(r.checked) commands differ)")
                }
            } catch let l as DiagnosticList {
                failed += 1
                FileHandle.standardError.write(Data(DiagnosticRenderer(color: false).render(l.diagnostics).utf8))
            }
        }
        if failed > 0 { throw ExitCode(StatementShell.ExitCode.failure.rawValue) }
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Step through a script for a class: one command at a time.")
    @Argument(help: "The script.", completion: scriptCompletion) var script: String
    @Option(help: "Milliseconds per typed character (0 to print at once).") var typingDelay = 25
    @OptionGroup var options: SessionOptions

    func run() throws {
        let session = try options.makeSession(scriptPath: script)
        let demo = DemoRunner(session: session, typingDelay: typingDelay)
        let code = demo.run(text: try readScript(script), name: script)
        if code != .success { throw ExitCode(code.rawValue) }
    }
}

struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the command reference (docs/commands.md) from the command table.")
    @Flag(help: "Print it as the manual page stmt-language(7) instead of Markdown.") var man = false
    func run() throws { print(man ? HelpText.manPage(.standard, version: versionLine) : HelpText.markdown(.standard), terminator: "") }
}

// Completion scripts get the default-subcommand layer (ShellCompletion); everything else is parsed as usual.
let arguments = Array(CommandLine.arguments.dropFirst())
if let shell = arguments.first == "--generate-completion-script" && arguments.count == 2 ? arguments[1]
    : arguments.count == 1 && arguments[0].hasPrefix("--generate-completion-script=") ? String(arguments[0].dropFirst(29)) : nil,
   let script = ShellCompletion.script(for: shell) {
    print(script, terminator: "")
} else {
    Stmt.main()
}
