
struct RawAnchor: Sendable {
    var exact: String
    var prefix: String?
    var suffix: String?
    var document: RawRef?
    var span: FileMark?
}

struct RawDate: Sendable {
    var value: String
    var basis: String
    var note: String?
    var span: FileMark?
    var basisSpan: FileMark?
}

struct RawAct: Sendable {
    var cue: String
    var force: String
    var cameo: String?
    var forceSpan: FileMark?
}

struct RawDocument: Sendable {
    var id: String
    var span: FileMark?
    var kind: String
    var title: String
    var source: String?
    var sourceSpan: FileMark?
    var inlineText: String?
    var base: String
    var authors: [RawRef] = []
    var publisher: RawRef?
    var date: RawDate?
    var place: String?
    var narrative: [RawAnchor] = []
    var residue: [RawAnchor] = []
    var note: String?
    var status: String?
    var statusSpan: FileMark?
}

struct RawEntity: Sendable {
    var id: String
    var span: FileMark?
    var kind: String
    var kindSpan: FileMark?
    var name: String
    var aliases: [String]
    var aliasMarks: [FileMark] = []
    var codes: [String: String]
    var roles: [String]
    var members: [RawRef]
    var affiliation: RawRef?
    var note: String?
    var status: String?
    var statusSpan: FileMark?
}

/// A statement as read, before its references are resolved. A class: it crosses from the reading
/// thread to the resolving one, and copying a record this size a million times costs more than
/// the one allocation. Only the resolving thread touches it after it is handed over.
final class RawStatement: @unchecked Sendable {
    let id: String
    let span: FileMark?
    let speakers: [RawRef]
    let onBehalfOf: [RawRef]
    let addressees: [RawRef]
    let targets: [RawRef]
    let act: RawAct?
    var framings: [(by: RawRef?, act: RawAct, anchor: RawAnchor?)] = []
    let content: String
    let date: RawDate?
    let place: String?
    let topics: [String]
    let anchors: [RawAnchor]
    var reported: (via: RawRef?, by: RawRef?, document: RawRef?, mode: String, modeSpan: FileMark?)?
    let cites: [RawRef]
    let source: RawRef?
    var defaultSource: RawRef?
    let work: RawRef?
    let status: String
    let statusSpan: FileMark?
    let note: String?
    var confidence: String?
    var confidenceSpan: FileMark?

    init(id: String, span: FileMark?, speakers: [RawRef], onBehalfOf: [RawRef], addressees: [RawRef], targets: [RawRef],
         act: RawAct?, content: String, date: RawDate?, place: String?, topics: [String], anchors: [RawAnchor],
         cites: [RawRef], source: RawRef?, work: RawRef?, status: String, statusSpan: FileMark?, note: String?) {
        self.id = id
        self.span = span
        self.speakers = speakers
        self.onBehalfOf = onBehalfOf
        self.addressees = addressees
        self.targets = targets
        self.act = act
        self.content = content
        self.date = date
        self.place = place
        self.topics = topics
        self.anchors = anchors
        self.cites = cites
        self.source = source
        self.work = work
        self.status = status
        self.statusSpan = statusSpan
        self.note = note
    }
}

struct RawRelation: Sendable {
    var type: String
    var typeSpan: FileMark?
    var from: RawRef?
    var to: RawRef?
    var note: String?
    var span: FileMark?
}

/// Reads raw records out of node trees. Stateless, so chunks of a large file can be read on
/// several threads at once. The field lists here are the file format; `docs/model.md` and the JSON
/// Schema describe the same.
struct RecordReader: Sendable {
    static let topFields = ["model", "title", "description", "format", "documents", "entities", "statements", "relations"]
    static let recordKinds = ["model", "document", "entity", "statement", "relation"]
    static let documentFields = ["id", "kind", "title", "source", "text", "authors", "publisher", "date", "place", "narrative", "residue", "note", "url", "status"]
    static let entityFields = ["id", "kind", "name", "aliases", "codes", "roles", "members", "affiliation", "note", "status"]
    static let statementFields = ["id", "speakers", "on_behalf_of", "addressees", "targets", "act", "framing", "content", "date",
                                  "place", "topics", "anchors", "reported", "cites", "source", "work", "status", "note", "confidence"]
    static let relationFields = ["type", "from", "to", "note"]

    func mk(_ n: ModelNode?) -> FileMark? { n?.mark }

