import Foundation

extension ModelBuilder {
    /// Second pass: ids, references, vocabularies, source texts and anchors.
    struct Resolver {
        let builder: ModelBuilder
        var diagnostics: [Diagnostic] = []
        var entityIndex: [String: Int] = [:]
        var documentIndex: [String: Int] = [:]
        var statementIndex: [String: Int] = [:]

        init(builder: ModelBuilder) { self.builder = builder }

        mutating func error(_ message: String, _ span: SourceSpan?, hint: String? = nil, notes: [Diagnostic] = []) {
            diagnostics.append(Diagnostic(message, at: span, hint: hint, category: .model, notes: notes))
        }

        mutating func resolve(name: String, title: String?, origin: String) -> Model? {
            registerIds()
            var entities: [Entity] = []
            for e in builder.rawEntities { entities.append(entity(e)) }
            var documents: [Document] = []
            for d in builder.rawDocuments { documents.append(document(d)) }
            var statements: [Statement] = []
            for s in builder.rawStatements { statements.append(statement(s)) }
            var relations: [Relation] = []
            for (i, r) in builder.rawRelations.enumerated() {
                if let rel = relation(r, number: i + 1) { relations.append(rel) }
            }
            resolveAnchors(&documents, &statements)
            guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
            return Model(name: name, title: title, origin: origin, documents: documents, entities: entities,
                         statements: statements, relations: relations)
        }

        // MARK: ids

        mutating func registerIds() {
            var seen: [String: SourceSpan?] = [:]
            func register(_ id: String, _ span: SourceSpan?, into table: inout [String: Int], _ index: Int, _ diags: inout [Diagnostic]) {
                if let first = seen[id] {
                    let note = Diagnostic("'\(id)' is first defined here", at: first, category: .model, severity: .note)
                    diags.append(Diagnostic("duplicate id '\(id)'", at: span, hint: "ids must be unique across documents, entities and statements",
                                            category: .model, notes: [note]))
                    return
                }
                if id.isEmpty || id.contains(where: { $0.isWhitespace }) {
                    diags.append(Diagnostic("invalid id '\(id)'", at: span, hint: "an id is one word: letters, digits, '-', '_' or '.'", category: .model))
                }
                seen[id] = span
                table[id] = index
            }
            var diags: [Diagnostic] = []
            for (i, d) in builder.rawDocuments.enumerated() { register(d.id, d.span, into: &documentIndex, i, &diags) }
            for (i, e) in builder.rawEntities.enumerated() { register(e.id, e.span, into: &entityIndex, i, &diags) }
            for (i, s) in builder.rawStatements.enumerated() { register(s.id, s.span, into: &statementIndex, i, &diags) }
            diagnostics += diags
        }

        // MARK: references

        mutating func entityRef(_ r: RawRef) -> Int? {
            if let i = entityIndex[r.id] { return i }
            var hint = Suggestion.hint(for: r.id, in: entityIndex.keys)
            if let byName = builder.rawEntities.first(where: { e in ([e.name] + e.aliases).contains { $0.lowercased() == r.id.lowercased() } }) {
                hint = "'\(r.id)' is a name of entity '\(byName.id)'; refer to entities by id"
            }
            error("unknown entity '\(r.id)'", r.span, hint: hint ?? "define it under `entities:` first")
            return nil
        }

        mutating func entityRefs(_ refs: [RawRef]) -> [Int] { refs.compactMap { entityRef($0) } }

        mutating func documentRef(_ r: RawRef) -> Int? {
            if let i = documentIndex[r.id] { return i }
            error("unknown document '\(r.id)'", r.span, hint: Suggestion.hint(for: r.id, in: documentIndex.keys) ?? "define it under `documents:` first")
            return nil
        }

        mutating func statementRef(_ r: RawRef) -> Int? {
            if let i = statementIndex[r.id] { return i }
            error("unknown statement '\(r.id)'", r.span, hint: Suggestion.hint(for: r.id, in: statementIndex.keys) ?? "define it under `statements:` first")
            return nil
        }

        mutating func anyRef(_ r: RawRef) -> RecordRef? {
            if let i = statementIndex[r.id] { return .statement(i) }
            if let i = documentIndex[r.id] { return .document(i) }
            if let i = entityIndex[r.id] { return .entity(i) }
            let all = Array(statementIndex.keys) + Array(documentIndex.keys) + Array(entityIndex.keys)
            error("unknown statement, document or entity '\(r.id)'", r.span, hint: Suggestion.hint(for: r.id, in: all))
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
            return Anchor(exact: a.exact, prefix: a.prefix, suffix: a.suffix, document: doc, span: a.span)
        }

