import StatementModel

extension Parser {
    /// `or` binds loosest, then `and`, then `not`, then comparisons.
    mutating func parseExpression() throws(Diagnostic) -> Expr {
        try enter()
        defer { level -= 1 }
        return try parseOr()
    }

    mutating func parseOr() throws(Diagnostic) -> Expr {
        var left = try parseAnd()
        while isWord("or") {
            let t = advance()
            left = .binary("or", left, try parseAnd(), span(t))
        }
        return left
    }

    mutating func parseAnd() throws(Diagnostic) -> Expr {
        var left = try parseNot()
        while isWord("and") {
            let t = advance()
            left = .binary("and", left, try parseNot(), span(t))
        }
        return left
    }

    mutating func parseNot() throws(Diagnostic) -> Expr {
        if isWord("not") {
            let t = advance()
            try enter()
            defer { level -= 1 }
            return .not(try parseNot(), span(t))
        }
        return try parseComparison()
    }

    static let comparisonOps: Set<String> = ["=", "!=", "<", "<=", ">", ">=", "~"]

    mutating func parseComparison() throws(Diagnostic) -> Expr {
        let left = try parsePrimary()
        if peek.kind == .op && Self.comparisonOps.contains(peek.text) {
            let t = advance()
            return .binary(t.text, left, try parsePrimary(), span(t))
        }
        if isWord("in") || isWord("has") {
            let t = advance()
            return .binary(t.text.lowercased(), left, try parsePrimary(), span(t))
        }
        if isWord("not") && pos + 1 < tokens.count && tokens[pos + 1].kind == .word && ["in", "has"].contains(tokens[pos + 1].text.lowercased()) {
            let t = advance()
            let op = advance().text.lowercased()
            return .not(.binary(op, left, try parsePrimary(), span(t)), span(t))
        }
        return left
    }

    mutating func parsePrimary() throws(Diagnostic) -> Expr {
        let t = peek
        switch t.kind {
        case .string:
            _ = advance()
            return .literal(.string(t.text), span(t))
        case .number:
            _ = advance()
            return .literal(.number(Double(t.text)!), span(t))
        case .variable:
            _ = advance()
            return .variable(t.text, span(t))
        case .word:
            _ = advance()
            switch t.text.lowercased() {
            case "true": return .literal(.bool(true), span(t))
            case "false": return .literal(.bool(false), span(t))
            case "null": return .literal(.null, span(t))
            default:
                // `-1` after a word (echo -1) is lexed as a word; it can only mean the number.
                if t.text.hasPrefix("-"), let n = Double(t.text) { return .literal(.number(n), span(t)) }
                return .field(t.text.split(separator: ".").map(String.init), span(t))
            }
        case .op where t.text == "[":
            _ = advance(); depth += 1
            while peek.kind == .newline { pos += 1 }
            var items: [Expr] = []
            while !isOp("]") {
                items.append(try parseExpression())
                if isOp(",") { _ = advance() } else { break }
            }
            depth -= 1
            try expectOp("]", hint: "close the list with ']'")
            return .list(items, span(t))
        case .op where t.text == "(":
            if startsPipeline(at: pos + 1) {
                let head = try parseHead()
                guard case .subpipeline(let p) = head.arguments else { throw unexpected(t, expected: "a pipeline") }
                return .pipeline(p, span(t))
            }
            _ = advance(); depth += 1
            while peek.kind == .newline { pos += 1 }
            let e = try parseExpression()
            depth -= 1
            try expectOp(")", hint: "close the parenthesis")
            return e
        default:
            throw unexpected(t, expected: "a value, a field name or '('", hint: "e.g. act = \"urge\", (statements | count)")
        }
    }

    /// Whether the tokens at `i` begin a pipeline (a source command, or `$var |`), looking past any
    /// number of opening parentheses — in a loop, so no input can make the lookahead recurse.
    func startsPipeline(at i: Int) -> Bool {
        var j = i
        while true {
            while j < tokens.count && tokens[j].kind == .newline { j += 1 }
            guard j < tokens.count else { return false }
            let t = tokens[j]
            if t.kind == .word, let c = table.lookup(t.text), c.role != .stage {
                return !(j + 1 < tokens.count && tokens[j + 1].kind == .op && Self.comparisonOps.contains(tokens[j + 1].text))
            }
            if t.kind == .variable, j + 1 < tokens.count, tokens[j + 1].kind == .op, tokens[j + 1].text == "|" { return true }
            guard t.kind == .op && t.text == "(" else { return false }
            j += 1
        }
    }
}
