import StatementModel

/// The values a field can take in a model — entity names, forces, kinds, modes, statuses, relation
/// types, topics, ids — so that a comparison with a value nothing has can be warned about, and a
/// bare word that is a value (not a field) can be told apart.
struct KnownValues {
    let model: Model

    static let entityFields: Set<String> = ["speakers", "on_behalf_of", "addressees", "targets", "members", "affiliation",
                                            "framed_by", "authors", "publisher"]

    /// What is known for `field` of rows of `kind` (`statements`, `entities`, …): a check, what the
    /// values are called, and the candidates for "did you mean"; nil for fields of free text.
    func values(of field: String, in kind: String) -> (contains: (String) -> Bool, what: String, candidates: () -> [String])? {
        let m = model
        if Self.entityFields.contains(field) {
            return ({ !m.entities(named: $0).isEmpty }, "entity is named", { m.entities.flatMap { [$0.name] + $0.aliases } })
        }
        switch (kind, field) {
        case (_, "act"), (_, "framed_as"):
            return ({ Force.named($0) != nil }, "force is called", { Force.names })
        case (_, "family"):
            let families = Array(Set(Force.vocabulary.map(\.family)))
            return ({ families.contains($0) }, "family of forces is called", { families })
        case ("entities", "kind"):
            return ({ Entity.Kind(rawValue: $0) != nil }, "kind of entity is called", { Entity.Kind.allCases.map(\.rawValue) })
        case ("documents", "kind"):
            let kinds = Set(m.documents.map(\.kind))
            return ({ kinds.contains($0) }, "document is of kind", { Array(kinds) })
        case (_, "mode"):
            return ({ Reporting.Mode(rawValue: $0) != nil }, "reporting mode is called", { Reporting.Mode.allCases.map(\.rawValue) })
        case ("quotes", "status"):
            let statuses = [Anchor.Status.found, .ambiguous, .orphaned, .unresolved].map(\.rawValue)
            return ({ statuses.contains($0) }, "anchor status is called", { statuses })
        case ("quotes", "role"):
            let roles = ["statement", "framing", "narrative", "residue"]
            return ({ roles.contains($0) }, "anchor role is called", { roles })
        case ("statements", "status"), ("entities", "status"), ("documents", "status"):
            return ({ Statement.statuses.contains($0) }, "status is called", { Statement.statuses })
        case ("statements", "cameo"):
            // Codes are text, and a leading zero is part of one: `cameo = 243` names no code when the model has "0243".
            let codes = Set(m.statements.compactMap(\.act.cameo))
            return ({ codes.contains($0) }, "statement has the CAMEO code", { Array(codes) })
        case (_, "date_basis"):
            let bases = DateClaim.Basis.allCases.map(\.rawValue)
            return ({ bases.contains($0) }, "date basis is called", { bases })
        case ("relations", "type"):
            return ({ t in Relation.types.contains { $0.name == t } }, "relation type is called", { Relation.types.map(\.name) })
        case (_, "topics"):
            return ({ m.statementsByTopic[$0.lowercased()] != nil }, "statement has the topic", { Array(m.statementsByTopic.keys) })
        case ("statements", "id"), ("statements", "via"), ("statements", "reported_by"):
            return ({ m.record(id: $0) != nil || (field == "reported_by" && !m.entities(named: $0).isEmpty) }, "record has the id",
                    { Array(m.statementIds.keys.prefix(Suggestion.maxCandidates)) + m.entities.map(\.id) })
        case (_, "work"), (_, "source"), (_, "cites"), (_, "document"):
            return ({ id in m.documents.contains { $0.id == id } }, "document has the id", { m.documents.map(\.id) })
        case ("entities", "id"), ("documents", "id"), ("relations", "id"), ("relations", "from"), ("relations", "to"),
             ("quotes", "owner"), ("hits", "statements"):
            return ({ m.record(id: $0) != nil }, "record has the id",
                    { Array(m.statementIds.keys.prefix(Suggestion.maxCandidates)) + Array(m.ids.keys.prefix(Suggestion.maxCandidates)) })
        case ("entities", "name"):
            return ({ n in m.entities.contains { $0.name == n } }, "entity is named", { m.entities.map(\.name) })
        case ("entities", "aliases"):
            return ({ a in m.entities.contains { $0.aliases.contains(a) } }, "entity has the alias", { m.entities.flatMap(\.aliases) })
        default:
            return nil
        }
    }

    /// What a bare word is, when it is a value somewhere in the model: for the hint "quote it".
    func describe(_ word: String) -> String? {
        if Force.named(word) != nil { return "a force (a value of act)" }
        if Entity.Kind(rawValue: word) != nil { return "a kind of entity" }
        if Reporting.Mode(rawValue: word) != nil { return "a reporting mode" }
        if Relation.types.contains(where: { $0.name == word }) { return "a relation type" }
        if model.record(id: word) != nil { return "an id" }
        if !model.entities(named: word).isEmpty { return "a name of an entity" }
        if model.statementsByTopic[word.lowercased()] != nil { return "a topic" }
        return nil
    }

