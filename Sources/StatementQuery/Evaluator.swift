import Foundation
import StatementModel

/// Runs pipelines and evaluates expressions against a session's model.
public struct Evaluator {
    /// The session.
    public let session: Session
    var model: Model { session.model }
    /// Values of `(pipeline)` expressions already computed while running this command.
    let subqueries = SubqueryCache()
    /// The large texts this command has made (`+`, `join`, `replace`, `upper`, `lower`, `trim`).
    let madeText: TextBudget
    /// Comparisons of dates whose answer was unknown (a date within or around the other at another
    /// precision), for `where` to say how many rows they left out.
    let unknownDates = UnknownDates()

    /// Makes an evaluator.
    public init(session: Session) {
        self.session = session
        madeText = TextBudget(session.textLimits)
    }

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

    /// Evaluates an expression for a row (nil outside a table). Comparisons are three-valued: a
    /// null side gives null (unknown), which `where` treats as false.
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
            let v = try eval(inner, row: row)
            if v.isNull { return .null }
            return .bool(!(try truth(v, span)))
        case .negate(let inner, let span):
            switch try eval(inner, row: row) {
            case .null: return .null
            case .number(let n): return .number(-n)
            case let v: throw Diagnostic("'-' expected a number, found \(v.typeName)", at: span, hint: "e.g. -1, or len(topics) - 1")
            }
        case .field(let path, let span):
            guard let row else {
                throw Diagnostic("'\(path.joined(separator: "."))' is not a value here: there is no row to read a field from",
                                 at: span, hint: "quote text: \"\(path.joined(separator: "."))\"; use $name for a variable")
            }
            return try field(path, of: row, span)
        case .call(let name, let args, let span):
            guard let f = Functions.table.lookup(name) else { throw Diagnostic("unknown function '\(name)'", at: span) }
            if f.aggregate {
                throw Diagnostic("'\(name)' is an aggregate: it works on the rows of a group", at: span,
                                 hint: "e.g. statements | group by act aggregate \(f.signature)")
            }
            let values = try args.map { try eval($0, row: row) }
            // At every call, not only between rows: one row's nested calls may take seconds.
            try checkCancelled(span)
            return try f.run(FunctionSpec.Call(arguments: values, spans: args.map { $0.span }, span: span, model: model, madeText: madeText))
        case .binary(let op, let l, let r, let span):
            switch op {
            case "and":
                // Three-valued: false wins, then null.
                let a = try logic(eval(l, row: row), l.span)
                if a == false { return .bool(false) }
                let b = try logic(eval(r, row: row), r.span)
                if b == false { return .bool(false) }
                return a == nil || b == nil ? .null : .bool(true)
            case "or":
                let a = try logic(eval(l, row: row), l.span)
                if a == true { return .bool(true) }
                let b = try logic(eval(r, row: row), r.span)
                if b == true { return .bool(true) }
                return a == nil || b == nil ? .null : .bool(false)
            case "+", "-", "*", "/":
                return try Arithmetic.apply(op, eval(l, row: row), eval(r, row: row), span: span, model: model, madeText: madeText)
            case _ where (op == "=" || op == "!=") && (l.isNullLiteral || r.isNullLiteral):
                // `x = null`: is it absent (null, or an empty list)? (A `where` on a case with two
                // patterns would guard only the second.)
                let missing = Comparison.isMissing(try eval(l.isNullLiteral ? r : l, row: row))
                return .bool(op == "=" ? missing : !missing)
            default:
                let lv = try eval(l, row: row), rv = try eval(r, row: row)
                let v = try Comparison(model: model).apply(op, lv, rv, span: span, leftSpan: l.span, rightSpan: r.span)
                if v.isNull, !lv.isNull, !rv.isNull, lv.isDate || rv.isDate { unknownDates.count += 1 }
                return v
            }
        }
    }

    /// A condition's value: true, false, or nil for unknown (null).
    func logic(_ v: Value, _ span: SourceSpan) throws -> Bool? {
        if v.isNull { return nil }
        return try truth(v, span)
    }

    func variable(_ name: String, _ span: SourceSpan) throws -> Value {
        if let v = session.readVariable(name) { return v }
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
        // A column named by a whole path (`expand speakers.members` makes one) is read as it is.
        if path.count > 1, case .record(let r) = row, let v = r[path.joined(separator: ".")] { return v }
        var current = row
        do {
            for (i, name) in path.enumerated() {
                current = try step(name, current, span, first: i == 0)
            }
        } catch var d as Diagnostic {
            // `act.cue`, `reported.mode`: the model file's nesting, where a query reads one field.
            if let hint = Fields.dottedHint(for: path, in: Fields.names(of: row)) { d.hint = hint }
            throw d
        }
        return current
    }

    func step(_ name: String, _ v: Value, _ span: SourceSpan, first: Bool) throws -> Value {
        // Through a list it maps; a list of lists (members of each speaker) is flattened one level.
        if case .list(let items) = v {
            var out: [Value] = []
            for item in items {
                let x = try step(name, item, span, first: first)
                if case .list(let inner) = x { out += inner } else { out.append(x) }
            }
            return .list(out)
        }
        if case .null = v { return .null }
        if let value = Fields.get(name, of: v, in: model) { return value }
        if case .record(let r) = v, r.isMapping {
            // A code this entity lacks is null when other entities have it; one no entity has is a typo.
            let known = model.entityCodeKeys
            if known.contains(name) { return .null }
            throw Diagnostic("no code '\(name)' in this model", at: span,
                             hint: Fields.hint(for: name, in: known.sorted()) ?? "the codes are: " + known.sorted().joined(separator: ", "))
        }
        let names = Fields.names(of: v)
        if names.isEmpty {
            throw Diagnostic("unknown field '\(name)' of \(v.typeName): it has no fields", at: span,
                             hint: "read the value itself, without '.\(name)'")
        }
        var hint = Fields.hint(for: name, in: names)
        if first, let what = KnownValues(model: model).describe(name) {
            // `act = urge`: the word is a value, not a field.
            hint = "'\(name)' is \(what), not a field; quote it: \"\(name)\""
        }
        throw Diagnostic("unknown field '\(name)' of \(v.typeName)", at: span,
                         hint: hint ?? "the fields are: " + names.joined(separator: ", "))
    }
}


/// The values of a command's subqueries, keyed by where each stands in the input.
/// A count that the evaluator's copies share.
final class UnknownDates {
    var count = 0
}

final class SubqueryCache {
    struct Key: Hashable {
        var line: Int
        var column: Int
        var file: String
    }
    var values: [Key: Value] = [:]
}
