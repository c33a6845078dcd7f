import Foundation
import StatementModel

/// Proposes a statement model of a plain text: sentence by sentence, each cue of the ``CueTable``
/// becomes a statement whose speaker is found by ``SubjectFinder`` and named by ``EntityRegistry``.
public struct Drafter {
    /// Texts longer than this are refused: drafting is for one document a person will read.
    public static let maxScalars = 2_000_000
    /// At most this many statements are drafted.
    public static let maxStatements = 5_000

    var registry: EntityRegistry
    var statements: [DraftStatement] = []
    var idPrefix = "s"
    // Who spoke last, by kind, for pronouns and "the statement".
    var lastPerson: Int?
    var lastGroup: Int?
    var lastOther: Int?
    var mainSpeaker: Int?
    var issuer: Int?
    /// The previous sentence's subject, resolved (for "It appealed …", "They also ordered …").
    var previousSubject: Int?

    /// A drafter that reuses the entities of `model` (names and aliases) and keeps clear of its ids.
    public init(reusing model: Model? = nil) {
        registry = EntityRegistry(reusing: model)
        if model != nil { idPrefix = "d" }
    }

    /// The draft of `text`; `name` is the file's name (for the document id).
    public mutating func draft(_ text: DraftText, name: String) -> Draft {
        let sentences = SentenceSplitter.sentences(text)
        // The document's id first, so no entity takes it.
        let docId = registry.claim(Self.documentId(name: name, title: text.title))
        if let h = text.header, let i = registry.resolve(Self.issuerName(h.issuer)) { issuer = i }
        for s in sentences {
            if statements.count >= Self.maxStatements { break }
            let before = statements.count
            draftSentence(s, text)
            extendQuotation(after: s, sentences: sentences, firstNew: before)
            updateSubject(s, firstNew: before)
        }
        var date: (String, String)?
        if let h = text.header, let d = DraftDate.parse(h.date) { date = (d, h.date) }
        else if let found = Self.datelineDate(sentences.prefix(3)) { date = found }
        return Draft(text: text, documentId: docId, documentKind: Self.documentKind(text), date: date, issuer: issuer,
                     entities: registry.entities, statements: statements, sentences: sentences)
    }

    // MARK: one sentence

    mutating func draftSentence(_ s: Sentence, _ text: DraftText) {
        let cues = CueFinder.cues(in: s)
        var firstInSentence: Int?
        var floor = 0
        for (n, cue) in cues.enumerated() {
            let nextStart = n + 1 < cues.count ? cues[n + 1] : nil
            guard var st = statement(for: cue, in: s, floor: floor, next: nextStart, firstInSentence: firstInSentence) else { continue }
            st.id = registry.claim("\(idPrefix)\(statements.count + 1)")
            // A cue inside the content of an earlier statement of the sentence is reported by it.
            if let outer = statements.indices.last(where: { i in
                statements[i].contentRange.contains(s.tokens[cue.tokens.lowerBound].range.lowerBound) && i >= (firstInSentence ?? Int.max) }) {
                st.via = outer
            }
            statements.append(st)
            if firstInSentence == nil { firstInSentence = statements.count - 1 }
            note(speaker: st.speakers.first)
            floor = cue.tokens.upperBound
        }
    }

