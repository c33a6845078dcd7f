import StatementModel
import StatementQuery

/// `stmt report`: one self-contained HTML page that reads a model on its text. Each document's
/// text is shown with every FOUND anchor highlighted — statements in their speaker's colour,
/// framings, narrative and residue styled apart — and a card per highlight (speaker, cue, force,
/// content, date and basis, reporting chain, relations) on hover, focus or click; then the
/// statements as a table that sorts and filters, and the actor graph (drawn by Graphviz when it
/// is installed, else listed). Every model string is escaped.
public struct HTMLReport {
    /// The most statements a report is made for: past it the page is too large to read or load.
    public static let maxStatements = 20_000
    /// The most edges drawn as a picture; past it the graph is listed.
    public static let maxDrawnEdges = 400

    let model: Model
    let graphviz: Graphviz

    /// A report on a model; the actor graph is drawn with `graphviz` when it is available.
    public init(model: Model, graphviz: Graphviz = Graphviz()) {
        self.model = model
        self.graphviz = graphviz
    }

    /// Why a report was not made.
    public struct Failure: Error, Sendable {
        /// What went wrong.
        public var message: String
        /// What to do.
        public var hint: String
    }

    /// The page.
    public func html() throws(Failure) -> String {
        guard model.statements.count <= Self.maxStatements else {
            throw Failure(message: "the model has \(model.statements.count) statements; a report is made for up to \(Self.maxStatements)",
                          hint: "split the model, or explore it with queries and `graph` instead")
        }
        let colours = SpeakerColours(model: model)
        let title = model.title ?? model.name
        var body = "<header><h1>\(e(title))</h1>\n<p class=\"meta\">\(e(ModelSummary(model).oneLine)) · made by stmt from \(e(model.origin))</p>\n"
        body += "<nav><a href=\"#documents\">Text</a><a href=\"#statements\">Statements</a><a href=\"#actors\">Who addresses whom</a></nav></header>\n"
        body += "<main>\n" + legend(colours) + documents(colours) + statementTable(colours) + actors() + "</main>\n"
        body += "<div id=\"cards\" hidden>\n" + cards(colours) + "</div>\n"
        body += "<div id=\"popup\" role=\"status\" aria-live=\"polite\" hidden></div>\n"
        return HTMLPage.page(title: title + " — stmt report", body: body, script: PageAssets.reportScript)
    }

    /// How many highlights a report of `model` has: its FOUND anchors of every kind.
    public static func highlightCount(_ model: Model) -> Int {
        var n = 0
        for s in model.statements {
            n += s.anchors.filter { $0.status == .found }.count
            n += s.framings.filter { $0.anchor?.status == .found }.count
        }
        for d in model.documents { n += (d.narrative + d.residue).filter { $0.status == .found }.count }
        return n
    }

    func e(_ s: String) -> String { HTMLPage.escape(s) }

    func names(_ entities: [Int]) -> String { entities.map { model.entities[$0].name }.joined(separator: ", ") }

    // MARK: legend

    func legend(_ colours: SpeakerColours) -> String {
        var out = "<section id=\"legend\" aria-label=\"legend\"><h2>Who speaks</h2><ul class=\"legend\">\n"
        for (k, key) in colours.order.enumerated() {
            let n = colours.count[key] ?? 0
            out += "<li><span class=\"swatch c\(k % PageAssets.palette.count)\"></span>\(e(colours.label[key] ?? key)) <span class=\"muted\">(\(n))</span></li>\n"
        }
        out += "<li><span class=\"swatch framing\"></span>the reporter's framing</li>"
        out += "<li><span class=\"swatch narrative\"></span>narration (the reporter's own voice)</li>"
        out += "<li><span class=\"swatch residue\"></span>residue (not part of the report)</li>\n"
        out += "</ul><p class=\"muted\">Hover, focus (Tab) or click a highlight for its card; Escape closes it.</p></section>\n"
        return out
    }

    // MARK: documents

