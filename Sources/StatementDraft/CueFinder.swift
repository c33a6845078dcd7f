/// Finds the reporting events of a sentence: verbs of the ``CueTable`` used as verbs (not nouns,
/// infinitives or words inside a quotation), and the fixed phrases "according to", "attributable to",
/// "X join in calling for" and a possessor's reporting noun.
public enum CueFinder {
    /// Words that may carry a told-object ("told reporters", "told a press conference").
    static let audiences: Set<String> = ["reporters", "journalists", "lawmakers", "parliament", "congress", "conference", "briefing",
        "audience", "meeting", "interview", "committee", "hearing", "session", "gathering", "crowd", "summit", "radio", "television",
        "newspaper", "agency", "council", "assembly", "students", "supporters", "delegates", "forum", "correspondents"]

    /// The cues of one sentence, in order.
    public static func cues(in sentence: Sentence) -> [Cue] {
        let ts = sentence.tokens
        var out: [Cue] = []
        var k = 0
        while k < ts.count {
            // "We commend … and urge …": a present tense after "and" counts when the sentence has reported already.
            if !out.isEmpty, k > 0, ts[k - 1].kind == .word, ts[k - 1].lower == "and", let e = CueTable.entry(for: ts[k].lower),
               !ts[k].quoted, !e.needsParticle || CueFinder.particlesEnd(e, ts, from: k + 1) > k + 1 {
                let end = max(particlesEnd(e, ts, from: k + 1), k + 1)
                out.append(Cue(sentence: sentence.index, tokens: k..<end, force: e.force, cameo: e.cameo, directive: e.directive, shape: .continued))
                k = end
                continue
            }
            if let cue = cue(at: k, in: sentence) {
                out.append(cue)
                k = cue.tokens.upperBound
            } else {
                k += 1
            }
        }
        return out
    }

    static func word(_ ts: [Token], _ k: Int) -> String? { k >= 0 && k < ts.count && ts[k].kind == .word ? ts[k].lower : nil }

    /// The cue that starts at token `k`, if one does.
    static func cue(at k: Int, in s: Sentence) -> Cue? {
        let ts = s.tokens
        let t = ts[k]
        guard t.kind == .word, !t.quoted else { return nil }
        let w = t.lower
        func make(_ end: Int, _ force: String, _ cameo: String, _ shape: Cue.Shape, directive: Bool = false) -> Cue {
            Cue(sentence: s.index, tokens: k..<end, force: force, cameo: cameo, directive: directive, shape: shape)
        }
        if w == "according", word(ts, k + 1) == "to" { return make(k + 2, "report", "010", .accordingTo) }
        if w == "attributable", word(ts, k + 1) == "to" { return make(k + 2, "assert", "010", .attributable) }
        if let n = CueTable.nominal[w], k > 0, ts[k - 1].kind == .word, ts[k - 1].lower.hasSuffix("'s"), ts[k - 1].lower.count > 2 {
            return make(k + 1, n.force, n.cameo, .possessive)
        }
        guard let entry = CueTable.entry(for: w) else { return nil }
        // A capitalised word inside a sentence is part of a name ("the United States"), except in a headline.
        if t.isCapitalized, k > 0, !s.isHeadline, !(ts[k - 1].kind == .quote || ts[k - 1].kind == .dash) { return nil }
        let prev = word(ts, k - 1)
        let prevToken = k > 0 ? ts[k - 1] : nil
        // An infinitive ("met to discuss") is no report of its own; "join in calling for" is, below.
        if prev == "to" { return nil }
        if let p = prev, Lexicon.determiners.contains(p) || (Lexicon.prepositions.contains(p) && !w.hasSuffix("ing")) { return nil }
        if let p = prev, p.hasSuffix("'s"), !p.hasPrefix("it") { return nil } // "the COI report's call": a noun
        let base = w == entry.lemma || w == entry.lemma + "s" || w == entry.lemma + "es" || (entry.lemma.hasSuffix("y") && w.hasSuffix("ies"))
        if base && !sentence(s, isHeadlineAt: k) {
            // A present-tense form needs a subject-like word before it: a name, a pronoun, a plural noun or an adverb.
            guard let pt = prevToken, pt.kind == .word || pt.text == ")",
                  pt.isNameLike || pt.text == ")" || Lexicon.pronouns.contains(pt.lower) || pt.lower.hasSuffix("ly") || Lexicon.auxiliaries.contains(pt.lower)
                    || (pt.lower.hasSuffix("s") && !pt.lower.hasSuffix("ss")) || pt.lower == "statement" || pt.lower == "report"
            else { return nil }
            if word(ts, k + 1) == "of" { return nil }
            // "a U.N. appeal": a name used as an adjective before a noun.
            if k >= 2, let pp = word(ts, k - 2), pp == "a" || pp == "an" { return nil }
            // "the … (COI) report, which detailed": a noun with a relative clause.
            if k + 2 < ts.count, ts[k + 1].text == ",", let r = word(ts, k + 2), r == "which" || r == "who" { return nil }
        }
        // A participle right after a noun modifies it ("policies encouraging greater integration"); one that
        // reports follows a comma, "and", "in", a form of "be", an adverb or a quotation.
        if w.hasSuffix("ing"), let pt = prevToken, pt.kind == .word, !pt.isNameLike || pt.isCapitalized && k == 1,
           !(["and", "or", "but", "in", "by", "while", "after", "before", "also", "then"].contains(pt.lower) || Lexicon.be.contains(pt.lower)
             || Lexicon.auxiliaries.contains(pt.lower) || pt.lower.hasSuffix("ly")) {
            return nil
        }
        // After a form of "be": a passive with its agent ("as recommended by X") reports; "was perceived" does not.
        var end = k + 1
        end = particlesEnd(entry, ts, from: end)
        if entry.needsParticle && end == k + 1 && entry.lemma != "tell" { return nil }
        if entry.lemma == "tell" {
            guard let e = toldObjectEnd(ts, from: k + 1) else { return nil }
            end = e
        }
        if !entry.objects.isEmpty {
            guard let e = lightVerbObjectEnd(entry, ts, from: k + 1) else { return nil }
            end = e
        }
        if word(ts, end) == "by", let p = prev, Lexicon.be.contains(p) || p == "as" {
            return make(end, entry.force, entry.cameo, .agent)
        }
        if let p = prev, Lexicon.be.contains(p), !w.hasSuffix("ing") { return nil }
        // "armed groups linked to al-Qaeda", "cases documented in the report": a participle after a noun describes it.
        // "abuses committed by armed groups": any past participle after a noun and before "by" describes it.
        if w.hasSuffix("ed"), end == k + 1, let pt = prevToken, pt.kind == .word, !pt.isNameLike, !Lexicon.pronouns.contains(pt.lower),
           let n = word(ts, end),
           n == "by" || (["link", "document", "detail", "base", "report"].contains(entry.lemma)
                         && ["to", "with", "in", "for", "from", "at", "on", "as"].contains(n)) { return nil }
        if prev == "as" { return nil }
        if entry.needsReportingFollower {
            let f = end < ts.count ? ts[end] : nil
            let ok = f == nil || f!.lower == "that" || f!.kind == .quote || [",", ":", ".", ";"].contains(f!.text)
            if !ok { return nil }
        }
        // Inverted after a quotation: “…,” said X.
        if k >= 2, !w.hasSuffix("ing"), ts[k - 1].kind == .quote, ts[k - 2].text == "," || ts[k - 2].text == "?" || ts[k - 2].text == "!",
           end < ts.count, ts[end].kind == .word, ts[end].isNameLike || Lexicon.determiners.contains(ts[end].lower) {
            return make(end, entry.force, entry.cameo, .inverted)
        }
        if w.hasSuffix("ing"), prev == "in", joinBefore(ts, k) != nil {
            return make(end, entry.force, entry.cameo, .joining, directive: entry.directive)
        }
        // The word before the verb, past adverbs and auxiliaries: "and (also) urged" continues the subject before.
        var j = k - 1
        while j >= 0, ts[j].kind == .word, Lexicon.auxiliaries.contains(ts[j].lower) || (ts[j].lower.hasSuffix("ly") && !ts[j].isCapitalized) { j -= 1 }
        let joiner = word(ts, j)
        let continued = (w.hasSuffix("ing") && !(prev.map(Lexicon.be.contains) ?? false)) || joiner == "and" || joiner == "or" || joiner == "but"
        return make(end, entry.force, entry.cameo, continued ? .continued : .verb, directive: entry.directive)
    }

