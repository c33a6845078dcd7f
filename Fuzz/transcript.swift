import StatementModel
import StatementQuery
import StatementShell

/// The transcript reader: any text checks (and rebuilds for --update) without a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = fuzzText(data, count) else { return 0 }
    _ = try? TranscriptTester().check(path: "fuzz.stmt", text: text) { () -> Session in fuzzSession() }
    return 0
}
