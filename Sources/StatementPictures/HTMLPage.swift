import StatementModel

/// The frame every page stmt writes shares: one self-contained file, no network, no external
/// script or font. Its Content-Security-Policy allows nothing from outside and only the page's
/// own script (by its SHA-256), so a model string that slipped past escaping could still not run.
public enum HTMLPage {
    /// Text for HTML content and attribute values: `& < > " '` escaped, NUL replaced, and the
    /// control characters a terminal would act on written out visibly as `\u{1b}` (they are parse
    /// errors in HTML, and `cat page.html` ran them); a carriage return stays, as line-break space.
    public static func escape(_ s: String) -> String {
        QuotedString.escaped(s) { u in
            switch u {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&#39;"
            case "\u{0}": return "\u{FFFD}"
            case "\r": return nil
            case _ where TerminalText.isControl(u): return "\\u{\(String(u.value, radix: 16))}"
            default: return nil
            }
        }
    }

    /// A whole page: `body` is already escaped HTML; `script` runs once the page has loaded.
    public static func page(title: String, body: String, script: String, extraStyle: String = "") -> String {
        let hash = SHA256.base64(Array(script.utf8))
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-\(hash)'">
        <meta name="generator" content="stmt">
        <title>\(escape(title))</title>
        <style>\(PageAssets.style)\(extraStyle)</style>
        </head>
        <body>
        \(body)
        <script>\(script)</script>
        </body>
        </html>

        """
    }
}
