import ArgumentParser
import StatementModel
import StatementPictures
import StatementShell

/// `stmt report`: the model's HTML reading, to a file or standard output.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one self-contained HTML page that reads the model on its text.",
        discussion: "Each document's text with every FOUND anchor highlighted by speaker, a card per highlight, the statements as a table that sorts and filters, and the actor graph (drawn when Graphviz's dot is installed). No network, no external files.")
    @Option(name: .shortAndLong, help: "The file to write, atomically (default: standard output).", completion: .file(extensions: ["html"]))
    var output: String?
    @OptionGroup var options: SessionOptions

    func run() throws {
        if output?.isEmpty == true {
            report([Diagnostic("expected a file name after -o, found nothing", hint: "e.g. -o report.html, or -o - for standard output", category: .io)])
            throw ExitCode(StatementShell.ExitCode.usage.rawValue)
        }
        let session = try options.makeSession(scriptPath: nil)
        if let output, output != "-", let why = session.model.ownFileRefusal(session.resolve(path: output)) {
            report([Diagnostic("will not write '\(output)': \(why)", hint: "write the page to another file: a model and its texts are only read",
                               category: .refused)])
            throw ExitCode(StatementShell.ExitCode.usage.rawValue)
        }
        let page: String
        do { page = try HTMLReport(model: session.model).html() } catch {
            report([Diagnostic(error.message, hint: error.hint, category: .evaluation)])
            throw ExitCode(StatementShell.ExitCode.failure.rawValue)
        }
        // `-o -` is standard output, as no -o is (a file named '-' was written).
        guard let output, output != "-" else { return OutputWriter.standardOutput.write(page) }
        do { try session.gate.write(Array(page.utf8), to: session.resolve(path: output)) } catch {
            report([error.diagnostic("write", at: nil)])
            throw ExitCode(StatementShell.ExitCode.failure.rawValue)
        }
        let m = session.model
        OutputWriter.standardError.write(TerminalText.oneLine("wrote \(output): \(ModelSummary.count(m.statements.count, "statement")), "
                                         + ModelSummary.count(HTMLReport.highlightCount(m), "highlight")) + "\n")
    }
}
