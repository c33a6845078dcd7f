import Foundation

extension ModelBuilder {
    /// Resolves everything not resolved while reading, then anchors; nil when there were errors.
    mutating func finish(name: String, origin: String) -> Model? {
        var entities: [Entity] = []
        entities.reserveCapacity(rawEntities.count)
        for e in rawEntities { entities.append(resolver.entity(e)) }
        var documents: [Document] = []
        documents.reserveCapacity(rawDocuments.count)
        assert(rawDocuments.count == documentTexts.count)
        for (d, text) in zip(rawDocuments, documentTexts) { documents.append(resolver.document(d, text: text)) }
        rawDocuments = []
        documentTexts = []
        for (i, raw) in deferred { statements[i] = resolver.statement(raw) }
        deferred = []
        var relations: [Relation] = []
        let prefix = resolver.relationIdPrefix(count: rawRelations.count)
        for (i, r) in rawRelations.enumerated() {
            if let rel = resolver.relation(r, id: prefix + "\(i + 1)") { relations.append(rel) }
        }
        resolver.checkCycles(entities, statements)
        Profile.mark("documents, entities, relations")
        var all = statements
        statements = []
        // One content column for the whole model, filled in the same parallel pass that resolves the
        // anchors, each statement's content becoming a slice of it as it is copied.
        let column = ContentColumn(all)
        Profile.mark("content column")
        if loader.isCancelled() { diagnostics.append(ModelLoader.cancelled); return nil }
        // A pass stopped part way leaves statements unmoved and their part of the column unwritten.
        guard let nonASCII = resolver.resolveAnchors(&documents, &all, sharing: column), !loader.isCancelled() else {
            diagnostics.append(ModelLoader.cancelled)
            return nil
        }
        // The chunks' content buffers (freed as their statements moved into the column) handed back
        // before the indexes grow: 972 → about 945 MiB at the peak of a 1M load. (Small loads keep theirs.)
        if all.count >= 50_000 { FreedMemory.handBack() }
        Profile.mark("anchors")
        guard !resolver.diagnostics.contains(where: { $0.severity == .error }),
              !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        let model = Model(name: name, title: title, origin: origin, documents: documents, entities: entities,
                          statements: StatementStore(all), relations: relations, statementIds: resolver.statementIndex,
                          contents: column.map { ($0.text, $0.starts, nonASCII) } ?? (TextBytes([]), [], []),
                          readFrom: (sources.names.filter { !$0.hasPrefix("<") }.map(PathText.absolute), resolver.readTexts))
        Profile.mark("indexes")
        return model
    }
}

/// Turns raw records into model records: ids, references, vocabularies, source texts, anchors.
struct ModelResolver {
    let loader: ModelLoader
    let sources: SourceFiles
    var diagnostics: [Diagnostic] = []
    var entityIndex: [String: Int] = [:]
    var documentIndex: [String: Int] = [:]
    var statementIndex: [String: Int] = [:]
    /// Documents left out for their own errors: how many, and their ids.
    var droppedDocuments = 0
    var droppedDocumentIds: Set<String> = []
    /// The source texts read, absolute (for ``Model/readFrom``).
    var readTexts: [String] = []
    /// Lower-cased entity names and aliases to ids, for the hint when a file names an entity instead of giving its id.
    var entityNames: [String: String] = [:]
    /// Where each document and entity was defined, for "first defined here"; statements keep theirs.
    var marks: [String: FileMark] = [:]
    var statementMarks: [FileMark?] = []
    /// The real paths of the model's own files, found once (a `source:` may not name one).
    var modelFilePaths: Set<String>?
    /// Short entity and topic lists shared between the statements this resolver makes (each
    /// reading thread's copy keeps its own for its chunk).
    var lists = ListInterner()
    /// Shared by the copies that resolve anchors on several threads: how many more ORPHANED anchors
    /// get a "closest passage" (an edit-distance search of the whole text each).
    let orphanBudget = Budget(20)
    /// Likewise for "did you mean" hints on unknown references.
    let suggestionBudget = Budget(25)

