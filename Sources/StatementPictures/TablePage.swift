import StatementModel
import StatementQuery

/// `save x.html`: any value as a standalone page — a table that sorts and filters, or a graph
/// drawn by Graphviz (listed when `dot` is missing).
public enum TablePage {
    /// The page for a value of a session's model.
    public static func html(_ v: Value, model: Model, title: String, graphviz: Graphviz = Graphviz()) -> String {
        let e = HTMLPage.escape
        var body = "<h1>\(e(title))</h1>\n<p class=\"meta\">\(e(ModelSummary(model).oneLine)) · made by stmt</p>\n"
        switch v {
        case .graph(let g):
            let listed = g.edges.filter(\.listed).count
            if graphviz.isAvailable, listed <= HTMLReport.maxDrawnEdges,
               let svg = try? graphviz.render(DOTWriter.dot(g, title: ""), format: "svg") {
                body += "<div class=\"graph\">" + HTMLReport.inlineSVG(String(decoding: svg, as: UTF8.self)) + "</div>\n"
            } else {
                body += "<p class=\"note\">The graph is listed: \(graphviz.isAvailable ? "it has too many edges to draw" : "Graphviz's dot is not installed (apt install graphviz)").</p>\n"
            }
            body += "<ul class=\"adjacency\">\n" + g.adjacencyLines().map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
            for n in g.notes { body += "<p class=\"note\">\(e(n))</p>\n" }
        default:
            let t = table(of: v)
            body += "<label>Filter <input type=\"search\" data-filter=\"rows\" placeholder=\"any words…\"></label><span class=\"count\" data-count=\"rows\"></span>\n"
            body += "<table class=\"sortable\" id=\"rows\"><thead><tr>"
            for c in t.columns { body += "<th scope=\"col\"><button type=\"button\">\(e(c))</button></th>" }
            body += "</tr></thead><tbody>\n"
            for row in t.rows {
                body += "<tr>" + t.columns.map { "<td>\(e(Display.plain(Fields.get($0, of: row, in: model) ?? .null, model)))</td>" }.joined() + "</tr>\n"
            }
            body += "</tbody></table>\n"
        }
        return HTMLPage.page(title: title, body: body, script: PageAssets.tableScript)
    }

    /// A value as a table: a table as it is, a list as one column, anything else as one cell.
    static func table(of v: Value) -> Table {
        switch v {
        case .table(let t): return t
        case .list(let items): return Table(kind: "rows", columns: ["value"], rows: items.map { .record(Record([("value", $0)])) })
        case .record(let r): return Table(kind: "rows", columns: r.fields.map(\.name), rows: [v])
        default: return Table(kind: "rows", columns: ["value"], rows: [.record(Record([("value", v)]))])
        }
    }
}
