/// Reads what ``ByteWriter`` wrote, checking every read against the end: a snapshot cut short or
/// damaged ends in ``SnapshotError``, never in a read past the buffer.
struct ByteReader {
    /// The bytes read.
    let buffer: UnsafeRawBufferPointer
    /// Where the next read starts.
    var offset: Int

    init(_ buffer: UnsafeRawBufferPointer, at offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    /// The next `n` bytes, or an error when fewer are left.
    mutating func take(_ n: Int) throws(SnapshotError) -> UnsafeRawBufferPointer {
        guard n >= 0, n <= buffer.count - offset else { throw .damaged("a section runs past the end of the file") }
        let slice = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + n)])
        offset += n
        return slice
    }

    mutating func u8() throws(SnapshotError) -> UInt8 { try take(1)[0] }
    mutating func u32() throws(SnapshotError) -> UInt32 { UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self)) }
    mutating func i32() throws(SnapshotError) -> Int32 { Int32(littleEndian: try take(4).loadUnaligned(as: Int32.self)) }
    mutating func u64() throws(SnapshotError) -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }
    mutating func i64() throws(SnapshotError) -> Int64 { Int64(littleEndian: try take(8).loadUnaligned(as: Int64.self)) }
    mutating func f64() throws(SnapshotError) -> Double { Double(bitPattern: try u64()) }

    /// A count that must fit in what is left, at `size` bytes per item.
    mutating func count(of size: Int) throws(SnapshotError) -> Int {
        let n = try u64()
        guard n <= UInt64(buffer.count - offset) / UInt64(max(1, size)) else { throw .damaged("a count is larger than the file") }
        return Int(n)
    }

    /// An optional index (-1 for none) that must be below `limit`.
    mutating func index(below limit: Int) throws(SnapshotError) -> Int? {
        let v = try i32()
        if v == -1 { return nil }
        guard v >= 0, Int(v) < limit else { throw .damaged("a reference points past its table") }
        return Int(v)
    }

    /// An index that must be present and below `limit`.
    mutating func requiredIndex(below limit: Int) throws(SnapshotError) -> Int {
        guard let v = try index(below: limit) else { throw .damaged("a required reference is missing") }
        return v
    }

    mutating func string() throws(SnapshotError) -> String {
        let n = try count(of: 1)
        return String(decoding: try take(n), as: UTF8.self)
    }

    mutating func optionalString() throws(SnapshotError) -> String? {
        switch try u8() {
        case 0: return nil
        case 1: return try string()
        default: throw .damaged("an optional value has a bad flag")
        }
    }

    mutating func blob() throws(SnapshotError) -> [UInt8] {
        let n = try count(of: 1)
        return [UInt8](try take(n))
    }

    /// Integers written by ``ByteWriter/ints(_:)``, each below `limit`.
    mutating func ints(below limit: Int) throws(SnapshotError) -> [Int] {
        let n = try count(of: 4)
        let raw = try take(n * 4)
        var bad = false
        let out = [Int](unsafeUninitializedCapacity: n) { b, c in
            for k in 0..<n {
                let v = Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: k * 4, as: Int32.self)))
                if v < 0 || v >= limit { bad = true }
                b[k] = v
            }
            c = n
        }
        if bad { throw .damaged("a list holds a reference past its table") }
        return out
    }

    mutating func int32s() throws(SnapshotError) -> [Int32] {
        let n = try count(of: 4)
        let raw = try take(n * 4)
        return [Int32](unsafeUninitializedCapacity: n) { b, c in
            for k in 0..<n { b[k] = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: k * 4, as: Int32.self)) }
            c = n
        }
    }
}