    init(loader: ModelLoader, sources: SourceFiles) {
        self.loader = loader
        self.sources = sources
    }

    mutating func error(_ message: String, _ mark: FileMark?, hint: String? = nil, notes: [Diagnostic] = []) {
        diagnostics.append(Diagnostic(message, at: mark.map { sources.span($0) }, hint: hint, category: .model, notes: notes))
    }

    mutating func error(_ message: String, _ span: SourceSpan?, hint: String? = nil, notes: [Diagnostic] = []) {
        diagnostics.append(Diagnostic(message, at: span, hint: hint, category: .model, notes: notes))
    }

    /// Where a record was defined, kept on the model without the line's text.
    func location(_ mark: FileMark?) -> SourceSpan? { mark.map { sources.location($0) } }

    // MARK: ids

    /// Registers an id (unique across documents, entities and statements); false for a duplicate.
    mutating func register(_ id: String, _ mark: FileMark?, as ref: RecordRef) -> Bool {
        var first: FileMark?? = nil
        if case .statement(let i) = ref {
            // The common case, a new statement id, costs one hash: insert, and undo on a clash.
            if let old = statementIndex.updateValue(i, forKey: id) {
                statementIndex[id] = old
                first = statementMarks[old]
            } else if documentIndex[id] != nil || entityIndex[id] != nil {
                statementIndex[id] = nil
                first = .some(marks[id])
            }
        } else if let i = statementIndex[id] { first = statementMarks[i] }
        else if documentIndex[id] != nil || entityIndex[id] != nil { first = .some(marks[id]) }
        if let first {
            let note = Diagnostic("'\(id)' is first defined here", at: first.map { sources.span($0) }, category: .model, severity: .note)
            error("duplicate id '\(id)'", mark, hint: "ids must be unique across documents, entities and statements", notes: [note])
            return false
        }
        if id.isEmpty || id.utf8.contains(where: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            error("invalid id '\(id)'", mark, hint: "an id is one word: letters, digits, '-', '_' or '.'")
        }
        switch ref {
        case .document(let i): documentIndex[id] = i; marks[id] = mark
        case .entity(let i): entityIndex[id] = i; marks[id] = mark
        case .statement: statementMarks.append(mark)   // inserted above
        case .relation: break
        }
        return true
    }

    /// A copy that knows the entities and documents registered so far but no statements: the
    /// statement registry, the large part, is left behind.
    func referenceSnapshot() -> ModelResolver {
        var copy = ModelResolver(loader: loader, sources: sources)
        copy.entityIndex = entityIndex
        copy.documentIndex = documentIndex
        copy.entityNames = entityNames
        return copy
    }

    /// While reading, a statement naming an id not yet seen is set aside (no error yet) and
    /// resolved again once every file is read.
    var deferring = false
    var missing = false

    /// The statement resolved now, or nil when it names something not yet defined.
    mutating func statementIfKnown(_ s: RawStatement) -> Statement? {
        let before = diagnostics.count
        deferring = true
        missing = false
        defer { deferring = false }
        let st = statement(s)
        if missing {
            diagnostics.removeSubrange(before...)
            return nil
        }
        return consume st
    }

    // MARK: references

    mutating func entityRef(_ r: RawRef) -> Int? {
        if let i = entityIndex[r.id] { return i }
        if deferring { missing = true; return nil }
        var hint = suggestionBudget.take() ? Suggestion.hint(for: r.id, in: entityIndex.keys) : nil
        if let byName = entityNames[r.id.lowercased()] {
            hint = "'\(r.id)' is a name of entity '\(byName)'; refer to entities by id"
        }
        error("unknown entity '\(r.id)'", r.span, hint: hint ?? "define it under `entities:` first")
        return nil
    }

