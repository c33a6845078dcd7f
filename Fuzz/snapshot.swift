import StatementModel
import StatementSnapshot

/// The snapshot reader: any bytes (checksum not required, so damage reaches the reader's own
/// checks) give a model or a SnapshotError — never a trap or a read out of bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    if let m = try? SnapshotImage.model(UnsafeRawBufferPointer(start: data, count: count), origin: "fuzz", verifyingChecksum: false) {
        // The opening checks must have found whatever would make a statement fail to decode later.
        do { try SnapshotImage.decodeEveryStatement(of: m) } catch { fatalError("a statement of an accepted image does not decode: \(error)") }
        _ = ModelSummary(m).text
        for i in m.statements.indices.prefix(50) { _ = m.statements[i].content; _ = m.statements[i].anchors.map(\.exact) }
    }
    return 0
}