        // MARK: records

        mutating func entity(_ e: RawEntity) -> Entity {
            let kind = Entity.Kind(rawValue: e.kind)
            if kind == nil {
                let kinds = Entity.Kind.allCases.map(\.rawValue)
                error("unknown entity kind '\(e.kind)'", e.kindSpan,
                      hint: Suggestion.hint(for: e.kind, in: kinds) ?? "the kinds are: " + kinds.joined(separator: ", "))
            }
            return Entity(id: e.id, kind: kind ?? .organization, name: e.name, aliases: e.aliases, codes: e.codes, roles: e.roles,
                          members: entityRefs(e.members), affiliation: e.affiliation.flatMap { entityRef($0) }, note: e.note, span: e.span)
        }

        mutating func document(_ d: RawDocument) -> Document {
            var doc = Document(id: d.id, kind: d.kind, title: d.title, sourcePath: d.source, authors: entityRefs(d.authors),
                               publisher: d.publisher.flatMap { entityRef($0) }, date: date(d.date), place: d.place,
                               note: d.note, span: d.span)
            if let source = d.source {
                let path = source.hasPrefix("/") || d.base.isEmpty ? source : (d.base as NSString).appendingPathComponent(source)
                if let text = builder.loader.readText(path) {
                    if text.utf8.count > builder.loader.limits.maxTextBytes {
                        error("source text '\(source)' is over the limit of \(builder.loader.limits.maxTextBytes) bytes", d.sourceSpan)
                    } else {
                        doc.text = SourceText(text)
                    }
                } else {
                    error("source text file '\(source)' not found", d.sourceSpan,
                          hint: "the path is relative to the model file's folder (looked for '\(path)')")
                }
            }
            let me = documentIndex[d.id]
            doc.narrative = d.narrative.map { anchor($0, defaultDocument: me) }
            doc.residue = d.residue.map { anchor($0, defaultDocument: me) }
            return doc
        }

        mutating func statement(_ s: RawStatement) -> Statement {
            let source = (s.source ?? s.defaultSource).flatMap { documentRef($0) }
            var st = Statement(id: s.id, speakers: entityRefs(s.speakers), onBehalfOf: entityRefs(s.onBehalfOf),
                               addressees: entityRefs(s.addressees), targets: entityRefs(s.targets),
                               act: s.act.map { act($0) } ?? Act(cue: "", force: ""), content: s.content, date: date(s.date),
                               place: s.place, topics: s.topics, cites: s.cites.compactMap { documentRef($0) },
                               document: s.work.flatMap { documentRef($0) }, status: s.status, note: s.note, span: s.span)
            if s.speakers.isEmpty { error("statement '\(s.id)' has no speakers", s.span, hint: "add `speakers: [entity-id]`") }
            if !Statement.statuses.contains(s.status) {
                error("unknown status '\(s.status)'", s.statusSpan,
                      hint: Suggestion.hint(for: s.status, in: Statement.statuses) ?? "the statuses are: " + Statement.statuses.joined(separator: ", "))
            }
            st.anchors = s.anchors.map { anchor($0, defaultDocument: source) }
            if let f = s.framing {
                st.framing = Framing(by: f.by.flatMap { entityRef($0) }, act: act(f.act),
                                     anchor: f.anchor.map { anchor($0, defaultDocument: source) })
            }
            if let rep = s.reported {
                let mode = Reporting.Mode(rawValue: rep.mode)
                if mode == nil {
                    let modes = Reporting.Mode.allCases.map(\.rawValue)
                    error("unknown reporting mode '\(rep.mode)'", rep.modeSpan,
                          hint: Suggestion.hint(for: rep.mode, in: modes) ?? "the modes are: " + modes.joined(separator: ", "))
                }
                st.reported = Reporting(via: rep.via.flatMap { statementRef($0) }, by: rep.by.flatMap { entityRef($0) },
                                        document: rep.document.flatMap { documentRef($0) } ?? source, mode: mode ?? .indirect)
            }
            return st
        }

        mutating func relation(_ r: RawRelation, number: Int) -> Relation? {
            let types = Relation.types.map(\.name)
            if !types.contains(r.type) {
                error("unknown relation type '\(r.type)'", r.typeSpan,
                      hint: Suggestion.hint(for: r.type, in: types) ?? "the types are: " + types.joined(separator: ", "))
            }
            guard let from = r.from.flatMap({ anyRef($0) }), let to = r.to.flatMap({ anyRef($0) }) else { return nil }
            return Relation(id: "rel\(number)", type: r.type, from: from, to: to, note: r.note, span: r.span)
        }
    }
}
