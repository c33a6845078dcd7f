import StatementModel

/// `+ - * /`: numbers with numbers; `+` with text on either side joins text (the other side as it
/// prints). A null side gives null.
enum Arithmetic {
    static func apply(_ op: String, _ l: Value, _ r: Value, span: SourceSpan, model: Model, madeText: TextBudget) throws -> Value {
        if l.isNull || r.isNull { return .null }
        switch (l, r) {
        case (.number(let x), .number(let y)):
            let result: Double
            switch op {
            case "+": result = x + y
            case "-": result = x - y
            case "*": result = x * y
            default:
                guard y != 0 else { throw Diagnostic("division by zero", at: span, hint: "guard it: where n != 0") }
                result = x / y
            }
            // `inf` and `nan` would print as such and save as null: an overflow is said where it happens.
            guard result.isFinite else {
                throw Diagnostic("'\(op)' overflows: \(Display.number(x)) \(op) \(Display.number(y)) is beyond the largest number (about 1.8e308)",
                                 at: span, hint: "scale the values down first")
            }
            return .number(result)
        case _ where op == "+" && (l.isString || r.isString):
            let a = Display.plain(l, model), b = Display.plain(r, model)
            // Joined with nothing: the text itself, no copy.
            if b.isEmpty { return .string(a) }
            if a.isEmpty { return .string(b) }
            try madeText.take(a.utf8.count + b.utf8.count, at: span)
            return .string(a + b)
        default:
            let hint = op == "+" ? "'+' adds numbers or joins text: \"total: \" + $n" : "'\(op)' works on numbers, e.g. len(topics) \(op) 1"
            throw Diagnostic("cannot \(op == "+" ? "add" : op == "-" ? "subtract" : op == "*" ? "multiply" : "divide") \(l.typeName) and \(r.typeName)",
                             at: span, hint: hint)
        }
    }
}

extension Value {
    var isString: Bool { if case .string = self { return true }; return false }
}
