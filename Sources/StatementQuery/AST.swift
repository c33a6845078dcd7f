import StatementModel

/// An expression, with the span it came from.
public indirect enum Expr: Sendable {
    /// A constant.
    case literal(Value, SourceSpan)
    /// A field path of the current row, e.g. `speakers.kind`.
    case field([String], SourceSpan)
    /// A `$name` variable.
    case variable(String, SourceSpan)
    /// `[a, b, c]`.
    case list([Expr], SourceSpan)
    /// A binary operation: comparison, `in`, `has`, `~`, `matches`, `and`, `or`, `+ - * /`.
    case binary(String, Expr, Expr, SourceSpan)
    /// `not e`.
    case not(Expr, SourceSpan)
    /// `-e`.
    case negate(Expr, SourceSpan)
    /// A function call, `len(aliases)`: the function's name, its arguments.
    case call(String, [Expr], SourceSpan)
    /// `(pipeline)` used as a value.
    case pipeline(Pipeline, SourceSpan)

    /// Where the expression is in the input (its operator, name or first token).
    public var span: SourceSpan {
        switch self {
        case .literal(_, let s), .field(_, let s), .variable(_, let s), .list(_, let s), .binary(_, _, _, let s),
             .not(_, let s), .negate(_, let s), .call(_, _, let s), .pipeline(_, let s): return s
        }
    }

    /// Whether this is the literal `null`.
    var isNullLiteral: Bool { if case .literal(.null, _) = self { return true }; return false }
}

/// A column of `select`: an expression and the name it gets.
public struct ColumnArgument: Sendable {
    /// What the column holds.
    public var expr: Expr
    /// The name, from `as NAME`, else the field path, else the expression as typed.
    public var name: String
    /// Where it is.
    public var span: SourceSpan
    /// The field path, when the column is a plain field.
    public var path: [String]? { if case .field(let p, _) = expr { return p }; return nil }
}

/// The arguments of `group`: the fields grouped by, and the aggregates computed per group.
public struct GroupArguments: Sendable {
    /// Fields whose values make a group (a list field: each element).
    public var by: [FieldArgument]
    /// `aggregate` calls with their column names.
    public var aggregates: [ColumnArgument]
}

/// One stage of a pipeline: its command and its arguments.
public struct Stage: Sendable {
    /// The command that runs it.
    public var command: CommandSpec
    /// Where its name is.
    public var nameSpan: SourceSpan
    /// Parsed arguments.
    public var arguments: Arguments
}

/// A source table or variable followed by stages.
public struct Pipeline: Sendable {
    /// The first element: a command (a table or a producing command such as `find`) with its arguments.
    public var head: Stage
    /// The rest.
    public var stages: [Stage]
    /// The whole pipeline's span (its first token).
    public var span: SourceSpan
}

/// Arguments as parsed by a command's ``ArgumentShape``.
public indirect enum Arguments: Sendable {
    /// No arguments.
    case none
    /// One expression (`where`, `assert`).
    case expression(Expr)
    /// Words or strings (`help where`, `show s3`, `save out.csv`, `set mode json`).
    case words([(text: String, span: SourceSpan)])
    /// Fields with optional renaming or direction (`select a, b as c`; `sort date desc`).
    case fields([FieldArgument])
    /// `count by FIELD, …` (empty: count the rows).
    case countBy([FieldArgument])
    /// `select EXPR [as NAME], …`.
    case columns([ColumnArgument])
    /// `group by FIELD, … [aggregate CALL [as NAME], …]`.
    case group(GroupArguments)
    /// `echo` and the like: expressions one after another.
    case expressions([Expr])
    /// `let NAME = PIPELINE`.
    case binding(name: String, nameSpan: SourceSpan, value: Pipeline)
    /// `param NAME = EXPR`.
    case parameter(name: String, nameSpan: SourceSpan, value: Expr)
    /// A variable used as a source: `$calls`.
    case variable(String, SourceSpan)
    /// A parenthesised pipeline as source.
    case subpipeline(Pipeline)
}

/// A field named in `select`, `sort`, `count by`, `distinct`, `expand`.
public struct FieldArgument: Sendable {
    /// The path, e.g. `["speakers", "name"]`.
    public var path: [String]
    /// Where.
    public var span: SourceSpan
    /// `as NAME`.
    public var alias: String?
    /// For sort: descending.
    public var descending: Bool = false
    /// The column name it produces.
    public var columnName: String { alias ?? path.joined(separator: ".") }
}

/// One top-level command of a script: a pipeline, with the text it came from.
public struct ParsedCommand: Sendable {
    /// The pipeline to run.
    public var pipeline: Pipeline
    /// The source text of the command (for echo and transcripts).
    public var text: String
    /// Where it starts.
    public var span: SourceSpan
}
