import Foundation
import Yams

/// Loads a statement model from YAML or JSON — one file or a folder of files — reporting every
/// problem at once with its location and a hint. Loading builds a new ``Model`` or throws; it never
/// touches a model already loaded.
public struct ModelLoader: Sendable {
    /// Limits that turn a hostile or runaway file into a clear error.
    public struct Limits: Sendable {
        /// The largest YAML or JSON model file read, in bytes.
        public var maxFileBytes: Int = 256 << 20
        /// The largest JSON Lines model file read, in bytes (it is streamed, not held as a tree).
        public var maxStreamBytes: Int = 4 << 30
        /// The most YAML nodes a file may expand to (after aliases).
        public var maxNodes: Int = 20_000_000
        /// The largest source text read, in bytes.
        public var maxTextBytes: Int = 64 << 20
        /// The deepest nesting of lists and mappings accepted.
        public var maxDepth: Int = 64
        /// The longest line of a JSON Lines file (one record).
        public var maxLineBytes: Int = 64 << 20
        /// The most bytes of text a YAML file's scalars may expand to through aliases, beyond its own size.
        public var maxAliasExpansionBytes: Int = 64 << 20
        /// The defaults.
        public init() {}
    }

    /// The limits in force.
    public var limits: Limits
    /// The gate every file is read through (safe mode lives there).
    public let gate: FileGate
    /// Reads a source text's bytes by path; replaceable so the embedded seed can serve its own article.
    public var readText: @Sendable (String) throws(FileAccessError) -> [UInt8]
    /// Polled while loading; true once the user asked to stop (Ctrl-C in the REPL).
    public var isCancelled: @Sendable () -> Bool = { false }
    /// Whether to look for likely mistakes as well (`stmt check`): they come back as warnings.
    public var lint = false
    /// Where ``loadRecordingInputs(path:)`` notes the files read.
    var inputLog: InputLog?
    /// Collects AMBIGUOUS anchors for `check --fix`.
    var repairs: AnchorRepair.Collector?

    /// A loader reading files through a gate.
    public init(limits: Limits = Limits(), gate: FileGate = .unrestricted) {
        self.limits = limits
        self.gate = gate
        let max = limits.maxTextBytes
        self.readText = { path throws(FileAccessError) in try gate.read(path, limit: max) }
    }

    /// Loads a file or every `.yaml`, `.yml`, `.json` and `.jsonl` file of a folder (sorted by name) as one model.
    public func load(path: String) throws(DiagnosticList) -> Model { try loadWithWarnings(path: path).model }

    /// Loads a model, with the warnings found on the way (lints, when ``lint`` is on).
    public func loadWithWarnings(path: String) throws(DiagnosticList) -> (model: Model, warnings: [Diagnostic]) {
        try loadWithWarnings(path: path, adding: [])
    }

    /// Loads a model with more files already in memory (a draft joined to the model it reuses).
    public func load(path: String, adding extra: [(file: String, bytes: [UInt8], base: String)]) throws(DiagnosticList) -> Model {
        try loadWithWarnings(path: path, adding: extra).model
    }

    /// Loads a model and says which files it read: the model files, and the documents' source texts
    /// (what a snapshot of it depends on).
    package func loadRecordingInputs(path: String) throws(DiagnosticList)
        -> (model: Model, warnings: [Diagnostic], modelFiles: [String], sources: [String]) {
        let log = InputLog()
        var recording = self
        let read = readText
        recording.readText = { p throws(FileAccessError) in
            log.add(source: p)
            return try read(p)
        }
        recording.inputLog = log
        let result = try recording.loadWithWarnings(path: path, adding: [])
        return (result.model, result.warnings, log.modelFiles, log.sources)
    }

    /// The files a load read; sources are noted from the builder's worker threads.
    final class InputLog: @unchecked Sendable {
        private let lock = NSLock()
        private var files: [String] = []
        private var texts: [String] = []
        func add(models: [String]) { lock.lock(); files += models; lock.unlock() }
        func add(source: String) { lock.lock(); texts.append(source); lock.unlock() }
        var modelFiles: [String] { lock.lock(); defer { lock.unlock() }; return files }
        var sources: [String] { lock.lock(); defer { lock.unlock() }; return texts }
    }

