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
        /// The defaults.
        public init() {}
    }

    /// The limits in force.
    public var limits: Limits
    /// Reads a source text's bytes by path; replaceable so the embedded seed can serve its own article.
    public var readText: @Sendable (String) -> [UInt8]?

    /// A loader reading from the file system.
    public init(limits: Limits = Limits()) {
        self.limits = limits
        self.readText = { path in FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
    }

    /// Loads a file or every `.yaml`, `.yml` and `.json` file of a folder (sorted by name) as one model.
    public func load(path: String) throws(DiagnosticList) -> Model {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw DiagnosticList([Diagnostic("no model file or folder at '\(path)'", hint: "check the path; `stmt` with no model opens the seed", category: .io)])
        }
        var files: [String] = []
        if isDir.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files = names.filter { [".yaml", ".yml", ".json", ".jsonl"].contains(where: $0.hasSuffix) }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            if files.isEmpty {
                throw DiagnosticList([Diagnostic("the folder '\(path)' holds no .yaml, .yml, .json or .jsonl model files",
                                                            hint: "give a model file, or a folder that holds one", category: .io)])
            }
        } else {
            files = [path]
        }
        var problems: [Diagnostic] = []
        for f in files {
            let size = (try? FileManager.default.attributesOfItem(atPath: f)[.size] as? Int) ?? 0
            let limit = f.hasSuffix(".jsonl") ? limits.maxStreamBytes : limits.maxFileBytes
            if size > limit {
                problems.append(Diagnostic("model file '\(f)' is \(size) bytes, over the limit of \(limit)",
                                           hint: f.hasSuffix(".jsonl") ? "split the model into a folder of smaller files"
                                               : "split the model into a folder of smaller files, or write it as JSON Lines (.jsonl)",
                                           category: .io))
            } else if !FileManager.default.isReadableFile(atPath: f) {
                problems.append(Diagnostic("cannot read model file '\(f)'", hint: "check its permissions", category: .io))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        var builder = ModelBuilder(loader: self)
        Profile.mark("start")
        for f in files {
            if f.hasSuffix(".jsonl") {
                guard builder.addJSONLines(path: f, name: f, base: (f as NSString).deletingLastPathComponent) else {
                    throw DiagnosticList([Diagnostic("cannot read model file '\(f)'", hint: "check its permissions", category: .io)])
                }
                Profile.mark("streamed \(f)")
                continue
            }
            // Read one file at a time, so its bytes are released once it is parsed.
            guard let data = FileManager.default.contents(atPath: f) else {
                throw DiagnosticList([Diagnostic("cannot read model file '\(f)'", hint: "check its permissions", category: .io)])
            }
            let bytes = [UInt8](data)
            Profile.mark("read \(f)")
            builder.add(file: f, bytes: bytes, base: (f as NSString).deletingLastPathComponent, path: f)
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try builder.build(defaultName: name.replacingOccurrences(of: ".stmt", with: ""), origin: path)
    }

    /// Loads a model from files already in memory; `base` is the folder source paths are relative to.
    public func load(sources: [(file: String, bytes: [UInt8], base: String)], defaultName: String, origin: String) throws(DiagnosticList) -> Model {
        var builder = ModelBuilder(loader: self)
        for s in sources { builder.add(file: s.file, bytes: s.bytes, base: s.base, path: nil) }
        return try builder.build(defaultName: defaultName, origin: origin)
    }

    /// Counts nodes up to `budget`, so an alias bomb is refused before anything walks it.
    static func count(_ node: Node, budget: inout Int) {
        guard budget >= 0 else { return }
        budget -= 1
        switch node {
        case .mapping(let m):
            for (k, v) in m { count(k, budget: &budget); count(v, budget: &budget); if budget < 0 { return } }
        case .sequence(let s):
            for v in s { count(v, budget: &budget); if budget < 0 { return } }
        default: break
        }
    }

    /// Parses YAML (or JSON) text into a node tree, or a located syntax diagnostic.
    func compose(_ text: String, file: String) -> Result<Node?, Diagnostic> {
        if let depthProblem = nestingProblem(text, file: file) { return .failure(depthProblem) }
        do {
            return .success(try Yams.compose(yaml: text))
        } catch let error as YamlError {
            let files = SourceFiles()
            _ = files.add(file, SourceText(text))
            let reader = (file: file, span: { (line: Int, column: Int) in files.span(FileMark(file: 0, line: Int32(line), column: Int32(column), length: 1)) })
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let msg = "yaml: " + problem + (context.map { " (\($0.text))" } ?? "")
                return .failure(Diagnostic(msg, at: reader.span(mark.line, mark.column),
                                           hint: "check the indentation and quoting around this point", category: .syntax))
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

    /// A cheap pre-scan for absurd flow nesting (`[[[[…`), which would otherwise exhaust the stack.
    private func nestingProblem(_ text: String, file: String) -> Diagnostic? {
        var depth = 0, line = 1, col = 0
        var quote: UInt8? = nil
        for b in text.utf8 {
            col += 1
            if b == 10 { line += 1; col = 0; continue }
            if let q = quote { if b == q { quote = nil }; continue }
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = b
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limits.maxDepth {
                    let files = SourceFiles()
                    _ = files.add(file, SourceText(text))
                    return Diagnostic("nesting deeper than \(limits.maxDepth) levels",
                                      at: files.span(FileMark(file: 0, line: Int32(line), column: Int32(col), length: 1)),
                                      hint: "a statement model never needs this depth; is the file damaged?", category: .syntax)
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}
