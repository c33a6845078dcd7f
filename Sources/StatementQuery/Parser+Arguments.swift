import StatementModel

extension Parser {
    mutating func parseArguments(_ shape: ArgumentShape, for command: CommandSpec) throws(Diagnostic) -> Arguments {
        switch shape {
        case .none:
            guard isCommandEnd(peek) || isOp("|") else {
                throw unexpected(peek, expected: "no arguments to '\(command.name)'", hint: "usage: \(command.synopsis)")
            }
            return .none
        case .expression:
            if isCommandEnd(peek) || isOp("|") {
                throw unexpected(peek, expected: "an expression after '\(command.name)'", hint: "usage: \(command.synopsis)")
            }
            return .expression(try parseExpression())
        case .words(let min, let max):
            var words: [(String, SourceSpan)] = []
            while !isCommandEnd(peek) && !isOp("|") && words.count < max {
                let t = peek
                guard [.word, .string, .number].contains(t.kind) else {
                    throw unexpected(t, expected: "a word or a quoted string", hint: "usage: \(command.synopsis)")
                }
                _ = advance()
                words.append((t.text, span(t)))
            }
            if words.count < min {
                throw unexpected(peek, expected: min == 1 ? "an argument to '\(command.name)'" : "\(min) arguments to '\(command.name)'",
                                 hint: "usage: \(command.synopsis)")
            }
            if !isCommandEnd(peek) && !isOp("|") {
                throw unexpected(peek, expected: "at most \(max) argument\(max == 1 ? "" : "s") to '\(command.name)'",
                                 hint: "usage: \(command.synopsis); quote text with spaces")
            }
            return .words(words)
        case .fields(let rename, let direction, let min):
            var fields: [FieldArgument] = []
            while !isCommandEnd(peek) && !isOp("|") {
                let t = peek
                guard t.kind == .word || t.kind == .string else { throw unexpected(t, expected: "a field name", hint: "usage: \(command.synopsis)") }
                _ = advance()
                var f = FieldArgument(path: t.text.split(separator: ".").map(String.init), span: span(t))
                if rename && isWord("as") {
                    _ = advance()
                    let n = peek
                    guard n.kind == .word || n.kind == .string else { throw unexpected(n, expected: "a column name after 'as'", hint: "e.g. select len(topics) as topics; quote a name with spaces: as \"n of topics\"") }
                    _ = advance()
                    f.alias = n.text
                }
                if direction && (isWord("asc") || isWord("desc")) { f.descending = advance().text.lowercased() == "desc" }
                fields.append(f)
                guard isOp(",") else { break }
                _ = advance()
                if isCommandEnd(peek) || isOp("|") {
                    throw unexpected(peek, expected: "a field name after ','", hint: "usage: \(command.synopsis)")
                }
            }
            if fields.count < min { throw unexpected(peek, expected: "a field name", hint: "usage: \(command.synopsis)") }
            if !isCommandEnd(peek) && !isOp("|") { throw unexpected(peek, expected: "',' or the end of the stage", hint: "usage: \(command.synopsis)") }
            return .fields(fields)
        case .countBy:
            guard isWord("by") else {
                guard isCommandEnd(peek) || isOp("|") else { throw unexpected(peek, expected: "'by' or the end of the stage", hint: "usage: \(command.synopsis)") }
                return .countBy([])
            }
            _ = advance()
            return .countBy(try parseFieldList(command))
        case .columns(let min):
            var columns: [ColumnArgument] = []
            if min == 0 && (isCommandEnd(peek) || isOp("|")) { return .columns([]) }
            repeat {
                if !columns.isEmpty { _ = advance() }
                if isCommandEnd(peek) || isOp("|") {
                    throw unexpected(peek, expected: columns.isEmpty ? "a column: a field or an expression" : "a column after ','",
                                     hint: "usage: \(command.synopsis)")
                }
                columns.append(try parseColumn())
            } while isOp(",")
            if !isCommandEnd(peek) && !isOp("|") { throw unexpected(peek, expected: "',' or the end of the stage", hint: "usage: \(command.synopsis)") }
            return .columns(columns)
        case .group:
            guard isWord("by") else { throw unexpected(peek, expected: "'by' after 'group'", hint: "usage: \(command.synopsis)") }
            _ = advance()
            let by = try parseFieldList(command, stopWords: ["aggregate"])
            var aggregates: [ColumnArgument] = []
            if isWord("aggregate") {
                _ = advance()
                repeat {
                    if !aggregates.isEmpty { _ = advance() }
                    let c = try parseColumn()
                    guard case .call(let name, _, _) = c.expr, Functions.table.lookup(name)?.aggregate == true else {
                        throw Diagnostic("expected an aggregate such as count() or min(date), found '\(c.name)'", at: c.span,
                                         hint: "the aggregates are: " + Functions.table.all.filter(\.aggregate).map(\.signature).joined(separator: ", "),
                                         category: .syntax)
                    }
                    aggregates.append(c)
                } while isOp(",")
            }
            if !isCommandEnd(peek) && !isOp("|") {
                throw unexpected(peek, expected: "'aggregate', ',' or the end of the stage", hint: "usage: \(command.synopsis)")
            }
            return .group(GroupArguments(by: by, aggregates: aggregates))
        case .expressions:
            var items: [Expr] = []
            while !isCommandEnd(peek) && !isOp("|") {
                if isOp(",") { _ = advance(); continue }
                items.append(try parseExpression())
            }
            if items.isEmpty { throw unexpected(peek, expected: "something to \(command.name)", hint: "usage: \(command.synopsis)") }
            return .expressions(items)
        case .binding:
            let n = peek
            guard n.kind == .word else { throw unexpected(n, expected: "a variable name", hint: "usage: \(command.synopsis)") }
            try checkVariableName(n)
            _ = advance()
            try expectOp("=", hint: "usage: \(command.synopsis)")
            // `let n = statements | count` binds a pipeline's value; `let n = "text"` an expression's.
            if startsPipeline(at: pos) || peek.kind == .word && table.lookup(peek.text) != nil {
                let start = pos, operatorsBefore = operators
                let value = try parseValuePipeline(in: "of a variable")
                // `let x = (statements | count) * 2`: a query in parentheses is the start of an
                // expression when an operator follows it (as for `param` and `echo`).
                if value.stages.isEmpty, case .subpipeline = value.head.arguments,
                   peek.kind == .op && ![";", "|", ")"].contains(peek.text) || peek.kind == .word && ["-", "/", "and", "or"].contains(peek.text) {
                    pos = start
                    operators = operatorsBefore
                    return .parameter(name: n.text, nameSpan: span(n), value: try parseExpression())
                }
                return .binding(name: n.text, nameSpan: span(n), value: value)
            }
            return .parameter(name: n.text, nameSpan: span(n), value: try parseExpression())
        case .parameter:
            let n = peek
            guard n.kind == .word else { throw unexpected(n, expected: "a parameter name", hint: "usage: \(command.synopsis)") }
            try checkVariableName(n)
            _ = advance()
            try expectOp("=", hint: "usage: \(command.synopsis)")
            return .parameter(name: n.text, nameSpan: span(n), value: try parseExpression())
        }
    }
}

