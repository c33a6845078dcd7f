import StatementModel

/// `+ - * /`: numbers with numbers; `+` with text on either side joins text (the other side as it
/// prints). A null side gives null.
enum Arithmetic {
    static func apply(_ op: String, _ l: Value, _ r: Value, span: SourceSpan, model: Model) throws -> Value {
        if l.isNull || r.isNull { return .null }
        switch (l, r) {
        case (.number(let x), .number(let y)):
            switch op {
            case "+": return .number(x + y)
            case "-": return .number(x - y)
            case "*": return .number(x * y)
            default:
                guard y != 0 else { throw Diagnostic("division by zero", at: span, hint: "guard it: where n != 0") }
                return .number(x / y)
            }
        case _ where op == "+" && (l.isString || r.isString):
            return .string(Display.plain(l, model) + Display.plain(r, model))
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
