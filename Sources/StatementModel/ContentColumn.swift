/// The statements' contents in one buffer, made after reading: lengths first, then each content
/// copied into place by the anchor pass (both cores), which points the statement at it there and
/// then. A chunk's buffer of contents is freed as soon as its last statement has moved, so the
/// contents are never held twice — building the column while reading kept a second copy of all
/// of them (50 MB at a million statements) until the end of the load, its peak.
struct ContentColumn: @unchecked Sendable {
    /// The memory the bytes are written to, freed with the last statement or model slicing it.
    private final class Storage {
        let bytes: UnsafeMutableRawBufferPointer
        init(_ count: Int) { bytes = .allocate(byteCount: max(count, 1), alignment: 1) }
        deinit { bytes.deallocate() }
    }

    /// The offsets of each statement's content, and the end: `count + 1` of them.
    let starts: [Int32]
    private let storage: Storage
    /// The bytes, shared by the statements and the model (each slice keeps `storage` alive).
    let text: TextBytes

    /// Room for the contents of `statements`; nil when they add up to 2 GiB or more (then each
    /// statement keeps its own, and searches read them one by one).
    init?(_ statements: [Statement]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(statements.count + 1)
        var total = 0
        for i in statements.indices {
            total += statements[i].withContentUTF8 { $0.count }
            guard total < Int(Int32.max) else { return nil }
            starts.append(Int32(total))
        }
        self.starts = starts
        storage = Storage(total)
        text = TextBytes(borrowing: UnsafeRawBufferPointer(rebasing: storage.bytes[0..<total]), keptBy: storage)
    }

    /// Copies statement `i`'s content into place and points the statement at it; true when the
    /// content has a byte outside ASCII. Each statement is moved once, by one thread.
    func move(_ statement: inout Statement, _ i: Int) -> Bool {
        let at = Int(starts[i])
        let nonASCII = statement.withContentUTF8 { u -> Bool in
            if let base = u.baseAddress, !u.isEmpty { (storage.bytes.baseAddress! + at).copyMemory(from: base, byteCount: u.count) }
            return u.contains { $0 >= 0x80 }
        }
        statement.shareContent(text, starts[i], starts[i + 1])
        return nonASCII
    }
}
