import Foundation
@testable import StatementModel

/// Writes a model (and optional source texts) into a fresh temporary folder.
struct Fixture {
    let dir: String

    init(_ files: [String: String]) throws {
        dir = NSTemporaryDirectory() + "stmt-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
    }

    func path(_ name: String) -> String { dir + "/" + name }

    /// Loads `model.yaml`, returning the model or the diagnostics.
    func load(_ name: String = "model.yaml") -> Result<Model, DiagnosticList> {
        Result { () throws(DiagnosticList) -> Model in try ModelLoader().load(path: path(name)) }
    }

    func diagnostics(_ name: String = "model.yaml") -> [Diagnostic] {
        if case .failure(let l) = load(name) { return l.diagnostics }
        return []
    }
}

let sampleText = """
The minister urged restraint. The minister urged calm.
Later — in Geneva — the envoy said talks would resume.
"""

/// A small valid model over `sampleText`, with `extra` appended to the statements list.
func sampleModel(statements: String = "", entities: String = "") -> String {
    """
    model: sample
    documents:
      - id: doc
        title: Sample
        source: text.txt
    entities:
      - id: minister
        kind: person
        name: The Minister
        aliases: [minister]
      - id: envoy
        kind: person
        name: The Envoy
    \(entities)
    statements:
      - id: a1
        speakers: [minister]
        act: {cue: urged, force: urge}
        content: Restraint is needed.
        anchors:
          - urged restraint
      - id: a2
        speakers: [envoy]
        act: {cue: said, force: assert}
        content: Talks will resume.
        anchors:
          - the envoy said talks would resume
    \(statements)
    """
}
