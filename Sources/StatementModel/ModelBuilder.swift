import Foundation
import Yams

/// A reference written in a model file: the id as written and where.
struct RawRef: Sendable {
    var id: String
    var span: FileMark?
}

/// Collects the records of one or more model files, then resolves references and anchors across
/// all of them, gathering every problem before deciding whether a model can be built.
struct ModelBuilder {
    let loader: ModelLoader
    let sources = SourceFiles()
    var diagnostics: [Diagnostic] = []
    /// With the loader's `lint`: the flow lists of text read, for the linter.
    var flowLists: [NodeReader.FlowList] = []
    var name: String?
    var title: String?
    var nameMark: FileMark?
    var titleMark: FileMark?
    /// Documents and entities stay raw until every file is read: they are few, and may refer ahead.
    var rawDocuments: [RawDocument] = []
    var rawEntities: [RawEntity] = []
    /// Statements are resolved as they are read when everything they name is already known (the
    /// usual order), so a million of them never sit in memory twice; the rest wait in `deferred`.
    var statements: [Statement] = []
    var deferred: [(index: Int, raw: RawStatement)] = []
    var rawRelations: [RawRelation] = []
    var resolver: ModelResolver
    /// The texts of documents written inline, made as each is read (same order as `rawDocuments`):
    /// the reading threads find statements' anchors in them, and the documents keep the same bytes.
    var documentTexts: [SourceText?] = []

    init(loader: ModelLoader) {
        self.loader = loader
        resolver = ModelResolver(loader: loader, sources: sources)
    }

