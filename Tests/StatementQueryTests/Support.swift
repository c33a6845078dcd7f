import StatementModel
import StatementQuery

/// A fresh session on the seed model, table mode, width 100, no colour, output captured.
final class Harness {
    let session: Session
    var output = ""

    init(gate: FileGate = .unrestricted) throws {
        session = Session(model: try SeedModel.load(), gate: gate, baseDirectory: "/tmp")
        session.settings.color = .off
        session.settings.width = 100
        session.write = { [unowned self] in self.output += $0 }
        session.writeWarning = { [unowned self] in self.output += $0 }
    }

    /// Runs text and returns what it printed (trailing newline removed).
    func run(_ text: String) throws -> String {
        output = ""
        try session.execute(text)
        var out = output
        if out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    /// Runs text expecting a diagnostic; returns it.
    func error(_ text: String) -> Diagnostic? {
        do { try session.execute(text); return nil }
        catch let d as Diagnostic { return d }
        catch let l as DiagnosticList { return l.diagnostics.first }
        catch { return nil }
    }
}
