import StatementModel

/// A snapshot's bytes read without the cache around them: for tools that hold an image in memory,
/// and for the fuzz target that feeds the reader arbitrary bytes.
public enum SnapshotImage {
    /// The model an image holds, named by `origin`. Its key is not compared with any file; every
    /// other check applies — magic, version, length, the checksum unless `verifyingChecksum` is
    /// false (the fuzz target turns it off to reach the reader's own checks), and every reference.
    /// The bytes are copied: the model's statements are decoded from them as they are read.
    public static func model(_ bytes: UnsafeRawBufferPointer, origin: String, verifyingChecksum: Bool = true) throws(SnapshotError) -> Model {
        let copy = OwnedBytes(bytes)
        let reader = SnapshotReader(buffer: copy.bytes, owner: copy)
        let (_, start) = try reader.key()
        if verifyingChecksum { try reader.verifyChecksum() }
        return try reader.model(from: start, origin: origin)
    }

    /// Decodes every statement of a model read from an image with the decoder's own checks, and
    /// throws if one fails. The checks made when an image is opened are meant to find anything that
    /// would (statements are decoded later, when read, and cannot fail then): the tests and the
    /// fuzz target call this to hold them to it.
    public static func decodeEveryStatement(of model: Model) throws(SnapshotError) {
        guard let rows = model.statements.rows as? SnapshotRows else { return }
        try rows.decodeChecked()
    }
}

/// A copy of some bytes, freed with the last reference.
final class OwnedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init(_ source: UnsafeRawBufferPointer) {
        let b = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, source.count), alignment: 16)
        if let from = source.baseAddress, source.count > 0 { b.baseAddress!.copyMemory(from: from, byteCount: source.count) }
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(b)[0..<source.count])
    }

    deinit { UnsafeMutableRawBufferPointer(mutating: bytes).deallocate() }
}