    mutating func statement(for cue: Cue, in s: Sentence, floor: Int, next: Cue?, firstInSentence: Int?) -> DraftStatement? {
        let ts = s.tokens
        var comments: [String] = []
        var confidence = 0.9
        var mention: Mention?
        var speakers: [Int] = []
        switch cue.shape {
        case .accordingTo:
            mention = SubjectFinder.phraseAfter(s, from: cue.tokens.upperBound, toComma: true)
        case .attributable, .inverted:
            mention = SubjectFinder.phraseAfter(s, from: cue.tokens.upperBound)
        case .agent:
            mention = SubjectFinder.phraseAfter(s, from: cue.tokens.upperBound + 1)
            confidence -= 0.1
        case .possessive:
            if let r = SubjectFinder.nounPhraseBefore(ts, end: cue.tokens.lowerBound, floor: 0) { mention = SubjectFinder.mention(s, r) }
        case .joining:
            if let j = CueFinder.joinBefore(ts, cue.tokens.lowerBound) {
                mention = SubjectFinder.leftSubject(s, cue: j, floor: floor)
                // "joins the Committee … and Reporters Without Borders, …, in calling for": they join in.
                var e = j + 1
                while e < ts.count, ts[e].text != ",", ts[e].lower != "in" { e += 1 }
                if e > j + 1 {
                    let joined = SubjectFinder.text(s, (j + 1)..<e)
                    for part in joined.replacingOccurrences(of: " and ", with: ", ").components(separatedBy: ", ") where !part.isEmpty {
                        if let i = registry.resolve(part) { speakers.append(i) }
                    }
                }
            }
        case .continued:
            if let f = firstInSentence, statements.count - 1 >= f {
                // "He underscored that … are speaking … and demanded …": a past tense joins the past tense before it.
                // "Ghana welcomes … the call, which demanded …, and supports …": the verb joins the
                // latest earlier verb of the same form (-s with -s, past with past), not a nested one.
                let form = Self.verbForm(ts[cue.tokens.lowerBound].lower)
                var from = statements.count - 1
                if form != "ing", let same = (f..<statements.count).last(where: {
                    Self.verbForm(statements[$0].cue.split(separator: " ").first.map { $0.lowercased() } ?? "") == form }) { from = same }
                let last = statements[from]
                speakers = last.speakers
                comments.append("speaker carried over from \"\(last.cue)\"")
                confidence -= 0.1
            } else {
                // "She offered … and said …": no report before it in the sentence, so the sentence's subject.
                mention = SubjectFinder.leadSubject(s) ?? SubjectFinder.leftSubject(s, cue: cue.tokens.lowerBound, floor: floor)
            }
        case .verb:
            mention = SubjectFinder.leftSubject(s, cue: cue.tokens.lowerBound, floor: floor)
            if mention == nil, cue.tokens.lowerBound > floor { return nil } // a subject that cannot speak
        }
        if let m = mention {
            guard let who = resolve(m, comments: &comments, confidence: &confidence) else { return nil }
            speakers.insert(who, at: 0)
        }
        if speakers.isEmpty {
            guard let last = statements.last?.speakers.first ?? previousSubject else { return nil }
            speakers = [last]
            comments.append("no subject in the sentence: speaker taken from the statement before")
            confidence -= 0.3
        }
        speakers = speakers.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        // The content: after the cue to the end of its clause, or the quotation an inverted or postposed cue follows.
        let cueStart = cue.tokens.lowerBound, cueEnd = cue.tokens.upperBound
        var contentTokens: Range<Int>
        let quoteEnd = cue.shape == .inverted ? cueStart : (mention?.tokens.lowerBound ?? cueStart)
        var splitQuote: Range<Int>?
        if let q = quotationBefore(ts, quoteEnd) {
            contentTokens = q
            // "“These are isolated incidents,” he said, “and the situation is calm.”": one quotation, split.
            let after = max(cueEnd, mention.map { $0.tokens.upperBound } ?? cueEnd)
            if after + 1 < ts.count, ts[after].text == ",", ts[after + 1].kind == .quote,
               let close = ((after + 2)..<ts.count).first(where: { ts[$0].kind == .quote }) {
                splitQuote = (after + 2)..<close
            }
        } else {
            var a = cueEnd
            if cue.shape == .accordingTo || cue.shape == .attributable || cue.shape == .agent, let m = mention { a = m.tokens.upperBound }
            // "told reporters in Lilongwe that …": an adjunct before "that" is not the content.
            if let that = (a..<min(ts.count, a + 7)).first(where: { ts[$0].lower == "that" }),
               ts[a..<that].allSatisfy({ $0.kind == .word }), a < ts.count, ["in", "at", "on", "during", "after", "from", "by", "via"].contains(ts[a].lower) {
                a = that
            }
            while a < ts.count, ts[a].kind != .word && ts[a].kind != .quote || ts[a].lower == "that" { a += 1 }
            var b = ts.count
            if let n = next, n.shape == .continued || n.tokens.lowerBound > a {
                if n.shape == .continued {
                    b = n.tokens.lowerBound
                    while b > a, ts[b - 1].kind == .word && (ts[b - 1].lower == "and" || Lexicon.auxiliaries.contains(ts[b - 1].lower)) || ts[b - 1].text == "," { b -= 1 }
                }
            }
            // "…, and it urged …": the next cue's own clause ends this content.
            if let n = next, n.shape != .continued, n.tokens.lowerBound > a {
                if let j = (a..<n.tokens.lowerBound).last(where: { ts[$0].text == "," && $0 + 1 < n.tokens.lowerBound
                        && ["and", "but"].contains(ts[$0 + 1].lower) }),
                   !(j..<n.tokens.lowerBound).contains(where: { ts[$0].lower == "that" }) { b = min(b, j) }
            }
            while b > a, [".", ",", ";", ":"].contains(ts[b - 1].text) { b -= 1 }
            // "…, according to the Department." : the content is the clause before.
            if cue.shape == .accordingTo, a >= ts.count || [".", "!", "?"].contains(ts[a].text), cueStart >= 2, ts[cueStart - 1].text == "," {
                var c0 = floor
                while c0 < cueStart - 1, ts[c0].kind != .word && ts[c0].kind != .quote { c0 += 1 }
                a = c0; b = cueStart - 1
            }
            if cue.shape == .accordingTo, a >= b { return nil }
            contentTokens = a..<max(a, b)
            // "Some importers have begun rerouting cargo, the firm said.": the content is before the speaker.
            if contentTokens.isEmpty, let m = mention, m.tokens.lowerBound >= 2, ts[m.tokens.lowerBound - 1].text == "," {
                var c0 = floor
                while c0 < m.tokens.lowerBound - 1, ts[c0].kind != .word && ts[c0].kind != .quote { c0 += 1 }
                contentTokens = c0..<(m.tokens.lowerBound - 1)
            }
        }
        if cue.shape == .attributable { contentTokens = cueEnd..<cueEnd }
        // "She offered Norland's full support and said …": a light verb's object is what it expresses.
        if contentTokens.isEmpty, cue.tokens.count > 1, cue.shape != .attributable {
            contentTokens = (cueStart + 1)..<cueEnd
        }
        let quoted = ts[contentTokens].filter { $0.kind == .word }
        let mode = cue.shape == .attributable ? "direct"
            : quoted.isEmpty ? "indirect" : quoted.allSatisfy(\.quoted) ? "direct" : quoted.contains(where: \.quoted) ? "mixed" : "indirect"
        var content = contentTokens.isEmpty ? (cue.shape == .attributable ? "the text that follows" : "") : SubjectFinder.text(s, contentTokens)
        if let sq = splitQuote, !sq.isEmpty { content += " " + SubjectFinder.text(s, sq) }
        if content.isEmpty { return nil }
        // The anchor: from the speaker's words (when in this sentence and near) through the content.
        var lo = min(cueStart, contentTokens.isEmpty ? cueStart : contentTokens.lowerBound)
        var hi = max(cueEnd, contentTokens.upperBound)
        if let m = mention, m.sentence == s.index { lo = min(lo, m.tokens.lowerBound); hi = max(hi, m.tokens.upperBound) }
        if let sq = splitQuote { hi = max(hi, sq.upperBound) }
        // Closing quotation marks and a full stop that end the content belong to it.
        while hi < ts.count, ts[hi].kind == .quote || ts[hi].text == "." && hi == ts.count - 1 { hi += 1 }
        if lo > 0, ts[lo - 1].kind == .quote, ts[lo].quoted { lo -= 1 }
        let anchor = ts[lo].range.lowerBound..<ts[hi - 1].range.upperBound
        let contentRange = contentTokens.isEmpty ? anchor.upperBound..<anchor.upperBound
            : ts[contentTokens.lowerBound].range.lowerBound..<ts[contentTokens.upperBound - 1].range.upperBound
        var addressees: [Int] = []
        if cue.directive, !s.isHeadline, let r = addresseeTokens(ts, from: cueEnd), let i = registry.resolve(SubjectFinder.text(s, r)) {
            addressees.append(i)
        }
        if s.isHeadline { confidence -= 0.1; comments.append("a headline or deck: check that it reports an act") }
        if registry.entities[speakers[0]].comment != nil {
            confidence -= 0.1
            comments.append("the speaker \"\(registry.entities[speakers[0]].name)\" is a description, not a name")
        }
        return DraftStatement(id: "", sentence: s.index, speakers: speakers, addressees: addressees, cue: SubjectFinder.text(s, cue.tokens),
                              cueRange: ts[cue.tokens.lowerBound].range.lowerBound..<ts[cue.tokens.upperBound - 1].range.upperBound,
                              force: cue.force, cameo: cue.cameo, content: content, mode: mode, anchor: anchor,
                              contentRange: contentRange, via: nil, confidence: max(0.1, min(1, confidence)), comments: comments)
    }

