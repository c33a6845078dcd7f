import StatementModel

/// A snapshot's bytes read without the cache around them: for tools that hold an image in memory,
/// and for the fuzz target that feeds the reader arbitrary bytes.
public enum SnapshotImage {
    /// The model an image holds, named by `origin`. Its key is not compared with any file; every
    /// other check applies — magic, version, length, the checksum unless `verifyingChecksum` is
    /// false (the fuzz target turns it off to reach the reader's own checks), and every reference.
    public static func model(_ bytes: UnsafeRawBufferPointer, origin: String, verifyingChecksum: Bool = true) throws(SnapshotError) -> Model {
        let reader = SnapshotReader(buffer: bytes)
        let (_, start) = try reader.key()
        if verifyingChecksum { try reader.verifyChecksum() }
        return try reader.model(from: start, origin: origin)
    }
}
