import StatementModel
import StatementQuery

/// What the pictures module adds to the language: the `graph` and `report` commands, and the
/// file formats `save` writes through it (.dot, .svg, .png, .pdf, .html). The shell registers
/// both; nothing else reaches into this module.
public enum Pictures {
    /// The commands: `graph`, `report`.
    public static let commands: [CommandSpec] = [graph, report]

    /// The formats `save` writes with this module.
    public static let exporters: [Exporter] = [
        Exporter(extensions: ["dot", "gv"], summary: "a graph as Graphviz DOT") { v, session, _, span in
            Array(DOTWriter.dot(try graphValue(v, span), title: session.model.title ?? session.model.name).utf8)
        },
        Exporter(extensions: Graphviz.formats, summary: "a graph drawn by Graphviz's dot (package graphviz)") { v, session, path, span in
            let g = try graphValue(v, span)
            let format = String(path.split(separator: ".").last ?? "svg").lowercased()
            do { return try Graphviz().render(DOTWriter.dot(g, title: session.model.title ?? session.model.name), format: format, isCancelled: session.isCancelled) }
            catch let error as Graphviz.Failure { throw Diagnostic(error.message, at: span, hint: error.hint, category: .evaluation) }
        },
        Exporter(extensions: ["html", "htm"], summary: "a standalone page: a table that sorts and filters, or a drawn graph") { v, session, _, _ in
            Array(TablePage.html(v, model: session.model, title: (session.model.title ?? session.model.name) + " — stmt").utf8)
        },
    ]

    static func graphValue(_ v: Value, _ span: SourceSpan) throws -> Graph {
        guard case .graph(let g) = v else {
            throw Diagnostic("only a graph can be saved as a picture; this is \(v.typeName)", at: span,
                             hint: "draw one first: `statements | where … | graph | save x.svg`; a table saves as .html, .csv, .json, .md", category: .evaluation)
        }
        return g
    }

    static let graph = CommandSpec(
        name: "graph", synopsis: "graph [actors|chain|relations]  |  … | graph [KIND]",
        summary: "who addresses whom, the reporting chain, or the relations, as a graph",
        help: """
        Draws the statements flowing in (all of them when it starts a line) as a graph. `actors` (the default): one edge per speaker, force and addressee or target, with how many statements it stands for; groups are drawn as clusters around their members, joint speakers meet at a point, and `on behalf of` links a speaker to whom it speaks for. `chain`: how each statement reached the text — who reports it, via which statement, in which document, what it cites and how it is framed (what `trace` shows). `relations`: the model's relations that touch the statements (or, after `relations | …`, those relations). Prints as one line per edge; `save x.dot` writes Graphviz DOT, `save x.svg`/`.png`/`.pdf` draws it with Graphviz's dot (Debian package graphviz), `save x.html` a page with the drawing.
        """,
        examples: [
            Example("who addresses whom in Miller's statements", "statements | where speakers has \"Miller\" | graph", """
            Matthew Miller —call (1)→ North Korea
            Matthew Miller —on behalf of (4)→ U.S. State Department
            Matthew Miller —emphasize (1)→ United States
            Matthew Miller —emphasize (1)→ North Korea
            Matthew Miller —advocate (1)
            Matthew Miller —urge (1)→ member states
            """),
            Example("how the COI's finding reached the article", "statements | where id = \"f1\" | graph chain", """
            f1 —part of→ coi-2014
            f1 —in→ article
            r1 —reports (mixed)→ f1
            r1 —part of→ yonhap-report
            r1 —cites→ coi-2014
            r1 —in→ article
            the article's reporter —reports (indirect)→ r1
            """),
        ],
        role: .sourceOrStage, shape: .words(min: 0, max: 1), completion: .choices(Graph.Kind.allCases.map(\.rawValue), thenPaths: false),
        run: runGraph)

    @Sendable static func runGraph(_ inv: Invocation) throws -> Output {
        let m = inv.session.model
        var kind: Graph.Kind?
        if let w = inv.words.first {
            guard let k = Graph.Kind(rawValue: w.text.lowercased()) else {
                throw inv.failure("unknown kind of graph '\(w.text)'", hint: Suggestion.hint(for: w.text, in: Graph.Kind.allCases.map(\.rawValue))
                                  ?? "the kinds are: actors, chain, relations", at: w.span)
            }
            kind = k
        }
        guard inv.input != nil else {
            return .value(.graph(GraphBuilder.graph(kind ?? .actors, of: Array(m.statements.indices), in: m)))
        }
        var statements: [Int] = [], relations: [Int] = [], others: [RecordRef] = []
        for r in inv.inputRecords() {
            switch r {
            case .statement(let i): statements.append(i)
            case .relation(let i): relations.append(i)
            default: others.append(r)
            }
        }
        if statements.isEmpty && relations.isEmpty {
            let what = others.first.map { "found \(m.id(of: $0)), not a statement" } ?? "found no rows"
            let hint = others.isEmpty && m.statements.count == 0 ? "this model has no statements to draw"
                : others.isEmpty ? "the rows before it were all filtered out: loosen the `where`"
                : "start from statements, e.g. `statements | where act = \"urge\" | graph`"
            throw inv.failure("'graph' draws statements or relations; \(what)", hint: hint)
        }
        if !relations.isEmpty && statements.isEmpty {
            if let k = kind, k != .relations {
                throw inv.failure("a graph of \(k.rawValue) is drawn from statements; these rows are relations",
                                  hint: "`relations | graph` draws them; `statements | graph \(k.rawValue)` draws the statements")
            }
            return .value(.graph(GraphBuilder.graph(.relations, of: [], relations: relations, in: m)))
        }
        var g = GraphBuilder.graph(kind ?? .actors, of: statements, in: m)
        if !others.isEmpty || !relations.isEmpty {
            g.notes.append("\(others.count + relations.count) row\(others.count + relations.count == 1 ? " is" : "s are") not statements and not drawn")
        }
        return .value(.graph(g))
    }

    static let report = CommandSpec(
        name: "report", synopsis: "report PATH", summary: "write an HTML page that reads the model on its text",
        help: """
        Writes one self-contained HTML file (no network, no external scripts or fonts): each document's text with every FOUND anchor highlighted in its speaker's colour (framing, narration and residue styled apart) and a card per highlight on hover, focus or click; the statements as a table that sorts and filters; the actor graph, drawn by Graphviz's dot when it is installed, else listed. Written atomically; refused in safe mode and onto the model's own files or its documents' texts. `stmt report -o FILE` does the same from the shell.
        """,
        examples: [Example("the seed's report", "report /tmp/stmt-example-report.html", "wrote /tmp/stmt-example-report.html: 15 statements, 21 highlights")],
        role: .command, shape: .words(min: 1, max: 1), completion: .paths, writes: true, run: runReport)

    @Sendable static func runReport(_ inv: Invocation) throws -> Output {
        let w = inv.words[0]
        try inv.session.checkWrite(inv.session.resolve(path: w.text), span: w.span)
        let page: String
        do { page = try HTMLReport(model: inv.session.model).html() } catch {
            throw inv.failure(error.message, hint: error.hint)
        }
        try inv.session.writeFile(page, to: w.text, span: w.span)
        let m = inv.session.model
        return .text("wrote \(w.text): \(ModelSummary.count(m.statements.count, "statement")), "
                     + ModelSummary.count(HTMLReport.highlightCount(m), "highlight"))
    }
}
