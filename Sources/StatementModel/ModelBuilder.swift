import Foundation
import Yams

/// A reference written in a model file: the id as written and where.
struct RawRef {
    var id: String
    var span: FileMark?
}

/// Collects the records of one or more model files, then resolves references and anchors across
/// all of them, gathering every problem before deciding whether a model can be built.
struct ModelBuilder {
    let loader: ModelLoader
    let sources = SourceFiles()
    var diagnostics: [Diagnostic] = []
    var name: String?
    var title: String?
    /// Documents and entities stay raw until every file is read: they are few, and may refer ahead.
    var rawDocuments: [RawDocument] = []
    var rawEntities: [RawEntity] = []
    /// Statements are resolved as they are read when everything they name is already known (the
    /// usual order), so a million of them never sit in memory twice; the rest wait in `deferred`.
    var statements: [Statement] = []
    var deferred: [(index: Int, raw: RawStatement)] = []
    var rawRelations: [RawRelation] = []
    var resolver: ModelResolver

    init(loader: ModelLoader) {
        self.loader = loader
        resolver = ModelResolver(loader: loader, sources: sources)
    }

    mutating func addDocument(_ d: RawDocument) {
        if resolver.register(d.id, d.span, as: .document(rawDocuments.count)) { rawDocuments.append(d) }
    }

    mutating func addEntity(_ e: RawEntity) {
        if resolver.register(e.id, e.span, as: .entity(rawEntities.count)) {
            rawEntities.append(e)
            for n in [e.name] + e.aliases { resolver.entityNames[n.lowercased()] = e.id }
        }
    }

    mutating func addStatement(_ s: RawStatement) {
        guard resolver.register(s.id, s.span, as: .statement(statements.count)) else { return }
        if let resolved = resolver.statementIfKnown(s) {
            statements.append(resolved)
        } else {
            deferred.append((statements.count, s))
            statements.append(Statement(id: s.id, speakers: [], act: Act(cue: "", force: ""), content: ""))
        }
    }

    static let topFields = ["model", "title", "description", "format", "documents", "entities", "statements", "relations"]
    static let recordKinds = ["model", "document", "entity", "statement", "relation"]

    /// Reads one file's records: JSON Lines when the name ends in `.jsonl`, YAML (or JSON) otherwise.
    /// `path`, when given, lets a large JSON Lines file's bytes go once parsed: a diagnostic re-reads its line.
    mutating func add(file: String, bytes: [UInt8], base: String, path: String?) {
        let index = sources.add(file, SourceText(bytes: bytes))
        if file.hasSuffix(".jsonl") {
            addJSONLines(file: index, base: base)
            if let path { sources.release(index, path: path) }
        } else {
            addYAML(file: index, base: base)
        }
    }

    mutating func addYAML(file: Int32, base: String) {
        let yaml: Node
        switch loader.compose(sources.texts[Int(file)].string, file: sources.names[Int(file)]) {
        case .failure(let d): diagnostics.append(d); return
        case .success(nil): return
        case .success(let n?): yaml = n
        }
        var budget = loader.limits.maxNodes
        ModelLoader.count(yaml, budget: &budget)
        if budget < 0 {
            diagnostics.append(Diagnostic("the file expands to more than \(loader.limits.maxNodes) YAML nodes",
                                          at: sources.span(FileMark(file: file, line: 1, column: 1, length: 1)),
                                          hint: "YAML aliases (*name) may be expanding exponentially; write the data out or split the file",
                                          category: .model))
            return
        }
        let node = ModelNode(yaml, file: file)
        var r = NodeReader(sources: sources)
        defer { diagnostics += r.diagnostics }
        guard let top = r.fields(of: node, as: "a model file", allowed: Self.topFields, required: []) else { return }
        readHeader(top, &r)
        let firstDocument = rawDocuments.count
        for item in r.items(top["entities"]) { if let e = readEntity(item, &r) { addEntity(e) } }
        for item in r.items(top["documents"]) { if let d = readDocument(item, &r, base: base) { addDocument(d) } }
        let defaultSource = defaultSource(from: firstDocument)
        for item in r.items(top["statements"]) {
            if var s = readStatement(item, &r) {
                s.defaultSource = defaultSource
                addStatement(s)
            }
        }
        for item in r.items(top["relations"]) { if let rel = readRelation(item, &r) { rawRelations.append(rel) } }
    }

