import StatementModel

/// Splits command text into tokens. Strings take `"…"` or `'…'` with backslash escapes; `#` starts a
/// comment to the end of the line; a bare word may contain letters, digits and `_ - . / : @`, so
/// file names and ids need no quotes (and `-` and `/` as operators stand apart: `n - 1`).
struct Lexer {
    let input: SourceInput

    /// The tokens, or the first part that is no token.
    func tokenize() throws(Diagnostic) -> [Token] {
        let (tokens, problems) = tokenizeRecovering()
        if let first = problems.min(by: { $0.key < $1.key }) { throw first.value }
        return tokens
    }

    /// The tokens, each part that is no token (a bad escape, an unterminated string, a stray
    /// character) made one `.invalid` token whose diagnostic `problems` holds by token index — so
    /// the commands around a bad one still parse, and a transcript keeps their places.
    func tokenizeRecovering() -> (tokens: [Token], problems: [Int: Diagnostic]) {
        let s = input.text
        var tokens: [Token] = []
        var problems: [Int: Diagnostic] = [:]
        func invalid(_ d: Diagnostic, _ range: Range<String.Index>) {
            problems[tokens.count] = d
            tokens.append(Token(kind: .invalid, text: String(s[range]), range: range))
        }
        var i = s.startIndex
        func wordChar(_ c: Character) -> Bool {
            c.isLetter || c.isNumber || "_-./@:".contains(c) || (!c.isASCII && !c.isWhitespace && !c.isPunctuation)
        }
        while i < s.endIndex {
            let c = s[i]
            if c == "\n" {
                tokens.append(Token(kind: .newline, text: "\n", range: i..<s.index(after: i)))
                i = s.index(after: i)
            } else if c.isWhitespace {
                i = s.index(after: i)
            } else if c == "#" {
                while i < s.endIndex && s[i] != "\n" { i = s.index(after: i) }
            } else if let q = c.unicodeScalars.first, q == "\"" || q == "'" {
                // A quote is a quote whatever follows it: `"` and a combining mark are one Character,
                // and a string could not start with the mark (a vowel sign or an accent to `find`).
                let quote = Character(q)
                let start = i
                var text = String(String.UnicodeScalarView(c.unicodeScalars.dropFirst()))
                i = s.index(after: i)
                var closed = false
                var badEscape: Diagnostic?
                while i < s.endIndex {
                    let d = s[i]
                    if d == quote { closed = true; i = s.index(after: i); break }
                    if d.unicodeScalars.first == q {
                        // The closing quote with a mark on it: the mark would be lost outside the string.
                        badEscape = badEscape ?? Diagnostic("a combining mark follows the closing quote", at: input.span(i..<s.index(after: i)),
                                                            hint: "put the mark inside the quotes", category: .syntax)
                        closed = true
                        i = s.index(after: i)
                        break
                    }
                    if d == "\\" {
                        let n = s.index(after: i)
                        guard n < s.endIndex else { break }
                        // The escaped character's first scalar: `\"` and a combining mark are one Character.
                        switch s[n] {
                        case "n": text.append("\n")
                        case "t": text.append("\t")
                        case "r": text.append("\r")
                        case _ where ["\"", "'", "\\"].contains(s[n].unicodeScalars.first!): text.append(s[n])
                        default:
                            // The string still ends at its closing quote: what follows is not read as commands.
                            badEscape = badEscape ?? Diagnostic("unknown escape '\\\(s[n])' in a string", at: input.span(i..<s.index(after: n)),
                                                                hint: "the escapes are \\\" \\' \\\\ \\n \\t \\r; for a backslash write \\\\", category: .syntax)
                        }
                        i = s.index(after: n)
                        continue
                    }
                    text.append(d)
                    i = s.index(after: i)
                }
                if !closed {
                    // The bad token ends with the string's first line, and lexing goes on after it: a
                    // transcript's later commands keep their places (they were all swallowed, and
                    // `--update` deleted their expectations).
                    let lineEnd = s[start...].firstIndex(of: "\n") ?? s.endIndex
                    invalid(Diagnostic("unterminated string", at: input.span(start..<s.index(after: start)),
                                       hint: "close it with \(quote)", category: .syntax), start..<lineEnd)
                    i = lineEnd
                } else if let badEscape {
                    invalid(badEscape, start..<i)
                } else {
                    tokens.append(Token(kind: .string, text: text, range: start..<i))
                }
            } else if c == "$" {
                let start = i
                i = s.index(after: i)
                while i < s.endIndex && (s[i].isLetter || s[i].isNumber || s[i] == "_") { i = s.index(after: i) }
                if s.index(after: start) == i {
                    invalid(Diagnostic("expected a variable name after '$'", at: input.span(start..<i), hint: "e.g. $calls", category: .syntax), start..<i)
                } else if i < s.endIndex, s[i] == "." {
                    // `$x.id` read as `$x` and a word `.id`: echo printed both, quietly (`$x.` a lone dot).
                    let name = String(s[s.index(after: start)..<i])
                    let dot = i
                    while i < s.endIndex && wordChar(s[i]) { i = s.index(after: i) }
                    let field = s[s.index(after: dot)..<i].drop { $0 == "." }
                    invalid(Diagnostic("'\(s[start..<i])': a variable's fields cannot be read with '.'", at: input.span(start..<i),
                                       hint: "take them in a pipeline: ($\(name) | select \(field.isEmpty ? "FIELD" : String(field)))", category: .syntax), start..<i)
                } else if i < s.endIndex, wordChar(s[i]) {
                    // `$d/file.csv`, `$n-1`: the name ends at '/' or '-', and the rest was a word of its own.
                    let name = String(s[s.index(after: start)..<i])
                    let stop = s[i]
                    let rest = i
                    while i < s.endIndex && wordChar(s[i]) { i = s.index(after: i) }
                    invalid(Diagnostic("'\(s[start..<i])': a variable's name ends at '\(stop)'", at: input.span(start..<i),
                                       hint: stop == "-" ? "to subtract, put spaces around it: $\(name) - \(s[s.index(after: rest)..<i])"
                                           : "to join text, use +: $\(name) + \"\(s[rest..<i])\"", category: .syntax), start..<i)
                } else {
                    tokens.append(Token(kind: .variable, text: String(s[s.index(after: start)..<i]), range: start..<i))
                }
            } else if c.isNumber || (c == "-" && s.index(after: i) < s.endIndex && s[s.index(after: i)].isNumber
                                     && (tokens.last.map { $0.kind == .op } ?? true)) {
                let start = i
                i = s.index(after: i)
                while i < s.endIndex && wordChar(s[i]) { i = s.index(after: i) }
                let text = String(s[start..<i])
                // A number only as a query writes one: `0243` (a code) and `0x10` are words, read as text.
                tokens.append(Token(kind: NumberText.form(text) != nil ? .number : .word, text: text, range: start..<i))
            } else if wordChar(c) {
                let start = i
                while i < s.endIndex && wordChar(s[i]) { i = s.index(after: i) }
                tokens.append(Token(kind: .word, text: String(s[start..<i]), range: start..<i))
            } else {
                let start = i
                let two = s.index(i, offsetBy: 2, limitedBy: s.endIndex).map { String(s[i..<$0]) } ?? ""
                // `==`, `&&`, `||`, `<>` and `!~` are kept as tokens so the parser can say what stmt writes instead.
                if ["!=", "<=", ">=", "==", "&&", "||", "<>", "!~"].contains(two) {
                    i = s.index(i, offsetBy: 2)
                    tokens.append(Token(kind: .op, text: two, range: start..<i))
                } else if "=<>~|;,()[]+*".contains(c) {
                    i = s.index(after: i)
                    tokens.append(Token(kind: .op, text: String(c), range: start..<i))
                } else {
                    i = s.index(after: i)
                    // A control character cannot be quoted into a command: the escapes are \n \t \r only.
                    let hint = c.unicodeScalars.contains(where: TerminalText.isControl) ? "remove it: a command cannot hold a control character"
                        : "quote text that contains it, e.g. \"\(c)\""
                    invalid(Diagnostic("unexpected character '\(c)'", at: input.span(start..<i), hint: hint, category: .syntax), start..<i)
                }
            }
        }
        tokens.append(Token(kind: .end, text: "", range: s.endIndex..<s.endIndex))
        return (tokens, problems)
    }
}
