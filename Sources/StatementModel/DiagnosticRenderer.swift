/// The one place that turns diagnostics into text:
///
/// ```
/// seed.yaml:12:15: error: unknown entity 'usa2'
///    12 |     speakers: [usa2]
///       |                ^~~~
///   hint: did you mean 'usa'?
/// ```
public struct DiagnosticRenderer: Sendable {
    /// Whether to use ANSI colours.
    public var color: Bool

    /// The characters of the last long line shown: a list's diagnostics on one line of a minified
    /// file (hundreds, on a line of 350 KB) share them instead of each walking the line.
    private let lastLine = LineCharacters()

    /// Makes a renderer.
    public init(color: Bool) { self.color = color }

    /// The most diagnostics of one list shown; the rest are counted.
    public static let maxShown = 500

    /// Renders a list of diagnostics (the first ``maxShown``), followed by a count line when there
    /// is more than one error.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = diagnostics.prefix(Self.maxShown).map(render).joined()
        if diagnostics.count > Self.maxShown { out += "… \(diagnostics.count - Self.maxShown) more not shown\n" }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 1 { out += "\(errors) errors\n" }
        return out
    }

    /// The most characters of a source line shown; a longer line is cut to a window around the caret.
    public static let maxLineShown = 160

    /// Renders one diagnostic and its notes; the text always ends with a newline. Control
    /// characters in the message, the line and the hint are shown escaped, never sent raw.
    public func render(_ d: Diagnostic) -> String {
        var out = ""
        let label: String
        switch d.severity {
        case .error: label = paint("error:", "1;31")
        case .warning: label = paint("warning:", "1;33")
        case .note: label = paint("note:", "1;36")
        }
        let message = Self.shortened(TerminalText.oneLine(d.message))
        if let span = d.span {
            out += paint(TerminalText.oneLine(span.location) + ":", "1") + " \(label) \(message)\n"
            if !span.lineText.isEmpty {
                let gutter = String(span.line)
                let pad = String(repeating: " ", count: gutter.count)
                let (shown, column) = Self.window(span.lineText, column: span.column, characters: lastLine.characters(of: span.lineText))
                out += " \(gutter) | \(shown)\n"
                let lead = String(repeating: " ", count: max(0, TerminalText.width(String(shown.prefix(column - 1)))))
                let width = max(1, min(span.length, max(1, shown.count - column + 1)))
                let marks = "^" + String(repeating: "~", count: width - 1)
                out += " \(pad) | \(lead)\(paint(marks, "1;32"))\n"
            }
        } else {
            out += "\(label) \(message)\n"
        }
        if let hint = d.hint {
            for (i, line) in TerminalText.escaped(hint).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = Self.shortened(String(line))
                out += i == 0 ? "  \(paint("hint:", "1;36")) \(line)\n" : "        \(line)\n"
            }
        }
        for note in d.notes { out += render(note) }
        return out
    }

    /// At most this many characters of a message or hint line: one that quotes a 200,000-character
    /// token is cut, so an error never prints more than a few screens.
    public static let maxTextShown = 1_000

    static func shortened(_ text: String) -> String {
        guard text.utf8.count > maxTextShown, text.count > maxTextShown else { return text }
        return String(text.prefix(maxTextShown)) + "… (\(text.count - maxTextShown) more characters)"
    }

    /// The line as shown (tabs as spaces, control characters escaped, at most ``maxLineShown``
    /// characters around the column) and the caret's column in it.
    static func window(_ line: String, column: Int, characters: [Character]? = nil) -> (String, Int) {
        let chars = characters ?? Array(line.replacingTabs())
        let col = min(max(1, column), chars.count + 1)
        guard chars.count > maxLineShown else {
            let before = TerminalText.escaped(String(chars[..<(col - 1)]))
            return (TerminalText.escaped(String(chars)), before.count + 1)
        }
        let start = max(0, min(col - 1 - maxLineShown / 2, chars.count - maxLineShown))
        let end = min(chars.count, start + maxLineShown)
        let lead = start > 0 ? "…" : "", tail = end < chars.count ? "…" : ""
        let before = TerminalText.escaped(String(chars[start..<(col - 1)]))
        return (lead + TerminalText.escaped(String(chars[start..<end])) + tail, lead.count + before.count + 1)
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// Tabs become single spaces so that caret columns (counted in characters) line up.
    func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}

/// The characters (tabs as spaces) of the last line asked for, kept while the same line comes
/// again; a renderer is used on one thread at a time.
final class LineCharacters: @unchecked Sendable {
    private var line: String?
    private var chars: [Character] = []

    func characters(of text: String) -> [Character] {
        // String == first compares storage: the same shared line answers at once.
        if let line, line == text { return chars }
        line = text
        chars = Array(text.replacingTabs())
        return chars
    }
}