    func loadWithWarnings(path: String, adding extra: [(file: String, bytes: [UInt8], base: String)]) throws(DiagnosticList) -> (model: Model, warnings: [Diagnostic]) {
        guard let kind = FileGate.kind(of: path) else {
            throw DiagnosticList([FileGate.nothingAt(path, what: "model file or folder", hint: "check the path; `stmt` with no model opens the seed")])
        }
        var files: [String] = []
        if kind == .directory {
            do { files = try modelFiles(inFolder: path) } catch { throw DiagnosticList([error.diagnostic("list", at: nil)]) }
            if files.isEmpty {
                throw DiagnosticList([Diagnostic("the folder '\(path)' holds no .yaml, .yml, .json or .jsonl model files",
                                                 hint: "give a model file, or a folder that holds one", category: .io)])
            }
        } else {
            files = [path]
        }
        // Every file is checked by the gate (a folder's entries may be links to anywhere) before any is read.
        var problems: [Diagnostic] = []
        for f in files {
            do { try gate.check(.read, f) } catch { problems.append(error.diagnostic("read model file", at: nil)); continue }
            guard let k = FileGate.kind(of: f) else {
                problems.append(FileGate.missing(f).diagnostic("read model file", at: nil)); continue
            }
            guard k == .regular else {
                problems.append(FileAccessError(.notRegular(k), path: f, hint: "a model is read from regular files").diagnostic("read model file", at: nil))
                continue
            }
            var st = stat()
            let size = stat(f, &st) == 0 ? Int(st.st_size) : 0
            let limit = f.hasSuffix(".jsonl") ? limits.maxStreamBytes : limits.maxFileBytes
            if size > limit {
                problems.append(Diagnostic("model file '\(f)' is \(size) bytes, over the limit of \(limit)",
                                           hint: f.hasSuffix(".jsonl") ? "split the model into a folder of smaller files"
                                               : "split the model into a folder of smaller files, or write it as JSON Lines (.jsonl)",
                                           category: .io))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        inputLog?.add(models: files)
        var builder = ModelBuilder(loader: self)
        Profile.mark("start")
        for f in files {
            if isCancelled() { throw DiagnosticList([Self.cancelled]) }
            if f.hasSuffix(".jsonl") {
                let handle: FileHandle
                do { handle = try gate.openForReading(f) } catch { throw DiagnosticList([error.diagnostic("read model file", at: nil)]) }
                builder.addJSONLines(handle: handle, name: f, base: PathText.folder(of: f))
                Profile.mark("streamed \(f)")
                continue
            }
            // Read one file at a time, so its bytes are released once it is parsed.
            let bytes: [UInt8]
            do { bytes = try gate.read(f, limit: limits.maxFileBytes) } catch { throw DiagnosticList([error.diagnostic("read model file", at: nil)]) }
            Profile.mark("read \(f)")
            builder.add(file: f, bytes: bytes, base: PathText.folder(of: f), path: f)
        }
        for x in extra { builder.add(file: x.file, bytes: x.bytes, base: x.base, path: nil) }
        if isCancelled() { throw DiagnosticList([Self.cancelled]) }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try builder.buildWithWarnings(defaultName: name.replacingOccurrences(of: ".stmt", with: ""), origin: path)
    }

    /// The model files of a folder, as a load reads them: visible files with a model ending, sorted by name.
    package func modelFiles(inFolder path: String) throws(FileAccessError) -> [String] {
        try gate.list(path).filter { !$0.hasPrefix(".") && Self.modelExtensions.contains(where: $0.hasSuffix) }
            .map { (path as NSString).appendingPathComponent($0) }
    }

    /// The endings of model files in a folder.
    public static let modelExtensions = [".yaml", ".yml", ".json", ".jsonl"]

    /// What a cancelled load throws.
    public static let cancelled = Diagnostic("cancelled", hint: "the load was interrupted; nothing changed", category: .cancelled)

    /// Loads a model from files already in memory; `base` is the folder source paths are relative to.
    public func load(sources: [(file: String, bytes: [UInt8], base: String)], defaultName: String, origin: String) throws(DiagnosticList) -> Model {
        var builder = ModelBuilder(loader: self)
        for s in sources { builder.add(file: s.file, bytes: s.bytes, base: s.base, path: nil) }
        return try builder.build(defaultName: defaultName, origin: origin)
    }

    /// What walking a composed YAML tree may cost: nodes, and bytes of scalar text.
    struct Budget {
        var nodes: Int
        var bytes: Int
        var exceeded: Bool { nodes < 0 || bytes < 0 }
        /// Explicit YAML tags met on the way (`!!binary`, `!foo`), which the loader does not read:
        /// the first few, for a warning each.
        var tags: [(name: String, mark: Mark?)] = []
        mutating func note(_ tag: Tag, _ plain: Tag.Name, _ mark: Mark?) {
            let name = tag.rawValue
            guard !name.isEmpty, name != plain.rawValue, tags.count < 10 else { return }
            tags.append((name.replacingOccurrences(of: "tag:yaml.org,2002:", with: "!!"), mark))
        }
    }

    /// Counts nodes and text up to the budget, so an alias bomb is refused before anything walks it.
    static func count(_ node: Node, budget: inout Budget) {
        guard !budget.exceeded else { return }
        budget.nodes -= 1
        switch node {
        case .scalar(let s):
            budget.bytes -= s.string.utf8.count
            budget.note(s.tag, .str, s.mark)
        case .mapping(let m):
            budget.note(m.tag, .map, m.mark)
            for (k, v) in m { count(k, budget: &budget); count(v, budget: &budget); if budget.exceeded { return } }
        case .sequence(let s):
            budget.note(s.tag, .seq, s.mark)
            for v in s { count(v, budget: &budget); if budget.exceeded { return } }
        default: break
        }
    }

    /// Parses YAML (or JSON) text into a node tree, or a located syntax diagnostic.
    func compose(_ text: String, file: String) -> Result<Node?, Diagnostic> {
        if let depthProblem = nestingProblem(text, file: file) { return .failure(depthProblem) }
        let text = file.hasSuffix(".json") ? Self.joiningSurrogatePairs(text) : text
        do {
            // The loader never reads Yams' tags (it types scalars itself, from their text and
            // quoting), so no scalar is matched against the default resolver's regular
            // expressions; Yams would otherwise run them on every mapping key for its duplicate check.
            // The duplicate check then compares keys as the loader reads them: `1:` and `"1":` are one key.
            return .success(try Yams.compose(yaml: text, .basic))
        } catch let error as YamlError {
            let files = SourceFiles()
            _ = files.add(file, SourceText(text))
            let reader = (file: file, span: { (line: Int, column: Int) in files.span(FileMark(file: 0, line: Int32(line), column: Int32(column), length: 1)) })
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                // libyaml names its own function in one message; say what it means instead.
                let said = problem.contains("max_nest_level") ? "nesting deeper than libyaml's limit of 1000 levels" : problem
                let msg = "yaml: " + said + (context.map { " (\($0.text))" } ?? "")
                // Problems that are no matter of indentation say what to do instead.
                let hint = problem.contains("another document") ? "a model file holds one YAML document: remove this `---` (or split the file)"
                    : problem.contains("incompatible YAML document") ? "remove the %YAML line: model files are YAML 1.1 or 1.2"
                    : problem.contains("undefined alias") ? "an alias (*name) needs its anchor (&name) earlier in the file"
                    : "check the indentation and quoting around this point"
                return .failure(Diagnostic(msg, at: reader.span(mark.line, mark.column), hint: hint, category: .syntax))
            case .reader(let problem, _, _, _):
                return .failure(Diagnostic("yaml: \(problem)", at: reader.span(1, 1),
                                           hint: "model files must be UTF-8 text", category: .syntax))
            case .duplicatedKeysInMapping(let duplicates, let context):
                return .failure(Diagnostic("yaml: duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping",
                                           at: reader.span(context.mark.line, context.mark.column),
                                           hint: "each field may appear once", category: .syntax))
            default:
                return .failure(Diagnostic("yaml: \(error)", at: reader.span(1, 1),
                                           hint: "check that the file is YAML or JSON text", category: .syntax))
            }
        } catch {
            return .failure(Diagnostic("yaml: \(error)", at: SourceSpan(file: file, line: 1, column: 1),
                                       hint: "check that the file is YAML or JSON text", category: .syntax))
        }
    }

    /// JSON writes a character beyond U+FFFF as two escapes, a surrogate pair (`\\ud83d\\udd4a`, as
    /// Python's `json.dump` does); YAML, which reads .json files here, knows only `\\U0001F54A`. Pairs
    /// inside double-quoted strings are rewritten so; anything else is left for libyaml to judge.
    static func joiningSurrogatePairs(_ text: String) -> String {
        guard text.contains("\\ud") || text.contains("\\uD") else { return text }
        let b = Array(text.utf8)
        func hex(_ at: Int) -> UInt32? {
            guard at + 4 <= b.count else { return nil }
            return UInt32(String(decoding: b[at..<(at + 4)], as: UTF8.self), radix: 16)
        }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var inString = false
        var i = 0
        while i < b.count {
            let c = b[i]
            if !inString {
                if c == UInt8(ascii: "\"") { inString = true }
                out.append(c); i += 1
                continue
            }
            if c == UInt8(ascii: "\"") { inString = false; out.append(c); i += 1; continue }
            guard c == UInt8(ascii: "\\"), i + 1 < b.count else { out.append(c); i += 1; continue }
            if b[i + 1] == UInt8(ascii: "u"), let high = hex(i + 2), (0xD800...0xDBFF).contains(high),
               i + 8 < b.count, b[i + 6] == UInt8(ascii: "\\"), b[i + 7] == UInt8(ascii: "u"),
               let low = hex(i + 8), (0xDC00...0xDFFF).contains(low) {
                let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                let digits = String(code, radix: 16, uppercase: true)
                out.append(contentsOf: Array(("\\U" + String(repeating: "0", count: 8 - digits.count) + digits).utf8))
                i += 12
                continue
            }
            // Any other escape: both bytes as they are (so an escaped quote does not end the string).
            out.append(c); out.append(b[i + 1]); i += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A cheap pre-scan for absurd flow nesting (`[[[[…`), which would otherwise exhaust the stack.
    private func nestingProblem(_ text: String, file: String) -> Diagnostic? {
        // A scan of the flow brackets outside quoted scalars, comments and block scalars, before libyaml
        // recurses into them. Quotes open a scalar only where a token starts (after a space, a bracket, a
        // comma, a colon or a dash): the apostrophe of "Norland's" is a letter. Inside double quotes a
        // backslash escapes the next character, inside single quotes '' is a quote mark; "#" after a space
        // (or at the start of a line) opens a comment; the lines of a `|` or `>` block are text.
        var depth = 0
        var quote: UInt8? = nil
        var escaped = false
        var blockIndent: Int? = nil   // inside a block scalar: the indentation of the line that opened it
        let bytes = Array(text.utf8)
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            if start == bytes.count { break }
            var indent = 0
            while start + indent < end, bytes[start + indent] == 32 { indent += 1 }
            let blank = start + indent == end
            if let b = blockIndent, quote == nil {
                if blank || indent > b { continue }
                blockIndent = nil
            }
            var previous: UInt8 = 10
            var lastSignificant: [UInt8] = []
            var i = start
            while i < end {
                let b = bytes[i]
                i += 1
                defer { previous = b }
                if let q = quote {
                    if escaped { escaped = false; continue }
                    if q == UInt8(ascii: "\""), b == UInt8(ascii: "\\") { escaped = true; continue }
                    if q == UInt8(ascii: "'"), b == q, i < end, bytes[i] == q { i += 1; continue }
                    if b == q { quote = nil }
                    continue
                }
                let tokenStart = previous == 10 || previous == 32 || previous == 9 || previous == UInt8(ascii: "[")
                    || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":")
                    || previous == UInt8(ascii: "-")
                if b == UInt8(ascii: "#"), previous == 10 || previous == 32 || previous == 9 { break }
                if b != 32 && b != 9 && b != 13 { lastSignificant.append(b); if lastSignificant.count > 4 { lastSignificant.removeFirst() } }
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): if tokenStart { quote = b }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > limits.maxDepth {
                        let files = SourceFiles()
                        _ = files.add(file, SourceText(text))
                        return Diagnostic("nesting deeper than \(limits.maxDepth) levels",
                                          at: files.span(FileMark(file: 0, line: Int32(lineNumber), column: Int32(i - start), length: 1)),
                                          hint: "a statement model never needs this depth; is the file damaged?", category: .syntax)
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                default: break
                }
            }
            // "key: |", "- >-", "text: |+2": the lines after it, indented deeper, are a block scalar.
            if quote == nil, let indicator = lastSignificant.lastIndex(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ">") }),
               lastSignificant[(indicator + 1)...].allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || (48...57).contains($0) }) {
                let before = indicator > 0 ? lastSignificant[indicator - 1] : 10
                if before == UInt8(ascii: ":") || before == UInt8(ascii: "-") || indicator == 0 { blockIndent = indent }
            }
        }
        return nil
    }
}
