import Foundation
import StatementModel

/// Runs pipelines and evaluates expressions against a session's model.
public struct Evaluator {
    /// The session.
    public let session: Session
    var model: Model { session.model }
    /// Values of `(pipeline)` expressions already computed while running this command.
    let subqueries = SubqueryCache()

    /// Makes an evaluator.
    public init(session: Session) { self.session = session }

    /// Runs a pipeline: its head, then each stage on the value before it.
    public func run(_ p: Pipeline) throws -> Output {
        var output = try invoke(p.head, input: nil)
        for (k, stage) in p.stages.enumerated() {
            try checkCancelled(stage.nameSpan)
            guard case .value(let v) = output else {
                throw Diagnostic("'\(stage.command.name)' has no table to work on: the command before '|' prints text",
                                 at: stage.nameSpan, hint: "pipe from a table or a query, e.g. `statements | \(stage.command.name) …`")
            }
            var hint: Int? = nil
            if k + 1 < p.stages.count, p.stages[k + 1].command.keepsFirstRows, case .words(let w) = p.stages[k + 1].arguments,
               let n = w.first.flatMap({ Int($0.text) }), n >= 0 { hint = n }
            output = try invoke(stage, input: v, limitHint: hint)
        }
        return output
    }

    /// Runs a pipeline and returns its value (for `let`, `(…)` and `assert`).
    public func value(of p: Pipeline, at span: SourceSpan) throws -> Value {
        switch try run(p) {
        case .value(let v): return v
        case .none: return .null
        case .text(let t), .styled(let t): return .string(t)
        }
    }

    func invoke(_ stage: Stage, input: Value?, limitHint: Int? = nil) throws -> Output {
        var inv = Invocation(session: session, input: input, arguments: stage.arguments, span: stage.nameSpan,
                             evaluator: self, command: stage.command)
        inv.limitHint = limitHint
        return try stage.command.run(inv)
    }

    /// Throws a cancellation diagnostic when the user pressed Ctrl-C.
    public func checkCancelled(_ span: SourceSpan) throws {
        if session.isCancelled() {
            throw Diagnostic("cancelled", at: span, hint: "the command was interrupted; the session goes on", category: .cancelled)
        }
    }

    // MARK: expressions

    /// Evaluates an expression for a row (nil outside a table).
    public func eval(_ e: Expr, row: Value?) throws -> Value {
        switch e {
        case .literal(let v, _): return v
        case .variable(let name, let span): return try variable(name, span)
        case .list(let items, _): return .list(try items.map { try eval($0, row: row) })
        case .pipeline(let p, let span):
            // A subquery cannot refer to the row being tested (the language has no correlation), so
            // its value is the same for every row: computed once per command, not once per row.
            let key = SubqueryCache.Key(line: span.line, column: span.column, file: span.file)
            if let v = subqueries.values[key] { return v }
            let v = try value(of: p, at: span)
            subqueries.values[key] = v
            return v
        case .not(let inner, let span):
            return .bool(!(try truth(eval(inner, row: row), span)))
        case .field(let path, let span):
            guard let row else {
                throw Diagnostic("'\(path.joined(separator: "."))' is not a value here: there is no row to read a field from",
                                 at: span, hint: "quote text: \"\(path.joined(separator: "."))\"; use $name for a variable")
            }
            return try field(path, of: row, span)
        case .binary(let op, let l, let r, let span):
            if op == "and" { return .bool(try truth(eval(l, row: row), l.span) ? truth(eval(r, row: row), r.span) : false) }
            if op == "or" { return .bool(try truth(eval(l, row: row), l.span) ? true : truth(eval(r, row: row), r.span)) }
            return .bool(try Comparison(model: model).apply(op, eval(l, row: row), eval(r, row: row), span: span, rightSpan: r.span))
        }
    }

    func variable(_ name: String, _ span: SourceSpan) throws -> Value {
        if let v = session.variables[name] { return v }
        var hint = "define it with `let \(name) = …`, or pass it to a script with --set \(name)=VALUE"
        if let near = Suggestion.closest(to: name, in: session.variables.keys).first {
            hint = "did you mean '$\(near)'?"
        } else if !session.variables.isEmpty {
            hint += "; the variables are: " + session.variables.keys.sorted().map { "$" + $0 }.joined(separator: ", ")
        }
        throw Diagnostic("unknown variable '$\(name)'", at: span, hint: hint)
    }

    func truth(_ v: Value, _ span: SourceSpan) throws -> Bool {
        switch v {
        case .bool(let b): return b
        case .null: return false
        default:
            throw Diagnostic("expected a condition (true or false), found \(v.typeName)", at: span,
                             hint: "compare it, e.g. `act = \"urge\"`")
        }
    }

    /// Reads a field path of a row; through a list it maps (`speakers.kind` is every speaker's kind).
    public func field(_ path: [String], of row: Value, _ span: SourceSpan) throws -> Value {
        var current = row
        for (i, name) in path.enumerated() {
            current = try step(name, current, span, first: i == 0)
        }
        return current
    }

    func step(_ name: String, _ v: Value, _ span: SourceSpan, first: Bool) throws -> Value {
        if case .list(let items) = v { return .list(try items.map { try step(name, $0, span, first: first) }) }
        if case .null = v { return .null }
        if let value = Fields.get(name, of: v, in: model) { return value }
        let names = Fields.names(of: v)
        var hint = Suggestion.hint(for: name, in: names)
        if hint == nil, first, !model.entities(named: name).isEmpty || model.record(id: name) != nil {
            hint = "'\(name)' is a name in the model, not a field; quote it: \"\(name)\""
        }
        throw Diagnostic("unknown field '\(name)' of \(v.typeName)", at: span,
                         hint: hint ?? "the fields are: " + names.joined(separator: ", "))
    }
}


/// The values of a command's subqueries, keyed by where each stands in the input.
final class SubqueryCache {
    struct Key: Hashable {
        var line: Int
        var column: Int
        var file: String
    }
    var values: [Key: Value] = [:]
}