    mutating func entityRefs(_ refs: [RawRef]) -> [Int] {
        // One or two (most lists) looked up without an array made per list, which the interner would mostly drop.
        switch refs.count {
        case 0: return []
        case 1: return entityRef(refs[0]).map { lists.intern($0, nil) } ?? []
        case 2:
            let a = entityRef(refs[0]), b = entityRef(refs[1])
            if let a { return lists.intern(a, b) }
            return b.map { lists.intern($0, nil) } ?? []
        default: return lists.intern(refs.compactMap { entityRef($0) })
        }
    }

    /// Notes a document its own errors kept out, so that what refers to it is not reported again
    /// (a bad title made every statement's anchor "no document to resolve in").
    mutating func dropDocument(_ id: String?) {
        droppedDocuments += 1
        if let id { droppedDocumentIds.insert(id) }
    }

    mutating func documentRef(_ r: RawRef) -> Int? {
        if let i = documentIndex[r.id] { return i }
        if deferring { missing = true; return nil }
        if droppedDocumentIds.contains(r.id) { return nil }
        error("unknown document '\(r.id)'", r.span,
              hint: (suggestionBudget.take() ? Suggestion.hint(for: r.id, in: documentIndex.keys) : nil) ?? "define it under `documents:` first")
        return nil
    }

    mutating func statementRef(_ r: RawRef) -> Int? {
        if let i = statementIndex[r.id] { return i }
        if deferring { missing = true; return nil }
        error("unknown statement '\(r.id)'", r.span,
              hint: (suggestionBudget.take() ? Suggestion.hint(for: r.id, in: statementIndex.keys) : nil) ?? "define it under `statements:` first")
        return nil
    }

    mutating func anyRef(_ r: RawRef) -> RecordRef? {
        if let i = statementIndex[r.id] { return .statement(i) }
        if let i = documentIndex[r.id] { return .document(i) }
        if let i = entityIndex[r.id] { return .entity(i) }
        let hint = suggestionBudget.take()
            ? Suggestion.hint(for: r.id, in: Array(statementIndex.keys) + Array(documentIndex.keys) + Array(entityIndex.keys)) : nil
        error("unknown statement, document or entity '\(r.id)'", r.span, hint: hint ?? "relations join statements, documents and entities by id")
        return nil
    }

    // MARK: values

    mutating func date(_ d: RawDate?) -> DateClaim? {
        guard let d else { return nil }
        guard let value = PartialDate.parse(d.value) else {
            error("bad date '\(d.value)'", d.span, hint: "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2014-02-17")
            return nil
        }
        guard let basis = DateClaim.Basis(rawValue: d.basis) else {
            error("unknown date basis '\(d.basis)'", d.basisSpan, hint: "the basis is 'stated' or 'inferred'")
            return nil
        }
        return DateClaim(value: value, basis: basis, note: d.note)
    }

    mutating func act(_ a: RawAct) -> Act {
        if Force.named(a.force) == nil {
            let near = Suggestion.hint(for: a.force, in: Force.names)
            error("unknown force '\(a.force)'", a.forceSpan,
                  hint: (near.map { $0 + "\n" } ?? "") + "the forces are: " + Force.names.joined(separator: ", "))
        }
        return Act(cue: a.cue, force: a.force, cameo: a.cameo)
    }

    mutating func anchor(_ a: RawAnchor, defaultDocument: Int?) -> Anchor {
        let doc = a.document.flatMap { documentRef($0) } ?? defaultDocument
        var anchor = Anchor(exact: a.exact, prefix: a.prefix, suffix: a.suffix, document: doc)
        anchor.mark = a.span
        return anchor
    }

    // MARK: records

    mutating func entity(_ e: RawEntity) -> Entity {
        let kind = Entity.Kind(rawValue: e.kind)
        if kind == nil {
            let kinds = Entity.Kind.allCases.map(\.rawValue)
            error("unknown entity kind '\(e.kind)'", e.kindSpan,
                  hint: Suggestion.hint(for: e.kind, in: kinds) ?? "the kinds are: " + kinds.joined(separator: ", "))
        }
        var entity = Entity(id: e.id, kind: kind ?? .organization, name: e.name, aliases: e.aliases, codes: e.codes, roles: e.roles,
                            members: entityRefs(e.members), affiliation: e.affiliation.flatMap { entityRef($0) }, note: e.note, span: location(e.span))
        entity.status = checkedStatus(e.status, e.statusSpan)
        return entity
    }

