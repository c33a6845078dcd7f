/// The repeated strings of a snapshot (cues, forces, topics, statuses, notes, anchors written out),
/// each stored once and referred to by number.
struct StringTable {
    /// Marks "no string" in a 32-bit reference.
    static let none: UInt32 = .max

    private(set) var strings: [String] = []
    private var numbers: [String: UInt32] = [:]

    /// The number of a string, adding it the first time.
    mutating func number(_ s: String) -> UInt32 {
        if let n = numbers[s] { return n }
        let n = UInt32(strings.count)
        strings.append(s)
        numbers[s] = n
        return n
    }

    /// The number of an optional string, ``none`` for nil.
    mutating func number(_ s: String?) -> UInt32 { s.map { number($0) } ?? Self.none }

    /// Writes the strings as a count, their end offsets, then their bytes.
    func write(to w: inout ByteWriter) {
        var ends: [UInt64] = []
        ends.reserveCapacity(strings.count)
        var total: UInt64 = 0
        for s in strings { total += UInt64(s.utf8.count); ends.append(total) }
        w.u64(UInt64(strings.count))
        for e in ends { w.u64(e) }
        w.u64(total)
        for s in strings { var c = s; c.withUTF8 { w.raw($0) } }
    }

    /// Reads the strings back.
    static func read(from r: inout ByteReader) throws(SnapshotError) -> [String] {
        let n = try r.count(of: 8)
        var ends: [Int] = []
        ends.reserveCapacity(n)
        for _ in 0..<n { ends.append(Int(truncatingIfNeeded: try r.u64())) }
        let total = try r.count(of: 1)
        let raw = try r.take(total)
        var out: [String] = []
        out.reserveCapacity(n)
        var start = 0
        for e in ends {
            guard e >= start, e <= total else { throw .damaged("the string table's offsets are out of order") }
            out.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<e]), as: UTF8.self))
            start = e
        }
        return out
    }
}

