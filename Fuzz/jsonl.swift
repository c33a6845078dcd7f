import StatementModel

/// The JSON Lines loader: any bytes load to a model or to located diagnostics. And the same bytes
/// read as a chunk after a few entities and documents give the same records, statements and
/// problems whether statements are resolved straight from their scan or through raw records —
/// a difference traps, so the fuzzer keeps the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzLoad(data, count, file: "fuzz.jsonl")
    let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: count))
    let (direct, raw) = ChunkResolver.readBothWays(head: jsonlHead, lines: bytes)
    if direct != raw { fatalError("statements resolved from the scan differ from the raw path:\n\(direct)\n----\n\(raw)") }
    return 0
}

/// The ids the fuzzed lines can name (the seeds' e1, e2, d0, d1 and a few more).
let jsonlHead = [#"{"record":"entity","id":"e1","kind":"state","name":"Kakin"}"#,
                 #"{"record":"entity","id":"e2","kind":"person","name":"Lomar Vel"}"#,
                 #"{"record":"entity","id":"e3","kind":"person","name":"Oru"}"#,
                 #"{"record":"document","id":"d0","title":"Doc","text":"Kakin said Kakin urged Lomar Vel to act."}"#,
                 #"{"record":"document","id":"d1","title":"Doc","text":"Line one, by Kakin."}"#].joined(separator: "\n")
