import StatementModel
import StatementDraft
import StatementPictures
import StatementQuery

/// The language as the program offers it: the query commands plus those of the modules the shell
/// wires in (pictures, drafting), and the file formats they write. Help, completion and docs/commands.md
/// read this table.
public enum Language {
    /// Every command.
    public static let commands = CommandTable(Commands.all + Pictures.commands + DraftCommands.commands)
    /// The formats `save` writes beyond its own (DOT, SVG, PNG, PDF, HTML).
    public static let exporters = Pictures.exporters

    /// A session with the whole language.
    public static func session(model: Model, gate: FileGate = .unrestricted) -> Session {
        let session = Session(model: model, gate: gate, commands: commands)
        session.exporters = exporters
        return session
    }
}
