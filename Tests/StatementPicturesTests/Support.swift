import Foundation
import StatementModel
import StatementPictures
import StatementQuery
@_exported import StatementTestSupport

/// A session with the pictures' commands and formats.
func picturesHarness(model: Model? = nil) throws -> Harness {
    try Harness(model: model, commands: CommandTable(Commands.all + Pictures.commands), exporters: Pictures.exporters,
                baseDirectory: NSTemporaryDirectory())
}

extension Harness {
    /// The graph a pipeline ends with.
    func graph(_ text: String) throws -> Graph {
        let parsed = try session.parse(SourceInput(text: text))
        let output = try Evaluator(session: session).run(parsed[0].pipeline)
        guard case .value(.graph(let g)) = output else { throw Diagnostic("not a graph: \(output)") }
        return g
    }
}

/// A model in a temporary folder, from YAML text (and other files beside it).
func loadModel(_ yaml: String, files: [String: String] = [:]) throws -> Model {
    let dir = NSTemporaryDirectory() + "stmt-pictures-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try yaml.write(toFile: dir + "/model.yaml", atomically: true, encoding: .utf8)
    for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
    return try ModelLoader().load(path: dir + "/model.yaml")
}

/// A temporary folder for files a test writes.
func scratchFolder() throws -> String {
    let dir = NSTemporaryDirectory() + "stmt-pictures-out-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