    /// A record's status, or nil; an unknown one is an error.
    mutating func checkedStatus(_ status: String?, _ span: FileMark?) -> String? {
        guard let status else { return nil }
        if !Statement.statuses.contains(status) {
            error("unknown status '\(status)'", span,
                  hint: Suggestion.hint(for: status, in: Statement.statuses) ?? "the statuses are: " + Statement.statuses.joined(separator: ", "))
        }
        return status
    }

    /// `text`: the document's inline text, already made (anchors found while reading share its bytes).
    mutating func document(_ d: RawDocument, text: SourceText? = nil) -> Document {
        var doc = Document(id: d.id, kind: d.kind, title: d.title, sourcePath: d.source, authors: entityRefs(d.authors),
                           publisher: d.publisher.flatMap { entityRef($0) }, date: date(d.date), place: d.place,
                           note: d.note, span: location(d.span))
        if let inline = d.inlineText {
            doc.text = text ?? SourceText(inline)
        } else if let source = d.source {
            let path = source.hasPrefix("/") || d.base.isEmpty ? source : (d.base as NSString).appendingPathComponent(source)
            // A model file is no text: its anchors would be found in their own lines.
            if modelFilePaths == nil { modelFilePaths = Set(sources.names.map(FileGate.realPath)) }
            if modelFilePaths!.contains(FileGate.realPath(path)) {
                error("the source of document '\(d.id)' is a file of the model itself, not a text", d.sourceSpan,
                      hint: "name the plain-text document the model reads")
            } else { do {
                let bytes = try loader.readText(path)
                readTexts.append(PathText.absolute(path))
                // Anchors count characters: a text that is not UTF-8 would be searched wrongly.
                try TextDecoder.validate(bytes, name: path)
                doc.text = SourceText(bytes: bytes)
            } catch let e as FileAccessError {
                switch e.reason {
                case .notFound:
                    error("source text file '\(source)' not found", d.sourceSpan,
                          hint: "the path is relative to the model file's folder (looked for '\(path)')")
                case .notRegular(let kind):
                    error("source text '\(source)' is \(kind.rawValue), not a regular file", d.sourceSpan, hint: "`source:` names a text file")
                case .tooLarge(let size, let limit):
                    error("source text '\(source)' is \(size) bytes, over the limit of \(limit)", d.sourceSpan, hint: "split the document")
                default:
                    var refusal = e
                    refusal.path = source
                    error(refusal.message("read source text"), d.sourceSpan, hint: refusal.fullHint)
                }
            } catch let problem as Diagnostic {
                var located = problem
                located.message = "source text '\(source)': " + problem.message
                diagnostics.append(located)
            } catch {} }
        }
        doc.status = checkedStatus(d.status, d.statusSpan)
        let me = documentIndex[d.id]
        doc.narrative = d.narrative.map { anchor($0, defaultDocument: me) }
        doc.residue = d.residue.map { anchor($0, defaultDocument: me) }
        return doc
    }

