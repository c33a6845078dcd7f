import Foundation
import StatementModel
import StatementQuery

/// A fresh session for tests: the seed model unless another is given, table mode, width 100,
/// no colour, output and warnings captured.
public final class Harness {
    /// The session under test.
    public let session: Session
    /// What the last run printed.
    public var output = ""

    /// A session with `commands` (the query language's by default) and `exporters`.
    public init(model: Model? = nil, gate: FileGate = .unrestricted, commands: CommandTable = .standard,
                exporters: [Exporter] = [], baseDirectory: String = "/tmp") throws {
        session = Session(model: try model ?? SeedModel.load(), gate: gate, commands: commands, baseDirectory: baseDirectory)
        session.exporters = exporters
        session.settings.color = .off
        session.settings.width = 100
        session.write = { [unowned self] in self.output += $0 }
        session.writeWarning = { [unowned self] in self.output += $0 }
    }

    /// Runs text and returns what it printed (trailing newline removed).
    public func run(_ text: String) throws -> String {
        output = ""
        try session.execute(text)
        var out = output
        if out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    /// Runs text expecting a diagnostic; returns it.
    public func error(_ text: String) -> Diagnostic? {
        do { try session.execute(text); return nil }
        catch let d as Diagnostic { return d }
        catch let l as DiagnosticList { return l.diagnostics.first }
        catch { return nil }
    }
}
