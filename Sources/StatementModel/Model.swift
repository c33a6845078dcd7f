import Foundation

/// A loaded statement model: documents, entities, statements and relations, with the indexes that
/// make lookups by id, name or alias, speaker, force and topic independent of the model's size.
///
/// A model is immutable once built; loading a new one makes a new value, so a failed load can
/// never disturb the one in use.
public final class Model: Sendable {
    /// A short name for prompts and summaries, e.g. `seed`.
    public let name: String
    /// A title.
    public let title: String?
    /// Where it was loaded from (file or folder), or `<embedded>`.
    public let origin: String
    /// The files it was read from, absolute: its model files and its documents' source texts (a
    /// snapshot's are those of the load it keeps). What a write must never replace.
    public let readFrom: (models: [String], texts: [String])
    /// All documents, in file order.
    public let documents: [Document]
    /// All entities, in file order.
    public let entities: [Entity]
    /// All statements, in file order.
    public let statements: StatementStore
    /// All relations, in file order.
    public let relations: [Relation]

    /// Ids of documents, entities and relations to the records they name. Built on first use (a
    /// hundred thousand documents and relations take tens of milliseconds), then kept.
    public var ids: [String: RecordRef] { recordMaps.ids(documents, entities, relations) }
    /// Statement ids to statement indexes (kept apart: there may be millions). A model restored from
    /// a snapshot builds it on first use, so a script that never looks a statement up by id never pays for it.
    public var statementIds: [String: Int] { idIndex.map(statements) }
    private let idIndex: StatementIdIndex
    /// Lower-cased id, name or alias to the entities it names.
    public let entityNames: [String: [Int]]
    /// Entity to the statements it speaks, directly or as a member of a speaking group.
    public let statementsBySpeaker: [Int: [Int]]
    /// Every statement's content, one after another: scanned in one pass by `content ~ "…"`.
    public let contentBytes: TextBytes
    /// Where each statement's content starts in ``contentBytes`` (one more entry: the end).
    public let contentStarts: [Int32]
    /// Statements whose content has non-ASCII characters (searched by full lower-casing).
    public let nonASCIIContent: [Int]
    /// Entity to the statements that target it.
    public let statementsByTarget: [Int: [Int]]
    /// Force name to statements.
    public let statementsByForce: [String: [Int]]
    /// Lower-cased topic to statements.
    public let statementsByTopic: [String: [Int]]
    /// Record to the relations that touch it (either end). Built on first use, then kept.
    public var relationsByRecord: [RecordRef: [Int]] { recordMaps.byRecord(relations) }
    /// Every key of the entities' `codes` (`cameo`, `iso3166`, …), found on first use.
    public var entityCodeKeys: Set<String> { recordMaps.codeKeys(entities) }
    private let recordMaps = RecordMaps()
    /// Entity to the groups it belongs to.
    public let groupsOfEntity: [Int: [Int]]

    /// Builds a model and its indexes. Indexes in the records must already be valid.
    public convenience init(name: String, title: String?, origin: String, documents: [Document], entities: [Entity],
                            statements: [Statement], relations: [Relation]) {
        self.init(name: name, title: title, origin: origin, documents: documents, entities: entities,
                  statements: StatementStore(statements), relations: relations, statementIds: nil)
    }

    /// The statement indexes a snapshot keeps, so a model restored from one need not rebuild them.
    package struct StatementIndexes: Sendable {
        /// Entity to the statements it speaks (directly or through a group).
        package var bySpeaker: [Int: [Int]]
        /// Entity to the statements that target it.
        package var byTarget: [Int: [Int]]
        /// Force to statements.
        package var byForce: [String: [Int]]
        /// Lower-cased topic to statements.
        package var byTopic: [String: [Int]]

        /// Makes the set.
        package init(bySpeaker: [Int: [Int]], byTarget: [Int: [Int]], byForce: [String: [Int]], byTopic: [String: [Int]]) {
            self.bySpeaker = bySpeaker
            self.byTarget = byTarget
            self.byForce = byForce
            self.byTopic = byTopic
        }
    }