    /// The quotation that ends right before `k` with a comma inside or before its closing mark ("“…,” X said").
    func quotationBefore(_ ts: [Token], _ k: Int) -> Range<Int>? {
        guard k >= 2, ts[k - 1].kind == .quote, [",", "?", "!"].contains(ts[k - 2].text) else { return nil }
        var open = k - 2
        while open >= 0, !(ts[open].kind == .quote) { open -= 1 }
        guard open >= 0 else { return nil }
        return (open + 1)..<(k - 2)
    }

    /// "urged the DPRK to honor …": the words from the cue to "to", when they are a name or people.
    func addresseeTokens(_ ts: [Token], from: Int) -> Range<Int>? {
        var e = from
        while e < ts.count, e < from + 12, ts[e].kind == .word || ts[e].text == "(" || ts[e].text == ")" {
            if ts[e].lower == "to" { break }
            if ts[e].lower == "that" { return nil }
            e += 1
        }
        // "to" must open an infinitive: "urged X to honor", not "Demand … End to Human Rights Abuses".
        guard e + 1 < ts.count, ts[e].lower == "to", e > from, ts[e + 1].kind == .word, !ts[e + 1].isCapitalized,
              !Lexicon.determiners.contains(ts[e + 1].lower), ts[e + 1].text.first?.isNumber == false else { return nil }
        return from..<e
    }

