import Foundation
import StatementModel
import StatementQuery
import StatementSnapshot

/// Makes the session a command line asks for: the file gate first (safe mode, when asked, is on
/// before any file is read), then the model through that gate, then the `--set` parameters.
///
/// Any failure ends the set-up with diagnostics and an exit code; there is no fallback to another
/// session, so a failed set-up can never leave a script running outside safe mode.
public struct SessionSetup {
    /// The model path, or nil for the seed.
    public var modelPath: String?
    /// `NAME=VALUE` bindings.
    public var parameters: [String] = []
    /// Safe mode.
    public var safe = false
    /// The script being run, if any (its folder is readable in safe mode).
    public var scriptPath: String?
    /// Where snapshots of large models are kept and read back; nil (`--no-cache`) always parses.
    /// Safe mode never uses it: the cache folder is outside the folders safe mode may touch.
    public var cache: SnapshotCache?

    /// Why a set-up failed: what to print and the exit code.
    public struct Failure: Error {
        /// The problems.
        public var diagnostics: [Diagnostic]
        /// The exit code.
        public var code: ExitCode
    }

    /// Makes a set-up.
    public init(modelPath: String?, parameters: [String] = [], safe: Bool = false, scriptPath: String? = nil) {
        self.modelPath = modelPath
        self.parameters = parameters
        self.safe = safe
        self.scriptPath = scriptPath
    }

    /// The folders safe mode lets be read: the script's folder (or the working directory) and the
    /// model's folder — the model itself when it is a folder.
    public var safeRoots: [String] {
        var roots: [String] = []
        if let scriptPath, scriptPath != "-" {
            roots.append(PathText.folder(of: FileGate.realPath(scriptPath)))
        } else {
            roots.append(FileManager.default.currentDirectoryPath)
        }
        if let modelPath {
            let real = FileGate.realPath(modelPath)
            roots.append(FileGate.kind(of: real) == .directory ? real : PathText.folder(of: real))
        }
        return roots
    }

    /// The gate for this command line.
    public func makeGate() -> FileGate { FileGate(safeRoots: safe ? safeRoots : nil) }

    /// The session, or a failure: a missing model file is bad usage (64), an invalid one a
    /// validation error (2), a malformed `--set` bad usage.
    public func makeSession() throws(Failure) -> Session {
        let gate = makeGate()
        var bindings: [(String, Value)] = []
        var problems: [Diagnostic] = []
        for p in parameters {
            guard let eq = p.firstIndex(of: "="), eq != p.startIndex else {
                problems.append(Diagnostic("--set expects NAME=VALUE, found '\(p)'", hint: "e.g. --set actor=Japan", category: .syntax))
                continue
            }
            let name = String(p[..<eq]), value = String(p[p.index(after: eq)...])
            guard Parser.isVariableName(name) else {
                problems.append(Diagnostic("--set: '\(name)' is not a variable name", hint: "a name is letters, digits and '_', e.g. --set actor=Japan",
                                           category: .syntax))
                continue
            }
            // A number too large to hold is said, not kept as text (`--set n=1e400` then `$n + 1` was "1e4001").
            if NumberText.form(value) != nil, NumberText.number(value) == nil, let d = Double(value), !d.isFinite {
                problems.append(Diagnostic("--set \(name)=\(value): number out of range", hint: "numbers go up to about 1.8e308", category: .syntax))
                continue
            }
            bindings.append((name, NumberText.number(value).map(Value.number) ?? .string(value)))
        }
        if !problems.isEmpty { throw Failure(diagnostics: problems, code: .usage) }
        let model: Model
        if let modelPath {
            guard FileGate.kind(of: modelPath) != nil else {
                throw Failure(diagnostics: [FileGate.nothingAt(modelPath, what: "model file or folder", hint: "check the path; `stmt` with no --model opens the seed")],
                              code: .usage)
            }
            do {
                if let cache = safe ? nil : cache {
                    model = try cache.open(path: modelPath, loader: ModelLoader(gate: gate)).model
                } else {
                    model = try ModelLoader(gate: gate).load(path: modelPath)
                }
            } catch {
                // Files that cannot be read at all are a usage problem; anything read and found wrong, a validation error.
                let unreadable = error.diagnostics.allSatisfy { $0.category == .io || $0.category == .refused }
                throw Failure(diagnostics: error.diagnostics, code: unreadable ? .usage : .syntax)
            }
        } else {
            do { model = try SeedModel.load() } catch { throw Failure(diagnostics: error.diagnostics, code: .syntax) }
        }
        let session = Language.session(model: model, gate: gate)
        if let cache = safe ? nil : cache {
            session.openModel = { path, loader throws(DiagnosticList) in try cache.open(path: path, loader: loader).model }
        }
        for (name, value) in bindings {
            session.variables[name] = value
            session.presetParameters.insert(name)
        }
        return session
    }

    /// A script's text through the gate: `-` is standard input; BOM, CRLF, invalid UTF-8 and NUL
    /// are handled by ``TextDecoder``.
    public static func readScript(_ path: String, gate: FileGate) throws(Failure) -> String {
        let bytes: [UInt8]
        if path == "-" {
            bytes = try readStandardInput()
        } else {
            do { bytes = try gate.read(path) } catch {
                throw Failure(diagnostics: [error.diagnostic("read script", at: nil)], code: error.isRefusal ? .failure : .usage)
            }
        }
        do { return try TextDecoder.decode(bytes, name: path == "-" ? "<stdin>" : path) } catch {
            throw Failure(diagnostics: [error], code: .syntax)
        }
    }

    /// The most a script read from standard input may hold.
    public static let maxStandardInput = 64 << 20

    /// Standard input as a script: a file, a pipe or a terminal, read up to ``maxStandardInput``
    /// with `read(2)` (Foundation's reader trapped on a folder, and read /dev/zero forever).
    static func readStandardInput() throws(Failure) -> [UInt8] {
        func refuse(_ what: String, _ hint: String) -> Failure {
            Failure(diagnostics: [Diagnostic("cannot read a script from standard input: \(what)", hint: hint, category: .io)], code: .usage)
        }
        var st = stat()
        if fstat(0, &st) == 0 {
            let kind = FileKind(mode: st.st_mode)
            if kind == .directory {
                throw refuse("it is \(kind.rawValue)", "pipe or redirect a script file into it, or give the script's path")
            }
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw refuse(String(cString: strerror(errno)).lowercased(), "check what standard input is")
            }
            if n == 0 { break }
            bytes += chunk[..<n]
            if bytes.count > maxStandardInput {
                throw refuse("it holds more than \(maxStandardInput >> 20) MB", "split the script, or run it from a file with `stmt run FILE`")
            }
        }
        return bytes
    }
}
