import Foundation
import StatementModel

extension Commands {
    static let save =
        CommandSpec(name: "save", synopsis: "save PATH", summary: "write the table to a file; the format follows the extension",
                    help: "Formats: .json, .csv, .md, .yaml/.yml, .txt (the table as shown), .html (a standalone page: a table that sorts and filters, or a drawn graph); a graph (`… | graph`) also saves as .dot (Graphviz DOT) and .svg, .png, .pdf (drawn by Graphviz's dot, Debian package graphviz). The file is written atomically (a temporary file renamed into place), keeping the mode of a file it replaces; a symlink is written through. In CSV, a list is a JSON array in its cell and cells a spreadsheet would run as formulas get a leading ' (`set csv_formulas keep` to turn that off); `set ids on` writes entities by id. Refused in safe mode, and onto the model's own files or its documents' texts (in a folder model, onto a new .yaml, .yml, .json or .jsonl there, which the folder would load).",
                    examples: [Example("save as CSV", "statements | where act = \"urge\" | select id, content | save /tmp/stmt-example-urged.csv", "saved 2 rows to /tmp/stmt-example-urged.csv")],
                    role: .stage, shape: .words(min: 1, max: 1), completion: .paths, writes: true, run: saveStage)

    @Sendable static func saveStage(_ inv: Invocation) throws -> Output {
        let w = inv.words[0]
        let path = inv.session.resolve(path: w.text)
        try inv.session.checkWrite(path, span: w.span)
        guard let input = inv.input else { throw fail("'save' needs input", inv.span) }
        let ext = (path as NSString).pathExtension.lowercased()
        let saved = inv.session.settings
        defer { inv.session.settings = saved }
        inv.session.settings.color = .off
        inv.session.settings.rows = 0
        switch ext {
        case "json": inv.session.settings.mode = .json
        case "csv": inv.session.settings.mode = .csv
        case "md", "markdown": inv.session.settings.mode = .markdown
        case "txt": inv.session.settings.mode = .table
        case "yaml", "yml": break
        default:
            guard let exporter = inv.session.exporters.first(where: { $0.extensions.contains(ext) }) else {
                let known = (["json", "csv", "md", "yaml", "txt"] + inv.session.exporters.flatMap(\.extensions)).map { "." + $0 }
                throw fail("cannot tell the format of '\(w.text)' from its extension", w.span,
                           hint: "use " + known.dropLast().joined(separator: ", ") + " or " + known.last!)
            }
            try inv.session.writeFile(try exporter.write(input, inv.session, path, w.span), to: path, span: w.span)
            return .text("saved \(savedWhat(input)) to \(TerminalText.oneLine(w.text))")
        }
        let text = ext == "yaml" || ext == "yml" ? YAMLText.encode(input, inv.session.model)
            : Renderer(session: inv.session, forFile: true).render(input)
        try inv.session.writeFile(text, to: path, span: w.span)
        return .text("saved \(savedWhat(input)) to \(TerminalText.oneLine(w.text))")
    }

    /// `2 rows`, `a graph of 5 edges`.
    static func savedWhat(_ v: Value) -> String {
        switch v {
        case .table(let t): return "\(t.count) row\(t.count == 1 ? "" : "s")"
        case .graph(let g):
            let n = g.edges.filter(\.listed).count
            return "a graph of \(n) edge\(n == 1 ? "" : "s")"
        default: return "1 row"
        }
    }
}