    /// The form of a verb: "ed" (past, with the common irregular ones), "ing", "s" or "base".
    static func verbForm(_ w: String) -> String {
        if w.hasSuffix("ed") || ["said", "told", "found", "sought", "spoke", "made", "gave", "took"].contains(w) { return "ed" }
        if w.hasSuffix("ing") { return "ing" }
        if w.hasSuffix("s") && !w.hasSuffix("ss") { return "s" }
        return "base"
    }

    // MARK: speakers

    mutating func resolve(_ m: Mention, comments: inout [String], confidence: inout Double) -> Int? {
        let lower = m.text.lowercased()
        var words = lower.split(separator: " ").map(String.init)
        if words.first == "the" { words.removeFirst() }
        if words.first == "joint" { words.removeFirst() }
        let pronounOrDocument = words.count == 1 && (Lexicon.pronouns.contains(words[0]) || Lexicon.documentNouns.contains(words[0]))
        guard pronounOrDocument else { return registry.resolve(m.text, role: m.role, counted: true) }
        let w = words[0]
        let found: Int?
        // A speaker earlier in the same sentence comes first ("HRW called on …, and it urged …").
        let inSentence = statements.last(where: { $0.sentence == m.sentence })?.speakers.first
        func nonPerson(_ i: Int?) -> Int? { i.flatMap { registry.entities[$0].kind == .person ? nil : $0 } }
        func person(_ i: Int?) -> Int? { i.flatMap { registry.entities[$0].kind == .person ? $0 : nil } }
        switch w {
        case "he", "she", "i": found = person(inSentence) ?? person(previousSubject) ?? lastPerson ?? statements.last?.speakers.first
        case "we": found = issuer ?? mainSpeaker
        case "they": found = nonPerson(inSentence) ?? nonPerson(previousSubject) ?? lastGroup ?? statements.last?.speakers.first
        case "it": found = nonPerson(inSentence) ?? nonPerson(previousSubject) ?? lastOther ?? mainSpeaker
        default: found = lastGroup ?? mainSpeaker ?? issuer // "the statement", "the report"
        }
        guard let i = found else {
            // No antecedent: keep the statement, with a speaker a person must name.
            confidence -= 0.4
            if Lexicon.documentNouns.contains(w) {
                comments.append("\"\(m.text)\": the text does not say whose; name its author")
                return registry.resolve(m.text, role: nil)
            }
            comments.append("no antecedent for \"\(m.text)\": name the speaker")
            return registry.resolve("unnamed speaker (\(m.text))", role: nil)
        }
        comments.append("speaker \"\(m.text)\" read as \(registry.entities[i].name)")
        confidence -= 0.2
        return i
    }

    mutating func note(speaker: Int?) {
        guard let i = speaker else { return }
        if mainSpeaker == nil { mainSpeaker = i }
        switch registry.entities[i].kind {
        case .person: lastPerson = i
        case .group: lastGroup = i; lastOther = i
        default: lastOther = i
        }
    }