    /// In a headline every word is capitalised, so the present tense needs no check ("Malawi Seeks Donations").
    static func sentence(_ s: Sentence, isHeadlineAt k: Int) -> Bool { s.isHeadline }

    /// Where the longest particle of the entry that follows `from` ends (or `from`).
    static func particlesEnd(_ entry: CueEntry, _ ts: [Token], from: Int) -> Int {
        for p in entry.particles {
            guard from + p.count <= ts.count else { continue }
            if (0..<p.count).allSatisfy({ ts[from + $0].kind == .word && ts[from + $0].lower == p[$0] }) { return from + p.count }
        }
        return from
    }

    /// "told VOA", "told a press conference", "told reporters", "told him": where the object ends.
    static func toldObjectEnd(_ ts: [Token], from: Int) -> Int? {
        guard from < ts.count, ts[from].kind == .word else { return nil }
        let first = ts[from]
        if ["him", "her", "them", "us", "me"].contains(first.lower) { return from + 1 }
        if audiences.contains(first.lower) { return from + 1 }
        if first.isNameLike {
            var e = from
            while e < ts.count, ts[e].kind == .word, ts[e].isNameLike, !Lexicon.be.contains(ts[e].lower),
                  !["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(ts[e].lower) { e += 1 }
            return e
        }
        if Lexicon.determiners.contains(first.lower) {
            var e = from + 1
            while e < ts.count, e <= from + 4, ts[e].kind == .word {
                if audiences.contains(ts[e].lower) { return e + 1 }
                e += 1
            }
        }
        return nil
    }

    /// "expressed grave U.S. concern about": the light verb's object and a following preposition.
    static func lightVerbObjectEnd(_ entry: CueEntry, _ ts: [Token], from: Int) -> Int? {
        var e = from
        while e < ts.count, e <= from + 4, ts[e].kind == .word {
            if entry.objects.contains(ts[e].lower) {
                if let n = word(ts, e + 1), ["about", "for", "over", "at", "on", "in", "with", "to", "of"].contains(n) { return e + 2 }
                return e + 1
            }
            e += 1
        }
        return nil
    }

    /// The index of "join"/"joins"/"joined" before an "in …ing" cue, if the clause has one.
    static func joinBefore(_ ts: [Token], _ k: Int) -> Int? {
        var j = k - 1
        while j >= 0, j >= k - 30 {
            if ts[j].kind == .word, ["join", "joins", "joined", "joining"].contains(ts[j].lower) { return j }
            if ts[j].kind == .quote || ts[j].text == ";" { return nil }
            j -= 1
        }
        return nil
    }
}
