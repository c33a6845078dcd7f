import Foundation
import StatementModel

extension Commands {
    static let inspection: [CommandSpec] = [
        CommandSpec(name: "find", synopsis: "find TEXT", summary: "search source texts and contents, with the statements anchored at each hit",
                    help: "Case-insensitive search of every source text and every statement's content. Each hit gives the document, line and column, the words around it, and the statements whose anchors cover it. It stops with an error past 1,000,000 hits.",
                    examples: [Example("a phrase in the source", "find \"crimes against humanity\"", """
                    in      │ document │ line │ column │ excerpt                                            │ statements
                    ────────┼──────────┼──────┼────────┼────────────────────────────────────────────────────┼───────────
                    text    │ article  │ 7    │ 102    │ …th Korea could be considered "crimes against      │ f2
                            │          │      │        │ humanity," emphasi…                                │
                    content │ article  │      │        │ The human rights violations in North Korea could   │ f2
                            │          │      │        │ be considered crimes against humanity.             │
                    (2 rows)
                    """)],
                    role: .source, shape: .words(min: 1, max: 1), run: findCommand),
        CommandSpec(name: "show", synopsis: "show ID  |  … | show", summary: "one record in full: every field, anchors, relations",
                    help: "Shows a statement, entity, document or relation by id (an entity also by name or alias; a name several entities have is ambiguous, and they are listed). After a pipe, shows each record of the rows.",
                    examples: [Example("an entity by alias", "show DPRK", """
                    id          = prk
                    kind        = state
                    name        = North Korea
                    aliases     = DPRK, Democratic People's Republic of Korea, the regime, the state, the country, the nation
                    codes       = cameo: PRK, iso3166: PRK
                    roles       = 
                    members     = 
                    affiliation = 
                    statements  = 0
                    status      = 
                    note        = 
                    addressed   = s1, m1, c2, c1
                    targeted    = f1, s1, f2, f3, s4, s5, s6, s7, m1, c2, m2, c1
                    """)],
                    role: .sourceOrStage, shape: .words(min: 0, max: 1), completion: .ids, run: showCommand),
        CommandSpec(name: "quote", synopsis: "quote ID  |  … | quote", summary: "the source passage with the anchored words marked, and their line:col",
                    help: "For each anchor of a statement (and its framings): where it is, its status, and the passage with the anchored words between « and » (highlighted on a colour terminal). After a pipe, quotes each statement of the rows (rows of `find` quote the statements at each hit). The passage is the anchor's lines, cut to 400 bytes on each side of the anchor (and a longer anchor to its first and last 400), with … where text is left out.",
                    examples: [Example("the words of m4", "quote m4", """
                    m4 · article:11:354 · FOUND
                      Matthew Miller, spokesperson for the U.S. State Department, separately reinforced the call for
                      North Korea to undertake reforms as recommended by the COI report. Miller emphasized the U.S.
                      government's commitment to addressing human rights abuses and violations in North Korea,
                      advocating for global action to tackle the dire human rights situation and «urging member states
                      to uphold the principle of non-refoulement.»
                    """)],
                    role: .sourceOrStage, shape: .words(min: 0, max: 1), completion: .ids, run: quoteCommand),
        CommandSpec(name: "trace", synopsis: "trace ID  |  … | trace", summary: "the reporting chain and cited works, down to the words in the source",
                    help: "Follows who reported the statement, through whom, in which document, and what it cites, as a tree. After a pipe, traces each statement of the rows.",
                    examples: [Example("a finding reached through three hands", "trace f1", """
                    f1 · find "detailed" · U.N. Commission of Inquiry
                    │ North Korea committed systematic, widespread and gross human rights violations.
                    ├─ work: coi-2014 — Report of the UN Commission of Inquiry on human rights in the DPRK (report, 2014)
                    ├─ reported (mixed) via r1 · report "According to" · Yonhap News Agency
                    │  ├─ work: yonhap-report — Yonhap News Agency report on the joint statement (news-report)
                    │  └─ reported (indirect) by the article's reporter in article
                    └─ words: article:5:132 "which detailed "systematic, widespread and gross" human rights violations by North Korea."
                    """)],
                    role: .sourceOrStage, shape: .words(min: 0, max: 1), completion: .ids, run: traceCommand),
    ]