    /// Whether a warning is ``unknownDateOrder(_:_:in:kind:)``'s: `where` says it only when rows were left out.
    static func isDateWarning(_ d: Diagnostic) -> Bool { d.message.contains(" at another precision: ") || d.message.contains(" dated only to a year or month ") }

    /// `date < 2024-03` leaves out, as unknown, the records dated only to a span that holds the bound
    /// (the year 2024): said, with how many of the input's rows, so that a count is not taken for all of them.
    func unknownDateOrder(_ op: String, _ bound: (text: String, span: SourceSpan), in input: Table?, kind: String) -> Diagnostic? {
        let (text, span) = bound
        guard let b = PartialDate.parse(text) else { return nil }
        func unknown(_ date: PartialDate?) -> Bool { date.map { DateOrder.compare($0, op, b) == nil } ?? false }
        var count = 0
        if let input, input.wholeStatementsCount == nil {
            // The rows as they are (`where id = "s2" | where date = 2024` is about s2 alone).
            for row in input.rows {
                switch row {
                case .statement(let i): if unknown(model.statements[i].date?.value) { count += 1 }
                case .document(let i): if unknown(model.documents[i].date?.value) { count += 1 }
                default: break
                }
            }
        } else {
            switch kind {
            case "statements": for i in model.statements.indices where unknown(model.statements[i].date?.value) { count += 1 }
            case "documents": for d in model.documents where unknown(d.date?.value) { count += 1 }
            default: return nil
            }
        }
        guard count > 0 else { return nil }
        let what = kind == "statements" ? (count == 1 ? "statement is" : "statements are") : (count == 1 ? "document is" : "documents are")
        if op == "=" || op == "!=" {
            // `date = 2024` and a statement of 2024-02-29: the same year, but not the same span of days.
            let same = b.month == nil ? "year(date) = \(b.year)" : "year(date) = \(b.year) and month(date) = \(b.month!)"
            let within = op == "=" ? same : b.month == nil ? "year(date) != \(b.year)" : "not (\(same))"
            return Diagnostic("\(count) \(what) dated within or around \(text) at another precision: whether they are \(op) \(text) is unknown, and they are left out",
                              at: span, hint: "to compare by \(b.month == nil ? "year" : "month"): \(within)",
                              category: .evaluation, severity: .warning)
        }
        return Diagnostic("\(count) \(what) dated only to a year or month that holds \(text): whether they are \(op) \(text) is unknown, and they are left out",
                          at: span, hint: "compare at their precision, e.g. year(date) \(op) \(b.year), or take them apart: … or date = \(b.year)",
                          category: .evaluation, severity: .warning)
    }

    /// Fields that hold numbers, by the kind of row: an anchor's line and column, a confidence.
    static let numberFields: [String: Set<String>] = ["statements": ["line", "confidence"], "quotes": ["line", "column", "start", "end"],
                                                      "hits": ["line", "column"], "documents": ["lines"]]
    /// Functions whose value is a number.
    static let numberFunctions: Set<String> = ["len", "year", "month", "count"]

    /// How a number-valued expression is written (`line`, `len(…)`), or nil when it may be anything
    /// (a column of rows a `select` made may hold anything under any name).
    func numberName(_ e: Expr, kind: String) -> String? {
        switch e {
        case .field(let path, _) where path.count == 1 && Self.numberFields[kind]?.contains(path[0]) == true: return path[0]
        case .call(let f, _, _) where Self.numberFunctions.contains(f): return f + "(…)"
        default: return nil
        }
    }

