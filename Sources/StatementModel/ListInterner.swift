/// Short lists that many statements repeat — one or two speakers or targets, a few topics — kept
/// once and shared: at a million statements each list was an allocation of its own (about 170 MB
/// of them), though a corpus has only a few thousand different ones.
///
/// Two direct-mapped caches of fixed size: a list's slot comes from a cheap hash of its values,
/// and a list that finds another in its slot takes the slot. So the memory is bounded, each call
/// costs a hash and one comparison, and lists written to collide only share less.
struct ListInterner {
    private var entityLists = [[Int]](repeating: [], count: Self.slots)
    private var textLists = [[String]](repeating: [], count: Self.slots)
    /// Slots in each cache (a power of two).
    static let slots = 4096

    /// The shared copy of an entity list of one or two.
    mutating func intern(_ list: [Int]) -> [Int] {
        guard !list.isEmpty, list.count <= 2 else { return list }
        var h = UInt64(truncatingIfNeeded: list[0]) &* 0x9E37_79B9_7F4A_7C15
        if list.count == 2 { h ^= UInt64(truncatingIfNeeded: list[1]) &* 0xC2B2_AE3D_27D4_EB4F }
        let slot = Int(truncatingIfNeeded: h >> 52) & (Self.slots - 1)
        if entityLists[slot] == list { return entityLists[slot] }
        entityLists[slot] = list
        return list
    }

    /// The shared copy of the list `[a]` or `[a, b]`, made only when its slot holds another.
    mutating func intern(_ a: Int, _ b: Int?) -> [Int] {
        var h = UInt64(truncatingIfNeeded: a) &* 0x9E37_79B9_7F4A_7C15
        if let b { h ^= UInt64(truncatingIfNeeded: b) &* 0xC2B2_AE3D_27D4_EB4F }
        let slot = Int(truncatingIfNeeded: h >> 52) & (Self.slots - 1)
        let known = entityLists[slot]
        if let b {
            if known.count == 2 && known[0] == a && known[1] == b { return known }
            entityLists[slot] = [a, b]
        } else {
            if known.count == 1 && known[0] == a { return known }
            entityLists[slot] = [a]
        }
        return entityLists[slot]
    }

    /// The shared copy of a list of up to three texts (topics).
    mutating func intern(_ list: [String]) -> [String] {
        guard !list.isEmpty, list.count <= 3 else { return list }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for text in list {
            for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01B3 }
            h = (h ^ 0xFF) &* 0x100_0000_01B3
        }
        let slot = Int(truncatingIfNeeded: h >> 52) & (Self.slots - 1)
        if textLists[slot] == list { return textLists[slot] }
        textLists[slot] = list
        return list
    }
}
