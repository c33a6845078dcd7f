import StatementModel

/// Turns command text into pipelines. Each command declares the shape of its arguments
/// (``ArgumentShape``), so the parser needs no per-command code. On an error it records a
/// diagnostic and skips to the next command, so a script's syntax errors are reported together.
public struct Parser {
    let input: SourceInput
    let table: CommandTable
    var tokens: [Token] = []
    var pos = 0
    /// Nesting of parentheses and brackets: inside them newlines do not end a command.
    var depth = 0
    /// Recursion level of expressions and nested pipelines, bounded so hostile input cannot exhaust the stack.
    var level = 0
    static let maxLevel = 200
    /// Chained binary operators in the command being parsed, bounded for the same reason.
    var operators = 0
    static let maxOperators = 10_000

    /// Makes a parser over an input.
    public init(_ input: SourceInput, table: CommandTable = .standard) {
        self.input = input
        self.table = table
    }

    /// Parses a whole script: every command, or every syntax error found.
    public mutating func parseScript() throws(DiagnosticList) -> [ParsedCommand] {
        var commands: [ParsedCommand] = []
        var errors: [Diagnostic] = []
        for item in parseEach() {
            switch item {
            case .success(let c): commands.append(c)
            case .failure(let e): errors.append(e.diagnostic)
            }
        }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return commands
    }

    /// A command that did not parse: its error, and the lines it spans (a transcript expects the
    /// error there, as it expects any other command's output).
    public struct Unparsed: Error, Sendable {
        /// The syntax error.
        public var diagnostic: Diagnostic
        /// The 1-based line where the command starts.
        public var firstLine: Int
        /// The 1-based line where the parser resumed after it.
        public var lastLine: Int
    }

    /// Every command in order, each parsed or with its syntax error: recovery skips to the next
    /// command, so one mistake does not hide the rest. Parsing runs on the deep-stack thread, where
    /// the nesting limit is far inside the stack whoever calls.
    public mutating func parseEach() -> [Result<ParsedCommand, Unparsed>] {
        (try? DeepStack.shared.run { parseEachHere() }) ?? []
    }

    private mutating func parseEachHere() -> [Result<ParsedCommand, Unparsed>] {
        let problems: [Int: Diagnostic]
        (tokens, problems) = Lexer(input: input).tokenizeRecovering()
        var items: [Result<ParsedCommand, Unparsed>] = []
        while true {
            skipSeparators()
            if peek.kind == .end { break }
            let start = peek.range.lowerBound, startToken = pos
            let firstLine = span(peek).line
            operators = 0
            // Text that is no token fails its own command, with the lexer's reason (which says more
            // than "found …"): the commands before and after it parse as usual.
            func lexical(upTo end: Int) -> (diagnostic: Diagnostic, at: SourceSpan)? {
                guard !problems.isEmpty else { return nil }
                for k in startToken..<max(startToken, min(end + 1, tokens.count)) {
                    if let d = problems[k] { return (d, input.span(tokens[k].range)) }
                }
                return nil
            }
            do throws(Diagnostic) {
                let p = try parsePipeline()
                guard isCommandEnd(peek) else {
                    // Two values in a row (`id = "s1" "s2"`) most often meant one of several.
                    let value = [Token.Kind.string, .number, .word].contains(peek.kind)
                    throw unexpected(peek, expected: "'|', ';' or the end of the line",
                                     hint: value ? "a condition compares one value; for one of several: id in [\"s1\", \"s2\"]"
                                         : "a command ends at the end of its line or at ';', and a stage follows '|'")
                }
                if let d = lexical(upTo: pos) { throw d.diagnostic }
                let end = tokens[max(0, pos - 1)].range.upperBound
                items.append(.success(ParsedCommand(pipeline: p, text: String(input.text[start..<max(start, end)]), span: p.span)))
            } catch {
                depth = 0
                level = 0
                // The command goes on to the end of its line, or past it while a bracket it opened is
                // open: `echo [1,` / `"bad\q",` / `2]` is one command, not three.
                var open = 0
                for k in startToken..<min(pos, tokens.count) where tokens[k].kind == .op {
                    if ["(", "["].contains(tokens[k].text) { open += 1 } else if [")", "]"].contains(tokens[k].text) { open = max(0, open - 1) }
                }
                while peek.kind != .end {
                    if open == 0 && (peek.kind == .newline || (peek.kind == .op && peek.text == ";")) { break }
                    if peek.kind == .op && ["(", "["].contains(peek.text) { open += 1 }
                    if peek.kind == .op && [")", "]"].contains(peek.text) { open = max(0, open - 1) }
                    pos += 1
                }
                // Where its last token ends: a string or a bad token may span lines.
                let lastToken = tokens[max(0, pos - 1)]
                let lastLine = input.span(lastToken.range.upperBound == lastToken.range.lowerBound ? lastToken.range
                                            : input.text.index(before: lastToken.range.upperBound)..<lastToken.range.upperBound).line
                // The first problem in the command is the one to fix first.
                var first = error
                if let d = lexical(upTo: pos), let b = error.span, (d.at.line, d.at.column) <= (b.line, b.column) { first = d.diagnostic }
                items.append(.failure(Unparsed(diagnostic: first, firstLine: firstLine, lastLine: max(firstLine, lastLine))))
            }
        }
        return items
    }

