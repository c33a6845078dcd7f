/// Appends little-endian numbers, strings and raw bytes to one growing buffer: the snapshot being written.
struct ByteWriter {
    /// What has been written.
    private(set) var bytes: [UInt8] = []

    /// Empties the buffer, keeping its room.
    mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i32(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func f64(_ v: Double) { u64(v.bitPattern) }

    /// An optional index as a signed 32-bit number, -1 for none.
    mutating func index(_ v: Int?) { i32(v.map { Int32($0) } ?? -1) }

    /// A string: its byte count, then its UTF-8 bytes.
    mutating func string(_ s: String) {
        var copy = s
        copy.withUTF8 { u in
            u64(UInt64(u.count))
            bytes.append(contentsOf: u)
        }
    }

    /// An optional string: a flag, then the string.
    mutating func optionalString(_ s: String?) {
        u8(s == nil ? 0 : 1)
        if let s { string(s) }
    }

    /// Raw bytes, nothing in front.
    mutating func raw(_ b: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: b) }

    /// Raw bytes with their count in front.
    mutating func blob(_ b: [UInt8]) {
        u64(UInt64(b.count))
        bytes.append(contentsOf: b)
    }

    /// Integers as a count, then 32-bit values.
    mutating func ints(_ list: [Int]) {
        u64(UInt64(list.count))
        for v in list { i32(Int32(truncatingIfNeeded: v)) }
    }

    /// 32-bit integers as a count, then the values.
    mutating func int32s(_ list: [Int32]) {
        u64(UInt64(list.count))
        list.withUnsafeBytes { raw in
            if Int32(1).littleEndian == 1 { bytes.append(contentsOf: raw) } else { for v in list { i32(v) } }
        }
    }
}
