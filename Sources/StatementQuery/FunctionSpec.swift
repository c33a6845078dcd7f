import StatementModel

/// The single declaration of a function of the language — name, signature, summary, help,
/// examples with their output, and behaviour — as ``CommandSpec`` is for commands. Help, completion,
/// `docs/commands.md` and the example tests read the table of these (``Functions``).
public struct FunctionSpec: Sendable {
    /// What a function is called with: its arguments, evaluated, and where the call is.
    public struct Call {
        /// The arguments' values.
        public var arguments: [Value]
        /// The arguments' spans, for errors that point at one.
        public var spans: [SourceSpan]
        /// The call's span (its name).
        public var span: SourceSpan
        /// The model, for names and ids.
        public var model: Model
        /// The text the command has made so far (functions that make text count theirs): the
        /// evaluator's, one per command.
        var madeText: TextBudget
    }

    /// The name typed.
    public var name: String
    /// Usage, e.g. `len(VALUE)`.
    public var signature: String
    /// One line.
    public var summary: String
    /// More.
    public var help: String
    /// How many arguments it takes.
    public var arity: ClosedRange<Int>
    /// An aggregate (count, min, …) works on the rows of a group, in `group … aggregate`.
    public var aggregate: Bool = false
    /// Examples with their exact output on the seed model.
    public var examples: [Example] = []
    /// The behaviour on values (for an aggregate: `arguments[0]` is the list of the group's values).
    public var run: @Sendable (Call) throws -> Value
}

/// A table of functions, looked up by name.
public struct FunctionTable: Sendable {
    /// Every function, in help order.
    public let all: [FunctionSpec]
    private let byName: [String: FunctionSpec]

    /// Builds a table.
    public init(_ functions: [FunctionSpec]) {
        all = functions
        byName = Dictionary(uniqueKeysWithValues: functions.map { ($0.name, $0) })
    }

    /// The function with this name (case-insensitive).
    public func lookup(_ name: String) -> FunctionSpec? { byName[name] ?? byName[name.lowercased()] }
}
