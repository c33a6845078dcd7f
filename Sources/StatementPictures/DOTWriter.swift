import StatementModel
import StatementQuery

/// Writes a ``Graph`` as Graphviz DOT. Every name goes out as a quoted ID with `\` and `"`
/// escaped and line breaks made `\n`, so no model string can end a quote, start an escape such
/// as `\N`, or inject an attribute; non-ASCII text stays as it is (DOT is read as UTF-8).
public enum DOTWriter {
    /// The DOT text of a graph, titled `title`.
    public static func dot(_ g: Graph, title: String) -> String {
        var out = "digraph \(quoted(g.kind.rawValue)) {\n"
        out += "  graph [label=\(quoted(title)), labelloc=t, fontname=\"Helvetica\", fontsize=12, rankdir=LR, compound=true, "
            + "nodesep=0.35, ranksep=0.6, charset=\"UTF-8\"];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f1f3f5\", color=\"#868e96\", fontname=\"Helvetica\", fontsize=10];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#495057\"];\n"
        // Acts addressed to no one are written on their speaker: an edge needs an end.
        var untargeted: [String: [String]] = [:]
        for e in g.edges where e.to == nil { untargeted[e.from, default: []].append("\(e.label) ×\(e.count)") }
        let clusterKeys = Set(g.clusters.map(\.key))
        for c in g.clusters {
            out += "  subgraph \(quoted("cluster_" + c.key)) {\n"
            out += "    graph [label=\(quoted(c.label + (untargeted[c.key].map { "\n" + $0.joined(separator: ", ") } ?? ""))), "
                + "style=\"rounded,dashed\", color=\"#868e96\", fontsize=10];\n"
            for n in g.nodes where n.cluster == c.key { out += "    " + nodeLine(n, untargeted: untargeted[n.key]) + "\n" }
            out += "  }\n"
        }
        for n in g.nodes where n.cluster == nil || !clusterKeys.contains(n.cluster!) {
            out += "  " + nodeLine(n, untargeted: untargeted[n.key]) + "\n"
        }
        // An edge to or from a group leaves or enters its cluster at one of its members.
        var anchorOf: [String: String] = [:]
        for c in g.clusters { if let first = g.nodes.first(where: { $0.cluster == c.key }) { anchorOf[c.key] = first.key } }
        for e in g.edges {
            guard let to = e.to else { continue }
            var attributes: [String] = []
            let from = anchorOf[e.from] ?? e.from, end = anchorOf[to] ?? to
            if anchorOf[e.from] != nil { attributes.append("ltail=" + quoted("cluster_" + e.from)) }
            if anchorOf[to] != nil { attributes.append("lhead=" + quoted("cluster_" + to)) }
            if e.label == "jointly" && !e.listed {
                attributes += ["arrowhead=none", "style=dotted"]
            } else {
                let count = g.kind == .actors && e.count > 1 ? " ×\(e.count)" : ""
                attributes.append("label=" + quoted(e.label + count))
                if e.style != .solid { attributes.append("style=\(e.style.rawValue)") }
                var tip: [String] = []
                if !e.cues.isEmpty { tip.append((g.kind == .relations ? "" : "cues: ") + e.cues.joined(separator: "; ")) }
                tip.append(e.records.joined(separator: ", "))
                attributes.append("tooltip=" + quoted(tip.joined(separator: " — ")))
            }
            out += "  \(quoted(from)) -> \(quoted(end)) [\(attributes.joined(separator: ", "))];\n"
        }
        out += "}\n"
        return out
    }

    static func nodeLine(_ n: Graph.Node, untargeted: [String]?) -> String {
        var attributes: [String] = []
        switch n.kind {
        case .joint:
            attributes = ["shape=point", "width=0.12", "style=filled", "fillcolor=\"#495057\"", "tooltip=" + quoted(n.label + " (jointly)")]
        case .statement:
            attributes = ["label=" + quoted(n.label + "\n" + short(n.caption)), "tooltip=" + quoted(n.detail), "fillcolor=\"#e7f5ff\""]
        case .document:
            attributes = ["label=" + quoted(n.label + (n.caption.isEmpty ? "" : "\n(" + n.caption + ")")), "shape=note",
                          "tooltip=" + quoted(n.detail), "fillcolor=\"#fff9db\""]
        case .entity:
            let acts = untargeted.map { "\n" + $0.joined(separator: ", ") } ?? ""
            attributes = ["label=" + quoted(n.label + acts), "tooltip=" + quoted(n.detail.isEmpty ? n.label : n.detail)]
        }
        return "\(quoted(n.key)) [\(attributes.joined(separator: ", "))];"
    }

    /// A caption cut to a readable length at a word.
    static func short(_ s: String, max: Int = 48) -> String {
        guard s.count > max else { return s }
        let cut = s.prefix(max)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// A DOT quoted ID: `"` and `\` escaped, line breaks as `\n`, other control characters as spaces.
    public static func quoted(_ s: String) -> String {
        "\"" + QuotedString.escaped(s) { u in
            switch u {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return ""
            default: return u.value < 0x20 || u.value == 0x7F ? " " : nil
            }
        } + "\""
    }
}