extension Parser {
    /// A name bound by `let` or `param` must be one `$` can reach: letters, digits and `_`.
    func checkVariableName(_ t: Token) throws(Diagnostic) {
        guard Parser.isVariableName(t.text) else {
            let suggested = String(t.text.map { $0.isLetter || $0.isNumber ? $0 : "_" })
            throw Diagnostic("'\(t.text)' cannot be a variable name: `$` reads only letters, digits and '_'", at: span(t),
                             hint: "e.g. \(suggested), used as $\(suggested)", category: .syntax)
        }
    }
}

extension Parser {
    /// `FIELD, FIELD …` for `count by` and `group by`.
    mutating func parseFieldList(_ command: CommandSpec, stopWords: Set<String> = []) throws(Diagnostic) -> [FieldArgument] {
        var fields: [FieldArgument] = []
        repeat {
            if !fields.isEmpty { _ = advance() }
            let t = peek
            guard t.kind == .word || t.kind == .string, !stopWords.contains(t.text.lowercased()) else {
                throw unexpected(t, expected: "a field name", hint: "usage: \(command.synopsis)")
            }
            _ = advance()
            fields.append(FieldArgument(path: t.text.split(separator: ".").map(String.init), span: span(t)))
        } while isOp(",")
        return fields
    }

    /// `EXPRESSION [as NAME]`: named by `as`, else by its field path, else by its text as typed.
    mutating func parseColumn() throws(Diagnostic) -> ColumnArgument {
        let first = peek
        let e = try parseExpression()
        let last = tokens[max(0, pos - 1)]
        var name = String(input.text[first.range.lowerBound..<max(first.range.lowerBound, last.range.upperBound)])
        if case .field(let path, _) = e { name = path.joined(separator: ".") }
        if isWord("as") {
            _ = advance()
            let n = peek
            guard n.kind == .word || n.kind == .string else { throw unexpected(n, expected: "a column name after 'as'", hint: "e.g. select len(topics) as topics; quote a name with spaces: as \"n of topics\"") }
            _ = advance()
            name = n.text
        }
        return ColumnArgument(expr: e, name: name, span: span(first))
    }
}