    func refs(_ node: ModelNode?, _ what: String, _ r: inout NodeReader) -> [RawRef] {
        r.strings(node, what) { RawRef(id: $0, span: $1) }
    }

    func ref(_ node: ModelNode?, _ what: String, _ r: inout NodeReader) -> RawRef? {
        guard let node, let s = r.string(node, what) else { return nil }
        return RawRef(id: s, span: mk(node))
    }

    // Each reader reads every field (reporting each one's problem) before it gives up on a record
    // whose required fields are unreadable: one run of `check` shows every problem.

    func readDocument(_ node: ModelNode, _ r: inout NodeReader, base: String) -> RawDocument? {
        guard let f = r.fields(of: node, as: "a document", allowed: Self.documentFields, required: ["id", "title"]) else { return nil }
        let id = r.string(f["id"], "the id"), title = r.string(f["title"], "the title")
        var d = RawDocument(id: id ?? "", span: mk(f["id"]), kind: r.string(f["kind"], "the kind") ?? "document", title: title ?? "",
                            source: r.string(f["source"], "the source path"), sourceSpan: mk(f["source"]), base: base)
        d.inlineText = r.string(f["text"], "the text")
        if d.inlineText != nil && d.source != nil {
            r.error("a document has either `source` (a file) or `text`, not both", f["text"], hint: "remove one of them")
        }
        d.authors = refs(f["authors"], "authors", &r)
        d.publisher = ref(f["publisher"], "the publisher", &r)
        d.date = readDate(f["date"], &r)
        d.place = r.string(f["place"], "the place")
        d.narrative = r.items(f["narrative"]).compactMap { readAnchor($0, &r) }
        d.residue = r.items(f["residue"]).compactMap { readAnchor($0, &r) }
        d.note = r.string(f["note"], "the note")
        d.status = r.string(f["status"], "the status")
        d.statusSpan = mk(f["status"])
        return id == nil || title == nil ? nil : d
    }

    func readEntity(_ node: ModelNode, _ r: inout NodeReader) -> RawEntity? {
        guard let f = r.fields(of: node, as: "an entity", allowed: Self.entityFields, required: ["id", "kind", "name"]) else { return nil }
        let id = r.string(f["id"], "the id"), kind = r.string(f["kind"], "the kind"), name = r.string(f["name"], "the name")
        let aliases = r.strings(f["aliases"], "aliases") { s, m in (s, m) }
        var e = RawEntity(id: id ?? "", span: mk(f["id"]), kind: kind ?? "", kindSpan: mk(f["kind"]), name: name ?? "",
                         aliases: aliases.map(\.0), codes: r.stringMap(f["codes"], "codes"),
                         roles: r.strings(f["roles"], "roles") { s, _ in s }, members: refs(f["members"], "members", &r),
                         affiliation: ref(f["affiliation"], "the affiliation", &r), note: r.string(f["note"], "the note"))
        e.aliasMarks = aliases.map(\.1)
        e.status = r.string(f["status"], "the status")
        e.statusSpan = mk(f["status"])
        return id == nil || kind == nil || name == nil ? nil : e
    }

    func readStatement(_ node: ModelNode, _ r: inout NodeReader) -> RawStatement? {
        guard let f = r.fields(of: node, as: "a statement", allowed: Self.statementFields,
                               required: ["id", "speakers", "act", "content"]) else { return nil }
        let id = r.string(f["id"], "the id")
        let s = RawStatement(id: id ?? "", span: mk(f["id"]), speakers: refs(f["speakers"], "speakers", &r),
                             onBehalfOf: refs(f["on_behalf_of"], "on_behalf_of", &r),
                             addressees: refs(f["addressees"], "addressees", &r), targets: refs(f["targets"], "targets", &r),
                             act: readAct(f["act"], &r, as: "the act"), content: r.string(f["content"], "the content") ?? "",
                             date: readDate(f["date"], &r), place: r.string(f["place"], "the place"),
                             topics: r.strings(f["topics"], "topics") { t, _ in t.utf8.contains { ($0 >= 65 && $0 <= 90) || $0 >= 0x80 } ? t.lowercased() : t },
                             anchors: readAnchors(f["anchors"], &r),
                             cites: refs(f["cites"], "cites", &r), source: ref(f["source"], "the source", &r),
                             work: ref(f["work"], "the work", &r), status: r.string(f["status"], "the status") ?? "reported",
                             statusSpan: mk(f["status"]), note: r.string(f["note"], "the note"))
        s.confidence = r.string(f["confidence"], "the confidence", as: "a number from 0 to 1", hint: "e.g. `confidence: 0.8`")
        s.confidenceSpan = mk(f["confidence"])
        // One framing as a mapping, or several as a list of them.
        for fr in r.items(f["framing"]) {
            if let ff = r.fields(of: fr, as: "a framing", allowed: ["by", "cue", "force", "cameo", "anchor"], required: ["cue", "force"]),
               let act = readAct(fr, &r, as: "the framing", fields: ff) {
                s.framings.append((ref(ff["by"], "the framer", &r), act, ff["anchor"].flatMap { readAnchor($0, &r) }))
            }
        }
        if let rep = f["reported"],
           let rf = r.fields(of: rep, as: "a reporting link", allowed: ["via", "by", "in", "mode"], required: ["mode"]) {
            s.reported = (ref(rf["via"], "via", &r), ref(rf["by"], "by", &r), ref(rf["in"], "in", &r),
                          r.string(rf["mode"], "the mode") ?? "", mk(rf["mode"]))
        }
        return id == nil ? nil : s
    }

