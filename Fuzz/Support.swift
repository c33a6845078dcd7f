import Foundation
import StatementModel
import StatementQuery

// Shared by every fuzz target (compiled into each by scripts/fuzz).

/// The input as text, the way a script or a model file reaches stmt: decoded, or rejected with a
/// located diagnostic (which is fine: rejecting is an answer).
func fuzzText(_ data: UnsafeRawPointer, _ count: Int) -> String? {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: count))
    return try? TextDecoder.decode(bytes, name: "fuzz")
}

/// A session on the seed model that can read and write nothing (safe mode with an empty folder),
/// prints nowhere, and gives each input at most `seconds` of evaluation.
func fuzzSession(seconds: Double = 2) -> Session {
    let empty = NSTemporaryDirectory() + "stmt-fuzz-empty"
    try? FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let session = Session(model: fuzzSeed, gate: FileGate(safeRoots: [empty]), baseDirectory: empty, write: { _ in })
    // Warnings are rendered, then dropped: on standard error they filled the log (5.7 MB in 5 minutes).
    session.writeWarning = { _ in }
    let deadline = Date().addingTimeInterval(seconds)
    session.isCancelled = { Date() > deadline }
    return session
}

/// The seed model, loaded once.
let fuzzSeed: Model = try! SeedModel.load()

/// Loads bytes as a model file named `file` (its ending picks YAML/JSON or JSON Lines): a model
/// or located diagnostics, both rendered.
func fuzzLoad(_ data: UnsafeRawPointer, _ count: Int, file: String) {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: count))
    var loader = ModelLoader(gate: FileGate(safeRoots: [NSTemporaryDirectory() + "stmt-fuzz-empty"]))
    loader.limits.maxNodes = 200_000
    switch Result(catching: { () throws(DiagnosticList) in
        try loader.load(sources: [(file: file, bytes: bytes, base: "")], defaultName: "fuzz", origin: "fuzz")
    }) {
    case .success(let m): _ = ModelSummary(m).text
    case .failure(let l): _ = DiagnosticRenderer(color: false).render(l.diagnostics)
    }
}
