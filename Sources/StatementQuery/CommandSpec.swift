import StatementModel

/// How a command's arguments are written; the parser reads them from this alone.
public enum ArgumentShape: Sendable {
    /// Nothing.
    case none
    /// One expression.
    case expression
    /// Between `min` and `max` words or quoted strings.
    case words(min: Int, max: Int)
    /// A comma-separated list of fields, optionally with `as NAME` and `asc`/`desc`.
    case fields(rename: Bool, direction: Bool, min: Int)
    /// An optional `by FIELD, …`.
    case countBy
    /// Comma-separated columns, at least `min`: `EXPRESSION [as NAME]` (a field, a call, arithmetic).
    case columns(min: Int)
    /// `by FIELD, …` then optionally `aggregate CALL [as NAME], …`.
    case group
    /// One or more expressions, one after another (words print as text).
    case expressions
    /// `NAME = PIPELINE`.
    case binding
    /// `NAME = EXPRESSION`.
    case parameter
}

/// What completion offers for a command's arguments.
public enum CompletionKind: Sendable {
    /// Nothing in particular.
    case none
    /// Field names of the table flowing in.
    case fields
    /// Ids of records (statements first).
    case ids
    /// File paths.
    case paths
    /// Command names.
    case commands
    /// Setting names, then their values.
    case settings
    /// An expression: fields, operators, values.
    case expression
    /// One of these words, then a file path (`graph actors`, `report PATH`): the words for the
    /// first argument; with `thenPaths`, paths after them (or instead of them).
    case choices([String], thenPaths: Bool)
}

/// Where a command may stand in a pipeline.
public enum CommandRole: Sendable {
    /// Produces a value from nothing: a table (`statements`) or a query command (`find`).
    case source
    /// Transforms the value flowing in (`where`, `select`).
    case stage
    /// Acts on the session and stands alone (`let`, `set`, `help`).
    case command
    /// Starts a pipeline with its argument (`quote s3`), or takes the rows before it (`… | quote`).
    case sourceOrStage
}

/// An example of a command with the exact output it produces on the seed model.
public struct Example: Sendable {
    /// The input, one or more lines.
    public var input: String
    /// What it prints, exactly (table mode, width 100, no colour).
    public var output: String
    /// One line saying what it shows.
    public var caption: String

    /// Makes an example.
    public init(_ caption: String, _ input: String, _ output: String) {
        self.caption = caption
        self.input = input
        self.output = output
    }
}

/// What a command produced.
public enum Output: Sendable {
    /// Nothing to print.
    case none
    /// A value, rendered in the session's output mode.
    case value(Value)
    /// Text printed as it is, whatever the mode; control characters in it are shown escaped.
    case text(String)
    /// Text that already had its data escaped and carries the session's own styling (ANSI colours).
    case styled(String)
}

/// One call of a command: the session, the value flowing in and the parsed arguments.
public struct Invocation {
    /// The session (model, variables, settings).
    public let session: Session
    /// The value from the previous stage, for stages.
    public let input: Value?
    /// The parsed arguments.
    public let arguments: Arguments
    /// Where the command's name is.
    public let span: SourceSpan
    /// The evaluator, for expressions and nested pipelines.
    public let evaluator: Evaluator

    /// The words of a `.words` argument list.
    public var words: [(text: String, span: SourceSpan)] {
        if case .words(let w) = arguments { return w }
        return []
    }

    /// The input as a table, or a type error pointing at the command.
    public func inputTable() throws -> Table {
        switch input {
        case .table(let t): return t
        case .list(let l): return Table(kind: "rows", columns: ["value"], rows: l.map { .record(Record([("value", $0)])) })
        case let v?:
            throw Diagnostic("'\(name)' expected a table as input, found \(v.typeName)", at: span,
                             hint: "put it after a table, e.g. `statements | \(name) …`", category: .evaluation)
        case nil:
            throw Diagnostic("'\(name)' needs input", at: span, hint: "e.g. `statements | \(name) …`", category: .evaluation)
        }
    }

    /// The model records in the input (rows, lists of them, records naming them by id), each once.
    public func inputRecords() -> [RecordRef] {
        input.map { Commands.records(in: $0, session.model) } ?? []
    }

    /// A located error for this command, with a hint.
    public func failure(_ message: String, hint: String? = nil, at place: SourceSpan? = nil) -> Diagnostic {
        Diagnostic(message, at: place ?? span, hint: hint, category: .evaluation)
    }

    /// The command being run.
    public let command: CommandSpec
    /// When a `limit N` follows this stage, N: a stage may stop early.
    public var limitHint: Int? = nil
    var name: String { command.name }
}

/// The single declaration of a command: name, synopsis, summary, help, examples and behaviour.
/// Help, completion, `docs/commands.md` and the example tests all read this.
public struct CommandSpec: Sendable {
    /// The name typed.
    public var name: String
    /// Other names accepted (e.g. `exit` for `quit`).
    public var aliases: [String] = []
    /// Usage, e.g. `where EXPRESSION`.
    public var synopsis: String
    /// One line.
    public var summary: String
    /// A paragraph or more.
    public var help: String
    /// Examples with their expected output on the seed model.
    public var examples: [Example] = []
    /// Source, stage or standalone command.
    public var role: CommandRole
    /// How its arguments are written.
    public var shape: ArgumentShape
    /// What completion offers after it.
    public var completion: CompletionKind = .none
    /// Whether it writes files (refused in safe mode).
    public var writes: Bool = false
    /// Whether its one argument is a count of rows it keeps from the start (`limit N`): the stage
    /// before it may then stop early.
    public var keepsFirstRows: Bool = false
    /// The behaviour.
    public var run: @Sendable (Invocation) throws -> Output

    /// Declares a command (other modules declare theirs this way; the shell registers them).
    public init(name: String, aliases: [String] = [], synopsis: String, summary: String, help: String, examples: [Example] = [],
                role: CommandRole, shape: ArgumentShape, completion: CompletionKind = .none, writes: Bool = false,
                keepsFirstRows: Bool = false, run: @escaping @Sendable (Invocation) throws -> Output) {
        self.name = name; self.aliases = aliases; self.synopsis = synopsis; self.summary = summary; self.help = help
        self.examples = examples; self.role = role; self.shape = shape; self.completion = completion; self.writes = writes
        self.keepsFirstRows = keepsFirstRows; self.run = run
    }
}
