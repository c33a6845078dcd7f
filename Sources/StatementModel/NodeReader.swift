/// Reads typed fields out of a model file's node tree, turning every surprise into a located
/// diagnostic instead of stopping: the loader reports all problems of a file in one pass.
struct NodeReader {
    /// The source of every file of the load, to render spans on demand.
    let sources: SourceFiles
    /// Problems found so far.
    var diagnostics: [Diagnostic] = []
    /// Whether to look for likely mistakes too (`stmt check`): they are added as warnings.
    var lint = false
    /// With ``lint``: every flow list of text read (`[a, b, c]`), item by item.
    var flowLists: [FlowList] = []

    /// A flow list of text and the field it gives.
    struct FlowList {
        var field: String
        var items: [FlowItem]
    }

    /// One item of a flow list: its text, where it is written, and whether it was unquoted.
    struct FlowItem {
        var text: String
        var mark: FileMark
        var plain: Bool
    }

    init(sources: SourceFiles) { self.sources = sources }

    func span(_ node: ModelNode?) -> SourceSpan? { node.map { sources.span($0.mark) } }

    mutating func error(_ message: String, _ node: ModelNode?, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: span(node), hint: hint, category: .model))
    }

    /// A flow collection (`[a, b]`, `{k: v}`), where a comma ends a value: its mark is on the
    /// opening bracket. (Read off the source: the YAML library does not keep a collection's style.)
    func isFlow(_ node: ModelNode) -> Bool {
        if case .scalar = node { return false }
        let m = node.mark
        let line = sources.text(Int(m.file)).line(Int(m.line))
        guard m.column >= 1, let c = line.utf8.dropFirst(Int(m.column) - 1).first else { return false }
        return c == UInt8(ascii: "[") || c == UInt8(ascii: "{")
    }

    static func describe(_ node: ModelNode) -> String {
        if isNull(node) { return node.string?.isEmpty == false ? "null ('\(node.string!)')" : "nothing" }
        switch node {
        case .scalar(let s, _, _): return s.isEmpty ? "nothing" : "'\(s)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// The `id` a mapping names, if it names one as text (for a record its errors leave out).
    static func id(of node: ModelNode) -> String? {
        guard case .mapping(let pairs, _) = node else { return nil }
        return pairs.first { $0.key.string == "id" }?.value.string
    }

    static func isNull(_ node: ModelNode) -> Bool {
        if case .scalar(let s, true, _) = node, s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL" { return true }
        return false
    }

    /// The fields of a mapping; unknown keys and missing required keys become diagnostics.
    mutating func fields(of node: ModelNode, as what: String, allowed: [String], required: [String]) -> FieldMap? {
        guard case .mapping(let mapping, _) = node else {
            error("expected \(what) as a mapping of fields, found \(Self.describe(node))", node,
                  hint: what == "a model file" || what == "a model record" ? "a model file is `key: value` lines: `model: …`, `documents:`, `entities:`, `statements:`"
                      : "write it as `key: value` lines, e.g. `- id: …`")
            return nil
        }
        // The map reads the mapping's own pairs: nothing is copied unless a key is unknown.
        var out = FieldMap(pairs: mapping)
        for (i, pair) in mapping.enumerated() {
            guard let k = pair.key.string else {
                error("expected a field name, found \(Self.describe(pair.key))", pair.key)
                out.pairs[i].key = .scalar("", plain: false, pair.key.mark)
                continue
            }
            if !allowed.contains(k) {
                var hint = Suggestion.hint(for: k, in: allowed) ?? "the fields of \(what) are: \(allowed.joined(separator: ", "))"
                // `{content: North Korea, credible reports}`: the comma ended the value, and the rest reads as a field.
                if isFlow(node), i > 0, Self.isNull(pair.value), pair.key.isPlain, let prevKey = mapping[i - 1].key.string,
                   case .scalar(let prev, _, _) = mapping[i - 1].value {
                    hint = "in `{…}` a comma ends a value, so '\(k)' is read as a field; quote the value: \(prevKey): \"\(prev), \(k)\""
                }
                if k == "<<" { hint = "YAML merge keys (<<: *name) are not read: write the fields out" }
                error("unknown field '\(k)' in \(what)", pair.key, hint: hint)
                out.pairs[i].key = .scalar("", plain: false, pair.key.mark)
            }
        }
        for r in required where out[r] == nil || Self.isNull(out[r]!) {
            var m = node.mark
            m.length = 1
            diagnostics.append(Diagnostic("missing required field '\(r)' in \(what)", at: sources.span(m),
                                          hint: "add `\(r): …` to this " + Self.withoutArticle(what), category: .model))
        }
        return out
    }

    /// A scalar as a string.
    /// "a document" → "document", so a hint reads "add `id: …` to this document".
    static func withoutArticle(_ what: String) -> String {
        for a in ["a ", "an ", "the "] where what.hasPrefix(a) { return String(what.dropFirst(a.count)) }
        return what
    }

    mutating func string(_ node: ModelNode?, _ what: String, as expected: String = "text", hint: String? = nil) -> String? {
        guard let node, !Self.isNull(node) else { return nil }
        guard case .scalar(let s, _, _) = node else {
            error("expected \(what) as \(expected), found \(Self.describe(node))", node,
                  hint: hint ?? "write one text here; quote it if it holds [ ] { } or ': '")
            return nil
        }
        return s
    }

    /// A list of scalars, each turned into a `T`; a single scalar counts as a list of one.
    mutating func strings<T>(_ node: ModelNode?, _ what: String, _ make: (String, FileMark) -> T) -> [T] {
        guard let node, !Self.isNull(node) else { return [] }
        switch node {
        case .scalar(let s, _, let m): return [make(s, m)]
        case .sequence(let seq, _):
            var out: [T] = []
            out.reserveCapacity(seq.count)
            for item in seq {
                // A null or empty item names nothing: `[~, Bobby]` made an alias "~", `[""]` an empty one.
                if case .scalar(let s, _, let m) = item, !s.isEmpty, !Self.isNull(item) { out.append(make(s, m)) }
                else if case .scalar = item {
                    error("expected each of \(what) as text, found \(Self.describe(item))", item,
                          hint: Self.isNull(item) && item.string?.isEmpty == false ? "remove it, or quote it to mean the word: \"\(item.string!)\"" : "remove the empty item")
                } else {
                    error("expected each of \(what) as text, found \(Self.describe(item))", item,
                          hint: "write one text per item: [a, b], or one `- item` per line")
                }
            }
            noteFlowList(node, field: what)
            return out
        case .mapping:
            error("expected \(what) as a list, found \(Self.describe(node))", node, hint: "write `[a, b]` or one `- item` per line")
            return []
        }
    }

    /// Keeps a flow list of text for the linter, which reads it against the documents' texts: in
    /// `[a, b]` a comma may have split one name or phrase in two.
    mutating func noteFlowList(_ node: ModelNode?, field: String) {
        guard lint, let node, case .sequence(let seq, _) = node, seq.count > 1, isFlow(node) else { return }
        flowLists.append(FlowList(field: field, items: seq.compactMap { item in
            if case .scalar(let s, _, let m) = item { return FlowItem(text: s, mark: m, plain: item.isPlain) }
            return nil
        }))
    }

    /// A list of nodes (a single mapping or scalar counts as a list of one).
    func items(_ node: ModelNode?) -> [ModelNode] {
        guard let node, !Self.isNull(node) else { return [] }
        if case .sequence(let seq, _) = node { return seq }
        return [node]
    }

    /// A string-to-string mapping.
    mutating func stringMap(_ node: ModelNode?, _ what: String) -> [String: String] {
        guard let node, !Self.isNull(node) else { return [:] }
        guard case .mapping(let m, _) = node else {
            error("expected \(what) as a mapping, found \(Self.describe(node))", node, hint: "write `scheme: code` lines")
            return [:]
        }
        var out: [String: String] = [:]
        for pair in m {
            let k = pair.key, v = pair.value
            // A null value is no entry (`cameo: ~` is no CAMEO code), not the text "~".
            if k.string != nil, Self.isNull(v) { continue }
            if let ks = k.string, case .scalar(let vs, _, _) = v, !vs.isEmpty { out[ks] = vs }
            else {
                error("expected \(what) entries as `name: text`, found \(k.string == nil ? Self.describe(k) + " as a name" : Self.describe(v))",
                      k.string == nil ? k : v, hint: "write `scheme: code` lines, e.g. `cameo: PRK`")
            }
        }
        return out
    }
}


/// The fields of one mapping, looked up by a linear scan: a record has a dozen fields, and hashing
/// every key of a million records costs more than comparing a few short strings.
struct FieldMap {
    var pairs: [ModelNode.Pair]

    subscript(key: String) -> ModelNode? {
        for p in pairs { if case .scalar(let k, _, _) = p.key, k == key { return p.value } }
        return nil
    }
}
