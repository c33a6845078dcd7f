/// A short account of a model: documents, entities by kind, statements by force, anchors resolved.
/// Shared by `stmt info`, the `info` command and the REPL's welcome.
public struct ModelSummary: Sendable {
    /// The model summarized.
    public let model: Model

    /// Summarizes a model.
    public init(_ model: Model) { self.model = model }

    /// Anchor counts by status.
    public var anchorCounts: [Anchor.Status: Int] {
        // Counted in place (a restored model counts its rows): listing a million anchors first would cost more than the count.
        var c = model.statements.anchorStatusCounts()
        // By index: copying each of fifty thousand documents out of the array would cost more than the count.
        let docs = model.documents
        for i in docs.indices {
            for a in docs[i].narrative { c[a.status, default: 0] += 1 }
            for a in docs[i].residue { c[a.status, default: 0] += 1 }
        }
        return c
    }

    /// One line: `seed: 5 documents, 16 entities, 16 statements, 12 relations`. The model's name is
    /// data: its control characters are shown escaped (`\u{1b}`), as everywhere a terminal shows it.
    public var oneLine: String {
        TerminalText.oneLine(model.name) + ": " + [Self.count(model.documents.count, "document"), Self.count(model.entities.count, "entity", "entities"),
                            Self.count(model.statements.count, "statement"), Self.count(model.relations.count, "relation")].joined(separator: ", ")
    }

    /// `1 document`, `2 documents`.
    public static func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) " + (n == 1 ? one : many ?? one + "s")
    }

    /// Several lines with the breakdowns, control characters from the model shown escaped.
    public var text: String {
        func breakdown(_ pairs: [(String, Int)]) -> String {
            pairs.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        }
        var kinds: [String: Int] = [:]
        for e in model.entities { kinds[e.kind.rawValue, default: 0] += 1 }
        var forces: [String: Int] = [:]
        for (f, list) in model.statementsByForce { forces[f] = list.count }
        let withText = model.documents.indices.filter { model.documents[$0].text != nil }.count
        let anchors = anchorCounts
        let total = anchors.values.reduce(0, +)
        var out = "model      \(TerminalText.oneLine(model.name))" + (model.title.map { " — \(TerminalText.oneLine($0))" } ?? "") + "\n"
        out += "from       \(TerminalText.oneLine(model.origin))\n"
        out += "documents  \(model.documents.count) (\(withText) with source text)\n"
        out += "entities   \(model.entities.count): \(breakdown(kinds.map { ($0.key, $0.value) }))\n"
        out += "statements \(model.statements.count): \(breakdown(forces.map { ($0.key, $0.value) }))\n"
        out += "relations  \(model.relations.count)\n"
        out += "anchors    \(total): \(anchors[.found] ?? 0) FOUND, \(anchors[.ambiguous] ?? 0) AMBIGUOUS, "
            + "\(anchors[.orphaned] ?? 0) ORPHANED\n"
        return TerminalText.escaped(out)
    }
}
