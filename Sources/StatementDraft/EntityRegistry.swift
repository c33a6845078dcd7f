import Foundation
import StatementModel

/// The entities of a draft: names found in the text are cleaned, matched to an entity already seen
/// (same name or alias, "U.S." = "the United States", a surname, an acronym's expansion) or to one of
/// an existing model, and otherwise added with a readable id and a guessed kind.
public struct EntityRegistry: Sendable {
    /// The entities, reused ones first.
    public private(set) var entities: [DraftEntity] = []
    private var keys: [String: Int] = [:]
    private var surnames: [String: Int] = [:]
    private var usedIds: Set<String>

    /// A registry that reuses `model`'s entities and keeps clear of its ids.
    public init(reusing model: Model? = nil) {
        usedIds = []
        guard let model else { return }
        for d in model.documents { usedIds.insert(d.id) }
        for s in model.statements { usedIds.insert(s.id) }
        for e in model.entities {
            var d = DraftEntity(id: e.id, name: e.name, kind: e.kind, aliases: e.aliases)
            d.reused = true
            add(d)
        }
    }

    /// Whether an id is free, and takes it.
    public mutating func claim(_ base: String) -> String {
        var id = base.isEmpty ? "x" : base
        var n = 2
        while usedIds.contains(id) { id = "\(base)-\(n)"; n += 1 }
        usedIds.insert(id)
        return id
    }

    /// The index of the entity a mention names, adding it when new.
    /// With `counted`, "the three countries" may name the latest group of three (a speaker; an addressee
    /// "both sides" names the two sides of the text, not its latest pair of speakers).
    public mutating func resolve(_ raw: String, role: String? = nil, counted: Bool = false) -> Int? {
        var (name, acronyms) = Self.clean(raw)
        guard !name.isEmpty || !acronyms.isEmpty else { return nil }
        if name.isEmpty { name = acronyms.removeFirst() }
        if let i = resolveExisting(raw) ?? lookup(name) {
            // Every way the text names it becomes an alias ("U.N." beside "United Nations").
            for a in [name] + acronyms where !entities[i].allNames.contains(where: { $0.caseInsensitiveCompare(a) == .orderedSame }) {
                entities[i].aliases.append(a); index(a, i)
            }
            if let role, !entities[i].roles.contains(role), !entities[i].reused { entities[i].roles.append(role) }
            return i
        }
        // "The three countries", "the two leaders", "both sides": the latest group of that many members.
        if counted, let n = Self.countedDescription(name),
           let g = entities.indices.last(where: { entities[$0].kind == .group && entities[$0].members.count == n })
               ?? entities.indices.last(where: { entities[$0].kind == .group && entities[$0].members.isEmpty
                   && entities[$0].name.lowercased().hasSuffix(name.lowercased().split(separator: " ").last.map(String.init) ?? "") }) {
            entities[g].aliases.append(name); index(name, g)
            return g
        }
        // "the authority", "The Ministry", "the firm": the latest body whose name has that word (or, for a
        // firm or company, the latest organization); "The leaders": the latest group of named members.
        if let i = headNounAntecedent(name) {
            entities[i].aliases.append(raw.trimmingCharacters(in: .whitespaces)); index(raw, i)
            return i
        }
        // "The Secretary", "the minister": the latest person with that title.
        if name.split(separator: " ").allSatisfy({ Lexicon.titles.contains($0.lowercased()) }),
           let p = entities.indices.last(where: { i in entities[i].kind == .person
               && (entities[i].roles + entities[i].aliases).contains { $0.lowercased().contains(name.lowercased()) } }) {
            entities[p].aliases.append(raw.trimmingCharacters(in: .whitespaces)); index(raw, p)
            return p
        }
        // A list "A, B, and C" or "A & B": a group of its members.
        let members = Self.listMembers(name)
        var kind = Self.kind(of: name, role: role)
        var memberIds: [String] = []
        if members.count > 1 {
            kind = .group
            memberIds = members.compactMap { m in resolve(m).map { entities[$0].id } }
            let set = Set(memberIds)
            if let same = entities.firstIndex(where: { $0.kind == .group && Set($0.members) == set && !set.isEmpty }) {
                if lookup(name) == nil { entities[same].aliases.append(name); index(name, same) }
                return same
            }
        }
        var (personName, personRole) = kind == .person ? Self.splitTitle(name) : (name, nil)
        if personName.isEmpty { personName = name; personRole = nil }
        // "Amara Diallo of Westmark": the person, and where they are from as a role.
        if kind == .person, let of = personName.range(of: " of "), personName[..<of.lowerBound].split(separator: " ").count >= 2 {
            let place = String(personName[of.lowerBound...]).trimmingCharacters(in: .whitespaces)
            personRole = [personRole, place].compactMap { $0 }.joined(separator: " ")
            personName = String(personName[..<of.lowerBound])
        }
        if kind == .person, let i = surnames[Self.surname(personName)], entities[i].kind == .person {
            if lookup(name) == nil { entities[i].aliases.append(name); index(name, i) }
            return i
        }
        let idBase = memberIds.count > 1 ? memberIds.prefix(3).joined(separator: "-")
            : (acronyms.first.map { Self.slug($0) } ?? Self.slug(kind == .person ? personName : name, words: kind == .person ? 3 : 4))
        var e = DraftEntity(id: claim(idBase), name: personName, kind: kind, members: memberIds)
        if personName != name { e.aliases.append(name) }
        e.aliases += acronyms
        if let r = personRole ?? role, !["mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"].contains(r.lowercased()) { e.roles.append(r) }
        if kind == .group, memberIds.isEmpty { e.comment = "a description, not a name: check who it means" }
        return add(e)
    }

