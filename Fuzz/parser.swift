import StatementModel
import StatementQuery

/// Lexer and parser: any text parses to commands or to located diagnostics, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = fuzzText(data, count) else { return 0 }
    // On the deep-stack thread, as the shell parses.
    _ = try? DeepStack.shared.run {
        var parser = Parser(SourceInput(name: "fuzz", text: text))
        if case .failure(let list) = Result(catching: { () throws(DiagnosticList) in try parser.parseScript() }) {
            _ = DiagnosticRenderer(color: false).render(list.diagnostics)
        }
    }
    return 0
}