    /// Builds a model, reusing the loader's statement-id index and content column when it has them,
    /// and a snapshot's statement indexes when it is restored from one.
    package init(name: String, title: String?, origin: String, documents: [Document], entities: [Entity],
                 statements: StatementStore, relations: [Relation], statementIds: [String: Int]?,
                 contents: (bytes: TextBytes, starts: [Int32], nonASCII: [Int]?)? = nil, indexes: StatementIndexes? = nil,
                 readFrom: (models: [String], texts: [String]) = ([], [])) {
        self.readFrom = readFrom
        let built = contents.map { ($0.bytes, $0.starts) } ?? { let c = Model.contentColumn(statements); return (TextBytes(c.bytes), c.starts) }()
        let column = (bytes: built.0, starts: built.1)
        self.contentBytes = column.bytes
        self.contentStarts = column.starts
        var nonASCII: [Int] = contents?.nonASCII ?? []
        if contents?.nonASCII == nil, column.starts.count == statements.count + 1 {
          column.bytes.withUnsafeBytes { b in
            for i in statements.indices
            where !SourceText.allASCII(UnsafeRawBufferPointer(rebasing: b[Int(column.starts[i])..<Int(column.starts[i + 1])])) {
                nonASCII.append(i)
            }
          }
        }
        self.nonASCIIContent = nonASCII
        self.name = name
        self.title = title
        self.origin = origin
        self.documents = documents
        self.entities = entities
        self.statements = statements
        self.relations = relations

        self.idIndex = StatementIdIndex(statementIds)

        var names: [String: [Int]] = [:]
        var groups: [Int: [Int]] = [:]
        for (i, e) in entities.enumerated() {
            for n in Set(e.allNames.map(CaseFold.fold)) { names[n, default: []].append(i) }
            for m in e.members { groups[m, default: []].append(i) }
        }
        self.entityNames = names
        self.groupsOfEntity = groups

        if let indexes {
            self.statementsBySpeaker = indexes.bySpeaker
            self.statementsByTarget = indexes.byTarget
            self.statementsByForce = indexes.byForce
            self.statementsByTopic = indexes.byTopic
        } else {
            // A fresh load's statements are values already (`all` hands over the array itself).
            let built = Model.statementIndexes(statements.all, entities)
            self.statementsBySpeaker = built.bySpeaker
            self.statementsByTarget = built.byTarget
            self.statementsByForce = built.byForce
            self.statementsByTopic = built.byTopic
        }
    }

    /// The statement indexes, in two independent passes over the statements, one per core: people, and words.
    static func statementIndexes(_ statements: [Statement], _ entities: [Entity]) -> StatementIndexes {
        nonisolated(unsafe) var speakerLists = Array(repeating: [Int](), count: entities.count)
        nonisolated(unsafe) var targetLists = Array(repeating: [Int](), count: entities.count)
        nonisolated(unsafe) var byForce: [String: [Int]] = [:]
        nonisolated(unsafe) var byTopic: [String: [Int]] = [:]
        DispatchQueue.concurrentPerform(iterations: 2) { pass in
            if pass == 0 {
                var lastStatement = Array(repeating: -1, count: entities.count)
                var lastTarget = Array(repeating: -1, count: entities.count)
                for i in statements.indices {
                    // A statement counts once per speaker, directly or through a group it belongs to.
                    for sp in statements[i].speakers {
                        if lastStatement[sp] != i { lastStatement[sp] = i; speakerLists[sp].append(i) }
                        for who in entities[sp].members where lastStatement[who] != i {
                            lastStatement[who] = i
                            speakerLists[who].append(i)
                        }
                    }
                    for t in statements[i].targets where lastTarget[t] != i {
                        lastTarget[t] = i
                        targetLists[t].append(i)
                    }
                }
            } else {
                for i in statements.indices {
                    byForce[statements[i].act.force, default: []].append(i)
                    let topics = statements[i].topics
                    for (k, t) in topics.enumerated() where !topics[..<k].contains(t) { byTopic[t, default: []].append(i) }
                }
            }
        }
        var bySpeaker: [Int: [Int]] = [:]
        for (e, list) in speakerLists.enumerated() where !list.isEmpty { bySpeaker[e] = list }
        var byTarget: [Int: [Int]] = [:]
        for (e, list) in targetLists.enumerated() where !list.isEmpty { byTarget[e] = list }
        return StatementIndexes(bySpeaker: bySpeaker, byTarget: byTarget, byForce: byForce, byTopic: byTopic)
    }

    private let dateOrder = DateOrder()
    private let derived = DerivedColumns()

