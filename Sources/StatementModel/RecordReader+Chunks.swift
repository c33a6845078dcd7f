import Foundation

/// A model file's `model:` and `title:`, with where each is written.
struct Header: Sendable {
    var name: String?
    var nameMark: FileMark?
    var title: String?
    var titleMark: FileMark?
}

/// A record read from one line of a JSON Lines file, ready for the builder.
enum ParsedRecord: Sendable {
    case header(Header)
    case document(RawDocument)
    case entity(RawEntity)
    case statement(RawStatement)
    /// A statement resolved on the reading thread (its raw record already freed there): the
    /// statement is `ParsedChunk.resolved[index]`, kept apart so that records stay small to copy and
    /// the builder can move it out without retaining and releasing each of its fields.
    case resolvedStatement(id: String, mark: FileMark?, index: Int, problems: [Diagnostic])
    case relation(RawRelation)
    /// A document record whose errors kept it out of the model: its id, if it had one.
    case droppedDocument(String?)
}

/// The ids registered when a chunk was handed to a reading thread: enough to resolve most
/// statements there (all but those naming another statement, or relying on a default source).
struct ReferenceSnapshot: @unchecked Sendable {
    var resolver: ModelResolver
    /// The texts of the documents read so far (inline ones), by document index.
    var texts: [SourceText?]

    func resolve(_ chunk: inout ParsedChunk) {
        var r = resolver
        // `check --fix` claims every anchor's place while resolving: those loads find them in order, later.
        let findAnchors = r.loader.repairs == nil
        let contents = Self.contents(of: chunk.records)
        for k in chunk.records.indices {
            guard case .statement(let raw) = chunk.records[k], raw.source != nil, raw.reported?.via == nil else { continue }
            r.diagnostics = []
            if var st = r.statementIfKnown(raw) {
                if findAnchors { findFoundAnchors(&st) }
                if let contents { st.shareContent(contents.bytes, contents.bounds[k].0, contents.bounds[k].1) }
                chunk.records[k] = .resolvedStatement(id: raw.id, mark: raw.span, index: chunk.resolved.count, problems: r.diagnostics)
                chunk.resolved.append(consume st)
            }
        }
    }

    /// The contents of a chunk's statements in one buffer, with each record's bounds in it: the
    /// statements made from them slice it, so a million content strings are not all alive until the
    /// anchor pass points them at the model's content column (then this buffer goes too).
    static func contents(of records: [ParsedRecord]) -> (bytes: [UInt8], bounds: [(Int32, Int32)])? {
        var bytes: [UInt8] = []
        var bounds = [(Int32, Int32)](repeating: (0, 0), count: records.count)
        for k in records.indices {
            guard case .statement(let raw) = records[k] else { continue }
            let start = Int32(truncatingIfNeeded: bytes.count)
            var content = raw.content
            content.withUTF8 { bytes.append(contentsOf: $0) }
            bounds[k] = (start, Int32(truncatingIfNeeded: bytes.count))
        }
        return bytes.count < Int(Int32.max) ? (bytes, bounds) : nil
    }
}

extension ReferenceSnapshot {
    /// Finds the statement's anchors that occur exactly once in an already-read document text, as
    /// the builder's anchor pass would (it leaves them be); anything else — ambiguous, orphaned,
    /// empty, a document not read yet or with its text in a file — is left to that pass, which
    /// reports it.
    func findFoundAnchors(_ st: inout Statement) {
        for k in st.anchors.indices {
            let a = st.anchors[k]
            guard let d = a.document, d < texts.count, let text = texts[d], !a.exact.isEmpty else { continue }
            let outcome = AnchorResolver.resolve(a, in: text)
            if outcome.anchor.status == .found { st.anchors[k] = outcome.anchor }
        }
    }
}

/// The records and problems of a run of whole lines, in line order.
struct ParsedChunk: Sendable {
    var records: [ParsedRecord] = []
    /// The statements resolved on the reading thread, taken by the builder one by one.
    var resolved: [Statement?] = []
    var diagnostics: [Diagnostic] = []
    /// A syntax error ended the file here.
    var failed = false
}

extension RecordReader {
    /// Reads whole JSON Lines: pure apart from diagnostics, so chunks can be read concurrently.
    /// `fast`: plainly well-formed statement lines are read without a node tree (tests turn it off
    /// to hold the two readers to the same answers). `snapshot`: those lines are also resolved
    /// here, against the ids it knows, when they need nothing else (``ChunkResolver``).
    func parseChunk(_ bytes: [UInt8], file: Int32, firstLine: Int, base: String, maxDepth: Int, sources: SourceFiles,
                    fast: Bool = true, snapshot: ReferenceSnapshot? = nil) -> ParsedChunk {
        var out = ParsedChunk()
        var r = NodeReader(sources: sources)
        var parser = JSONLinesParser(bytes: bytes, file: file, maxDepth: maxDepth)
        parser.firstLine = firstLine
        var direct = snapshot.map { ChunkResolver($0) }
        do {
            try parser.forEachLine(statement: fast ? { c, scan in
                if direct != nil, let st = direct!.statement(scan, c) {
                    out.records.append(.resolvedStatement(id: st.id, mark: c.mark(of: scan.id!), index: out.resolved.count, problems: []))
                    out.resolved.append(consume st)   // moved, not copied and destroyed
                    return true
                }
                guard let raw = c.rawStatement(scan) else { return false }
                out.records.append(.statement(raw))
                return true
            } : nil) { node in
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
                    if let top = r.fields(of: item, as: "a model record", allowed: Self.topFields, required: []) {
                        out.records.append(.header(readHeader(top, &r)))
                    }
                case "document": out.records.append(readDocument(item, &r, base: base).map(ParsedRecord.document) ?? .droppedDocument(NodeReader.id(of: item)))
                case "entity": if let e = readEntity(item, &r) { out.records.append(.entity(e)) }
                case "statement": if let s = readStatement(item, &r) { out.records.append(.statement(s)) }
                default: if let rel = readRelation(item, &r) { out.records.append(.relation(rel)) }
                }
            }
        } catch {
            r.diagnostics.append(Diagnostic("json: \(error.message)",
                                            at: sources.span(FileMark(file: file, line: Int32(error.line), column: Int32(error.column), length: 1)),
                                            hint: "each line must be one complete JSON object", category: .syntax))
            out.failed = true
        }
        out.diagnostics = r.diagnostics
        direct?.shareContents(&out)
        return out
    }

    /// The model name and title of a header (with where they are written), checking the format version.
    func readHeader(_ top: FieldMap, _ r: inout NodeReader) -> Header {
        if let f = top["format"], let v = r.string(f, "the format version"), v != "1" {
            r.error("unsupported format version '\(v)'", f, hint: "this stmt reads format 1")
        }
        return Header(name: r.string(top["model"], "the model name"), nameMark: top["model"]?.mark,
                      title: r.string(top["title"], "the title"), titleMark: top["title"]?.mark)
    }
}
