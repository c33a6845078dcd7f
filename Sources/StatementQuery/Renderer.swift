import Foundation
import StatementModel

/// Renders command output in the session's mode: table, JSON, CSV, Markdown or one field per line.
/// Output is deterministic, so transcripts can be compared.
public struct Renderer {
    let session: Session
    var model: Model { session.model }
    /// Whether the text goes to a file, not a terminal: CSV cells then hold the data as it is,
    /// control characters included, instead of shown escaped.
    var forFile = false

    /// Makes a renderer for a session.
    public init(session: Session) { self.session = session }

    /// A renderer for text written to a file.
    init(session: Session, forFile: Bool) {
        self.session = session
        self.forFile = forFile
    }

    /// Text for an output (empty for none); always ends with a newline when not empty.
    public func render(_ output: Output) -> String {
        switch output {
        case .none: return ""
        case .text(let t):
            let safe = TerminalText.escaped(t)
            return safe.isEmpty || safe.hasSuffix("\n") ? safe : safe + "\n"
        case .styled(let t): return t.isEmpty || t.hasSuffix("\n") ? t : t + "\n"
        case .value(let v): return render(v)
        }
    }

    /// A value in the session's mode.
    public func render(_ v: Value) -> String {
        if case .graph(let g) = v {
            switch session.settings.mode {
            case .json: break
            case .csv, .markdown: return render(.table(g.edgeTable()))
            case .table, .line: return graphText(g)
            }
        }
        switch session.settings.mode {
        case .json: return json(v, full: true) + "\n"
        case .csv: return csv(v)
        case .markdown: return markdown(v)
        case .line: return lines(v)
        case .table:
            switch v {
            case .table(let t): return table(t)
            case .record: return lines(v)
            case .list(let items) where !items.isEmpty && items.allSatisfy({ if case .record = $0 { return true }; return false }):
                // Records one after another (`… | show`), a blank line between.
                return items.map(lines).joined(separator: "\n")
            case .list(let items) where items.contains(where: { $0.recordRef != nil }):
                return table(Table(kind: "rows", columns: ["value"], rows: items.map { .record(Record([("value", $0)])) }))
            default: return Display.plain(v, model) + "\n"
            }
        }
    }

    /// Cells of a table as strings: header then rows.
    func cells(_ t: Table) -> (header: [String], rows: [[String]]) {
        var rows: [[String]] = []
        rows.reserveCapacity(t.count)
        for (k, row) in t.rows.enumerated() {
            if k & 1023 == 0, session.isCancelled() { break }
            rows.append(Fields.values(t.columns, of: row, in: model).map { Display.plain($0, model) })
        }
        return (t.columns, rows)
    }

    /// A row's CSV cells: a list is a JSON array in its cell (a comma inside a name stays
    /// unambiguous), an entity its name — or its id with `set ids on`.
    func csvCells(_ row: Value, _ columns: [String]) -> [String] {
        let ids = session.settings.ids
        return Fields.values(columns, of: row, in: model).map { v in
            switch v {
            case .list: return JSONText.encode(Display.json(v, model, full: false, ids: ids))
            case .entity(let i) where ids: return model.entities[i].id
            default: return forFile ? Display.raw(v, model) : Display.plain(v, model)
            }
        }
    }

    // MARK: table

    func table(_ t: Table) -> String {
        var shown = t
        var note = ""
        let limit = session.settings.rows
        if limit > 0 && t.count > limit {
            shown.rows = t.prefix(limit)
            note = "… \(t.count - limit) more row\(t.count - limit == 1 ? "" : "s") (\(t.count) in all); use limit or save\n"
        }
        let (header, rows) = cells(shown)
        if header.isEmpty { return "(no columns)\n" }
        let widths = fitWidths(header: header, rows: rows, total: session.settings.width)
        var out = formatRow(header, widths, header: true)
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─") + "\n"
        for r in rows { out += formatRow(r, widths, header: false) }
        let count = t.count
        out += note.isEmpty ? "(\(count) row\(count == 1 ? "" : "s"))\n" : note
        return out
    }