    mutating func statement(_ s: RawStatement) -> Statement {
        // Every part first (in the order their diagnostics have always come), then one initializer
        // returned as it is: a `var` statement filled in and returned was copied and destroyed on
        // return, 3% of a million-statement load.
        let source = (s.source ?? s.defaultSource).flatMap { documentRef($0) }
        let speakers = entityRefs(s.speakers), onBehalfOf = entityRefs(s.onBehalfOf)
        let addressees = entityRefs(s.addressees), targets = entityRefs(s.targets)
        let said = s.act.map { act($0) } ?? Act(cue: "", force: "")
        let claim = date(s.date)
        let topics = lists.intern(s.topics)
        let cites = s.cites.compactMap { documentRef($0) }
        let work = s.work.flatMap { documentRef($0) }
        if s.speakers.isEmpty { error("statement '\(s.id)' has no speakers", s.span, hint: "add `speakers: [entity-id]`") }
        _ = checkedStatus(s.status, s.statusSpan)
        var confidence: Double?
        if let c = s.confidence {
            if let v = Double(c), v >= 0, v <= 1 { confidence = v } else {
                error("expected the confidence as a number from 0 to 1, found '\(c)'", s.confidenceSpan, hint: "e.g. `confidence: 0.8`")
            }
        }
        let anchors = s.anchors.map { anchor($0, defaultDocument: source) }
        let framings = s.framings.map { f in
            Framing(by: f.by.flatMap { entityRef($0) }, act: act(f.act), anchor: f.anchor.map { anchor($0, defaultDocument: source) })
        }
        var reported: Reporting?
        if let rep = s.reported {
            let mode = Reporting.Mode(rawValue: rep.mode)
            // A missing mode was reported where the link is read; only a wrong one is reported here.
            if mode == nil, rep.modeSpan != nil {
                let modes = Reporting.Mode.allCases.map(\.rawValue)
                error("unknown reporting mode '\(rep.mode)'", rep.modeSpan,
                      hint: Suggestion.hint(for: rep.mode, in: modes) ?? "the modes are: " + modes.joined(separator: ", "))
            }
            reported = Reporting(via: rep.via.flatMap { statementRef($0) }, by: rep.by.flatMap { entityRef($0) },
                                 document: rep.document.flatMap { documentRef($0) } ?? source, mode: mode ?? .indirect)
        }
        return Statement(id: s.id, speakers: speakers, onBehalfOf: onBehalfOf, addressees: addressees, targets: targets,
                         act: said, framings: framings, content: s.content, date: claim, place: s.place, topics: topics,
                         anchors: anchors, reported: reported, cites: cites, document: work, status: s.status, note: s.note,
                         confidence: confidence)
    }

    /// Relations have no ids in a model file: theirs are made, `rel1`, `rel2`, …, and must not be a
    /// record's (a statement `rel1` hid the relation, or an entity `rel2` was hidden by it). Where a
    /// record has such an id the prefix takes underscores, `rel_1`, until none has — one pass over the ids.
    func relationIdPrefix(count: Int) -> String {
        var taken = Set<Int>()   // underscore counts some record's id uses with a number in 1...count
        for id in [statementIndex.keys, documentIndex.keys, entityIndex.keys].joined() where id.hasPrefix("rel") {
            let rest = id.dropFirst(3)
            let underscores = rest.prefix { $0 == "_" }.count
            if let n = Int(rest.dropFirst(underscores)), n >= 1, n <= count, rest.dropFirst(underscores).first != "+" { taken.insert(underscores) }
        }
        var k = 0
        while taken.contains(k) { k += 1 }
        return "rel" + String(repeating: "_", count: k)
    }

    mutating func relation(_ r: RawRelation, id: String) -> Relation? {
        let types = Relation.types.map(\.name)
        if !types.contains(r.type) {
            error("unknown relation type '\(r.type)'", r.typeSpan,
                  hint: Suggestion.hint(for: r.type, in: types) ?? "the types are: " + types.joined(separator: ", "))
        }
        guard let from = r.from.flatMap({ anyRef($0) }), let to = r.to.flatMap({ anyRef($0) }) else { return nil }
        if from == to, let id = r.from?.id {
            error("a '\(r.type)' relation from '\(id)' to itself", r.to?.span,
                  hint: "a relation links two records; name the other one in `to:`")
        }
        return Relation(id: id, type: r.type, from: from, to: to, note: r.note, span: location(r.span))
    }
}

/// A count that threads take from until it runs out.
final class Budget: @unchecked Sendable {
    private let lock = NSLock()
    private var left: Int
    init(_ n: Int) { left = n }
    /// True while some is left (and takes one).
    func take() -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard left > 0 else { return false }
        left -= 1
        return true
    }
}