    func readRelation(_ node: ModelNode, _ r: inout NodeReader) -> RawRelation? {
        guard let f = r.fields(of: node, as: "a relation", allowed: Self.relationFields, required: ["type", "from", "to"]) else { return nil }
        let type = r.string(f["type"], "the type")
        let relation = RawRelation(type: type ?? "", typeSpan: mk(f["type"]), from: ref(f["from"], "from", &r), to: ref(f["to"], "to", &r),
                                   note: r.string(f["note"], "the note"), span: mk(node))
        return type == nil ? nil : relation
    }

    func readAct(_ node: ModelNode?, _ r: inout NodeReader, as what: String, fields given: FieldMap? = nil) -> RawAct? {
        guard let node else { return nil }
        let f: FieldMap
        if let given { f = given } else {
            guard let read = r.fields(of: node, as: what, allowed: ["cue", "force", "cameo"], required: ["cue", "force"]) else { return nil }
            f = read
        }
        let cue = r.string(f["cue"], "the cue"), force = r.string(f["force"], "the force"), cameo = r.string(f["cameo"], "the CAMEO code")
        guard let cue, let force else { return nil }
        return RawAct(cue: cue, force: force, cameo: cameo, forceSpan: mk(f["force"]))
    }

    func readAnchors(_ node: ModelNode?, _ r: inout NodeReader) -> [RawAnchor] {
        r.noteFlowList(node, field: "anchors")
        return r.items(node).compactMap { readAnchor($0, &r) }
    }

    func readAnchor(_ node: ModelNode, _ r: inout NodeReader) -> RawAnchor? {
        // `anchors: [~, …]` searched the text for the words "~" (or "null").
        if NodeReader.isNull(node) {
            r.error("expected an anchor's words, found \(NodeReader.describe(node))", node,
                    hint: node.string?.isEmpty == false ? "remove it, or quote it to mean the word: \"\(node.string!)\"" : "remove the empty item")
            return nil
        }
        if case .scalar(let s, _, _) = node { return RawAnchor(exact: s, span: mk(node)) }
        guard let f = r.fields(of: node, as: "an anchor", allowed: ["exact", "prefix", "suffix", "document"], required: ["exact"]),
              let exact = r.string(f["exact"], "the exact text") else { return nil }
        return RawAnchor(exact: exact, prefix: r.string(f["prefix"], "the prefix"), suffix: r.string(f["suffix"], "the suffix"),
                         document: ref(f["document"], "the document", &r), span: mk(f["exact"]))
    }

    func readDate(_ node: ModelNode?, _ r: inout NodeReader) -> RawDate? {
        guard let node, !NodeReader.isNull(node) else { return nil }
        if case .scalar(let s, _, _) = node { return RawDate(value: s, basis: "stated", span: mk(node)) }
        guard let f = r.fields(of: node, as: "a date", allowed: ["value", "basis", "note"], required: ["value", "basis"]),
              let v = r.string(f["value"], "the date") else { return nil }
        return RawDate(value: v, basis: r.string(f["basis"], "the basis") ?? "stated", note: r.string(f["note"], "the note"),
                       span: mk(f["value"]), basisSpan: mk(f["basis"]))
    }
}
