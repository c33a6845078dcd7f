import StatementModel
import StatementQuery

/// Draws a ``Graph`` from statements of a model: who addresses whom (actors), how each statement
/// reached the text (chain), or how the model's relations link them (relations). One pass over the
/// rows; a reporting chain is followed in a loop, at most ``maxHops`` hops, so no model decides
/// how deep or how long the walk goes.
public struct GraphBuilder {
    /// How many hops of one reporting chain are followed.
    public static let maxHops = 50

    let model: Model
    private var graph: Graph
    private var nodeIndex: [String: Int] = [:]
    private var edgeIndex: [EdgeKey: Int] = [:]
    /// The cluster (by key) each entity drawn as a group became, or nil when it is drawn as a node.
    private var groupKeys: [Int: String] = [:]
    private var clustered: Set<Int> = []

    private struct EdgeKey: Hashable {
        var from: String
        var to: String?
        var label: String
    }

    /// A builder over a model.
    public init(model: Model, kind: Graph.Kind) {
        self.model = model
        self.graph = Graph(kind: kind)
    }

    /// The graph of `statements` (indexes into the model). For relations, `relations` are the
    /// relations to draw; nil draws every relation that touches one of the statements.
    public static func graph(_ kind: Graph.Kind, of statements: [Int], relations: [Int]? = nil, in model: Model) -> Graph {
        var b = GraphBuilder(model: model, kind: kind)
        switch kind {
        case .actors: for s in statements { b.addActs(of: s) }
        case .chain:
            var seen = Set<Int>()
            for s in statements { b.addChain(from: s, seen: &seen) }
        case .relations:
            let chosen = relations ?? Self.relations(touching: statements, in: model)
            for r in chosen { b.addRelation(r) }
            if chosen.isEmpty && !statements.isEmpty {
                b.graph.notes.append("no relation of the model touches these \(statements.count) statement\(statements.count == 1 ? "" : "s")")
            }
        }
        return b.graph
    }

    /// The relations with a statement of `statements` at either end, in model order.
    static func relations(touching statements: [Int], in model: Model) -> [Int] {
        var found = Set<Int>()
        for s in statements { found.formUnion(model.relationsByRecord[.statement(s)] ?? []) }
        return found.sorted()
    }

    // MARK: nodes

    private mutating func node(_ n: Graph.Node) -> String {
        if nodeIndex[n.key] == nil {
            nodeIndex[n.key] = graph.nodes.count
            graph.nodes.append(n)
        }
        return n.key
    }

    private mutating func entityNode(_ e: Int) -> String {
        let ent = model.entities[e]
        return node(Graph.Node(key: "e:" + ent.id, label: ent.name, kind: .entity, caption: ent.kind.rawValue,
                               detail: ([ent.name] + ent.aliases).joined(separator: " · ")))
    }

    /// An entity as an actor: a group with members becomes a cluster around them (members that
    /// another group already holds stay there, and a group left with none is a plain node).
    private mutating func actor(_ e: Int) -> String {
        if let key = groupKeys[e] { return key }
        let ent = model.entities[e]
        let free = ent.members.filter { !clustered.contains($0) && $0 != e }
        guard !free.isEmpty else { return entityNode(e) }
        let key = "g:" + ent.id
        groupKeys[e] = key
        var members: [String] = []
        for m in free {
            clustered.insert(m)
            let k = entityNode(m)
            if let i = nodeIndex[k] { graph.nodes[i].cluster = key }
            members.append(k)
        }
        graph.clusters.append(Graph.Cluster(key: key, label: ent.name, members: members))
        return key
    }

    private mutating func statementNode(_ s: Int) -> String {
        let st = model.statements[s]
        let speakers = st.speakers.map { model.entities[$0].name }.joined(separator: ", ")
        return node(Graph.Node(key: "s:" + st.id, label: st.id, kind: .statement,
                               caption: "\(st.act.force) “\(st.act.cue)” · \(speakers)", detail: st.content))
    }

    private mutating func documentNode(_ d: Int) -> String {
        let doc = model.documents[d]
        return node(Graph.Node(key: "d:" + doc.id, label: doc.id, kind: .document, caption: doc.kind, detail: doc.title))
    }

