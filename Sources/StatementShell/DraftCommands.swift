import Foundation
import StatementDraft
import StatementModel
import StatementQuery

/// Wires drafting into the language: `draft PATH` and `coverage [DOCUMENT]` in the REPL and scripts,
/// and the helpers `stmt draft` and `stmt coverage` share with them.
public enum DraftCommands {
    /// The commands.
    public static let commands: [CommandSpec] = [draft, coverage]

    /// A draft of the text at `path` as model YAML; `outputPath` (when the draft goes to a file) makes
    /// the `source:` path relative to it. `header` is off when the draft joins an existing model.
    public static func yaml(textPath: String, gate: FileGate, reusing model: Model?, outputPath: String?, inline: Bool,
                            header: Bool = true) throws(Diagnostic) -> (yaml: String, draft: Draft) {
        let text = try DraftSource.read(textPath, gate: gate)
        var drafter = Drafter(reusing: model)
        let name = ((textPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let d = drafter.draft(text, name: name)
        let base = outputPath.map { ($0 as NSString).deletingLastPathComponent } ?? FileManager.default.currentDirectoryPath
        let placement: DraftWriter.TextPlacement = inline ? .inline : .source(relativePath(from: base, to: textPath))
        let writer = DraftWriter(placement: placement, fileName: (textPath as NSString).lastPathComponent, header: header)
        return (writer.yaml(d), d)
    }

    /// `to` written relative to the folder `from` (both made absolute first).
    public static func relativePath(from folder: String, to file: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        func parts(_ p: String) -> [String] {
            let abs = p.hasPrefix("/") ? p : (cwd as NSString).appendingPathComponent(p)
            return URL(fileURLWithPath: abs).standardizedFileURL.path.split(separator: "/").map(String.init)
        }
        let a = parts(folder.isEmpty ? "." : folder), b = parts(file)
        var common = 0
        while common < a.count, common < b.count - 1, a[common] == b[common] { common += 1 }
        return (Array(repeating: "..", count: a.count - common) + b[common...]).joined(separator: "/")
    }

    /// One line on what a draft holds.
    public static func summary(_ d: Draft) -> String {
        let newEntities = d.entities.filter { !$0.reused }.count
        let unsure = d.statements.filter { $0.confidence < 0.7 }.count
        return "drafted " + ModelSummary.count(d.statements.count, "statement") + ", "
            + ModelSummary.count(newEntities, "new entity", "new entities")
            + (unsure > 0 ? " (\(unsure) marked unsure)" : "")
    }

    static let draft = CommandSpec(
        name: "draft", synopsis: "draft PATH", summary: "draft statements from a plain text and load them beside the model",
        help: """
        Reads a plain-text document and proposes a model of it: one statement per reporting cue (said, urged, called on, according to, …) with its speaker, force, CAMEO code, content and an anchor on the exact words; speakers matched to the current model's entities by name and alias, new ones given readable ids. The draft is loaded beside the current model (every drafted record has status "draft"), so `statements | where status = "draft"` shows it at once; nothing is written. `stmt draft PATH -o FILE` writes it as a file to edit. docs/drafting.md says how it works.
        """,
        role: .command, shape: .words(min: 1, max: 1), completion: .paths, run: runDraft)

    @Sendable static func runDraft(_ inv: Invocation) throws -> Output {
        let w = inv.words[0]
        let s = inv.session
        let path = s.resolve(path: w.text)
        try s.checkRead(path, span: w.span)
        let made: (yaml: String, draft: Draft)
        do { made = try yaml(textPath: path, gate: s.gate, reusing: s.model, outputPath: path, inline: false, header: false) } catch {
            var d = error
            d.span = w.span
            throw d
        }
        let extra = [(file: "<draft of \(w.text)>", bytes: Array(made.yaml.utf8), base: (path as NSString).deletingLastPathComponent)]
        let model: Model
        do {
            if s.model.origin == "<embedded seed>" {
                model = try SeedModel.load(adding: extra, gate: s.gate)
            } else if s.model.origin.hasPrefix("<") {
                var loader = ModelLoader(gate: s.gate)
                loader.isCancelled = { false }
                model = try loader.load(sources: extra, defaultName: "draft", origin: "<draft of \(w.text)>")
            } else {
                model = try ModelLoader(gate: s.gate).load(path: s.model.origin, adding: extra)
            }
        } catch {
            var first = Diagnostic("the draft of '\(w.text)' did not load; the model '\(s.model.name)' is still in use", at: w.span,
                                   hint: "write it with `stmt draft \(w.text) -o draft.yaml` and run `stmt check` on it", category: .model)
            first.notes = error.diagnostics
            throw first
        }
        s.model = model
        return .text(summary(made.draft) + " from \(w.text), loaded beside the model; nothing written\n"
                     + "(explore with `statements | where status = \"draft\"`; write a file with `stmt draft \(w.text) -o FILE`)")
    }

    static let coverage = CommandSpec(
        name: "coverage", synopsis: "coverage [DOCUMENT]", summary: "the sentences of a text that no anchor touches, and the share covered",
        help: """
        For each document with a source text (or only DOCUMENT), lists the sentences that no statement, framing, narrative or residue anchor touches, with their line and column, and the share of sentences covered: what is left to model. `stmt coverage MODEL` does the same and exits 1 when anything is uncovered.
        """,
        examples: [Example("the seed: every sentence is modelled", "coverage", "article: 13 of 13 sentences covered (100.0%)")],
        role: .command, shape: .words(min: 0, max: 1), completion: .ids, run: runCoverage)

    @Sendable static func runCoverage(_ inv: Invocation) throws -> Output {
        let doc = inv.words.first
        if let d = doc, !inv.session.model.documents.contains(where: { $0.id == d.text }) {
            let ids = inv.session.model.documents.filter { $0.text != nil }.map(\.id)
            throw Diagnostic("no document '\(d.text)' with a source text", at: d.span,
                             hint: ids.isEmpty ? "the model has no document with a text" : "documents with a text: " + ids.prefix(20).joined(separator: ", "))
        }
        let all = Coverage.of(inv.session.model, document: doc?.text)
        if let d = doc, all.isEmpty {
            throw Diagnostic("document '\(d.text)' has no source text to cover", at: d.span, hint: "give it `source:` or `text:`")
        }
        if all.isEmpty { return .text("no document of the model has a source text") }
        return .text(all.map { $0.text() }.joined().trimmingCharacters(in: .newlines))
    }
}
