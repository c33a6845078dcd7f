import Foundation

/// `stmt check`'s lints: things a model may say that its text does not support, or that are
/// probably slips — each a located warning with a hint (`--strict` makes them errors). They run
/// on a built model while the load's sources are at hand, so every warning shows its line.
struct ModelLinter {
    let model: Model
    let sources: SourceFiles
    /// Where each statement's id is written, by statement index.
    let statementMarks: [FileMark?]
    /// Where each entity's aliases are written, by entity index.
    let aliasMarks: [[FileMark]]
    /// Where each document's and entity's id is written.
    let marks: [String: FileMark]
    /// Every flow list of text in the files (`[a, b, c]`), for commas that split a value.
    var flowLists: [NodeReader.FlowList] = []

    func warning(_ message: String, _ mark: FileMark?, hint: String) -> Diagnostic {
        Diagnostic(message, at: mark.map { sources.span($0) }, hint: hint, category: .model, severity: .warning)
    }

    func warning(_ message: String, _ span: SourceSpan?, hint: String) -> Diagnostic {
        Diagnostic(message, at: span.map { s in s.lineText.isEmpty ? sourcesSpan(s) : s }, hint: hint, category: .model, severity: .warning)
    }

    /// A stored location (no line text) made whole again from the sources.
    func sourcesSpan(_ s: SourceSpan) -> SourceSpan {
        guard let i = (0..<sources.count).first(where: { sources.name($0) == s.file }) else { return s }
        return sources.span(FileMark(file: Int32(i), line: Int32(s.line), column: Int32(s.column), length: Int32(s.length)))
    }

    func lint() -> [Diagnostic] {
        flowCommas() + aliasCollisions() + idsDifferingInCase() + unreferenced() + cuesOutsideAnchors() + relationsRepeatingFields() + unsupportedReports()
    }

    /// Entity and document ids that differ only in case (`Bob` and `bob`): a reference is exact,
    /// so one of them is probably meant where the other is written. At most 20 are listed.
    func idsDifferingInCase() -> [Diagnostic] {
        var first: [String: String] = [:]
        var out: [Diagnostic] = []
        for id in model.entities.map(\.id) + model.documents.map(\.id) where out.count < 20 {
            let folded = id.lowercased()
            if let other = first[folded] {
                out.append(warning("id '\(id)' differs from '\(other)' only in case", marks[id],
                                   hint: "references are exact: give them ids that differ in more than case, or merge them"))
            } else {
                first[folded] = id
            }
        }
        return out
    }

