import StatementModel

/// A graph value: nodes, edges and clusters drawn from a model by `graph`. It prints as adjacency
/// lines in the REPL, as a table of edges in CSV and Markdown, and as nodes and edges in JSON;
/// the picture writers (DOT, SVG, HTML) read the same value.
public struct Graph: Sendable {
    /// What the graph shows.
    public enum Kind: String, Sendable, CaseIterable {
        /// Speakers → addressees and targets, one edge per (speaker, force, target).
        case actors
        /// Reporting chains and cited works: what `trace` shows.
        case chain
        /// Statements and documents linked by the model's relations.
        case relations
    }

    /// What a node stands for; the writers draw each kind its own way.
    public enum NodeKind: String, Sendable {
        /// An entity (a person, a state, an office, …).
        case entity
        /// Several speakers acting together, drawn as a point their members join.
        case joint
        /// A statement.
        case statement
        /// A document.
        case document
    }

    /// One node.
    public struct Node: Sendable, Equatable {
        /// A key unique in the graph (`e:prk`, `s:f1`, `d:coi-2014`).
        public var key: String
        /// What the node shows.
        public var label: String
        /// What it stands for.
        public var kind: NodeKind
        /// A second line in pictures (a statement's force, cue and speakers; an entity's kind).
        public var caption: String
        /// More about it (a statement's content, a document's title), shown on hover.
        public var detail: String
        /// The cluster (a group) the node is drawn in, by cluster key.
        public var cluster: String?

        /// Makes a node.
        public init(key: String, label: String, kind: NodeKind, caption: String = "", detail: String = "", cluster: String? = nil) {
            self.key = key; self.label = label; self.kind = kind; self.caption = caption; self.detail = detail; self.cluster = cluster
        }
    }

    /// A group drawn around its members.
    public struct Cluster: Sendable, Equatable {
        /// A key unique in the graph (`g:trilateral`).
        public var key: String
        /// The group's name.
        public var label: String
        /// Its member nodes' keys, in the model's order.
        public var members: [String]

        /// Makes a cluster.
        public init(key: String, label: String, members: [String]) { self.key = key; self.label = label; self.members = members }
    }

    /// How an edge is drawn: what it says about the text.
    public enum Style: String, Sendable {
        /// The main relation: an act addressed to someone, a report, a relation.
        case solid
        /// Weaker: an act about someone who is not addressed, a citation.
        case dashed
        /// Structural: a member's part in a joint act, a framing.
        case dotted
    }

    /// One edge.
    public struct Edge: Sendable, Equatable {
        /// The start node's key (a cluster's key when a group acts).
        public var from: String
        /// The end node's key; nil for an act addressed to no one.
        public var to: String?
        /// What the edge says (a force, `reports`, a relation type).
        public var label: String
        /// How many statements it stands for.
        public var count: Int
        /// The cues of those statements, each once, in order.
        public var cues: [String]
        /// The ids of those statements (or relations).
        public var records: [String]
        /// How it is drawn.
        public var style: Style
        /// Whether the adjacency text shows it (a member's line into a joint point does not).
        public var listed: Bool

        /// Makes an edge.
        public init(from: String, to: String?, label: String, count: Int = 1, cues: [String] = [], records: [String] = [],
                    style: Style = .solid, listed: Bool = true) {
            self.from = from; self.to = to; self.label = label; self.count = count; self.cues = cues
            self.records = records; self.style = style; self.listed = listed
        }
    }

    /// What the graph shows.
    public var kind: Kind
    /// The nodes, in the order they were met.
    public var nodes: [Node]
    /// The groups drawn around their members.
    public var clusters: [Cluster]
    /// The edges, in the order they were met.
    public var edges: [Edge]
    /// What was left out and why (a chain cut at its cap, rows of another kind).
    public var notes: [String]

    /// Makes a graph.
    public init(kind: Kind, nodes: [Node] = [], clusters: [Cluster] = [], edges: [Edge] = [], notes: [String] = []) {
        self.kind = kind; self.nodes = nodes; self.clusters = clusters; self.edges = edges; self.notes = notes
    }

    /// The label of a node or cluster key.
    public func label(of key: String) -> String {
        if let n = nodes.first(where: { $0.key == key }) { return n.label }
        return clusters.first { $0.key == key }?.label ?? key
    }

    /// One line per listed edge: `South Korea, the United States, and Japan —urge (2)→ North Korea`.
    /// Counts are shown for actors, where an edge stands for several statements.
    public func adjacencyLines() -> [String] {
        var labels: [String: String] = [:]
        for n in nodes { labels[n.key] = n.label }
        for c in clusters { labels[c.key] = c.label }
        return edges.filter(\.listed).map { e in
            let count = kind == .actors ? " (\(e.count))" : ""
            // One line per edge, whatever line ends the names hold.
            let from = TerminalText.oneLine(labels[e.from] ?? e.from), label = TerminalText.oneLine(e.label)
            guard let to = e.to else { return "\(from) —\(label)\(count)" }
            return "\(from) —\(label)\(count)→ \(TerminalText.oneLine(labels[to] ?? to))"
        }
    }

    /// The listed edges as a table (from, edge, to, count, cues, records), for CSV and Markdown.
    public func edgeTable() -> Table {
        var labels: [String: String] = [:]
        for n in nodes { labels[n.key] = n.label }
        for c in clusters { labels[c.key] = c.label }
        let rows: [Value] = edges.filter(\.listed).map { e in
            .record(Record([("from", .string(labels[e.from] ?? e.from)), ("edge", .string(e.label)),
                            ("to", e.to.map { .string(labels[$0] ?? $0) } ?? .null), ("count", .number(Double(e.count))),
                            ("cues", .list(e.cues.map(Value.string))), ("records", .list(e.records.map(Value.string)))]))
        }
        return Table(kind: "edges", columns: ["from", "edge", "to", "count", "cues", "records"], rows: rows)
    }
}