    /// Records the sentence's subject for pronouns in the next one.
    mutating func updateSubject(_ s: Sentence, firstNew: Int) {
        if statements.count > firstNew, let sp = statements[firstNew].speakers.first { previousSubject = sp; return }
        guard let m = SubjectFinder.leadSubject(s) else { return }
        let w = m.text.lowercased()
        if Lexicon.pronouns.contains(w) { return }
        var c: [String] = [], conf = 0.0
        if let i = resolveQuietly(m, comments: &c, confidence: &conf) { previousSubject = i }
    }

    /// Subjects of sentences with no cue are only remembered when they already name an entity or look like a name.
    mutating func resolveQuietly(_ m: Mention, comments: inout [String], confidence: inout Double) -> Int? {
        guard m.text.split(separator: " ").contains(where: { $0.first?.isUppercase ?? false }) else { return nil }
        return registry.resolveExisting(m.text) ?? resolve(m, comments: &comments, confidence: &confidence)
    }

    /// A quotation that runs on in the next sentence with no new cue ("“… camp,” said X. “So, now, …”") belongs to the statement.
    mutating func extendQuotation(after s: Sentence, sentences: [Sentence], firstNew: Int) {
        guard statements.count > firstNew, let last = statements.indices.last, statements[last].mode != "indirect" else { return }
        var k = s.index + 1
        while k < sentences.count, sentences[k].paragraph == s.paragraph, sentences[k].tokens.first(where: { $0.kind == .word })?.quoted == true,
              sentences[k].tokens.filter({ $0.kind == .word }).allSatisfy(\.quoted), CueFinder.cues(in: sentences[k]).isEmpty {
            statements[last].anchor = statements[last].anchor.lowerBound..<sentences[k].range.upperBound
            statements[last].content += " " + SubjectFinder.text(sentences[k], 0..<sentences[k].tokens.count)
            k += 1
        }
    }

    // MARK: the document

    /// A date the opening of a text states ("Washington, D.C., November 20, 2009 – …"): a month name,
    /// a day and a year, or a day, a month name and a year.
    static func datelineDate(_ sentences: ArraySlice<Sentence>) -> (String, String)? {
        for s in sentences {
            let ts = s.tokens
            for k in ts.indices where ts[k].kind == .word && DraftDate.months.contains(where: { $0 == ts[k].lower.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }) {
                // Month Day, Year
                if k + 3 < ts.count, Int(ts[k + 1].text) != nil, ts[k + 2].text == ",", ts[k + 3].text.count == 4,
                   let d = DraftDate.parse("\(ts[k].text) \(ts[k + 1].text), \(ts[k + 3].text)"), d.count == 10 {
                    return (d, SubjectFinder.text(s, k..<(k + 4)))
                }
                // Day Month Year
                if k >= 1, k + 1 < ts.count, Int(ts[k - 1].text) != nil, ts[k + 1].text.count == 4,
                   let d = DraftDate.parse("\(ts[k - 1].text) \(ts[k].text) \(ts[k + 1].text)"), d.count == 10 {
                    return (d, SubjectFinder.text(s, (k - 1)..<(k + 2)))
                }
            }
        }
        return nil
    }

    static func issuerName(_ raw: String) -> String {
        var s = raw
        for sep in [" (", ", ", "; "] { if let r = s.range(of: sep) { s = String(s[..<r.lowerBound]) } }
        return s
    }

    static func documentId(name: String, title: String) -> String {
        var stem = name
        while let f = stem.first, f.isNumber || f == "-" || f == "_" { stem.removeFirst() }
        // A file name of words ("voa-malawi-refugees") is a fine id; a hash or a number is not.
        let words = stem.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.count >= 3 && $0.allSatisfy(\.isLetter) }
        let s = EntityRegistry.slug(words.count >= 2 ? stem : title, words: 5)
        return s.isEmpty ? "document" : s
    }

    static func documentKind(_ text: DraftText) -> String {
        let t = (text.header.map { $0.title + " " + $0.issuer } ?? text.title).lowercased()
        if t.contains("joint statement") { return "joint-statement" }
        if t.contains("readout") { return "readout" }
        if t.contains("press release") { return "press-release" }
        if t.contains("statement") { return "press-statement" }
        return "news-report"
    }
}