    /// ``contentBytes`` with ASCII capitals lower-cased, built on first use and kept: a substring
    /// search runs `memmem` over it instead of folding every byte it looks at.
    public var foldedContent: [UInt8] { derived.folded(contentBytes) }

    /// Every statement id, lower-cased (ASCII capitals folded), one after another with where each
    /// starts (one more entry: the end): built on first use and kept, so completing an id scans
    /// bytes instead of a million records.
    public var foldedIdColumn: (bytes: [UInt8], starts: [Int32]) { derived.ids(statements) }

    /// How many statements name each entity in an entity-list field (`speakers`, `targets`,
    /// `addressees`, `on_behalf_of`), and how many name none: counted once on first use, then kept,
    /// so `count by speakers` over every statement is a lookup.
    public func entityCounts(_ field: EntityListField) -> (perEntity: [Int], none: Int) {
        derived.counts(field, statements, entities.count)
    }

    /// All contents in one buffer, with where each starts; nil when over 2 GiB (offsets are 32-bit).
    static func contentColumn<C: RandomAccessCollection<Statement>>(_ statements: C) -> (bytes: [UInt8], starts: [Int32]) where C.Index == Int {
        var starts: [Int32] = [0]
        starts.reserveCapacity(statements.count + 1)
        var total = 0
        for i in statements.indices {
            total += statements[i].content.utf8.count
            guard total < Int(Int32.max) else { return ([], []) }
            starts.append(Int32(total))
        }
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            for i in statements.indices {
                let content = statements[i].content
                let at = Int(starts[i])
                var copy = content
                copy.withUTF8 { u in
                    if let base = u.baseAddress, !u.isEmpty { (buffer.baseAddress! + at).update(from: base, count: u.count) }
                }
            }
            count = total
        }
        return (bytes, starts)
    }

    /// Statement indexes by date, earliest first; ties keep model order; undated statements last.
    /// Built on first use (a sort of every statement), then kept.
    public func statementsByDate() -> [Int] { dateOrder.ascending(statements) }

    /// Statement indexes by date, latest first; ties keep model order; undated statements last.
    public func statementsByDateDescending() -> [Int] { dateOrder.descending(statements) }

    /// The record with this id (exact match).
    public func record(id: String) -> RecordRef? { statementIndex(id: id).map(RecordRef.statement) ?? ids[id] }

    /// The index of the statement with this id, or nil. A restored model looks it up in its rows'
    /// id table, so a first `show` does not wait for a map of every id to be built.
    public func statementIndex(id: String) -> Int? {
        if let rows = statements.rows, !idIndex.isBuilt { return rows.index(ofId: id) }
        return statementIds[id]
    }

    /// The entities named by this string: id, name or alias, case-insensitively.
    public func entities(named name: String) -> [Int] { entityNames[CaseFold.fold(name)] ?? [] }

    /// Whether an entity is named by a string, directly or, for a group, through one of its members.
    public func entity(_ index: Int, isNamed name: String) -> Bool {
        let matches = entities(named: name)
        if matches.contains(index) { return true }
        return entities[index].members.contains { matches.contains($0) }
    }

    /// The id of any record.
    public func id(of ref: RecordRef) -> String {
        switch ref {
        case .entity(let i): return entities[i].id
        case .statement(let i): return statements[i].id
        case .document(let i): return documents[i].id
        case .relation(let i): return relations[i].id
        }
    }

    /// Every id, entity name and alias: the words "did you mean" draws on.
    public var vocabulary: [String] {
        Array(ids.keys) + Array(statementIds.keys) + entities.flatMap { [$0.name] + $0.aliases }
    }

    /// All anchors of the model with what holds them, in model order.
    public var allAnchors: [(owner: RecordRef, role: String, anchor: Anchor)] {
        var out: [(RecordRef, String, Anchor)] = []
        for (i, s) in statements.enumerated() {
            for a in s.anchors { out.append((.statement(i), "statement", a)) }
            for f in s.framings { if let a = f.anchor { out.append((.statement(i), "framing", a)) } }
        }
        for (i, d) in documents.enumerated() {
            for a in d.narrative { out.append((.document(i), "narrative", a)) }
            for a in d.residue { out.append((.document(i), "residue", a)) }
        }
        return out
    }

    /// An empty model, used before anything is loaded.
    public static let empty = Model(name: "empty", title: nil, origin: "<none>", documents: [], entities: [],
                                    statements: [], relations: [])
}

