import Foundation
import StatementDraft
import StatementModel

/// `stmt draft`: any text either is refused (not UTF-8) or drafts to a model that loads with every
/// anchor FOUND — a draft that does not load is a bug, so it traps here and the fuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: count))
    guard (try? TextDecoder.validate(bytes, name: "fuzz.txt")) != nil else { return 0 }
    let text = DraftText(String(decoding: bytes, as: UTF8.self))
    var drafter = Drafter()
    let draft = drafter.draft(text, name: "fuzz")
    let yaml = DraftWriter(placement: .inline, fileName: "fuzz.txt").yaml(draft)
    let loader = ModelLoader(gate: FileGate(safeRoots: [NSTemporaryDirectory() + "stmt-fuzz-empty"]))
    do {
        let model = try loader.load(sources: [(file: "draft.yaml", bytes: Array(yaml.utf8), base: "")], defaultName: "fuzz", origin: "fuzz")
        for (_, _, a) in model.allAnchors where a.status != .found { fatalError("draft anchor not FOUND: \(a.exact)") }
        _ = Coverage.of(model)
    } catch {
        fatalError("draft does not load:\n" + DiagnosticRenderer(color: false).render(error.diagnostics) + "\n" + yaml)
    }
    return 0
}