    /// Column widths that fit `total`: the widest columns give way first, down to 8 columns.
    /// Widths count terminal columns (a CJK character takes two, a combining mark none).
    func fitWidths(header: [String], rows: [[String]], total: Int) -> [Int] {
        var widths = header.map { min(TerminalText.width($0), total) }
        // Measured as shown: line ends and tabs are spaces in a cell.
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], min(TerminalText.width(c.replacingNewlines()), total)) } }
        let separators = 3 * (widths.count - 1)
        while widths.reduce(0, +) + separators > total {
            guard let i = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[i] > 8 else { break }
            widths[i] -= 1
        }
        return widths
    }

    func formatRow(_ cells: [String], _ widths: [Int], header: Bool) -> String {
        let wrapped = cells.enumerated().map { wrap($1, widths[$0]) }
        let height = wrapped.map(\.count).max() ?? 1
        var out = ""
        for line in 0..<height {
            let parts = wrapped.enumerated().map { i, w -> String in
                let text = line < w.count ? w[line] : ""
                let padded = text + String(repeating: " ", count: max(0, widths[i] - TerminalText.width(text)))
                return header && session.useColor ? "\u{1B}[1m\(padded)\u{1B}[0m" : padded
            }
            out += parts.joined(separator: " │ ").trimmingTrailingSpaces() + "\n"
        }
        return out
    }

    /// Wraps text at spaces to a width in terminal columns, cutting words longer than a line; one
    /// pass over the text, so a megabyte without a space costs no more than a megabyte of words.
    func wrap(_ text: String, _ width: Int) -> [String] {
        let flat = text.replacingNewlines()
        guard width > 0, TerminalText.width(flat) > width else { return [flat] }
        var lines: [String] = []
        var current = "", currentWidth = 0
        for word in flat.split(separator: " ", omittingEmptySubsequences: false) {
            var w = String(word)
            var ww = TerminalText.width(w)
            if ww > width {
                if !current.isEmpty { lines.append(current); current = ""; currentWidth = 0 }
                var piece = "", pieceWidth = 0
                for ch in w {
                    let cw = TerminalText.width(ch)
                    if pieceWidth + cw > width && !piece.isEmpty { lines.append(piece); piece = ""; pieceWidth = 0 }
                    piece.append(ch)
                    pieceWidth += cw
                }
                w = piece
                ww = pieceWidth
            }
            if current.isEmpty { current = w; currentWidth = ww }
            else if currentWidth + 1 + ww <= width { current += " " + w; currentWidth += 1 + ww }
            else { lines.append(current); current = w; currentWidth = ww }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// A graph's adjacency lines, capped like a table's rows, then its notes.
    func graphText(_ g: Graph) -> String {
        var lines = g.adjacencyLines()
        let limit = session.settings.rows
        var tail = ""
        if limit > 0 && lines.count > limit {
            tail = "… \(lines.count - limit) more edges (\(lines.count) in all); save it as .dot, .svg or .csv to see them all\n"
            lines = Array(lines.prefix(limit))
        }
        var out = lines.map { TerminalText.escaped($0) + "\n" }.joined() + tail
        if lines.isEmpty { out += "(no edges: \(g.nodes.count) node\(g.nodes.count == 1 ? "" : "s"))\n" }
        for n in g.notes { out += "note: \(TerminalText.escaped(n))\n" }
        return out
    }

    // MARK: other modes

    func json(_ v: Value, full: Bool) -> String { JSONText.encode(Display.json(v, model, full: full, ids: session.settings.ids)) }

    func csv(_ v: Value) -> String {
        guard case .table(let t) = v else { return csvField(Display.plain(v, model)) + "\r\n" }
        // Row by row into one string: every row's cells held first and then joined took 1.4 GB for a million rows.
        var out = ""
        func append(_ cells: [String]) {
            for (k, cell) in cells.enumerated() {
                if k > 0 { out += "," }
                out += csvField(cell)
            }
            out += "\r\n"
        }
        append(t.columns)
        for row in t.rows { append(csvCells(row, t.columns)) }
        return out
    }

    /// An RFC 4180 field. Unless `set csv_formulas keep`, a cell that a spreadsheet would run as a
    /// formula (it starts with = + - @, a tab or a carriage return, and is not a number) gets a
    /// leading `'`, as OWASP advises against CSV injection.
    func csvField(_ value: String) -> String {
        // Judged by bytes: every character that matters is ASCII. (By characters, "\r\n" is one
        // character, equal to neither "\r" nor "\n": a cell holding it went out unquoted.)
        var s = value
        if session.settings.guardFormulas, let first = s.utf8.first, Self.formulaStarts.contains(first), Double(s) == nil {
            s = "'" + s
        }
        guard s.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return s }
        // Quotes doubled by bytes as well: a search by characters misses a `"` that a combining mark
        // follows, and the field would end there.
        var out: [UInt8] = [34]
        out.reserveCapacity(s.utf8.count + 4)
        for b in s.utf8 {
            out.append(b)
            if b == 34 { out.append(34) }
        }
        out.append(34)
        return String(decoding: out, as: UTF8.self)
    }

    /// The first bytes that make a spreadsheet run a cell: = + - @, a tab, a carriage return.
    static let formulaStarts: Set<UInt8> = Set("=+-@\t\r".utf8)

    /// Markdown: a table as a table, a record (`show`) as a table of its fields, anything else as
    /// text; `<` and `&` escaped everywhere, or a model's `</td>` or `<script>` would be read as HTML.
    func markdown(_ v: Value) -> String {
        func text(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
        // GitHub's tables split a row at every `|` not escaped, and `\` escapes: both are escaped.
        func cell(_ s: String) -> String {
            text(s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")).replacingNewlines()
        }
        func table(_ header: [String], _ rows: [[String]]) -> String {
            var out = "| " + header.map(cell).joined(separator: " | ") + " |\n"
            out += "|" + header.map { _ in " --- |" }.joined() + "\n"
            for r in rows { out += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
            return out
        }
        switch v {
        case .table(let t):
            let (header, rows) = cells(t)
            return table(header, rows)
        case .record(let r):
            return table(["field", "value"], r.fields.map { [$0.name, Display.plain($0.value, model)] })
        case .list(let items) where !items.isEmpty && items.allSatisfy({ if case .record = $0 { return true }; return false }):
            return items.map(markdown).joined(separator: "\n")
        default:
            return text(Display.plain(v, model)) + "\n"
        }
    }

    func lines(_ v: Value) -> String {
        switch v {
        case .table(let t):
            // Ctrl-C is heard while rows are rendered: 60,000 statements took seconds before the first was shown.
            var out: [String] = []
            for (k, row) in t.rows.enumerated() {
                if k & 255 == 0, session.isCancelled() { break }
                out.append(lines(.record(Record(Fields.all(of: row, in: model)))))
            }
            return out.joined(separator: "\n")
        case .record(let r):
            let w = r.fields.map(\.name.count).max() ?? 0
            return r.fields.map { f in
                let name = f.name + String(repeating: " ", count: w - f.name.count)
                return "\(session.useColor ? "\u{1B}[1m\(name)\u{1B}[0m" : name) = \(Display.plain(f.value, model).replacingNewlines())\n"
            }.joined()
        default: return Display.plain(v, model) + "\n"
        }
    }
}

extension String {
    /// Line ends and tabs as spaces: a cell, an excerpt or a passage on one line whose width is its
    /// character count (a tab moved the terminal to its next stop and broke the table's columns).
    func replacingNewlines() -> String { TerminalText.spacingLineBreaks(self) }
}
