/// Short lists that many statements repeat — one or two speakers or targets, a pair of topics —
/// kept once and shared: at a million statements each list was an allocation of its own (about
/// 170 MB of them), though a corpus has only a few hundred different ones.
///
/// Bounded: past ``limit`` different lists, new ones are returned as they are (still correct,
/// just not shared), so a corpus of all-different lists costs a table of fixed size.
struct ListInterner {
    private var entityLists: [[Int]: [Int]] = [:]
    private var textLists: [[String]: [String]] = [:]
    /// How many different lists of each kind are kept.
    static let limit = 4096

    /// The shared copy of an entity list of one or two.
    mutating func intern(_ list: [Int]) -> [Int] {
        guard !list.isEmpty, list.count <= 2 else { return list }
        if let kept = entityLists[list] { return kept }
        if entityLists.count < Self.limit { entityLists[list] = list }
        return list
    }

    /// The shared copy of a list of up to three texts (topics).
    mutating func intern(_ list: [String]) -> [String] {
        guard !list.isEmpty, list.count <= 3 else { return list }
        if let kept = textLists[list] { return kept }
        if textLists.count < Self.limit { textLists[list] = list }
        return list
    }
}