/// A model's statement-id index, given or built on first use.
final class StatementIdIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var built: [String: Int]?

    init(_ given: [String: Int]?) { built = given }

    /// Whether the map exists (given, or built for a command that needed it whole).
    var isBuilt: Bool { lock.lock(); defer { lock.unlock() }; return built != nil }

    func map(_ statements: StatementStore) -> [String: Int] {
        lock.lock(); defer { lock.unlock() }
        if let built { return built }
        var map: [String: Int] = [:]
        map.reserveCapacity(statements.count)
        for i in statements.indices { map[statements.id(at: i)] = i }
        built = map
        return map
    }
}

/// A model's id map and relations-by-record map, built on first use: opening a snapshot need not
/// pay for maps a script may never read.
final class RecordMaps: @unchecked Sendable {
    private let lock = NSLock()
    private var idMap: [String: RecordRef]?
    private var relationMap: [RecordRef: [Int]]?
    private var codeKeySet: Set<String>?

    func codeKeys(_ entities: [Entity]) -> Set<String> {
        lock.lock(); defer { lock.unlock() }
        if let codeKeySet { return codeKeySet }
        var keys = Set<String>()
        for e in entities { keys.formUnion(e.codes.keys) }
        codeKeySet = keys
        return keys
    }

    func ids(_ documents: [Document], _ entities: [Entity], _ relations: [Relation]) -> [String: RecordRef] {
        lock.lock(); defer { lock.unlock() }
        if let idMap { return idMap }
        var ids: [String: RecordRef] = [:]
        ids.reserveCapacity(documents.count + entities.count + relations.count)
        for i in documents.indices { ids[documents[i].id] = .document(i) }
        for i in entities.indices { ids[entities[i].id] = .entity(i) }
        for i in relations.indices { ids[relations[i].id] = .relation(i) }
        idMap = ids
        return ids
    }

    func byRecord(_ relations: [Relation]) -> [RecordRef: [Int]] {
        lock.lock(); defer { lock.unlock() }
        if let relationMap { return relationMap }
        var map: [RecordRef: [Int]] = [:]
        for (i, r) in relations.enumerated() {
            map[r.from, default: []].append(i)
            if r.to != r.from { map[r.to, default: []].append(i) }
        }
        relationMap = map
        return map
    }
}

/// Columns derived from a model on first use: the case-folded content, per-entity counts.
final class DerivedColumns: @unchecked Sendable {
    private let lock = NSLock()
    private var foldedBytes: [UInt8]?
    private var entityCounts: [EntityListField: (perEntity: [Int], none: Int)] = [:]

    func folded(_ bytes: TextBytes) -> [UInt8] {
        lock.lock(); defer { lock.unlock() }
        if let foldedBytes { return foldedBytes }
        let out = [UInt8](unsafeUninitializedCapacity: bytes.count) { b, n in
            bytes.withUnsafeBufferPointer { src in
                for i in 0..<src.count { let c = src[i]; b[i] = c &- 65 < 26 ? c | 0x20 : c }
            }
            n = bytes.count
        }
        foldedBytes = out
        return out
    }

    private var idColumn: (bytes: [UInt8], starts: [Int32])?

    func ids(_ statements: StatementStore) -> (bytes: [UInt8], starts: [Int32]) {
        lock.lock(); defer { lock.unlock() }
        if let idColumn { return idColumn }
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        starts.reserveCapacity(statements.count + 1)
        for i in statements.indices {
            var id = statements.id(at: i)
            id.withUTF8 { u in for c in u { bytes.append(c &- 65 < 26 ? c | 0x20 : c) } }
            starts.append(Int32(truncatingIfNeeded: bytes.count))
        }
        idColumn = (bytes, starts)
        return (bytes, starts)
    }

    func counts(_ field: EntityListField, _ statements: StatementStore, _ entityCount: Int) -> (perEntity: [Int], none: Int) {
        lock.lock(); defer { lock.unlock() }
        if let known = entityCounts[field] { return known }
        var perEntity = Array(repeating: 0, count: entityCount)
        var none = 0
        for i in statements.indices {
            var named = false
            statements.forEachEntity(in: field, of: i) { e in perEntity[e] += 1; named = true }
            if !named { none += 1 }
        }
        entityCounts[field] = (perEntity, none)
        return (perEntity, none)
    }
}