    /// The entity a name already names, without adding one.
    public func resolveExisting(_ raw: String) -> Int? {
        let (name, acronyms) = Self.clean(raw)
        if let i = lookup(name) { return i }
        for a in acronyms { if let i = lookup(a) { return i } }
        return nil
    }

    @discardableResult
    private mutating func add(_ e: DraftEntity) -> Int {
        entities.append(e)
        let i = entities.count - 1
        for n in [e.id, e.name] + e.aliases { index(n, i) }
        if e.kind == .person { surnames[Self.surname(e.name)] = surnames[Self.surname(e.name)] ?? i }
        return i
    }

    private mutating func index(_ name: String, _ i: Int) {
        for k in Self.keys(name) where keys[k] == nil { keys[k] = i }
        if entities[i].kind == .person { let s = Self.surname(name); if surnames[s] == nil, !s.isEmpty { surnames[s] = i } }
    }

    private func lookup(_ name: String) -> Int? {
        for k in Self.keys(name) { if let i = keys[k] { return i } }
        // A bare surname ("Osundina", "Secretary Blinken") names a person seen before.
        let words = name.split(separator: " ")
        if words.count <= 2, let last = words.last, let i = surnames[String(last).lowercased()],
           words.count == 1 || Lexicon.titles.contains(words[0].lowercased()) { return i }
        return nil
    }

    /// The keys a name is found under: itself lower-cased without "the", and its body's other names.
    static func keys(_ name: String) -> [String] {
        var k = name.lowercased()
        if k.hasPrefix("the ") { k.removeFirst(4) }
        var out = [k]
        if let g = Lexicon.sameBody.first(where: { $0.contains(k) }) { out.append("=" + g[0]) }
        return out
    }

    /// The entity a one-word description ("authority", "leaders", "firm") most likely names, if any.
    func headNounAntecedent(_ name: String) -> Int? {
        let words = name.split(separator: " ")
        guard words.count == 1, let w = words.first, w.first?.isLowercase == true || Lexicon.organizationWords.contains(w.lowercased()) else { return nil }
        let word = w.lowercased()
        if Lexicon.groupNouns.contains(word), word.hasSuffix("s") {
            return entities.indices.last { entities[$0].kind == .group && entities[$0].members.count >= 2 }
                ?? entities.indices.last { entities[$0].kind == .group && entities[$0].name.lowercased().hasSuffix(word) }
        }
        let generic: Set<String> = ["firm", "company", "agency", "organisation", "organization", "group", "charity", "body", "institution"]
        guard Lexicon.organizationWords.contains(word) || generic.contains(word) else { return nil }
        if let i = entities.indices.last(where: { i in
            entities[i].kind != .person && entities[i].kind != .group
                && entities[i].name.lowercased().split(separator: " ").contains { $0 == word } }) { return i }
        if generic.contains(word) { return entities.indices.last { entities[$0].kind == .organization } }
        return nil
    }

