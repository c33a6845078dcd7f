/// Whether typed text is a finished command or needs more lines: an open quote or bracket, or a
/// trailing `|`, asks for a continuation line.
public enum InputState {
    /// True when the text cannot be complete yet.
    public static func needsMore(_ text: String) -> Bool {
        var depth = 0
        var quote: Character? = nil
        var escaped = false
        var lastSignificant: Character? = nil
        var inComment = false
        for c in text {
            if inComment { if c == "\n" { inComment = false }; continue }
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
                lastSignificant = c
                continue
            }
            switch c {
            case "\"", "'": quote = c
            case "#": inComment = true; continue
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            default: break
            }
            if !c.isWhitespace { lastSignificant = c }
        }
        return quote != nil || depth > 0 || lastSignificant == "|"
    }
}
