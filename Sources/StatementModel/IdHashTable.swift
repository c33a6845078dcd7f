import Foundation

/// Statement ids found by hashing their bytes where they are stored (a snapshot's id column): built
/// in one pass without making a `String` per id — the map of strings a restored model built on its
/// first `show` took 0.56 s at a million statements.
///
/// Open addressing over a power-of-two table at most half full, with Swift's `Hasher` (seeded per
/// process), so ids written to collide cannot make building it quadratic. A slot's place is the
/// top bits of the hash, and ids are inserted in the order of those bits (a counting sort), so the
/// inserts walk the table front to back instead of missing the cache a million times.
package struct IdHashTable: Sendable {
    /// Per slot: the hash's top 32 bits, then statement index + 1; 0 marks an empty slot.
    private let slots: [UInt64]
    private let shift: UInt64

    /// Indexes `count` ids, `bytes(i)` giving id `i`'s bytes. The first of equal ids wins.
    package init(count: Int, bytes: (Int) -> UnsafeRawBufferPointer) {
        var bits = 4
        while (1 << bits) < 2 * count { bits += 1 }
        let mask = (1 << bits) - 1
        shift = UInt64(64 - bits)
        let hashes = (0..<count).map { Self.hash(bytes($0)) }
        // Ids ordered by their hash's top bits (at most 2^12 buckets: each covers a few KB of table).
        let radix = min(bits, 12), radixShift = UInt64(64 - radix)
        var starts = [Int](repeating: 0, count: (1 << radix) + 1)
        for h in hashes { starts[Int(h >> radixShift) + 1] += 1 }
        for b in 0..<(1 << radix) { starts[b + 1] += starts[b] }
        var order = [Int32](repeating: 0, count: count)
        for i in 0..<count {
            let b = Int(hashes[i] >> radixShift)
            order[starts[b]] = Int32(i)
            starts[b] += 1
        }
        var slots = [UInt64](repeating: 0, count: mask + 1)
        for k in 0..<count {
            let i = Int(order[k]), h = hashes[i]
            let entry = (h >> 32) << 32 | UInt64(i + 1)
            var s = Int(h >> shift)
            var duplicate = false
            while slots[s] != 0 {
                let other = slots[s]
                // The first of equal ids is the one with the smaller index.
                if other >> 32 == h >> 32, Self.equal(bytes(Int(other & 0xFFFF_FFFF) - 1), bytes(i)) {
                    if Int(other & 0xFFFF_FFFF) - 1 > i { slots[s] = entry }
                    duplicate = true
                    break
                }
                s = (s + 1) & mask
            }
            if !duplicate { slots[s] = entry }
        }
        self.slots = slots
    }

    /// The index of the statement whose id is `id`, or nil.
    package func index(of id: String, bytes: (Int) -> UnsafeRawBufferPointer) -> Int? {
        var id = id
        return id.withUTF8 { u -> Int? in
            let b = UnsafeRawBufferPointer(u)
            let h = Self.hash(b)
            let mask = slots.count - 1
            var s = Int(h >> shift)
            while slots[s] != 0 {
                let entry = slots[s], i = Int(entry & 0xFFFF_FFFF) - 1
                if entry >> 32 == h >> 32, Self.equal(bytes(i), b) { return i }
                s = (s + 1) & mask
            }
            return nil
        }
    }

    private static func hash(_ b: UnsafeRawBufferPointer) -> UInt64 {
        var h = Hasher()
        h.combine(bytes: b)
        return UInt64(bitPattern: Int64(h.finalize()))
    }

    private static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }
}
