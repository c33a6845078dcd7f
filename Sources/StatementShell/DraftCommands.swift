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
        let base = outputPath.map { PathText.folder(of: $0) } ?? FileManager.default.currentDirectoryPath
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
        let newEntities = DraftWriter.writtenEntities(d).count
        let unsure = d.statements.filter { $0.confidence < 0.7 }.count
        return "drafted " + ModelSummary.count(d.statements.count, "statement") + ", "
            + ModelSummary.count(newEntities, "new entity", "new entities")
            + (unsure > 0 ? " (\(unsure) marked unsure)" : "")
            + (d.statements.count >= Drafter.maxStatements ? "; stopped at \(Drafter.maxStatements) statements, the most one draft holds (split the text)" : "")
    }

    static let draft = CommandSpec(
        name: "draft", synopsis: "draft PATH", summary: "draft statements from a plain text and load them beside the model",
        help: """
        Reads a plain-text document and proposes a model of it: one statement per reporting cue (said, urged, called on, according to, …) with its speaker, force, CAMEO code, content and an anchor on the exact words; speakers matched to the current model's entities by name and alias, new ones given readable ids. The draft is loaded beside the current model (every drafted record has status "draft"), so `statements | where status = "draft"` shows it at once; nothing is written. `stmt draft PATH -o FILE` writes it as a file to edit. docs/drafting.md says how it works.
        """,
        role: .command, shape: .words(min: 1, max: 1), completion: .paths, run: runDraft)

    /// The drafts loaded beside a session's model, so a second `draft` keeps the first. Kept on the
    /// session (it goes when the session goes) and tied to the model they were drafted against: a
    /// `load` of another model forgets them.
    final class Drafts {
        typealias File = (path: String, source: (file: String, bytes: [UInt8], base: String))
        let origin: String
        let files: [File]

        init(origin: String, files: [File]) {
            self.origin = origin
            self.files = files
        }

        private static let key = ObjectIdentifier(Drafts.self)

        static func files(_ s: Session) -> [File] {
            guard let d = s.attachments[key] as? Drafts, d.origin == s.model.origin else { return [] }
            return d.files
        }

        static func set(_ s: Session, origin: String, _ files: [File]) { s.attachments[key] = Drafts(origin: origin, files: files) }
    }

    /// The session's model reloaded from its origin with these drafts beside it.
    static func reload(_ s: Session, adding extra: [(file: String, bytes: [UInt8], base: String)]) throws(DiagnosticList) -> Model {
        let origin = s.model.origin
        if origin == "<embedded seed>" { return try SeedModel.load(adding: extra, gate: s.gate) }
        if origin.hasPrefix("<") {
            guard !extra.isEmpty else { return s.model }
            return try ModelLoader(gate: s.gate).load(sources: extra, defaultName: "draft", origin: origin)
        }
        return try ModelLoader(gate: s.gate).load(path: origin, adding: extra)
    }

    @Sendable static func runDraft(_ inv: Invocation) throws -> Output {
        let w = inv.words[0]
        let s = inv.session
        let path = s.resolve(path: w.text)
        try s.checkRead(path, span: w.span)
        func failed(_ error: DiagnosticList, _ what: String) -> Diagnostic {
            var first = Diagnostic("\(what) did not load; the model '\(s.model.name)' is still in use", at: w.span,
                                   hint: "write it with `stmt draft \(w.text) -o draft.yaml` and run `stmt check` on it", category: .model)
            first.notes = error.diagnostics
            return first
        }
        // Drafting a text again replaces its earlier draft; the drafts after it (which may reuse its
        // entities) are drafted again too, in order, each against the model with the ones before it.
        let earlier = Drafts.files(s)
        let origin = s.model.origin
        var kept = earlier
        var redo = [path]
        if let i = earlier.firstIndex(where: { $0.path == path }) {
            kept = Array(earlier[..<i])
            redo = [path] + earlier[(i + 1)...].map(\.path)
        }
        var base = s.model
        if kept.count != earlier.count {
            do { base = try reload(s, adding: kept.map(\.source)) } catch { throw failed(error, "the model without the earlier draft of '\(w.text)'") }
        }
        var all = kept
        var mine: Draft?
        for p in redo {
            let made: (yaml: String, draft: Draft)
            do { made = try yaml(textPath: p, gate: s.gate, reusing: base, outputPath: p, inline: false, header: false) } catch {
                var d = error
                if p == path { d.span = w.span }
                throw d
            }
            if p == path { mine = made.draft }
            let label = p == path ? w.text : p
            all.append((path: p, source: (file: "<draft of \(label)>", bytes: Array(made.yaml.utf8), base: PathText.folder(of: p))))
            do { base = try reload(s, adding: all.map(\.source)) } catch { throw failed(error, "the draft of '\(label)'") }
        }
        let model = base
        guard let made = mine else { return .text("") }
        s.model = model
        Drafts.set(s, origin: origin, all)
        let others = all.count > 1 ? " (with \(all.count - 1) earlier draft\(all.count > 2 ? "s" : ""))" : ""
        return .text(summary(made) + " from \(w.text), loaded beside the model\(others); nothing written\n"
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
