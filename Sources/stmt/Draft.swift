import ArgumentParser
import Foundation
import StatementDraft
import StatementModel
import StatementShell

/// `stmt draft TEXT`: a proposed model of a plain text, to standard output or a file.
struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Propose a model of a plain-text document: statements, speakers, anchors (every record status: draft).",
        discussion: "One statement per reporting cue, with its speaker, force, CAMEO code, content, mode and an anchor on the exact words, checked to load. With --model, speakers are matched to that model's entities and the draft is written to join it. docs/drafting.md says how it works and how well.")
    @Argument(help: "The plain-text document (UTF-8).", completion: .file(extensions: ["txt", "md"]))
    var text: String
    @Option(name: .long, help: "An existing model whose entities the draft reuses.", completion: modelCompletion)
    var model: String?
    @Option(name: .shortAndLong, help: "The model file to write (.yaml or .yml), atomically; never the text itself or a file of --model (default, or `-`: standard output).",
            completion: .file(extensions: ["yaml"]))
    var output: String?
    @Flag(name: .long, help: "Put the text inside the model (text:) instead of naming it (source:).")
    var inline = false

    func run() throws {
        guard FileGate.kind(of: text) != nil else {
            report([FileGate.nothingAt(text, what: "text file", hint: "give the path of a plain-text (UTF-8) document")])
            throw ExitCode(StatementShell.ExitCode.usage.rawValue)
        }
        let output = self.output == "-" ? nil : self.output
        if let output, let refusal = Self.refusal(output: output, text: text, model: model) {
            report([Diagnostic("will not write the draft to '\(output)': \(refusal)", hint: "give -o a new .yaml file, e.g. -o draft.yaml", category: .io)])
            throw ExitCode(StatementShell.ExitCode.usage.rawValue)
        }
        let existing = try model.map { try loadModel($0) }
        let made: (yaml: String, draft: Draft)
        do {
            made = try DraftCommands.yaml(textPath: text, gate: .unrestricted, reusing: existing, outputPath: output,
                                          inline: inline, header: existing == nil)
        } catch {
            report([error])
            throw ExitCode(StatementShell.ExitCode.failure.rawValue)
        }
        // The draft must load; with --model, together with that model.
        let base = output.map { PathText.folder(of: $0) } ?? FileManager.default.currentDirectoryPath
        let source = [(file: output ?? "<draft>", bytes: Array(made.yaml.utf8), base: base.isEmpty ? "." : base)]
        do {
            if let m = model { _ = try ModelLoader().load(path: m, adding: source) }
            else { _ = try ModelLoader().load(sources: source, defaultName: "draft", origin: "<draft>") }
        } catch {
            report([Diagnostic("the draft of '\(text)' does not load: a bug in stmt draft", hint: "please report it with the text", category: .model)]
                   + error.diagnostics)
            throw ExitCode(StatementShell.ExitCode.failure.rawValue)
        }
        guard let output else {
            OutputWriter.standardOutput.write(made.yaml)
            OutputWriter.standardError.write(DraftCommands.summary(made.draft) + "\n")
            return
        }
        do { try FileGate.unrestricted.write(Array(made.yaml.utf8), to: output) } catch {
            report([error.diagnostic("write", at: nil)])
            throw ExitCode(StatementShell.ExitCode.failure.rawValue)
        }
        // A draft that reuses another model's entities loads only beside it: in one folder.
        func folder(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.path }
        let next: String
        if let m = model, FileGate.kind(of: m) == .directory,
           folder(PathText.folder(of: output).isEmpty ? "." : PathText.folder(of: output)) == folder(m) {
            next = "next: stmt check \(m); stmt coverage \(m)"
        } else if let m = model {
            next = "next: put \(output) in one folder with \(m) (a folder loads as one model), then stmt check FOLDER; stmt coverage FOLDER"
        } else {
            next = "next: stmt check \(output); stmt coverage \(output)"
        }
        // Paths are the user's bytes: each line stays one line, control characters escaped.
        OutputWriter.standardError.write(TerminalText.oneLine("wrote \(output): " + DraftCommands.summary(made.draft)) + "\n" + TerminalText.oneLine(next) + "\n")
    }

    /// Why a draft may not go to `output`, if it may not: it would replace the text being drafted,
    /// the model it joins, a file that is not YAML (a source text), or any existing file but an
    /// earlier draft.
    static func refusal(output: String, text: String, model: String?) -> String? {
        let target = FileGate.realPath(output)
        if target == FileGate.realPath(text) { return "it is the text being drafted" }
        guard ["yaml", "yml"].contains((output as NSString).pathExtension.lowercased()) else {
            return "a draft is YAML, and the name does not end in .yaml or .yml"
        }
        if let model, FileGate.kind(of: model) != .directory, target == FileGate.realPath(model) { return "it is the model the draft joins" }
        // An earlier draft (its first line says so) may be replaced; no other file — a hand-written
        // model, in a folder model or not, would be lost.
        guard FileGate.kind(of: output) == .regular else { return nil }
        let place = model.map { FileGate.kind(of: $0) == .directory && PathText.folder(of: target) == FileGate.realPath($0) ? "one of the files of '\($0)'" : nil } ?? nil
        guard let bytes = try? FileGate.unrestricted.read(output, limit: 1 << 28) else { return "it exists and could not be read to see what it holds" }
        let text = (try? TextDecoder.decode(bytes, name: output)) ?? ""
        return text.hasPrefix("# Drafted by `stmt draft`") ? nil : "it is \(place ?? "a file that exists"), not an earlier draft"
    }
}

/// `stmt coverage MODEL`: the sentences no anchor touches; exit 1 when any.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "List the sentences of each source text that no anchor touches, with the share covered (exit 1 if any).")
    @Argument(help: "The model file or folder (default: the bundled seed).", completion: modelCompletion)
    var model: String?
    @Option(name: .long, help: "Only this document.")
    var document: String?

    func run() throws {
        let m = try loadModel(model)
        let all = Coverage.of(m, document: document)
        if let d = document, all.isEmpty {
            report([Diagnostic("no document '\(d)' with a source text", hint: "documents with a text: "
                                + m.documents.filter { $0.text != nil }.map(\.id).prefix(20).joined(separator: ", "), category: .evaluation)])
            throw ExitCode(StatementShell.ExitCode.usage.rawValue)
        }
        OutputWriter.standardOutput.write(TerminalText.escaped(all.map { $0.text() }.joined()))
        finish(all.contains { !$0.gaps.isEmpty } ? StatementShell.ExitCode.failure.rawValue : 0)
    }
}
