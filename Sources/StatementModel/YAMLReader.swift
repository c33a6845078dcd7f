import Yams

/// Reads typed fields out of a composed YAML tree, turning every surprise into a located
/// diagnostic instead of stopping: the loader reports all problems of a file in one pass.
struct YAMLReader {
    /// The file name used in spans.
    let file: String
    /// The file's lines, for the source line shown under a diagnostic.
    let lines: [Substring]
    /// Problems found so far.
    var diagnostics: [Diagnostic] = []

    init(file: String, text: String) {
        self.file = file
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func span(_ node: Node?, length: Int? = nil) -> SourceSpan? {
        guard let mark = node?.mark else { return nil }
        return span(line: mark.line, column: mark.column, length: length ?? node.flatMap(Self.width) ?? 1)
    }

    func span(line: Int, column: Int, length: Int = 1) -> SourceSpan {
        let text = line - 1 < lines.count && line >= 1 ? String(lines[line - 1]) : ""
        return SourceSpan(file: file, line: line, column: column, length: max(1, length),
                          lineText: text.hasSuffix("\r") ? String(text.dropLast()) : text)
    }

    static func width(_ node: Node) -> Int? {
        if case .scalar(let s) = node {
            return s.style == .plain ? s.string.count : s.string.count + 2
        }
        return nil
    }

    mutating func error(_ message: String, _ node: Node?, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: span(node), hint: hint, category: .model))
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "nothing" : "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) { return true }
        return false
    }

    /// The fields of a mapping; unknown keys and missing required keys become diagnostics.
    mutating func fields(of node: Node, as what: String, allowed: [String], required: [String]) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            error("expected \(what) as a mapping of fields, found \(Self.describe(node))", node,
                  hint: "write it as `key: value` lines, e.g. `- id: …`")
            return nil
        }
        var out: [String: Node] = [:]
        for (key, value) in mapping {
            guard let k = key.string else { error("expected a field name, found \(Self.describe(key))", key); continue }
            if !allowed.contains(k) {
                let hint = Suggestion.hint(for: k, in: allowed) ?? "the fields of \(what) are: \(allowed.joined(separator: ", "))"
                error("unknown field '\(k)' in \(what)", key, hint: hint)
                continue
            }
            out[k] = value
        }
        for r in required where out[r] == nil || Self.isNull(out[r]!) {
            let d = Diagnostic("missing required field '\(r)' in \(what)", at: span(node, length: 1),
                               hint: "add `\(r): …` to this \(what)", category: .model)
            diagnostics.append(d)
        }
        return out
    }

    /// A scalar as a string.
    mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        if Self.isNull(node) { return nil }
        guard case .scalar(let s) = node else {
            error("expected \(what) as text, found \(Self.describe(node))", node)
            return nil
        }
        return s.string
    }

    /// A list of scalars; a single scalar counts as a list of one.
    mutating func strings(_ node: Node?, _ what: String) -> [(String, Node)] {
        guard let node, !Self.isNull(node) else { return [] }
        switch node {
        case .scalar(let s): return [(s.string, node)]
        case .sequence(let seq):
            var out: [(String, Node)] = []
            for item in seq {
                if case .scalar(let s) = item { out.append((s.string, item)) }
                else { error("expected each of \(what) as text, found \(Self.describe(item))", item) }
            }
            return out
        default:
            error("expected \(what) as a list, found \(Self.describe(node))", node, hint: "write `[a, b]` or one `- item` per line")
            return []
        }
    }

    /// A list of arbitrary nodes (a single mapping counts as a list of one).
    mutating func items(_ node: Node?, _ what: String) -> [Node] {
        guard let node, !Self.isNull(node) else { return [] }
        switch node {
        case .sequence(let seq): return Array(seq)
        case .mapping, .scalar: return [node]
        case .alias: return []
        }
    }

    /// A string-to-string mapping.
    mutating func stringMap(_ node: Node?, _ what: String) -> [String: String] {
        guard let node, !Self.isNull(node) else { return [:] }
        guard case .mapping(let m) = node else {
            error("expected \(what) as a mapping, found \(Self.describe(node))", node, hint: "write `scheme: code` lines")
            return [:]
        }
        var out: [String: String] = [:]
        for (k, v) in m {
            if let ks = k.string, case .scalar(let vs) = v { out[ks] = vs.string }
            else { error("expected \(what) entries as `name: text`", k) }
        }
        return out
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
}
