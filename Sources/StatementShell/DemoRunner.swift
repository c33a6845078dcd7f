import CTerminal
import Foundation
import StatementModel
import StatementQuery

/// Classroom mode: shows each command typed out, waits for Enter to run it and again before the
/// next; comments are narration. `r` drops into the REPL (Ctrl-D returns), `q` quits.
public final class DemoRunner {
    let session: Session
    let typingDelay: Int
    let runner = ScriptRunner()

    /// Makes a demo over a session.
    public init(session: Session, typingDelay: Int) {
        self.session = session
        self.typingDelay = typingDelay
    }

    let color = OutputWriter.standardOutput.isTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty

    func say(_ s: String) { OutputWriter.standardOutput.write(s) }
    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    /// Waits for a key line: "" (Enter) to go on, "r" for the REPL, "q" to quit. nil at end of
    /// input, and for Ctrl-C (the demo ends, as with q) or TERM/HUP (``terminatedBy`` says which).
    func wait(_ label: String) -> String? {
        say(paint("[\(label) — Enter: go on · r: REPL · q: quit]", "2") + " ")
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            // The handlers leave a read with EINTR: the flags are looked at before reading again.
            if stmt_termination_signal() != 0 { terminatedBy = stmt_termination_signal(); say("\n"); return nil }
            if stmt_take_interrupt() != 0 { say("^C\n"); return nil }
            let n = read(0, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { say("\n"); return nil }
            if byte == 10 { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// The signal (TERM or HUP) that ended the demo, if one did.
    var terminatedBy: Int32 = 0

    /// Runs the demo; returns the exit code. Ctrl-C stops a running command (the demo goes on) or,
    /// at a prompt, ends the demo; TERM or HUP end it, the terminal as it was.
    public func run(text: String, name: String) -> ExitCode {
        stmt_save_terminal()
        stmt_install_signal_handlers()
        session.isCancelled = { stmt_peek_interrupt() != 0 }
        let code = steps(text: text, name: name)
        stmt_restore_terminal()
        if terminatedBy != 0 {
            signal(terminatedBy, SIG_DFL)
            raise(terminatedBy)
        }
        return code
    }

    func steps(text: String, name: String) -> ExitCode {
        let commands: [ParsedCommand]
        do { commands = try session.parse(SourceInput(name: name, text: text.strippingShebang())) } catch {
            OutputWriter.standardError.write(DiagnosticRenderer(color: false).render(error.diagnostics))
            return .syntax
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        session.host = runner
        var nextLine = 0
        for c in commands {
            // Narration: the comment lines between the previous command and this one.
            for l in lines[min(nextLine, lines.count)..<min(max(nextLine, c.span.line - 1), lines.count)] {
                let t = l.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("#=>") || t.hasPrefix("#!") { continue }
                if t.hasPrefix("#") { say(paint(TerminalText.escaped(t.dropFirst().trimmingCharacters(in: .whitespaces)), "36") + "\n") }
            }
            nextLine = c.span.line + c.text.filter { $0 == "\n" }.count
            let prompt = "stmt(\(TerminalText.oneLine(session.model.name)))> "
            say(prompt)
            // The command is typed out as written, its control characters shown escaped.
            for ch in TerminalText.escaped(c.text) {
                say(String(ch))
                if typingDelay > 0 { usleep(useconds_t(typingDelay * 1000)) }
            }
            say("\n")
            guard let key = wait("run") else { return .success }
            if key == "q" { return .success }
            if key == "r" { dropIntoREPL(); say(prompt + TerminalText.escaped(c.text) + "\n") }
            do { try session.run(c) } catch let d as Diagnostic {
                OutputWriter.standardError.write(DiagnosticRenderer(color: false).render(d))
            } catch {
                OutputWriter.standardError.write("error: \(error)\n")
            }
            // A Ctrl-C that cancelled the command is spent: the demo goes on.
            _ = stmt_take_interrupt()
            guard let after = wait("next") else { return .success }
            if after == "q" { return .success }
            if after == "r" { dropIntoREPL() }
        }
        say("— end of demo —\n")
        return .success
    }

    func dropIntoREPL() {
        say("(REPL: Ctrl-D returns to the demo)\n")
        let repl = REPL(session: session)
        _ = repl.run()
        session.host = runner
    }
}