    private mutating func recordNode(_ r: RecordRef) -> String {
        switch r {
        case .statement(let s): return statementNode(s)
        case .document(let d): return documentNode(d)
        case .entity(let e): return entityNode(e)
        case .relation(let r): return node(Graph.Node(key: "r:" + model.relations[r].id, label: model.relations[r].id, kind: .statement))
        }
    }

    // MARK: edges

    /// Adds an edge or counts one more statement on it.
    private mutating func edge(_ from: String, _ to: String?, _ label: String, cue: String? = nil, record: String,
                               style: Graph.Style, listed: Bool = true) {
        let key = EdgeKey(from: from, to: to, label: label)
        if let i = edgeIndex[key] {
            graph.edges[i].count += 1
            if let cue, !graph.edges[i].cues.contains(cue) { graph.edges[i].cues.append(cue) }
            if !graph.edges[i].records.contains(record) { graph.edges[i].records.append(record) }
            // An act addressed to someone in one statement is drawn as addressed.
            if style == .solid { graph.edges[i].style = .solid }
            return
        }
        edgeIndex[key] = graph.edges.count
        graph.edges.append(Graph.Edge(from: from, to: to, label: label, cues: cue.map { [$0] } ?? [], records: [record],
                                      style: style, listed: listed))
    }

    // MARK: actors

    private mutating func addActs(of s: Int) {
        let st = model.statements[s]
        guard !st.speakers.isEmpty else { return }
        let from: String
        if st.speakers.count == 1 {
            from = actor(st.speakers[0])
        } else {
            // Several speakers acting together: their lines meet at one point, and the act leaves it.
            let names = st.speakers.map { model.entities[$0].name }
            from = node(Graph.Node(key: "j:" + st.speakers.map { model.entities[$0].id }.joined(separator: "+"),
                                   label: names.joined(separator: ", "), kind: .joint, caption: "jointly"))
            for sp in st.speakers { edge(actor(sp), from, "jointly", record: st.id, style: .dotted, listed: false) }
        }
        var targets: [Int] = []
        for t in st.addressees + st.targets where !targets.contains(t) { targets.append(t) }
        if targets.isEmpty { edge(from, nil, st.act.force, cue: st.act.cue, record: st.id, style: .solid) }
        for t in targets {
            edge(from, actor(t), st.act.force, cue: st.act.cue, record: st.id, style: st.addressees.contains(t) ? .solid : .dashed)
        }
        for o in st.onBehalfOf {
            for sp in st.speakers { edge(actor(sp), actor(o), "on behalf of", record: st.id, style: .dotted) }
        }
    }

    // MARK: chain

    /// The statement, what it belongs to and cites, and the reports that carry it, hop by hop.
    private mutating func addChain(from first: Int, seen: inout Set<Int>) {
        var current = first
        var hops = 0
        while seen.insert(current).inserted {
            let st = model.statements[current]
            let me = statementNode(current)
            if let w = st.document { edge(me, documentNode(w), "part of", record: st.id, style: .dotted) }
            for c in st.cites where c != st.document { edge(me, documentNode(c), "cites", record: st.id, style: .dashed) }
            for f in st.framings {
                let by = f.by.map { entityNode($0) } ?? node(Graph.Node(key: "e:(reporter)", label: "the reporter", kind: .entity))
                edge(by, me, "frames as \(f.act.force)", cue: f.act.cue, record: st.id, style: .dotted)
            }
            guard let r = st.reported else { return }
            if let d = r.document { edge(me, documentNode(d), "in", record: st.id, style: .dotted) }
            if let by = r.by, r.via == nil { edge(entityNode(by), me, "reports (\(r.mode.rawValue))", record: st.id, style: .solid) }
            guard let v = r.via else { return }
            edge(statementNode(v), me, "reports (\(r.mode.rawValue))", record: st.id, style: .solid)
            hops += 1
            if hops >= Self.maxHops {
                graph.notes.append("the chain above \(st.id) is cut after \(Self.maxHops) hops")
                return
            }
            current = v
        }
    }

    // MARK: relations

    private mutating func addRelation(_ i: Int) {
        let r = model.relations[i]
        edge(recordNode(r.from), recordNode(r.to), r.type, cue: r.note, record: r.id, style: .solid)
    }
}
