import Yams

/// A position in a model file: which file (an index into the load's sources), line, column and length.
/// Kept small because a large model has millions; a full ``SourceSpan`` is made only for diagnostics.
struct FileMark: Sendable {
    var file: Int32
    var line: Int32
    var column: Int32
    var length: Int32
}

/// A node of a model file, whichever syntax it came from (YAML, JSON or JSON Lines), with its place.
enum ModelNode {
    /// One field of a mapping.
    struct Pair {
        var key: ModelNode
        var value: ModelNode
    }

    /// A scalar; `plain` is false for quoted strings.
    case scalar(String, plain: Bool, FileMark)
    /// A mapping, in file order.
    case mapping([Pair], FileMark)
    /// A sequence.
    case sequence([ModelNode], FileMark)

    var mark: FileMark {
        switch self {
        case .scalar(_, _, let m), .mapping(_, let m), .sequence(_, let m): return m
        }
    }

    var string: String? { if case .scalar(let s, _, _) = self { return s }; return nil }

    /// A scalar written without quotes.
    var isPlain: Bool { if case .scalar(_, let plain, _) = self { return plain }; return false }

    /// Converts a composed YAML tree (aliases already counted against the node budget).
    init(_ node: Node, file: Int32) {
        func mark(_ n: Node, _ length: Int) -> FileMark {
            FileMark(file: file, line: Int32(n.mark?.line ?? 0), column: Int32(n.mark?.column ?? 0), length: Int32(length))
        }
        switch node {
        case .scalar(let s):
            let plain = s.style == .plain
            self = .scalar(s.string, plain: plain, mark(node, plain ? s.string.count : s.string.count + 2))
        case .mapping(let m):
            self = .mapping(m.map { Pair(key: ModelNode($0.key, file: file), value: ModelNode($0.value, file: file)) }, mark(node, 1))
        case .sequence(let q):
            self = .sequence(q.map { ModelNode($0, file: file) }, mark(node, 1))
        case .alias:
            self = .scalar("", plain: true, mark(node, 1))
        }
    }
}