    func documents(_ colours: SpeakerColours) -> String {
        var out = "<section id=\"documents\"><h2>Text</h2>\n"
        let spans = HighlightSpans(model: model, colours: colours)
        var withoutText: [Document] = []
        for (d, doc) in model.documents.enumerated() {
            guard let text = doc.text else { withoutText.append(doc); continue }
            out += "<article class=\"document\" id=\"doc-\(e(doc.id))\"><h3>\(e(doc.title))</h3>\n"
            out += "<p class=\"meta\">\(e(documentLine(doc)))</p>\n"
            let drawn = spans.html(of: text, spans: spans.byDocument[d] ?? [])
            out += "<div class=\"text\">" + drawn.html + "</div>\n"
            if drawn.skipped > 0 {
                out += "<p class=\"note\">\(drawn.skipped) anchor\(drawn.skipped == 1 ? "" : "s") overlap more than \(HighlightSpans.maxDepth) deep and are not highlighted.</p>\n"
            }
            out += "</article>\n"
        }
        if !withoutText.isEmpty {
            out += "<h3>Works without text in the model</h3><ul>\n"
            for doc in withoutText { out += "<li><b>\(e(doc.id))</b> — \(e(doc.title)) <span class=\"muted\">(\(e(documentLine(doc))))</span></li>\n" }
            out += "</ul>\n"
        }
        if spans.unshown > 0 {
            out += "<p class=\"note\">\(spans.unshown) anchor\(spans.unshown == 1 ? " is" : "s are") not FOUND in a text and not highlighted (see `stmt check`).</p>\n"
        }
        return out + "</section>\n"
    }

    func documentLine(_ doc: Document) -> String {
        var parts = [doc.kind]
        if let d = doc.date { parts.append(d.value.description + (d.basis == .inferred ? " (inferred)" : "")) }
        if let p = doc.publisher { parts.append("published by " + model.entities[p].name) }
        if !doc.authors.isEmpty { parts.append("by " + names(doc.authors)) }
        return parts.joined(separator: " · ")
    }

    // MARK: statements

    func statementTable(_ colours: SpeakerColours) -> String {
        var out = "<section id=\"statements\"><h2>Statements</h2>\n"
        out += "<label>Filter <input type=\"search\" data-filter=\"statements-table\" placeholder=\"speaker, force, words…\"></label>"
        out += "<span class=\"count\" data-count=\"statements-table\"></span>\n"
        out += "<table class=\"sortable\" id=\"statements-table\"><thead><tr>"
        for h in ["id", "speakers", "act", "cue", "content", "date", "reported", "document"] {
            out += "<th scope=\"col\"><button type=\"button\">\(h)</button></th>"
        }
        out += "</tr></thead><tbody>\n"
        for (i, s) in model.statements.enumerated() {
            let k = colours.index(of: i)
            let reported = s.reported.map { r in
                r.mode.rawValue + (r.via.map { " via " + model.statements[$0].id } ?? "") + (r.by.map { " by " + model.entities[$0].name } ?? "")
            } ?? ""
            out += "<tr><td data-key=\"\(e(s.id))\"><button type=\"button\" data-jump=\"card-\(i)\" title=\"show in the text\">\(e(s.id))</button></td>"
            out += "<td><span class=\"swatch c\(k)\"></span>\(e(names(s.speakers)))</td><td>\(e(s.act.force))</td><td>\(e(s.act.cue))</td>"
            out += "<td>\(e(s.content))</td><td>\(e(s.date.map { $0.value.description } ?? ""))</td><td>\(e(reported))</td>"
            out += "<td>\(e(s.document.map { model.documents[$0].id } ?? ""))</td></tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    // MARK: actors

    func actors() -> String {
        let g = GraphBuilder.graph(.actors, of: Array(model.statements.indices), in: model)
        var out = "<section id=\"actors\"><h2>Who addresses whom</h2>\n"
        let listed = g.edges.filter(\.listed).count
        var drawn = false
        if graphviz.isAvailable && listed <= Self.maxDrawnEdges {
            if let svg = try? graphviz.render(DOTWriter.dot(g, title: ""), format: "svg") {
                out += "<div class=\"graph\">" + Self.inlineSVG(String(decoding: svg, as: UTF8.self)) + "</div>\n"
                drawn = true
            }
        }
        if !drawn {
            let why = !graphviz.isAvailable ? "Graphviz's dot was not installed when this report was made (apt install graphviz), so the graph is listed"
                : listed > Self.maxDrawnEdges ? "\(listed) edges are too many to draw, so the graph is listed" : "dot could not draw the graph, so it is listed"
            out += "<p class=\"note\">\(e(why)).</p>\n"
        }
        out += "<details\(drawn ? "" : " open")><summary>As a list (\(listed) edge\(listed == 1 ? "" : "s"))</summary><ul class=\"adjacency\">\n"
        for line in g.adjacencyLines() { out += "<li>\(e(line))</li>\n" }
        return out + "</ul></details></section>\n"
    }

    /// dot's SVG without its XML prolog, doctype and comments, to sit inside the page.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        var s = String(svg[start.lowerBound...])
        while let open = s.range(of: "<!--"), let close = s.range(of: "-->", range: open.upperBound..<s.endIndex) {
            s.removeSubrange(open.lowerBound..<close.upperBound)
        }
        return s.replacingOccurrences(of: "<svg ", with: "<svg role=\"img\" aria-label=\"who addresses whom\" ")
    }
}