    @Sendable static func findCommand(_ inv: Invocation) throws -> Output {
        let m = inv.session.model
        let needle = inv.words[0].text
        guard !needle.isEmpty else { throw fail("expected text to find, found an empty string", inv.words[0].span, hint: "e.g. find \"human rights\"") }
        let lowerNeedle = CaseFold.folded(needle).bytes
        // Every place in the texts first; then one walk over the statements' anchors finds the
        // statements covering each (a walk per place took hours on a million statements).
        var places: [Place] = []
        for (d, doc) in m.documents.enumerated() {
            guard let text = doc.text else { continue }
            // Folded, with each place mapped back to the text's bytes (folding may change lengths: İ, ß, ﬁ).
            let folded = text.isASCII ? CaseFold.Folded(bytes: text.utf8.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }) : CaseFold.folded(text.string)
            for start in AnchorResolver.occurrences(of: lowerNeedle, in: folded.bytes) {
                if places.count & 1023 == 0 { try inv.evaluator.checkCancelled(inv.span) }
                try checkHitCount(places.count, inv)
                let r = folded.original(start..<(start + lowerNeedle.count))
                places.append(Place(document: d, start: r.lowerBound, end: r.upperBound))
            }
        }
        let covering = try coveringStatements(places, inv)
        var rows: [Value] = []
        for (k, place) in places.enumerated() {
            if k & 1023 == 0 { try inv.evaluator.checkCancelled(inv.span) }
            guard let text = m.documents[place.document].text else { continue }
            let start = place.start, end = place.end
            let lc = text.lineColumn(ofByte: start)
            let from = text.scalarStart(atOrAfter: start - 30), to = text.scalarStart(atOrAfter: end + 10)
            let excerpt = (from > 0 ? "…" : "") + text.slice(from, to).replacingNewlines() + (to < text.utf8.count ? "…" : "")
            rows.append(.record(Record([("in", .string("text")), ("document", .document(place.document)), ("line", .number(Double(lc.line))),
                                        ("column", .number(Double(lc.column))), ("excerpt", .string(excerpt)),
                                        ("statements", .list(covering[k].map(Value.statement)))])))
        }
        for i in try contentMatches(needle, m, inv) {
            let s = m.statements[i]
            rows.append(.record(Record([("in", .string("content")), ("document", s.anchors.first?.document.map(Value.document) ?? .null),
                                        ("line", .null), ("column", .null), ("excerpt", .string(s.content)), ("statements", .list([.statement(i)]))])))
        }
        return .value(.table(Table(kind: "hits", columns: ["in", "document", "line", "column", "excerpt", "statements"], rows: rows)))
    }

    /// The most hits `find` lists: each is a row of about 600 bytes, and `find "a"` in a 20 MB text
    /// asked for 20 million of them (6.7 GB, then an abort).
    static let maxHits = 1_000_000

    static func checkHitCount(_ count: Int, _ inv: Invocation) throws {
        guard count >= maxHits else { return }
        throw fail("find stops at 1,000,000 hits: \(Display.quoted(.string(inv.words[0].text), inv.session.model)) occurs more often", inv.words[0].span,
                   hint: "search for a longer or rarer phrase")
    }

    /// Where `find` found its text: a document and a byte range in it.
    struct Place {
        let document: Int, start: Int, end: Int
    }

    /// For each place (in document order, by start within a document), the statements with an
    /// anchor (their own or a framing's) overlapping it.
    static func coveringStatements(_ places: [Place], _ inv: Invocation) throws -> [[Int]] {
        var covering = [[Int]](repeating: [], count: places.count)
        guard !places.isEmpty else { return covering }
        // Each document's places, and the longest of them (lengths differ only where lower-casing
        // changed the text's length).
        var byDocument: [Int: (places: Range<Int>, longest: Int)] = [:]
        var k = 0
        while k < places.count {
            var e = k + 1, longest = places[k].end - places[k].start
            while e < places.count && places[e].document == places[k].document {
                longest = max(longest, places[e].end - places[e].start)
                e += 1
            }
            byDocument[places[k].document] = (k..<e, longest)
            k = e
        }
        // The anchors' places straight from a restored model's rows: nothing is decoded.
        var visited = 0
        try inv.session.model.statements.forEachAnchorPlace { i, d, r in
            visited += 1
            if visited & 4095 == 0 { try inv.evaluator.checkCancelled(inv.span) }
            guard let entry = byDocument[d] else { return }
            let range = entry.places, longest = entry.longest
            // Only places starting after r.lowerBound - longest and before r.upperBound can overlap it.
            var lo = range.lowerBound, hi = range.upperBound
            while lo < hi {
                let mid = (lo + hi) / 2
                if places[mid].start + longest <= r.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            while lo < range.upperBound && places[lo].start < r.upperBound {
                if places[lo].end > r.lowerBound && covering[lo].last != i { covering[lo].append(i) }
                lo += 1
            }
        }
        return covering
    }

    /// The statements whose content holds `needle`, ignoring case: an ASCII needle through the
    /// model's folded content column (as `where content ~` does), any other one statement by statement.
    static func contentMatches(_ needle: String, _ m: Model, _ inv: Invocation) throws -> [Int] {
        let lowered = CaseFold.fold(needle)
        let bytes = Array(lowered.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }), m.contentStarts.count == m.statements.count + 1 {
            return StatementPredicate.contentHits(bytes, m) { StatementPredicate.asciiContains(m.statements[$0].content, bytes) }
        }
        var out: [Int] = []
        for i in m.statements.indices {
            if i & 4095 == 0 { try inv.evaluator.checkCancelled(inv.span) }
            if CaseFold.fold(m.statements[i].content).contains(lowered) { out.append(i) }
        }
        return out
    }

    @Sendable static func showCommand(_ inv: Invocation) throws -> Output {
        let records = try targets(inv).map { showRecord($0.0, inv.session.model) }
        return .value(records.count == 1 ? records[0] : .list(records))
    }

    static func showRecord(_ ref: RecordRef, _ m: Model) -> Value {
        let row = Value(ref)
        var fields = Fields.all(of: row, in: m)
        switch ref {
        case .statement(let i):
            let s = m.statements[i]
            fields.append(("anchors", .list(s.anchors.map { .string(anchorLine($0, m)) })))
            let framed = s.framings.compactMap(\.anchor)
            if !framed.isEmpty { fields.append(("framing_anchors", .list(framed.map { .string(anchorLine($0, m)) }))) }
        case .entity(let i):
            fields.append(("addressed", .list(m.statements.indices.filter { m.statements[$0].addressees.contains(i) }.map(Value.statement))))
            fields.append(("targeted", .list(m.statements.indices.filter { m.statements[$0].targets.contains(i) }.map(Value.statement))))
        case .document(let i):
            let d = m.documents[i]
            if !d.narrative.isEmpty { fields.append(("narrative", .list(d.narrative.map { .string(anchorLine($0, m)) }))) }
            if !d.residue.isEmpty { fields.append(("residue", .list(d.residue.map { .string(anchorLine($0, m)) }))) }
        case .relation: break
        }
        let rels = (m.relationsByRecord[ref] ?? []).map { r -> Value in
            let rel = m.relations[r]
            return .string("\(m.id(of: rel.from)) \(rel.type) \(m.id(of: rel.to))")
        }
        if !rels.isEmpty { fields.append(("relations", .list(rels))) }
        return .record(Record(fields))
    }

    /// The statements a command works on (its id, or the rows before it); anything else is an error.
    static func statementTargets(_ inv: Invocation) throws -> [Int] {
        try targets(inv).map { ref, span in
            guard case .statement(let i) = ref else {
                throw fail("'\(inv.command.name)' works on statements; \(inv.session.model.id(of: ref)) is \(kindName(ref))", span,
                           hint: "`statements | select id, content` lists them; `show \(inv.session.model.id(of: ref))` shows this record")
            }
            return i
        }
    }

    static func anchorLine(_ a: Anchor, _ m: Model) -> String {
        let doc = a.document.map { m.documents[$0].id } ?? "?"
        let pos = a.line.map { "\(doc):\($0):\(a.column ?? 0)" } ?? doc
        return "\(pos) \(a.status.rawValue) \"\(a.exact)\""
    }

    @Sendable static func quoteCommand(_ inv: Invocation) throws -> Output {
        .styled(try statementTargets(inv).map { quoteText($0, inv) }.joined())
    }

    /// At most this many bytes of a quote's lines are shown on each side of its anchor, and of a
    /// long anchor its start and end: a text from a PDF or a web page can be one line of megabytes.
    static let quoteContext = 400

    static func quoteText(_ i: Int, _ inv: Invocation) -> String {
        let m = inv.session.model
        let s = m.statements[i]
        var out = ""
        var anchors = s.anchors.map { ("", $0) }
        for f in s.framings { if let a = f.anchor { anchors.append(("framing \"\(TerminalText.oneLine(f.act.cue))\" (\(f.act.force))", a)) } }
        let color = inv.session.useColor
        for (label, a) in anchors {
            let doc = a.document.map { m.documents[$0] }
            let where_ = a.line.map { "\(doc?.id ?? "?"):\($0):\(a.column ?? 0)" } ?? (doc?.id ?? "?")
            out += TerminalText.escaped("\(s.id)\(label.isEmpty ? "" : " " + label) · \(where_) · \(a.status.rawValue)") + "\n"
            guard let text = doc?.text, let range = a.byteRange, let line = a.line else { continue }
            let endLine = text.lineColumn(ofByte: range.upperBound).line
            let start = text.lineStarts[line - 1]
            let end = endLine < text.lineStarts.count ? text.lineStarts[endLine] - 1 : text.utf8.count
            // The document's own characters are escaped before the highlight (ours) is added; what
            // is cut is shown as "…".
            func cut(_ from: Int, _ to: Int) -> String { from < to ? "…" : "" }
            let from = max(start, text.scalarStart(atOrAfter: range.lowerBound - quoteContext))
            let to = max(range.upperBound, min(end, text.scalarStart(atOrAfter: range.upperBound + quoteContext)))
            // Line ends (a CR alone too) are spaces in the wrapped passage, not escaped controls.
            func shown(_ a: Int, _ b: Int) -> String { TerminalText.escaped(text.slice(a, b).replacingNewlines()) }
            let before = cut(start, from) + shown(from, range.lowerBound)
            var inside = shown(range.lowerBound, range.upperBound)
            if range.count > 2 * quoteContext {
                let head = text.scalarStart(atOrAfter: range.lowerBound + quoteContext)
                let tail = text.scalarStart(atOrAfter: range.upperBound - quoteContext)
                inside = shown(range.lowerBound, head) + " … " + shown(tail, range.upperBound)
            }
            let after = shown(range.upperBound, to) + cut(to, end)
            // Without colour the marks take a column each; with it, placeholders that take none
            // become the escape sequences after wrapping.
            let (open, close) = color ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("«", "»")
            let marked = before + (color ? "\u{1}" : "«") + inside + (color ? "\u{2}" : "»") + after
            let width = max(20, inv.session.settings.width - 2)
            for l in Renderer(session: inv.session).wrap(marked.replacingNewlines(), width) {
                out += "  " + l.replacingOccurrences(of: "\u{1}", with: open).replacingOccurrences(of: "\u{2}", with: close) + "\n"
            }
        }
        return out
    }

    /// How many hops of a reporting chain `trace` shows; the rest are counted.
    static let maxTraceHops = 50

    @Sendable static func traceCommand(_ inv: Invocation) throws -> Output {
        .text(try statementTargets(inv).map { traceText($0, inv.session.model) }.joined(separator: "\n"))
    }

    static func traceText(_ i: Int, _ m: Model) -> String {
        func head(_ s: Statement) -> String {
            "\(s.id) · \(s.act.force) \"\(s.act.cue)\" · \(s.speakers.map { m.entities[$0].name }.joined(separator: ", "))"
        }
        func docLine(_ d: Int) -> String {
            let doc = m.documents[d]
            var tail = doc.kind
            if let date = doc.date { tail += ", \(date.value)" + (date.basis == .inferred ? " inferred" : "") }
            return "\(doc.id) — \(doc.title) (\(tail))"
        }
        func anchorWords(_ a: Anchor) -> String {
            let doc = a.document.map { m.documents[$0].id } ?? "?"
            return (a.line.map { "\(doc):\($0):\(a.column ?? 0)" } ?? doc) + " \"\(a.exact)\""
        }
        func reportedLine(_ r: Reporting) -> String {
            var line = "reported (\(r.mode.rawValue))"
            if let by = r.by { line += " by \(m.entities[by].name)" }
            if let d = r.document { line += " in \(m.documents[d].id)" }
            return line
        }
        // The chain below a statement reported via another, drawn hop by hop in a loop: its depth is
        // the model's to decide, so it is neither recursed nor drawn past maxTraceHops.
        func chain(from first: Int, prefix start: String, seen: inout Set<Int>) -> [String] {
            var lines: [String] = []
            var prefix = start
            var current = first
            var hops = 1
            while true {
                let s = m.statements[current]
                let r = s.reported
                if let w = s.document { lines.append(prefix + (r == nil ? "└─ " : "├─ ") + "work: " + docLine(w)) }
                guard let r else { break }
                guard let v = r.via else { lines.append(prefix + "└─ " + reportedLine(r)); break }
                if seen.contains(v) {
                    lines.append(prefix + "└─ reported (\(r.mode.rawValue)) via \(m.statements[v].id) — a loop: \(m.statements[v].id) is already above")
                    break
                }
                if hops >= maxTraceHops {
                    var more = 0, k: Int? = v
                    var counted = seen
                    while let x = k, counted.insert(x).inserted { more += 1; k = m.statements[x].reported?.via }
                    lines.append(prefix + "└─ … \(more) more hop\(more == 1 ? "" : "s") (trace shows \(maxTraceHops))")
                    break
                }
                seen.insert(v)
                lines.append(prefix + "└─ reported (\(r.mode.rawValue)) via " + head(m.statements[v]))
                prefix += "   "
                current = v
                hops += 1
            }
            return lines
        }
        let s = m.statements[i]
        var seen: Set<Int> = [i]
        // The top level: work, how it was reported, cited works, framing, the words.
        var items: [(line: String, via: Int?)] = []
        if let w = s.document { items.append(("work: " + docLine(w), nil)) }
        if let r = s.reported {
            if let v = r.via, v != i {
                items.append(("reported (\(r.mode.rawValue)) via " + head(m.statements[v]), v))
            } else if r.via == i {
                items.append(("reported (\(r.mode.rawValue)) via \(s.id) — a loop: it is reported via itself", nil))
            } else {
                items.append((reportedLine(r), nil))
            }
        }
        for c in s.cites where c != s.document { items.append(("cites: " + docLine(c), nil)) }
        for f in s.framings {
            let by = f.by.map { m.entities[$0].name } ?? "the reporter"
            items.append(("framed by \(by) as \(f.act.force) \"\(f.act.cue)\"", nil))
        }
        for a in s.anchors { items.append(("words: " + anchorWords(a), nil)) }
        // Each line of the tree is one line, whatever line ends the model's names and texts hold.
        let one = TerminalText.oneLine
        var out = one(head(s)) + "\n│ " + one(s.content) + "\n"
        for (k, item) in items.enumerated() {
            let last = k == items.count - 1
            out += (last ? "└─ " : "├─ ") + one(item.line) + "\n"
            if let v = item.via {
                seen.insert(v)
                for l in chain(from: v, prefix: last ? "   " : "│  ", seen: &seen) { out += one(l) + "\n" }
            }
        }
        return out
    }
}