    // MARK: tokens

    var peek: Token { tokens[min(pos, tokens.count - 1)] }

    mutating func advance() -> Token {
        let t = peek
        if pos < tokens.count - 1 { pos += 1 }
        if depth > 0 { while peek.kind == .newline { pos += 1 } }
        return t
    }

    func span(_ t: Token) -> SourceSpan {
        if t.kind == .end || t.kind == .newline {
            var s = input.span(t.range)
            if t.kind == .end, s.column > 1 || !s.lineText.isEmpty { s.column = s.lineText.count + 1 }
            return s
        }
        return input.span(t.range)
    }

    func isOp(_ text: String) -> Bool { peek.kind == .op && peek.text == text }
    func isWord(_ text: String) -> Bool { peek.kind == .word && peek.text.lowercased() == text }

    func isCommandEnd(_ t: Token) -> Bool {
        t.kind == .end || t.kind == .newline || (t.kind == .op && (t.text == ";" || t.text == ")"))
    }

    mutating func skipSeparators() {
        while peek.kind == .newline || isOp(";") { pos += 1 }
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .end: return "the end of the input"
        case .newline: return "the end of the line"
        case .string: return "the string \"\(t.text)\""
        case .variable: return "$\(t.text)"
        default: return "'\(t.text)'"
        }
    }

    func unexpected(_ t: Token, expected: String, hint: String? = nil) -> Diagnostic {
        Diagnostic("expected \(expected), found \(describe(t))", at: span(t), hint: hint, category: .syntax)
    }

    mutating func expectOp(_ text: String, hint: String? = nil) throws(Diagnostic) {
        guard isOp(text) else { throw unexpected(peek, expected: "'\(text)'", hint: hint) }
        _ = advance()
    }

    // MARK: pipelines

    mutating func enter() throws(Diagnostic) {
        level += 1
        if level > Self.maxLevel {
            throw Diagnostic("nesting deeper than \(Self.maxLevel) levels", at: span(peek),
                             hint: "split the command, or bind inner parts with `let`", category: .syntax)
        }
    }

    mutating func parsePipeline() throws(Diagnostic) -> Pipeline {
        try enter()
        defer { level -= 1 }
        let first = peek
        let head = try parseHead()
        var stages: [Stage] = []
        while isOp("|") {
            _ = advance()
            while peek.kind == .newline { pos += 1 }
            stages.append(try parseStage())
        }
        return Pipeline(head: head, stages: stages, span: span(first))
    }

    mutating func parseHead() throws(Diagnostic) -> Stage {
        let t = peek
        if t.kind == .variable {
            _ = advance()
            return Stage(command: table.variableSource, nameSpan: span(t), arguments: .variable(t.text, span(t)))
        }
        if isOp("(") {
            _ = advance(); depth += 1
            while peek.kind == .newline { pos += 1 }
            let inner = try parseValuePipeline(in: "inside ( … )")
            depth -= 1
            try expectOp(")", hint: "close the parenthesis")
            return Stage(command: table.subpipelineSource, nameSpan: span(t), arguments: .subpipeline(inner))
        }
        guard t.kind == .word else {
            throw unexpected(t, expected: "a command or a table", hint: "try `help` for the list of commands")
        }
        guard let command = table.lookup(t.text) else { throw unknownCommand(t) }
        if command.role == .stage {
            // SELECT … FROM … reads as SQL: say the same as a pipeline.
            let line = span(t).lineText.trimmingCharacters(in: .whitespaces)
            let hint = Synonyms.translateSQL(line).map { "in stmt: \($0)" } ?? "start with a table, e.g. `statements | \(command.name) …`"
            throw Diagnostic("'\(command.name)' needs input from a pipeline", at: span(t), hint: hint, category: .syntax)
        }
        _ = advance()
        return Stage(command: command, nameSpan: span(t), arguments: try parseArguments(command.shape, for: command))
    }

    /// A pipeline whose value is used (`( … )`, `let x = …`): a command that acts on the session
    /// (`load`, `run`, `let`, `quit`, …) would act in the middle of a query — `load` there replaced
    /// the model the query was reading, and stmt trapped — so it is refused.
    mutating func parseValuePipeline(in place: String) throws(Diagnostic) -> Pipeline {
        let p = try parsePipeline()
        if p.head.command.role == .command {
            throw Diagnostic("'\(p.head.command.name)' is a command of its own, not a query: it cannot be a value \(place)",
                             at: p.head.nameSpan, hint: "run it on its own line; a value comes from a table or a query, e.g. (statements | count)",
                             category: .syntax)
        }
        // A stage that writes a file (`save`) would write once per use of the value, from inside a query.
        if let w = p.stages.first(where: { $0.command.writes }) {
            throw Diagnostic("'\(w.command.name)' writes a file, which a value \(place) may not do", at: w.nameSpan,
                             hint: "save on its own line: … | \(w.command.name) FILE", category: .syntax)
        }
        return p
    }

    mutating func parseStage() throws(Diagnostic) -> Stage {
        let t = peek
        guard t.kind == .word else { throw unexpected(t, expected: "a stage after '|'", hint: "e.g. `where`, `select`, `count`") }
        guard let command = table.lookup(t.text) else { throw unknownCommand(t) }
        if command.role != .stage && command.role != .sourceOrStage {
            throw Diagnostic("'\(command.name)' starts a command; it cannot follow '|'", at: span(t),
                             hint: "the stages are: " + table.stages.map(\.name).joined(separator: ", "), category: .syntax)
        }
        _ = advance()
        return Stage(command: command, nameSpan: span(t), arguments: try parseArguments(command.shape, for: command))
    }

    func unknownCommand(_ t: Token) -> Diagnostic {
        let hint = Synonyms.commandHint(t.text, table: table, rewritten: rewrittenCommand(around: t))
            ?? Suggestion.hint(for: t.text, in: table.all.map(\.name))
            ?? "`help` lists the commands and stages"
        return Diagnostic("unknown command '\(t.text)'", at: span(t), hint: hint, category: .syntax)
    }

    /// The command holding `t`, as written, with `t` and other languages' operators in stmt's
    /// words (`filter act == urge` → `where act = urge`), so a hint can show the user's own line
    /// fixed; nil when `t` is no foreign word stmt knows.
    func rewrittenCommand(around t: Token) -> String? {
        guard let ours = Synonyms.commands[t.text.lowercased()],
              let at = tokens.firstIndex(where: { $0.range == t.range }) else { return nil }
        func ends(_ k: Token) -> Bool { k.kind == .newline || k.kind == .end || (k.kind == .op && k.text == ";") }
        var first = at, last = at
        while first > 0 && !ends(tokens[first - 1]) { first -= 1 }
        while last + 1 < tokens.count && !ends(tokens[last + 1]) { last += 1 }
        let text = input.text
        var out = ""
        var cursor = tokens[first].range.lowerBound
        for i in first...last {
            let k = tokens[i]
            var replacement: String?
            // `group-by act` is `group by act`; `order by date` is `sort date` (stmt's sort takes no `by`).
            if i == at { replacement = ours == "group" && !(i + 1 <= last && tokens[i + 1].text.lowercased() == "by") ? "group by" : ours }
            else if i == at + 1, ours == "sort", k.text.lowercased() == "by" {
                out += text[cursor..<k.range.lowerBound]
                cursor = i + 1 <= last ? tokens[i + 1].range.lowerBound : k.range.upperBound
                continue
            }
            else if k.kind == .op, let word = Synonyms.operatorWords[k.text] { replacement = word }
            guard let r = replacement else { continue }
            out += text[cursor..<k.range.lowerBound] + r
            cursor = k.range.upperBound
        }
        out += text[cursor..<tokens[last].range.upperBound]
        return out
    }
}

extension Parser {
    /// Whether a name can be written after `$`: letters, digits and `_`.
    public static func isVariableName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// Whether the text holds a string that never closes (its `#=>` lines, quoting it, could close it
    /// on another reading).
    public static func hasUnterminatedString(_ text: String) -> Bool {
        Lexer(input: SourceInput(text: text)).tokenizeRecovering().problems.values.contains { $0.message == "unterminated string" }
    }

    /// The 1-based lines that lie inside a string spanning several lines (after its first line):
    /// a transcript's `#=>` there is part of the string, not an expectation.
    public static func linesInsideStrings(_ text: String) -> Set<Int> {
        let input = SourceInput(text: text)
        guard let tokens = try? Lexer(input: input).tokenize() else { return [] }
        var out = Set<Int>()
        for t in tokens where t.kind == .string && text[t.range].contains("\n") {
            let first = input.span(t.range).line
            let count = text[t.range].filter { $0 == "\n" }.count
            for l in (first + 1)...(first + count) { out.insert(l) }
        }
        return out
    }
}