    /// 3 for "three countries", 2 for "the two leaders" or "both sides"; nil for anything else.
    static func countedDescription(_ name: String) -> Int? {
        let w = name.lowercased().split(separator: " ").map(String.init).filter { $0 != "the" }
        guard w.count == 2, w[1].hasSuffix("s"), w[1].first?.isLetter == true else { return nil }
        return ["both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7][w[0]]
    }

    static func surname(_ name: String) -> String { name.split(separator: " ").last.map { $0.lowercased() } ?? "" }

    /// A name without "the", a possessive, a URL in brackets or a document noun; acronyms in brackets apart.
    static func clean(_ raw: String) -> (name: String, acronyms: [String]) {
        var s = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters.subtracting(CharacterSet(charactersIn: ".)&"))))
        var acronyms: [String] = []
        while let open = s.range(of: "("), let close = s.range(of: ")", range: open.upperBound..<s.endIndex) {
            let inner = String(s[open.upperBound..<close.lowerBound])
            if !inner.contains(" "), !inner.contains("www"), !inner.contains("."), inner.uppercased() == inner, !inner.isEmpty { acronyms.append(inner) }
            s.removeSubrange(open.lowerBound..<close.upperBound)
        }
        s = s.replacingOccurrences(of: "  ", with: " ").trimmingCharacters(in: .whitespaces)
        for p in ["'s", "\u{2019}s"] where s.hasSuffix(p) { s.removeLast(2) }
        var words = s.split(separator: " ").map(String.init)
        if let f = words.first, f.lowercased() == "the" { words.removeFirst() }
        // "The 2014 COI report" is the COI's; "the joint statement" is left to the caller.
        if let l = words.last, Lexicon.documentNouns.contains(l.lowercased()), words.count > 1 {
            words.removeLast()
            words.removeAll { Int($0) != nil }
            if words.first?.lowercased() == "joint" { words.removeFirst() }
        }
        return (words.joined(separator: " ").trimmingCharacters(in: .whitespaces), acronyms)
    }

    /// The parts of a list name: "South Korea, the United States, and Japan", "CPJ & RSF", "X and Y" (names only).
    static func listMembers(_ name: String) -> [String] {
        var parts = name.replacingOccurrences(of: " & ", with: ", ").replacingOccurrences(of: ", and ", with: ", ")
            .replacingOccurrences(of: ", or ", with: ", ").components(separatedBy: ", ")
        if parts.count == 1 { parts = name.components(separatedBy: " and ") }
        parts = parts.map { $0.trimmingCharacters(in: .whitespaces) }.map { $0.hasPrefix("and ") ? String($0.dropFirst(4)) : $0 }
        guard parts.count > 1 else { return [] }
        // Every part must read as a name: "the people of Sudan and the regional … community" is one description.
        let named = parts.allSatisfy { p in
            var w = p.split(separator: " ")
            if w.first?.lowercased() == "the" { w.removeFirst() }
            return w.first.map { $0.first?.isUppercase ?? false } ?? false
        }
        return named ? parts : []
    }

    /// A guessed kind: a country is a state; names of bodies, media, offices; plural descriptions are groups.
    static func kind(of name: String, role: String?) -> Entity.Kind {
        let lower = name.lowercased()
        let words = lower.split(separator: " ").map(String.init)
        if Countries.names.contains(lower) || Countries.names.contains(lower.replacingOccurrences(of: "the ", with: "")) { return .state }
        if listMembers(name).count > 1 { return .group }
        // "Steven J. Simmons of the Broadcasting Board of Governors": a person's name, then where they work.
        if let of = name.range(of: " of ") {
            let before = name[..<of.lowerBound].split(separator: " ")
            if (2...4).contains(before.count), before.allSatisfy({ $0.first?.isUppercase ?? false }),
               !before.contains(where: { Lexicon.organizationWords.contains($0.lowercased()) || Lexicon.mediaWords.contains($0.lowercased())
                   || Lexicon.titles.contains($0.lowercased()) }),
               !Countries.names.contains(before.joined(separator: " ").lowercased()) { return .person }
        }
        // A title before a name makes a person, whatever else the words say ("VOA Director Danforth W. Austin").
        let (person, title) = splitTitle(name)
        if title != nil, words.contains(where: Lexicon.titles.contains),
           person.split(separator: " ").allSatisfy({ ($0.first?.isUppercase ?? false) && !Lexicon.organizationWords.contains($0.lowercased()) }) {
            return .person
        }
        if words.contains(where: Lexicon.mediaWords.contains) || (name.count <= 5 && Lexicon.mediaWords.contains(lower)) { return .media }
        // "Government officials" is a group; "the United Nations" is a name.
        if let last = words.last, Lexicon.groupNouns.contains(last), name.split(separator: " ").last?.first?.isLowercase == true { return .group }
        if words.contains(where: Lexicon.officeWords.contains) { return .office }
        if words.contains(where: Lexicon.organizationWords.contains) { return .organization }
        if name.uppercased() == name || name.contains(".") && words.count == 1 { return .organization }
        let caps = name.split(separator: " ").filter { $0.first?.isUppercase ?? false }
        if words.contains(where: Lexicon.titles.contains) && caps.count >= 2 { return .person }
        if caps.count >= 2, caps.count == words.count, words.count <= 4 { return .person }
        if words.count == 1, caps.count == 1 { return role == nil ? .organization : .person }
        return .group
    }

    /// "VOA Director Danforth W. Austin" → ("Danforth W. Austin", "VOA Director"); "Secretary of State Antony J. Blinken" likewise.
    static func splitTitle(_ name: String) -> (String, String?) {
        let w = name.split(separator: " ").map(String.init)
        var last: Int?
        for (i, x) in w.enumerated() where Lexicon.titles.contains(x.lowercased()) { last = i }
        guard var i = last.map({ $0 + 1 }) else {
            if let of = w.firstIndex(of: "of"), of >= 2 { return (w[..<of].joined(separator: " "), w[of...].joined(separator: " ")) }
            return (name, nil)
        }
        if i + 1 < w.count, w[i] == "of" { i += 2 }
        guard i < w.count else { return (name, nil) }
        return (w[i...].joined(separator: " "), w[..<i].joined(separator: " "))
    }

    /// A readable id: lower-case words joined by hyphens, at most `words` of them.
    static func slug(_ name: String, words: Int = 4) -> String {
        let skip: Set<String> = ["the", "of", "and", "for", "in", "on", "a", "an", "to"]
        var parts: [String] = []
        // Marks left apart after composing (`İ` lower-cases to i + U+0307) are dropped: the id looked
        // like `istanbul-…` and was not what anyone types.
        // Only after a Latin letter: an Indic vowel sign or virama is part of its letter (कुमार).
        var lowered = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for u in name.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars {
            defer { previous = u }
            if u.properties.generalCategory == .nonspacingMark, let p = previous, p.isASCII, p.properties.isAlphabetic { continue }
            lowered.append(u)
        }
        for raw in String(lowered).replacingOccurrences(of: ".", with: "").replacingOccurrences(of: "'s ", with: " ").replacingOccurrences(of: "\u{2019}s ", with: " ").split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let p = String(raw)
            if skip.contains(p) && !parts.isEmpty { continue }
            if skip.contains(p) { continue }
            parts.append(p)
            if parts.count == words { break }
        }
        return parts.joined(separator: "-")
    }
}