    mutating func addDocument(_ d: RawDocument) {
        if resolver.register(d.id, d.span, as: .document(rawDocuments.count)) {
            var d = d
            var text: SourceText?
            if d.source == nil, let inline = d.inlineText {
                text = SourceText(inline)
                // The words live in `documentTexts` now; "" still says the text was written inline.
                d.inlineText = ""
            }
            rawDocuments.append(d)
            documentTexts.append(text)
        }
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

    let records = RecordReader()

    /// Reads one file's records: JSON Lines when the name ends in `.jsonl`, YAML (or JSON) otherwise.
    /// `path`, when given, lets a large JSON Lines file's bytes go once parsed: a diagnostic re-reads its line.
    mutating func add(file: String, bytes: [UInt8], base: String, path: String?) {
        if file.hasSuffix(".jsonl") {
            let index = sources.add(file, SourceText(bytes: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes))
            addJSONLines(file: index, base: base)
            if let path { sources.release(index, path: path) }
            return
        }
        // YAML and JSON: a byte-order mark and CRLF line ends are fine; bad bytes are located.
        let text: String
        do { text = try TextDecoder.decode(bytes, name: file) } catch { diagnostics.append(error); return }
        let index = sources.add(file, SourceText(text))
        addYAML(file: index, text: text, base: base)
    }

    mutating func addYAML(file: Int32, text: String, base: String) {
        let yaml: Node
        switch loader.compose(text, file: sources.names[Int(file)]) {
        case .failure(let d): diagnostics.append(d); return
        case .success(nil): return
        case .success(let n?): yaml = n
        }
        // An empty document (`---` alone, or a directive and `---`) is an empty file, not an error.
        if case .scalar(let s) = yaml, s.style == .plain, NodeReader.isNull(.scalar(s.string, plain: true, FileMark(file: 0, line: 0, column: 0, length: 0))) {
            return
        }
        // Aliases may expand a small file enormously: without them a file has fewer nodes than bytes,
        // so the budgets grow with the file's size, and count text as well as nodes.
        let size = text.utf8.count
        let nodeLimit = min(loader.limits.maxNodes, 1_000_000 + 2 * size)
        var budget = ModelLoader.Budget(nodes: nodeLimit, bytes: size + loader.limits.maxAliasExpansionBytes)
        ModelLoader.count(yaml, budget: &budget)
        if budget.exceeded {
            let what = budget.nodes < 0 ? "more than \(nodeLimit) YAML nodes" : "more than \(size + loader.limits.maxAliasExpansionBytes) bytes of text"
            diagnostics.append(Diagnostic("the file expands to \(what)",
                                          at: sources.span(FileMark(file: file, line: 1, column: 1, length: 1)),
                                          hint: "YAML aliases (*name) may be expanding exponentially; write the data out or split the file",
                                          category: .model))
            return
        }
        // `title: !!binary aGVsbG8=` loaded as the text "aGVsbG8=" without a word.
        for tag in budget.tags {
            diagnostics.append(Diagnostic("the YAML tag '\(tag.name)' is not read: the value is taken as it is written",
                                          at: sources.span(FileMark(file: file, line: Int32(tag.mark?.line ?? 1), column: Int32(tag.mark?.column ?? 1),
                                                                    length: Int32(tag.name.count))),
                                          hint: "remove the tag; a model's values are text, lists and mappings", category: .model, severity: .warning))
        }
        let node = ModelNode(yaml, file: file)
        var r = NodeReader(sources: sources)
        r.lint = loader.lint
        defer { diagnostics += r.diagnostics; flowLists += r.flowLists }
        guard let top = r.fields(of: node, as: "a model file", allowed: RecordReader.topFields, required: []) else { return }
        readHeader(top, &r)
        let firstDocument = rawDocuments.count
        for item in r.items(top["entities"]) { if let e = records.readEntity(item, &r) { addEntity(e) } }
        for item in r.items(top["documents"]) {
            if let d = records.readDocument(item, &r, base: base) { addDocument(d) } else { resolver.dropDocument(NodeReader.id(of: item)) }
        }
        let defaultSource = defaultSource(from: firstDocument)
        for item in r.items(top["statements"]) {
            if let s = records.readStatement(item, &r) {
                s.defaultSource = defaultSource
                addStatement(s)
            }
        }
        for item in r.items(top["relations"]) { if let rel = records.readRelation(item, &r) { rawRelations.append(rel) } }
    }

    /// JSON Lines: every line is one record with a `record` field naming its kind.
    /// Streams a JSON Lines file from disk in chunks of whole lines, so its bytes never sit in memory
    /// at once (a diagnostic re-reads the line it needs). Chunks are parsed on worker threads while
    /// this thread resolves the records of earlier chunks, in file order.
    mutating func addJSONLines(handle: FileHandle, name: String, base: String) {
        defer { try? handle.close() }
        let file = sources.add(name, SourceText(bytes: []))
        sources.release(file, path: name)
        var state = JSONLinesState(firstDocument: rawDocuments.count)
        var inFlight: [ChunkSlot] = []
        var stopped = false
        let reader = records, sources = self.sources, maxDepth = loader.limits.maxDepth
        func submit(_ bytes: [UInt8], _ line: Int) {
            let slot = ChunkSlot(bytes: bytes.count)
            inFlight.append(slot)
            let snapshot = ReferenceSnapshot(resolver: resolver.referenceSnapshot(), texts: documentTexts)
            DispatchQueue.global(qos: .userInitiated).async {
                var chunk = reader.parseChunk(bytes, file: file, firstLine: line, base: base, maxDepth: maxDepth, sources: sources,
                                              snapshot: snapshot)
                snapshot.resolve(&chunk)
                slot.result = consume chunk   // moved: the builder then owns the only copy and takes statements out in place
                slot.done.signal()
            }
        }
        var waited: UInt64 = 0
        func drain(keeping: Int) {
            while inFlight.count > keeping {
                let slot = inFlight.removeFirst()
                let before = DispatchTime.now().uptimeNanoseconds
                slot.done.wait()
                waited += DispatchTime.now().uptimeNanoseconds - before
                consumedBytes += slot.bytes
                if !stopped, var chunk = slot.result.take() {
                    let before = statements.count
                    stopped = consume(&chunk, state: &state)
                    if reservations < 2, statements.count > before {
                        reservations += 1
                        reserve(statements: statements.count - before, in: slot.bytes, leaving: fileSize - consumedBytes)
                    }
                }
            }
        }
        // After the first chunk with statements, room for as many statements as the rest of the file likely holds:
        // the arrays and the id map then grow once instead of copying themselves ~20 times. Again after the
        // second: the first is often mostly documents, so its few statements promise too few.
        var reservations = 0, consumedBytes = 0
        var st = stat()
        let fileSize = fstat(handle.fileDescriptor, &st) == 0 ? Int(st.st_size) : 0
        // Each read goes straight into the buffer a reading thread will parse, after the bytes of
        // the unfinished line before it; a long line doubles the read, so it costs no more than
        // many short ones, and only what each read added is searched.
        var pending: [UInt8] = []
        var line = 1
        var first = true
        while !stopped {
            if loader.isCancelled() { diagnostics.append(ModelLoader.cancelled); break }
            let limit = loader.limits.maxLineBytes
            guard var data = handle.read(after: pending, upTo: max(4 << 20, min(pending.count, limit + 1 - pending.count))) else {
                diagnostics.append(Diagnostic("could not read '\(name)' after line \(line): \(String(cString: strerror(errno)))",
                                              at: SourceSpan(file: name, line: line, column: 1),
                                              hint: "check the file and the disk it is on", category: .io))
                break
            }
            var searchFrom = pending.count
            if data.count == searchFrom {
                if !data.isEmpty { submit(data, line) }
                break
            }
            if first {
                first = false
                if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3); searchFrom = 0 }   // a byte-order mark
            }
            // Only the line the unfinished bytes belong to can be longer than a read.
            let lastNewline = data[searchFrom...].lastIndex(of: 10)
            if (lastNewline.map { _ in data[searchFrom...].firstIndex(of: 10)! } ?? data.count) > limit {
                diagnostics.append(Diagnostic("line \(line) is longer than \(limit) bytes",
                                              at: SourceSpan(file: name, line: line, column: 1),
                                              hint: "each line holds one record; is this a JSON Lines model?", category: .syntax))
                stopped = true
                break
            }
            guard let lastNewline else {
                pending = data
                continue
            }
            pending = Array(data[(lastNewline + 1)...])
            data.removeSubrange((lastNewline + 1)...)
            let lines = Self.countNewlines(data)
            submit(data, line)
            line += lines
            drain(keeping: 2)
        }
        drain(keeping: 0)
        Profile.note("reading: waited \(waited / 1_000_000) ms for parsed chunks")
    }

    /// Newlines in a buffer, found with memchr (this thread does it for every chunk, so it must be quick).
    static func countNewlines(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { raw -> Int in
            guard var p = raw.baseAddress else { return 0 }
            let end = p + raw.count
            var n = 0
            while p < end, let hit = memchr(p, 10, end - p) {
                n += 1
                p = UnsafeRawPointer(hit) + 1
            }
            return n
        }
    }

    /// A chunk being parsed on a worker thread.
    final class ChunkSlot: @unchecked Sendable {
        var result: ParsedChunk?
        let done = DispatchSemaphore(value: 0)
        /// The chunk's size in bytes.
        let bytes: Int
        init(bytes: Int) { self.bytes = bytes }
    }

    /// Makes room for the statements of a file of `fileSize` bytes, judged by the first `bytes`,
    /// which held `count` of them. A guess too high costs address space only: pages never written
    /// are never resident.
    mutating func reserve(statements count: Int, in bytes: Int, leaving rest: Int) {
        guard count > 0, bytes > 0, rest > 0 else { return }
        let more = min(rest / 32, Int(Double(count) * Double(rest) / Double(bytes) * 1.02))
        statements.reserveCapacity(statements.count + more)
        resolver.statementIndex.reserveCapacity(resolver.statementIndex.count + more)
    }

    /// What a JSON Lines file carries from one chunk to the next.
    struct JSONLinesState {
        var firstDocument: Int
        var pendingDefault = true
        var defaultSource: RawRef?
    }

    mutating func addJSONLines(file: Int32, base: String) {
        var state = JSONLinesState(firstDocument: rawDocuments.count)
        var chunk = records.parseChunk(Array(sources.texts[Int(file)].utf8), file: file, firstLine: 1, base: base,
                                       maxDepth: loader.limits.maxDepth, sources: sources)
        _ = consume(&chunk, state: &state)
    }

    /// Adds a parsed chunk's records in order; true when a syntax error ended the file.
    mutating func consume(_ chunk: inout ParsedChunk, state: inout JSONLinesState) -> Bool {
        for record in chunk.records {
            switch record {
            case .header(let h): addHeader(h)
            case .document(let d): addDocument(d)
            case .entity(let e): addEntity(e)
            case .resolvedStatement(let id, let mark, let index, let problems):
                guard resolver.register(id, mark, as: .statement(statements.count)), let statement = chunk.resolved[index].take() else { continue }
                statements.append(consume statement)
                resolver.diagnostics += problems
            case .statement(let s):
                if state.pendingDefault { state.defaultSource = defaultSource(from: state.firstDocument); state.pendingDefault = false }
                s.defaultSource = state.defaultSource
                addStatement(s)
            case .relation(let r): rawRelations.append(r)
            case .droppedDocument(let id): resolver.dropDocument(id)
            }
        }
        diagnostics += chunk.diagnostics
        return chunk.failed
    }

    mutating func readHeader(_ top: FieldMap, _ r: inout NodeReader) {
        addHeader(records.readHeader(top, &r))
    }

    /// A model has one name and one title: a second, in another file of a folder, is an error in
    /// both places (which file wins would depend on the order names sort in).
    mutating func addHeader(_ h: Header) {
        for (what, value, mark, first, firstMark) in [("model", h.name, h.nameMark, name, nameMark), ("title", h.title, h.titleMark, title, titleMark)] {
            guard value != nil else { continue }
            if first != nil {
                let note = Diagnostic("the first `\(what):` is here", at: firstMark.map { sources.span($0) }, category: .model, severity: .note)
                diagnostics.append(Diagnostic("a second `\(what):` for the same model", at: mark.map { sources.span($0) },
                                              hint: "a folder loads as one model: give `\(what):` in one file only", category: .model, notes: [note]))
            }
        }
        if name == nil, let n = h.name { name = n; nameMark = h.nameMark }
        if title == nil, let t = h.title { title = t; titleMark = h.titleMark }
    }

    /// The first document with a text among those this file defined: where its anchors resolve by default.
    func defaultSource(from first: Int) -> RawRef? {
        rawDocuments[first...].first(where: { $0.source != nil || $0.inlineText != nil }).map { RawRef(id: $0.id, span: nil) }
    }

    /// Resolves everything; throws every diagnostic when any of them is an error.
    mutating func build(defaultName: String, origin: String) throws(DiagnosticList) -> Model {
        try buildWithWarnings(defaultName: defaultName, origin: origin).model
    }

    /// The model and the warnings (lints when the loader asks for them); every diagnostic, errors
    /// and warnings sorted by place, when there is an error.
    mutating func buildWithWarnings(defaultName: String, origin: String) throws(DiagnosticList) -> (model: Model, warnings: [Diagnostic]) {
        let model = finish(name: name ?? defaultName, origin: origin)
        loader.repairs?.files = sources
        Profile.mark("finished")
        var all = diagnostics + resolver.diagnostics
        // An empty file, or `{}`, loaded as a model of nothing and checked "ok" without a word.
        if let model, model.documents.isEmpty, model.entities.isEmpty, model.statements.count == 0, model.relations.isEmpty, !sources.names.isEmpty {
            all.append(Diagnostic("the model holds no documents, entities, statements or relations",
                                  at: sources.span(FileMark(file: 0, line: 1, column: 1, length: 1)),
                                  hint: "a model file lists them: `model: name`, then `documents:`, `entities:`, `statements:`",
                                  category: .model, severity: .warning))
        }
        if let model, loader.lint {
            all += ModelLinter(model: model, sources: sources, statementMarks: resolver.statementMarks,
                               aliasMarks: rawEntities.map(\.aliasMarks), marks: resolver.marks, flowLists: flowLists).lint()
        }
        all.sort(by: Self.order)
        if all.contains(where: { $0.severity == .error }) || model == nil { throw DiagnosticList(all) }
        return (model!, all)
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        guard let sa = a.span, let sb = b.span else { return a.span != nil && b.span == nil }
        if sa.file != sb.file { return sa.file < sb.file }
        if sa.line != sb.line { return sa.line < sb.line }
        return sa.column < sb.column
    }
}
