import StatementModel

extension Parser {
    /// Loosest first: `or`, `and`, `not`, comparisons, `+ -`, `* /`, unary `-`, primaries.
    mutating func parseExpression() throws(Diagnostic) -> Expr {
        try enter()
        defer { level -= 1 }
        return try parseOr()
    }

    mutating func parseOr() throws(Diagnostic) -> Expr {
        var left = try parseAnd()
        while isWord("or") {
            let t = advance()
            try countOperator(t)
            left = .binary("or", left, try parseAnd(), span(t))
        }
        // `a && b`, `a || b` after a whole condition.
        try refuseForeignOperator()
        return left
    }

    mutating func parseAnd() throws(Diagnostic) -> Expr {
        var left = try parseNot()
        while isWord("and") {
            let t = advance()
            try countOperator(t)
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
    /// Comparisons written as words.
    static let comparisonWords: Set<String> = ["in", "has", "matches"]

    mutating func parseComparison() throws(Diagnostic) -> Expr {
        let left = try parseAdditive()
        try refuseForeignOperator()
        if peek.kind == .op && Self.comparisonOps.contains(peek.text) {
            let t = advance()
            return .binary(t.text, left, try parseAdditive(), span(t))
        }
        if peek.kind == .word && Self.comparisonWords.contains(peek.text.lowercased()) {
            let t = advance()
            return .binary(t.text.lowercased(), left, try parseAdditive(), span(t))
        }
        if isWord("not") && pos + 1 < tokens.count && tokens[pos + 1].kind == .word
            && Self.comparisonWords.contains(tokens[pos + 1].text.lowercased()) {
            let t = advance()
            let op = advance().text.lowercased()
            return .not(.binary(op, left, try parseAdditive(), span(t)), span(t))
        }
        return left
    }

    /// Counts a chained operator (`a + b + …`, `x or y or …`). A chain is a left-deep tree that
    /// evaluating and freeing walk recursively, so its length is bounded like nesting is.
    mutating func countOperator(_ t: Token) throws(Diagnostic) {
        operators += 1
        if operators > Self.maxOperators {
            throw Diagnostic("more than \(Self.maxOperators) operators in one command", at: span(t),
                             hint: "split the command, or bind parts with `let`", category: .syntax)
        }
    }

    /// `==`, `&&` and `||`, as other languages write them: an error that gives this language's word.
    func refuseForeignOperator() throws(Diagnostic) {
        // SQL's word operators, only where they read as such (`echo it is done` prints three words).
        if peek.kind == .word, let said = Synonyms.operatorNames[peek.text.lowercased()], pos + 1 < tokens.count {
            let next = tokens[pos + 1], word = peek.text.lowercased()
            let reads = word == "is" ? ["null", "not"].contains(next.text.lowercased())
                : word == "between" ? pos + 2 < tokens.count && tokens[pos + 2].text.lowercased() == "and"
                : next.kind == .string
            if reads { throw Diagnostic("expected an operator of stmt, found '\(peek.text)'", at: span(peek), hint: said, category: .syntax) }
        }
        guard peek.kind == .op, let said = Synonyms.operators[peek.text] else { return }
        throw Diagnostic("expected an operator of stmt, found '\(peek.text)'", at: span(peek), hint: said, category: .syntax)
    }

    /// `-` and `/` are also word characters (ids, paths): as operators they stand apart, `n - 1`.
    func isArithmetic(_ ops: Set<String>) -> Bool {
        (peek.kind == .op || peek.kind == .word) && ops.contains(peek.text)
    }

    mutating func parseAdditive() throws(Diagnostic) -> Expr {
        var left = try parseMultiplicative()
        while true {
            if isArithmetic(["+", "-"]) {
                let t = advance()
                try countOperator(t)
                left = .binary(t.text, left, try parseMultiplicative(), span(t))
            } else if peek.kind == .number && peek.text.hasPrefix("-") {
                // `n -1`: the lexer read a negative number where a minus was meant.
                let t = advance()
                try countOperator(t)
                left = .binary("-", left, .literal(.number(-(try finiteNumber(t))), span(t)), span(t))
            } else {
                return left
            }
        }
    }

    mutating func parseMultiplicative() throws(Diagnostic) -> Expr {
        var left = try parseUnary()
        while isArithmetic(["*", "/"]) {
            let t = advance()
            try countOperator(t)
            left = .binary(t.text, left, try parseUnary(), span(t))
        }
        return left
    }

    mutating func parseUnary() throws(Diagnostic) -> Expr {
        if isArithmetic(["-"]) {
            let t = advance()
            try enter()
            defer { level -= 1 }
            return .negate(try parseUnary(), span(t))
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws(Diagnostic) -> Expr {
        let t = peek
        switch t.kind {
        case .string:
            _ = advance()
            return .literal(.string(t.text), span(t))
        case .number:
            _ = advance()
            return .literal(.number(try finiteNumber(t)), span(t))
        case .variable:
            _ = advance()
            return .variable(t.text, span(t))
        case .word:
            // A name written against `(` calls a function: len(aliases).
            if pos + 1 < tokens.count, tokens[pos + 1].kind == .op, tokens[pos + 1].text == "(",
               tokens[pos + 1].range.lowerBound == t.range.upperBound || Functions.table.lookup(t.text) != nil {
                return try parseCall()
            }
            _ = advance()
            switch t.text.lowercased() {
            case "true": return .literal(.bool(true), span(t))
            case "false": return .literal(.bool(false), span(t))
            case "null": return .literal(.null, span(t))
            default:
                // `-1` after a word (echo -1) is lexed as a word; it can only mean the number.
                if t.text.hasPrefix("-"), NumberText.form(t.text) != nil { return .literal(.number(try finiteNumber(t)), span(t)) }
                // A word that starts with a digit is no field name: `cameo = 0243`, as the model writes
                // the code, is the text "0243" (it was the number 243, and matched nothing).
                if let first = t.text.unicodeScalars.first(where: { $0 != "-" }), ("0"..."9").contains(first) {
                    return .literal(.string(t.text), span(t))
                }
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
            try refuseForeignOperator()
            throw unexpected(t, expected: "a value, a field name or '('", hint: "e.g. act = \"urge\", (statements | count)")
        }
    }

    /// A number token's value; `1e999` is no number stmt can hold (it became `inf`, and was saved as null).
    func finiteNumber(_ t: Token) throws(Diagnostic) -> Double {
        guard let n = Double(t.text), n.isFinite else {
            throw Diagnostic("number out of range: '\(t.text)'", at: span(t), hint: "numbers go up to about 1.8e308", category: .syntax)
        }
        return n
    }

    /// `name(argument, …)`: the function must exist (did you mean …?) and take that many arguments.
    mutating func parseCall() throws(Diagnostic) -> Expr {
        let name = advance()
        guard let f = Functions.table.lookup(name.text) else {
            throw Diagnostic("unknown function '\(name.text)'", at: span(name),
                             hint: Suggestion.hint(for: name.text, in: Functions.table.all.map(\.name))
                                 ?? "the functions are: " + Functions.table.all.map(\.name).joined(separator: ", "),
                             category: .syntax)
        }
        _ = advance(); depth += 1
        while peek.kind == .newline { pos += 1 }
        try enter()
        defer { level -= 1 }
        var args: [Expr] = []
        while !isOp(")") {
            args.append(try parseExpression())
            if isOp(",") { _ = advance() } else { break }
        }
        depth -= 1
        try expectOp(")", hint: "close the call: \(f.signature)")
        guard f.arity.contains(args.count) else {
            let n = f.arity.lowerBound == f.arity.upperBound ? "\(f.arity.lowerBound)" : "\(f.arity.lowerBound) to \(f.arity.upperBound)"
            throw Diagnostic("'\(f.name)' takes \(n) argument\(f.arity.upperBound == 1 ? "" : "s"), found \(args.count)", at: span(name),
                             hint: "usage: \(f.signature)", category: .syntax)
        }
        return .call(f.name, args, span(name))
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
                let next = j + 1 < tokens.count ? tokens[j + 1] : nil
                if let next, next.kind == .op, Self.comparisonOps.contains(next.text) || next.text == "(" { return false }
                return true
            }
            if t.kind == .variable, j + 1 < tokens.count, tokens[j + 1].kind == .op, tokens[j + 1].text == "|" { return true }
            guard t.kind == .op && t.text == "(" else { return false }
            j += 1
        }
    }
}