    /// An alias that is also another entity's id, name or alias names two entities.
    func aliasCollisions() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (i, e) in model.entities.enumerated() {
            for (k, alias) in e.aliases.enumerated() {
                // The first other entity only: filtering a list of 80,000 namesakes per alias was quadratic.
                guard let j = model.entities(named: alias).first(where: { $0 != i }) else { continue }
                let o = model.entities[j]
                out.append(warning("alias '\(alias)' of '\(e.id)' also names '\(o.id)' (\(o.name))",
                                   k < aliasMarks[i].count ? aliasMarks[i][k] : marks[e.id],
                                   hint: "a name should find one entity: drop the alias, or, if a comma split a longer name, quote it"))
            }
        }
        return out
    }

    /// Entities and documents nothing refers to, and relations given twice.
    func unreferenced() -> [Diagnostic] {
        let m = model
        var usedEntities = Set<Int>(), usedDocuments = Set<Int>()
        for s in m.statements {
            usedEntities.formUnion(s.speakers + s.onBehalfOf + s.addressees + s.targets + s.framings.compactMap(\.by))
            if let by = s.reported?.by { usedEntities.insert(by) }
            usedDocuments.formUnion(s.cites + (s.anchors + s.framings.compactMap(\.anchor)).compactMap(\.document))
            if let d = s.document { usedDocuments.insert(d) }
            if let d = s.reported?.document { usedDocuments.insert(d) }
        }
        for e in m.entities { usedEntities.formUnion(e.members + (e.affiliation.map { [$0] } ?? [])) }
        for (i, d) in m.documents.enumerated() {
            usedEntities.formUnion(d.authors + (d.publisher.map { [$0] } ?? []))
            if !d.narrative.isEmpty || !d.residue.isEmpty { usedDocuments.insert(i) }
        }
        var seenRelations: [String: Int] = [:]
        var out: [Diagnostic] = []
        for r in m.relations {
            for ref in [r.from, r.to] {
                if case .entity(let i) = ref { usedEntities.insert(i) }
                if case .document(let i) = ref { usedDocuments.insert(i) }
            }
            let key = "\(r.type) \(m.id(of: r.from)) \(m.id(of: r.to))"
            if let first = seenRelations[key] {
                out.append(warning("relation '\(key)' is given twice (first as \(m.relations[first].id))", r.span,
                                   hint: "keep one; notes can say more than one thing"))
            } else {
                seenRelations[key] = m.relations.firstIndex { $0.id == r.id }
            }
        }
        for (i, e) in m.entities.enumerated() where !usedEntities.contains(i) {
            out.append(warning("entity '\(e.id)' is not referred to by any statement, document, entity or relation", marks[e.id],
                               hint: "use it (speakers, addressees, targets, members, …) or remove it"))
        }
        for (i, d) in m.documents.enumerated() where !usedDocuments.contains(i) {
            out.append(warning("document '\(d.id)' is not referred to: no statement is anchored in it, cites it or belongs to it", marks[d.id],
                               hint: "anchor statements in it, refer to it (cites, work, reported in), or remove it"))
        }
        return out
    }

    /// Words of a cue that say something (not "the", "to", …).
    static let stopWords: Set<String> = ["the", "a", "an", "to", "of", "on", "for", "in", "that", "and", "with", "as", "by", "at", "it", "its"]

    static func words(_ s: String) -> Set<String> {
        Set(s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count > 1 && !stopWords.contains($0) })
    }

    /// A statement's anchor should hold its cue: the words that attribute the content.
    func cuesOutsideAnchors() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (i, s) in model.statements.enumerated() {
            let mark = i < statementMarks.count ? statementMarks[i] : nil
            if s.anchors.isEmpty {
                out.append(warning("statement '\(s.id)' has no anchor: nothing shows the words it rests on", mark,
                                   hint: "add `anchors:` with the exact words of the source, cue included"))
                continue
            }
            let cue = Self.words(s.act.cue)
            guard !cue.isEmpty else { continue }
            let anchored = s.anchors.reduce(into: Set<String>()) { $0.formUnion(Self.words($1.exact)) }
            if cue.isDisjoint(with: anchored) {
                out.append(warning("no word of the cue '\(s.act.cue)' of '\(s.id)' is in its anchors", s.anchors[0].mark ?? mark,
                                   hint: "the anchor should quote the cue with the content, e.g. the words from '\(s.act.cue)' on"))
            }
        }
        return out
    }

    /// A relation that says again what a field already says.
    func relationsRepeatingFields() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for r in model.relations {
            switch (r.type, r.from, r.to) {
            case ("cites", .statement(let s), .document(let d)) where model.statements[s].cites.contains(d) || model.statements[s].document == d:
                out.append(warning("relation 'cites' repeats the `cites` (or `work`) field of '\(model.statements[s].id)'", r.span,
                                   hint: "remove the relation: the field says it"))
            case ("reports", .statement(let v), .statement(let s)) where model.statements[s].reported?.via == v:
                out.append(warning("relation 'reports' repeats the `reported: via` field of '\(model.statements[s].id)'", r.span,
                                   hint: "remove the relation: the field says it"))
            default: break
            }
        }
        return out
    }

    /// `via:` claims the text credits one statement's report to another; when their words are in
    /// different sentences and share no word, the text probably does not say so.
    func unsupportedReports() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (i, s) in model.statements.enumerated() {
            guard let v = s.reported?.via else { continue }
            let via = model.statements[v]
            let mine = s.anchors.filter { $0.status == .found }, theirs = via.anchors.filter { $0.status == .found }
            guard let d = mine.first?.document, let text = model.documents[d].text, !mine.isEmpty, !theirs.isEmpty,
                  theirs.allSatisfy({ $0.document == d }) else { continue }
            let sentences = Set(theirs.compactMap { $0.byteRange.map { Self.sentence(containing: $0.lowerBound, in: text) } })
            let same = mine.contains { a in a.byteRange.map { sentences.contains(Self.sentence(containing: $0.lowerBound, in: text)) } ?? false }
            let shared = !Self.words(mine.map(\.exact).joined(separator: " ")).isDisjoint(with: Self.words(theirs.map(\.exact).joined(separator: " ")))
            if !same && !shared {
                out.append(warning("'\(s.id)' is modelled as reported via '\(via.id)', but its words are in another sentence and share none with '\(via.id)'s",
                                   i < statementMarks.count ? statementMarks[i] : nil,
                                   hint: "`via` says the text credits this report to '\(via.id)'; if it does not, write who reports it: `reported: {by: …}`"))
            }
        }
        return out
    }

    /// The start of the sentence holding a byte: after the last `. `, `! `, `? ` or newline before it.
    static func sentence(containing offset: Int, in text: SourceText) -> Int {
        let b = text.utf8
        var i = min(offset, b.count) - 1
        while i > 0 {
            if b[i] == 10 { return i + 1 }
            if b[i] == 32 && [46, 33, 63].contains(b[i - 1]) && !abbreviation(before: i - 1, in: b) { return i + 1 }
            i -= 1
        }
        return 0
    }

    /// Whether the period at `dot` ends an abbreviation ("U.S.", "Dr.") rather than a sentence.
    static func abbreviation(before dot: Int, in b: TextBytes) -> Bool {
        guard b[dot] == 46 else { return false }
        var start = dot
        while start > 0 && b[start - 1] != 32 && b[start - 1] != 10 { start -= 1 }
        let word = b[start..<dot]
        return word.contains(46) || (word.count == 1 && word.first.map { $0 >= 65 && $0 <= 90 } == true)
            || ["Mr", "Ms", "Mrs", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "No"].contains(String(decoding: word, as: UTF8.self))
    }
}
