import StatementModel
import StatementQuery

/// The evaluator on the seed model: whatever parses runs to an answer or a diagnostic, in bounded
/// time, and renders in every output mode.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = fuzzText(data, count) else { return 0 }
    let session = fuzzSession()
    guard let commands = try? session.parse(SourceInput(name: "fuzz", text: text)) else { return 0 }
    for c in commands.prefix(20) {
        do { try session.run(c) } catch let d as Diagnostic { _ = DiagnosticRenderer(color: false).render(d) } catch {}
    }
    return 0
}
