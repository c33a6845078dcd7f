import StatementModel

/// Every command of the language, registered in one place.
public struct CommandTable: Sendable {
    /// All commands in help order.
    public let all: [CommandSpec]
    private let byName: [String: CommandSpec]
    /// The pseudo-command that reads a `$variable` as a pipeline source.
    public let variableSource: CommandSpec
    /// The pseudo-command that runs a parenthesised pipeline as a source.
    public let subpipelineSource: CommandSpec

    /// Builds a table from command declarations.
    public init(_ commands: [CommandSpec]) {
        all = commands
        var map: [String: CommandSpec] = [:]
        for c in commands { for n in [c.name] + c.aliases { map[n] = c } }
        byName = map
        variableSource = CommandSpec(name: "$", synopsis: "$NAME", summary: "the value of a variable", help: "", role: .source,
                                     shape: .none, run: Commands.readVariable)
        subpipelineSource = CommandSpec(name: "(", synopsis: "(PIPELINE)", summary: "a nested pipeline", help: "", role: .source,
                                        shape: .none, run: Commands.runSubpipeline)
    }

    /// The command with this name or alias (case-insensitive).
    public func lookup(_ name: String) -> CommandSpec? { byName[name] ?? byName[name.lowercased()] }

    /// The stages (commands that take input).
    public var stages: [CommandSpec] { all.filter { $0.role == .stage || $0.role == .sourceOrStage } }

    /// Commands that may start a line.
    public var starters: [CommandSpec] { all.filter { $0.role != .stage } }

    /// The standard table.
    public static let standard = CommandTable(Commands.all)
}
