/// Finds the words that name a cue's speaker: the subject on the left of a verb (past adverbials,
/// datelines, appositions and relative pronouns), or the noun phrase after "according to", "by",
/// "attributable to" or an inverted "said".
public enum SubjectFinder {
    /// Abstract heads that cannot speak ("The U.N.'s role … highlights"): such a subject rejects its cue.
    static let nonAgents: Set<String> = ["role", "fact", "move", "decision", "situation", "issue", "problem", "step", "effort",
        "plan", "policy", "law", "rule", "case", "event", "incident", "crisis", "war", "conflict", "shooting", "attack", "call",
        "action", "appeal", "need", "idea", "number", "figure", "data", "result", "results", "news", "change", "cut", "rise"]

    /// The subject of the verb cue whose first token is `cue`, looking left no further than `floor`.
    public static func leftSubject(_ s: Sentence, cue: Int, floor: Int) -> Mention? {
        let ts = s.tokens
        // The clause begins after a semicolon, colon, dash, a quotation's closing mark, or a complementizer "that".
        var start = floor
        var b = cue - 1
        while b >= floor {
            let t = ts[b]
            if t.kind == .dash || t.text == ";" || t.text == ":" || (t.kind == .quote) || (t.kind == .word && t.lower == "that" && b < cue - 1) {
                start = b + 1; break
            }
            // A condition is no report ("… if the parties requested one"); other subordinators open a clause.
            if t.kind == .word, ["if", "unless", "whether"].contains(t.lower) { return nil }
            if t.kind == .word, ["because", "when", "while", "although", "though", "since", "after", "before", "once", "until", "as"].contains(t.lower),
               b < cue - 1, b > floor {
                start = b + 1; break
            }
            // ", and it urged …": a new clause with its own subject.
            if floor > 0, t.kind == .word, ["and", "but", "or"].contains(t.lower), b > floor, ts[b - 1].text == ",", b + 1 < cue {
                start = b + 1; break
            }
            b -= 1
        }
        // Past adverbs and auxiliaries before the verb.
        var end = cue
        while end > start, ts[end - 1].kind == .word,
              Lexicon.auxiliaries.contains(ts[end - 1].lower) || (ts[end - 1].lower.hasSuffix("ly") && !ts[end - 1].isCapitalized) { end -= 1 }
        // Opening adverbials: "However,", "In a significant diplomatic move,", "With nearly half …, the U.N. stressed".
        var guardCount = 0
        while start < end, guardCount < 8, ts[start].kind == .word, Lexicon.adverbialOpeners.contains(ts[start].lower),
              let comma = firstComma(ts, start..<end) {
            start = comma + 1; guardCount += 1
        }
        while start < end, ts[start].kind != .word, ts[start].text != "(" { start += 1 }
        guard start < end else { return nil }
        // A relative pronoun: "the 2014 … (COI) report, which detailed": the phrase before the comma
        // (past a few words of time or place: ", who on Thursday demanded").
        var rel = end - 1
        while rel > start, end - rel <= 4, ts[rel].kind == .word, !["which", "who"].contains(ts[rel].lower) { rel -= 1 }
        if rel > start, ["which", "who"].contains(ts[rel].lower), ts[rel - 1].text == "," { end = rel + 1 }
        if ["which", "who", "that"].contains(ts[end - 1].lower) {
            var e = end - 1
            if e > start, ts[e - 1].text == "," { e -= 1 }
            guard let np = nounPhraseBefore(ts, end: e, floor: floor) else { return nil }
            return mention(s, np)
        }
        var range = start..<end
        var role: String?
        // Appositions: "Titus Osundina, the U.N. …’s deputy …, told": the first part; a list "A, B, and C" stays whole.
        let parts = commaParts(ts, range)
        // "…, the firm said.": an attribution after its content names its speaker last.
        let endsSentence = cue + 1 >= ts.count || [".", "!", "?"].contains(ts[cue + 1].text)
        if parts.count > 1, endsSentence, let last = parts.last, last.count <= 8, isAgent(ts, last) {
            return mention(s, last)
        }
        if parts.count > 1 {
            let isList = parts.dropFirst().contains { ts[$0.lowerBound].kind == .word && ["and", "or", "&"].contains(ts[$0.lowerBound].lower) }
            if !isList {
                range = parts[0]
                role = text(s, parts[1])
                // "the Minister for Foreign Affairs, Kwame Asante,": the name is the second part.
                let first = ts[parts[0]].filter { $0.kind == .word }.map(\.lower).filter { !["the", "a"].contains($0) }
                let second = ts[parts[1]]
                if let f = first.first, Lexicon.titles.contains(f), second.count <= 4, second.allSatisfy({ $0.isNameLike || $0.text == "." }) {
                    range = parts[1]
                    role = text(s, parts[0])
                }
            }
        }
        if !isAgent(ts, range) { return nil }
        if range.count > 12, let np = nounPhraseBefore(ts, end: range.upperBound, floor: range.lowerBound) { range = np }
        var m = mention(s, range)
        m.role = role
        return m
    }