    /// Warnings for the comparisons in `e` whose text names nothing of its field (`speakers has
    /// "Pyongyang"`): they would quietly match no row.
    func warnings(_ e: Expr, kind: String, input: Table? = nil, variable: (String) -> Value? = { _ in nil }) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var stack = [e]
        // Text, and numbers and true/false as they would be written (`act = 3` names no force); a
        // variable's value where it stands (`speakers has $who` with `--set who=Miler`).
        func literalTexts(_ e: Expr) -> [(String, SourceSpan)] {
            func text(_ v: Value) -> String? {
                switch v {
                case .string(let s): return s
                case .number(let n): return Display.number(n)
                case .bool(let b): return b ? "true" : "false"
                default: return nil
                }
            }
            switch e {
            case .literal(let v, let span): return text(v).map { [($0, span)] } ?? []
            case .variable(let name, let span):
                guard let v = variable(name) else { return [] }
                if case .list(let items) = v { return items.prefix(100).compactMap { text($0).map { ($0, span) } } }
                return text(v).map { [($0, span)] } ?? []
            case .list(let items, _): return items.flatMap { x -> [(String, SourceSpan)] in
                if case .list = x { return [] }
                return literalTexts(x)
            }
            default: return []
            }
        }
        while let x = stack.popLast(), out.count < 10 {
            switch x {
            case .binary(var op, var l, var r, _):
                stack.append(l)
                stack.append(r)
                // The value written first: `"Kim" in speakers`, `2024 = date`, `2024-01 <= date` (which is `date >= 2024-01`).
                var swapped = false
                if case .field = r { if case .field = l {} else { swap(&l, &r); swapped = true } }
                if case .call(let f, _, _) = r, Self.numberFunctions.contains(f) { if case .call = l {} else { swap(&l, &r); swapped = true } }
                if swapped, ["<", "<=", ">", ">="].contains(op) { op = DateOrder.flipped(op) }
                // Only the literal `null` tests for absence: a variable that holds null compares as unknown.
                if op == "=" || op == "!=", case .variable(let name, let span) = r, case .null? = variable(name) {
                    out.append(Diagnostic("$\(name) is null, and a comparison with null is unknown for every row: no row matches", at: span,
                                          hint: "to test for a missing value write null itself: … \(op) null", category: .evaluation, severity: .warning))
                    continue
                }
                if op == "in", case .list(let items, _) = r, let n = items.first(where: \.isNullLiteral) {
                    out.append(Diagnostic("null in a list is never matched: a comparison with null is unknown", at: n.span,
                                          hint: "to take rows without a value too: … = null or … in [the other values]", category: .evaluation, severity: .warning))
                }
                // `line = "abc"`, `len(speakers) = "two"`: a number never equals text that is no number.
                if ["=", "!=", "in"].contains(op), let name = numberName(l, kind: kind) {
                    for (text, span) in literalTexts(r) where NumberText.number(text) == nil {
                        out.append(Diagnostic("'\(text)' is no number, and \(name) is one: they are never equal", at: span,
                                              hint: "compare with a number, written without quotes (e.g. 2)", category: .evaluation, severity: .warning))
                    }
                    continue
                }
                guard case .field(let path, _) = l else { continue }
                if ["<", "<=", ">", ">="].contains(op), path == ["date"] {
                    if let bound = literalTexts(r).first, let w = unknownDateOrder(op, bound, in: input, kind: kind) { out.append(w) }
                    continue
                }
                guard ["=", "!=", "has", "in"].contains(op) else { continue }
                let texts = literalTexts(r)
                if path == ["date"] {
                    // `date = "2024-13"` compares with no date at all.
                    for (text, span) in texts where PartialDate.parse(text) == nil {
                        out.append(Diagnostic("'\(text)' is not a date", at: span, hint: "write a date as 2024, 2024-03 or 2024-03-15",
                                              category: .evaluation, severity: .warning))
                    }
                    // `date in [2024, 2025]` is `=` with each.
                    if op != "has" {
                        for bound in (op == "in" ? texts : Array(texts.prefix(1))) {
                            if let w = unknownDateOrder(op == "in" ? "=" : op, bound, in: input, kind: kind) { out.append(w) }
                        }
                    }
                    continue
                }
                // `codes.cameo = "ZZZ"`: the codes of that scheme.
                if kind == "entities", path.count == 2, path[0] == "codes" {
                    let scheme = path[1]
                    let codes = Set(model.entities.compactMap { $0.codes[scheme] })
                    for (text, span) in texts where !codes.contains(text) {
                        let hint = Suggestion.hint(for: text, in: Array(codes)) ?? "`entities | distinct codes.\(scheme)` lists the codes there are"
                        out.append(Diagnostic("no entity has the \(scheme) code '\(text)'", at: span, hint: hint, category: .evaluation, severity: .warning))
                    }
                    continue
                }
                // `speakers.kind has "planet"`: the field of the entities a list names.
                let entityField = path.count == 2 && Self.entityFields.contains(path[0])
                guard path.count == 1 || entityField, let known = values(of: path[path.count - 1], in: entityField ? "entities" : kind) else { continue }
                for (text, span) in texts where !known.contains(text) {
                    // `find`'s rows are no source of their own: the hint names the command that made them.
                    let source = kind == "hits" ? "find …" : kind
                    let hint = Suggestion.hint(for: text, in: known.candidates()) ?? "`\(source) | distinct \(path.joined(separator: "."))` lists the values it has"
                    out.append(Diagnostic("no \(known.what) '\(text)'", at: span, hint: hint, category: .evaluation, severity: .warning))
                }
            case .not(let inner, _), .negate(let inner, _): stack.append(inner)
            case .call(_, let args, _): stack += args
            case .list(let items, _): stack += items
            default: break
            }
        }
        return out
    }
}