    /// JSON Lines: every line is one record with a `record` field naming its kind.
    /// Streams a JSON Lines file from disk in chunks of whole lines, so its bytes never sit in memory
    /// at once; a diagnostic re-reads the line it needs.
    mutating func addJSONLines(path: String, name: String, base: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let file = sources.add(name, SourceText(bytes: []))
        sources.released[Int(file)] = path
        var carry: [UInt8] = []
        var line = 1
        var state = JSONLinesState(firstDocument: rawDocuments.count)
        while true {
            let data = handle.readData(ofLength: 8 << 20)
            var chunk = carry
            chunk.append(contentsOf: data)
            if data.isEmpty {
                if !chunk.isEmpty { _ = parseJSONLines(chunk, file: file, firstLine: line, base: base, state: &state) }
                break
            }
            guard let lastNewline = chunk.lastIndex(of: 10) else { carry = chunk; continue }
            carry = Array(chunk[(lastNewline + 1)...])
            chunk.removeSubrange((lastNewline + 1)...)
            let lines = chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            if !parseJSONLines(chunk, file: file, firstLine: line, base: base, state: &state) { break }
            line += lines
        }
        return true
    }

    /// What a JSON Lines file carries from one chunk to the next.
    struct JSONLinesState {
        var firstDocument: Int
        var pendingDefault = true
        var defaultSource: RawRef?
    }

    mutating func addJSONLines(file: Int32, base: String) {
        var state = JSONLinesState(firstDocument: rawDocuments.count)
        _ = parseJSONLines(sources.texts[Int(file)].utf8, file: file, firstLine: 1, base: base, state: &state)
    }

    /// Parses whole lines; false after a syntax error (reported), which ends the file.
    mutating func parseJSONLines(_ bytes: [UInt8], file: Int32, firstLine: Int, base: String, state: inout JSONLinesState) -> Bool {
        var r = NodeReader(sources: sources)
        var parser = JSONLinesParser(bytes: bytes, file: file, maxDepth: loader.limits.maxDepth)
        parser.firstLine = firstLine
        var ok = true
        do {
            try parser.forEachLine { node in
                guard case .mapping(let pairs, let mark) = node else {
                    r.error("expected a record (a JSON object) on each line, found \(NodeReader.describe(node))", node,
                            hint: "write one {\"record\": \"statement\", …} object per line")
                    return
                }
                guard let kindIndex = pairs.firstIndex(where: { $0.key.string == "record" }),
                      let kind = pairs[kindIndex].value.string, Self.recordKinds.contains(kind) else {
                    let found = pairs.first(where: { $0.key.string == "record" })?.value
                    r.error("expected a `record` field naming the kind: " + Self.recordKinds.joined(separator: ", "), found ?? node,
                            hint: found.flatMap { $0.string }.flatMap { Suggestion.hint(for: $0, in: Self.recordKinds) })
                    return
                }
                var rest = pairs
                rest.remove(at: kindIndex)
                let item = ModelNode.mapping(rest, mark)
                switch kind {
                case "model":
                    if let top = r.fields(of: item, as: "a model record", allowed: Self.topFields, required: []) { readHeader(top, &r) }
                case "document":
                    if let d = readDocument(item, &r, base: base) { addDocument(d) }
                case "entity":
                    if let e = readEntity(item, &r) { addEntity(e) }
                case "statement":
                    if state.pendingDefault { state.defaultSource = self.defaultSource(from: state.firstDocument); state.pendingDefault = false }
                    if var s = readStatement(item, &r) {
                        s.defaultSource = state.defaultSource
                        addStatement(s)
                    }
                default:
                    if let rel = readRelation(item, &r) { rawRelations.append(rel) }
                }
            }
        } catch {
            r.diagnostics.append(Diagnostic("json: \(error.message)",
                                            at: sources.span(FileMark(file: file, line: Int32(error.line), column: Int32(error.column), length: 1)),
                                            hint: "each line must be one complete JSON object", category: .syntax))
            ok = false
        }
        diagnostics += r.diagnostics
        return ok
    }

    mutating func readHeader(_ top: FieldMap, _ r: inout NodeReader) {
        if let n = r.string(top["model"], "the model name") { name = name ?? n }
        if let t = r.string(top["title"], "the title") { title = title ?? t }
        if let f = top["format"], let v = r.string(f, "the format version"), v != "1" {
            r.error("unsupported format version '\(v)'", f, hint: "this stmt reads format 1")
        }
    }

    /// The first document with a text among those this file defined: where its anchors resolve by default.
    func defaultSource(from first: Int) -> RawRef? {
        rawDocuments[first...].first(where: { $0.source != nil || $0.inlineText != nil }).map { RawRef(id: $0.id, span: nil) }
    }

    /// Resolves everything; throws every diagnostic when any of them is an error.
    mutating func build(defaultName: String, origin: String) throws(DiagnosticList) -> Model {
        Profile.mark("read and resolved while reading")
        let model = finish(name: name ?? defaultName, origin: origin)
        Profile.mark("finished")
        let all = diagnostics + resolver.diagnostics
        if all.contains(where: { $0.severity == .error }) || model == nil {
            throw DiagnosticList(all.sorted(by: Self.order))
        }
        return model!
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        guard let sa = a.span, let sb = b.span else { return a.span != nil && b.span == nil }
        if sa.file != sb.file { return sa.file < sb.file }
        if sa.line != sb.line { return sa.line < sb.line }
        return sa.column < sb.column
    }
}