    /// The subject a sentence opens with, past its adverbials ("Last month, the World Food Program cut …").
    public static func leadSubject(_ s: Sentence) -> Mention? {
        let ts = s.tokens
        var start = 0
        var n = 0
        while start < ts.count, n < 8, ts[start].kind == .word, Lexicon.adverbialOpeners.contains(ts[start].lower),
              let comma = firstComma(ts, start..<ts.count) { start = comma + 1; n += 1 }
        var e = start
        while e < ts.count, ts[e].kind == .word {
            let t = ts[e]
            if t.isNameLike || ["of", "the", "and", "&"].contains(t.lower) || (e == start && Lexicon.determiners.contains(t.lower)) { e += 1; continue }
            if Lexicon.groupNouns.contains(t.lower) || Lexicon.documentNouns.contains(t.lower) || Lexicon.pronouns.contains(t.lower) { e += 1; break }
            break
        }
        while e > start, ["of", "the", "and", "&"].contains(ts[e - 1].lower) { e -= 1 }
        guard e > start else { return nil }
        return mention(s, start..<e)
    }

    /// The noun phrase that starts at `from` and runs to a comma, colon, full stop, quotation mark or dash.
    public static func phraseAfter(_ s: Sentence, from: Int, toComma: Bool = false) -> Mention? {
        let ts = s.tokens
        var e = from
        // "According to shipping analysts at Meridian Freight, …": everything up to the comma.
        if toComma, let comma = (from..<min(ts.count, from + 14)).first(where: { ts[$0].text == "," }), comma > from {
            return mention(s, from..<comma)
        }
        var depth = 0
        while e < ts.count {
            let t = ts[e]
            if t.text == "(" { depth += 1 } else if t.text == ")" { depth -= 1 }
            if depth <= 0, t.kind != .word, t.text != "(" && t.text != ")" && t.text != "&" { break }
            if depth <= 0, t.kind == .word, e > from, !t.isNameLike, !["of", "the", "and", "for", "de", "al"].contains(t.lower),
               !Lexicon.titles.contains(t.lower), !Lexicon.organizationWords.contains(t.lower) { break }
            e += 1
        }
        guard e > from else { return nil }
        var m = mention(s, from..<e)
        if e + 1 < ts.count, ts[e].text == ",", let r = rolePhrase(s, from: e + 1) { m.role = r }
        return m
    }

    /// Words after a comma up to the next comma, colon or full stop: an apposition ("Principal Deputy Spokesperson").
    static func rolePhrase(_ s: Sentence, from: Int) -> String? {
        let ts = s.tokens
        var e = from
        while e < ts.count, ts[e].kind == .word || ts[e].text == "'" { e += 1 }
        guard e > from, e - from <= 10, ts[from].isCapitalized || ["a", "an", "the"].contains(ts[from].lower) else { return nil }
        return text(s, from..<e)
    }

    /// A noun phrase ending at `end`: names, "of", "the", brackets, and one lower-case head ("the 2014 COI report").
    static func nounPhraseBefore(_ ts: [Token], end: Int, floor: Int) -> Range<Int>? {
        var b = end - 1
        guard b >= floor else { return nil }
        var sawHead = false
        while b >= floor {
            let t = ts[b]
            if t.text == ")" || t.text == "(" { b -= 1; continue }
            if t.kind != .word { break }
            if t.isNameLike || t.lower.hasSuffix("'s") { b -= 1; sawHead = true; continue }
            if !sawHead { b -= 1; sawHead = true; continue }
            if ["the", "of", "a", "an"].contains(t.lower) { b -= 1; continue }
            break
        }
        var start = b + 1
        while start < end, ts[start].kind == .word, ts[start].lower == "of" || ts[start].text == ")" { start += 1 }
        return start < end ? start..<end : nil
    }

    static func firstComma(_ ts: [Token], _ r: Range<Int>) -> Int? {
        var depth = 0
        for k in r {
            if ts[k].text == "(" { depth += 1 } else if ts[k].text == ")" { depth -= 1 }
            if depth == 0, ts[k].text == "," { return k }
        }
        return nil
    }

    static func commaParts(_ ts: [Token], _ r: Range<Int>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var depth = 0, start = r.lowerBound
        for k in r {
            if ts[k].text == "(" { depth += 1 } else if ts[k].text == ")" { depth -= 1 }
            if depth == 0, ts[k].text == "," { if start < k { parts.append(start..<k) }; start = k + 1 }
        }
        if start < r.upperBound { parts.append(start..<r.upperBound) }
        return parts
    }

    /// Whether the phrase's head can speak: a name, a pronoun, or a noun of people, bodies or documents.
    static func isAgent(_ ts: [Token], _ r: Range<Int>) -> Bool {
        var head: Token?
        for k in r {
            let t = ts[k]
            if t.kind != .word { continue }
            if Lexicon.prepositions.contains(t.lower) || t.lower == "in" || t.lower == "to" || t.lower == "at" { break }
            head = t
        }
        guard let h = head else { return false }
        if h.isNameLike || Lexicon.pronouns.contains(h.lower) || Lexicon.documentNouns.contains(h.lower) || Lexicon.groupNouns.contains(h.lower)
            || Lexicon.titles.contains(h.lower) || Lexicon.organizationWords.contains(h.lower) { return true }
        return !nonAgents.contains(h.lower) && !h.lower.hasSuffix("tion") && !h.lower.hasSuffix("ment") && !h.lower.hasSuffix("ness")
    }

    static func mention(_ s: Sentence, _ r: Range<Int>) -> Mention {
        Mention(sentence: s.index, tokens: r, text: text(s, r), role: nil)
    }

    /// The sentence's words in `r` as printed (one space where the text has a line break).
    static func text(_ s: Sentence, _ r: Range<Int>) -> String {
        var out = ""
        var last: Token?
        for k in r {
            let t = s.tokens[k]
            if let l = last, l.range.upperBound < t.range.lowerBound { out += " " }
            out += t.text
            last = t
        }
        return out
    }
}
