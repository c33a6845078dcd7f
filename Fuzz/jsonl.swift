/// The JSON Lines loader: any bytes load to a model or to located diagnostics.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzLoad(data, count, file: "fuzz.jsonl")
    return 0
}
