import CEditLine
import CTerminal
import Foundation
import StatementModel
import StatementQuery

/// The interactive session: welcome, prompt, continuation lines, history, completion, and Ctrl-C
/// that cancels the line or the running command without ending the session.
public final class REPL: SessionHost {
    let session: Session
    let editor: LineEditor
    let interactive: Bool
    var quit = false
    var failures = 0
    var lastAutoWidth = -1

    /// Makes a REPL; with a terminal on standard input it uses libedit, otherwise plain lines.
    public init(session: Session, forceEditor: LineEditor? = nil) {
        self.session = session
        interactive = isatty(0) == 1
        if let forceEditor {
            editor = forceEditor
        } else if interactive {
            let e = EditLineEditor(historyPath: HistoryFile.path(), gate: session.gate)
            e.completer = Completer(session: session)
            editor = e
        } else {
            editor = PlainLineEditor()
        }
        session.host = self
        session.isCancelled = { stmt_peek_interrupt() != 0 }
    }

    /// Whether standard output is a terminal.
    public var isTerminal: Bool { isatty(1) == 1 }
    /// The editor's history.
    public func historyEntries() -> [String] { editor.historyEntries() }
    /// Leave after this command.
    public func requestQuit() { quit = true }

    /// `run FILE` inside the REPL.
    public func runScript(path: String, span: SourceSpan, session: Session) throws {
        let runner = ScriptRunner()
        try ScriptRunner.runNested(path: path, span: span, session: session) { text, name in
            session.host = runner
            defer { session.host = self }
            try runner.execute(text: text, name: name, session: session, runFrom: span)
        }
    }

    /// The model's name as the prompt shows it: data, so its control characters are escaped.
    var shownName: String { TerminalText.oneLine(session.model.name) }

    var prompt: String {
        let p = "stmt(\(shownName))> "
        return session.useColor ? "\u{1}\u{1B}[1;34m\u{1}\(p)\u{1}\u{1B}[0m\u{1}" : p
    }

    var continuation: String { String(repeating: " ", count: max(0, TerminalText.width(shownName) + 3)) + "...> " }

    /// Runs until Ctrl-D or `quit`; returns the exit code (0; 1 when piped input had failures).
    public func run() -> ExitCode {
        stmt_save_terminal()
        stmt_install_signal_handlers()
        defer { stmt_restore_terminal() }
        if interactive {
            lastAutoWidth = terminalWidth()
            session.settings.width = lastAutoWidth
            session.settings.rows = max(20, terminalHeight() - 6)
            OutputWriter.standardOutput.write("stmt — " + ModelSummary(session.model).oneLine + "\n")
            OutputWriter.standardOutput.write("Type `help` for commands, `help NAME` for one; Tab completes, Ctrl-R searches, Ctrl-D leaves.\n")
        }
        var lineNumber = 0
        var terminatedBy: Int32 = 0
        while !quit {
            var buffer = ""
            var startLine = lineNumber + 1
            do {
                guard var line = try editor.readLine(prompt: interactive ? prompt : "") else { break }
                lineNumber += 1
                startLine = lineNumber
                buffer = line
                while InputState.needsMore(buffer) {
                    guard let more = try editor.readLine(prompt: interactive ? continuation : "") else {
                        // Ctrl-D at `...>` drops the unfinished entry, as Ctrl-C does (it ran, half
                        // typed, into an error printed beside the ^D, and went into the history).
                        if interactive { OutputWriter.standardOutput.write("\n"); buffer = "" }
                        break
                    }
                    lineNumber += 1
                    line = more
                    buffer += "\n" + line
                }
            } catch let t as LineEditorTermination {
                terminatedBy = t.signal
                break
            } catch {
                continue   // Ctrl-C: drop the input, keep the session.
            }
            if buffer.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if interactive { editor.addHistory(buffer) }
            evaluate(buffer, firstLine: interactive ? 1 : startLine)
            if stmt_termination_signal() != 0 { terminatedBy = stmt_termination_signal(); break }
        }
        if terminatedBy != 0 {
            // TERM or HUP: the terminal back as it was, then die of the signal — this process alone.
            stmt_restore_terminal()
            signal(terminatedBy, SIG_DFL)
            raise(terminatedBy)
        }
        return failures > 0 && !interactive ? .failure : .success
    }

    func evaluate(_ text: String, firstLine: Int) {
        _ = stmt_take_interrupt()
        // Tables wrap to the window as it is now, unless the user fixed a width with `set width`.
        if interactive && session.settings.width == lastAutoWidth {
            lastAutoWidth = terminalWidth()
            session.settings.width = lastAutoWidth
        }
        let name = interactive ? "<input>" : "<stdin>"
        do {
            let commands = try session.parse(SourceInput(name: name, text: text, firstLine: firstLine))
            for c in commands where !quit { try session.run(c) }
        } catch let d as Diagnostic {
            failures += 1
            if d.category == .cancelled {
                OutputWriter.standardError.write("\ncancelled; the session goes on\n")
            } else {
                OutputWriter.standardError.write(DiagnosticRenderer(color: session.useColor).render(d))
            }
        } catch let l as DiagnosticList {
            failures += 1
            OutputWriter.standardError.write(DiagnosticRenderer(color: session.useColor).render(l.diagnostics))
        } catch {
            failures += 1
            OutputWriter.standardError.write("error: \(error)\n")
        }
        _ = stmt_take_interrupt()
    }
}
