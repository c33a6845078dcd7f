import Foundation
import Yams

/// A reference written in a model file: the id as written and where.
struct RawRef {
    var id: String
    var span: SourceSpan?
}

/// Collects the records of one or more model files, then resolves references and anchors across
/// all of them, gathering every problem before deciding whether a model can be built.
struct ModelBuilder {
    let loader: ModelLoader
    var diagnostics: [Diagnostic] = []
    var name: String?
    var title: String?
    var rawDocuments: [RawDocument] = []
    var rawEntities: [RawEntity] = []
    var rawStatements: [RawStatement] = []
    var rawRelations: [RawRelation] = []

    init(loader: ModelLoader) { self.loader = loader }

    static let topFields = ["model", "title", "description", "format", "documents", "entities", "statements", "relations"]

    /// Reads one file's records.
    mutating func add(file: String, text: String, base: String) {
        let node: Node
        switch loader.compose(text, file: file) {
        case .failure(let d): diagnostics.append(d); return
        case .success(nil): return
        case .success(let n?): node = n
        }
        var budget = loader.limits.maxNodes
        YAMLReader.count(node, budget: &budget)
        var r = YAMLReader(file: file, text: text)
        if budget < 0 {
            diagnostics.append(Diagnostic("the file expands to more than \(loader.limits.maxNodes) YAML nodes",
                                          at: r.span(line: 1, column: 1),
                                          hint: "YAML aliases (*name) may be expanding exponentially; write the data out or split the file",
                                          category: .model))
            return
        }
        guard let top = r.fields(of: node, as: "a model file", allowed: Self.topFields, required: []) else {
            diagnostics += r.diagnostics
            return
        }
        if let n = r.string(top["model"], "the model name") { name = name ?? n }
        if let t = r.string(top["title"], "the title") { title = title ?? t }
        if let f = top["format"], let v = r.string(f, "the format version"), v != "1" {
            r.error("unsupported format version '\(v)'", f, hint: "this stmt reads format 1")
        }
        let fileIndex = rawDocuments.count
        for item in r.items(top["documents"], "documents") { if let d = readDocument(item, &r, base: base) { rawDocuments.append(d) } }
        let defaultSource = rawDocuments[fileIndex...].first(where: { $0.source != nil }).map { RawRef(id: $0.id, span: nil) }
        for item in r.items(top["entities"], "entities") { if let e = readEntity(item, &r) { rawEntities.append(e) } }
        for item in r.items(top["statements"], "statements") {
            if var s = readStatement(item, &r) {
                s.defaultSource = defaultSource
                rawStatements.append(s)
            }
        }
        for item in r.items(top["relations"], "relations") { if let rel = readRelation(item, &r) { rawRelations.append(rel) } }
        diagnostics += r.diagnostics
    }

    /// Resolves everything; throws every diagnostic when any of them is an error.
    mutating func build(defaultName: String, origin: String) throws(DiagnosticList) -> Model {
        var resolver = Resolver(builder: self)
        let model = resolver.resolve(name: name ?? defaultName, title: title, origin: origin)
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
