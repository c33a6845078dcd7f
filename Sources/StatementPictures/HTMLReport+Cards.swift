import StatementModel

extension HTMLReport {
    /// The hidden cards the highlights show: one per statement, one per framing, and one each
    /// for narration and residue.
    func cards(_ colours: SpeakerColours) -> String {
        var out = ""
        for (i, s) in model.statements.enumerated() {
            out += "<div class=\"card\" id=\"card-\(i)\" hidden>" + statementCard(i, colour: colours.index(of: i)) + "</div>\n"
            for (k, f) in s.framings.enumerated() {
                let by = f.by.map { model.entities[$0].name } ?? "the reporter"
                out += "<div class=\"card\" id=\"card-\(i)-framing-\(k)\" hidden><div class=\"head\">framing of \(e(s.id))</div>"
                out += "<p>\(e(by)) frames \(e(s.id)) as <b>\(e(f.act.force))</b> “\(e(f.act.cue))”: the words are the framer's, not \(e(names(s.speakers)))'s.</p>"
                out += "<dl><dt>statement</dt><dd>\(e(s.content))</dd></dl></div>\n"
            }
        }
        out += "<div class=\"card\" id=\"card-narrative\" hidden><div class=\"head\">narration</div><p>The reporter's own voice: told, not attributed to a speaker.</p></div>\n"
        out += "<div class=\"card\" id=\"card-residue\" hidden><div class=\"head\">residue</div><p>Text that is not part of the report (page furniture, captions, links).</p></div>\n"
        return out
    }

    func statementCard(_ i: Int, colour: Int) -> String {
        let s = model.statements[i]
        var out = "<div class=\"head\"><span class=\"swatch c\(colour)\"></span>\(e(s.id)) · \(e(s.act.force)) “\(e(s.act.cue))”"
        if let c = s.act.cameo { out += " <span class=\"muted\">CAMEO \(e(c))</span>" }
        out += "</div><dl>"
        func row(_ term: String, _ value: String) { if !value.isEmpty { out += "<dt>\(term)</dt><dd>\(value)</dd>" } }
        row("speaker" + (s.speakers.count == 1 ? "" : "s"), e(names(s.speakers)))
        row("on behalf of", e(names(s.onBehalfOf)))
        row("addressed to", e(names(s.addressees)))
        row("about", e(names(s.targets.filter { !s.addressees.contains($0) })))
        row("content", e(s.content))
        if let d = s.date { row("date", e(d.value.description) + " <span class=\"muted\">(\(d.basis.rawValue))</span>") }
        row("reported", e(chain(i)))
        row("framed", e(s.framings.map { f in "as \(f.act.force) “\(f.act.cue)” by " + (f.by.map { model.entities[$0].name } ?? "the reporter") }.joined(separator: "; ")))
        row("cites", e(s.cites.map { model.documents[$0].id + " — " + model.documents[$0].title }.joined(separator: "; ")))
        row("part of", e(s.document.map { model.documents[$0].id + " — " + model.documents[$0].title } ?? ""))
        row("relations", relations(i))
        row("note", e(s.note ?? ""))
        return out + "</dl>"
    }

    /// `mixed via r1 (Yonhap News Agency, report "According to") ← indirect by the article's reporter in article`,
    /// hop by hop in a loop, at most ``GraphBuilder/maxHops`` hops.
    func chain(_ i: Int) -> String {
        var parts: [String] = []
        var current = i
        var seen: Set<Int> = [i]
        while let r = model.statements[current].reported, parts.count < GraphBuilder.maxHops {
            var hop = r.mode.rawValue
            if let v = r.via {
                let via = model.statements[v]
                hop += " via \(via.id) (\(names(via.speakers)), \(via.act.force) “\(via.act.cue)”)"
            }
            if let by = r.by, r.via == nil { hop += " by " + model.entities[by].name }
            if let d = r.document { hop += " in " + model.documents[d].id }
            parts.append(hop)
            guard let v = r.via, seen.insert(v).inserted else { break }
            current = v
        }
        return parts.joined(separator: " ← ")
    }

    /// The statement's relations, each with the other end's words.
    func relations(_ i: Int) -> String {
        (model.relationsByRecord[.statement(i)] ?? []).sorted().map { k in
            let r = model.relations[k]
            let outgoing = r.from == .statement(i)
            let other = outgoing ? r.to : r.from
            let words: String
            switch other {
            case .statement(let o): words = "\(model.statements[o].id): \(model.statements[o].content)"
            case .document(let d): words = "\(model.documents[d].id): \(model.documents[d].title)"
            case .entity(let x): words = model.entities[x].name
            case .relation(let x): words = model.relations[x].id
            }
            return e((outgoing ? "\(r.type) → " : "← \(r.type) ") + words)
        }.joined(separator: "<br>")
    }
}
