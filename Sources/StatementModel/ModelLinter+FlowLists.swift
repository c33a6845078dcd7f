/// Commas in flow lists. In `[Union of Farmers, Growers and Herders]` YAML ends an item at each
/// comma, so one name becomes two and both load without complaint. Two signs say a comma split a
/// value: in a list of names or anchors, the items joined again by ", " are one phrase of a
/// document's text; in any list, an unquoted item begins with "and"/"or", as the last part of a
/// list-like name does. (Topics and roles are the modeller's labels, often a list the text also
/// gives, so only the second sign is read there.)
extension ModelLinter {
    /// How many flow lists are read against the texts; past it only the "and …" sign is looked
    /// for, so `stmt check` on a huge model does not search its texts without end.
    static let maxFlowListsSearched = 20_000
    /// The longest run of items joined back into one phrase.
    static let maxRun = 8
    /// The fields whose items are phrases of the text (or names that may be).
    static let phraseFields: Set<String> = ["aliases", "anchors"]

    func flowCommas() -> [Diagnostic] {
        let texts = model.documents.compactMap(\.text)
        var out: [Diagnostic] = []
        var searched = 0
        for list in flowLists {
            let items = list.items
            func cutEnd(_ k: Int) -> Bool {
                let s = items[k].text.lowercased()
                return k > 0 && items[k].plain && ["and ", "or ", "& "].contains { s.hasPrefix($0) }
            }
            // Runs of items that are one phrase of a text, longest first from each item.
            var runs: [ClosedRange<Int>] = []
            if Self.phraseFields.contains(list.field), searched < Self.maxFlowListsSearched {
                searched += 1
                var k = 0
                while k + 1 < items.count {
                    var end = k, phrase = items[k].text
                    while end + 1 < items.count, end - k + 1 < Self.maxRun, items[k].plain, items[end + 1].plain {
                        let longer = phrase + ", " + items[end + 1].text
                        guard texts.contains(where: { Self.contains($0.utf8, Array(longer.utf8)) }) else { break }
                        phrase = longer
                        end += 1
                    }
                    if end > k { runs.append(k...end) }
                    k = end + 1
                }
            }
            // An "and …" item right after a run ends that run's name.
            runs = runs.map { r in r.upperBound + 1 < items.count && cutEnd(r.upperBound + 1) ? r.lowerBound...(r.upperBound + 1) : r }
            for r in runs {
                let phrase = items[r].map(\.text).joined(separator: ", ")
                out.append(warning("'\(items[r.lowerBound].text)' and '\(items[r.lowerBound + 1].text)' are one \(list.field == "anchors" ? "passage" : "name") of the text, cut by \(r.count == 2 ? "a comma" : "\(r.count - 1) commas"): \"\(phrase)\"",
                                   items[r.lowerBound + 1].mark,
                                   hint: "in `[…]` a comma ends an item; quote the whole of it: \"\(phrase)\""))
            }
            for k in items.indices where cutEnd(k) && !runs.contains(where: { $0.contains(k) }) {
                let whole = items[...k].map(\.text).joined(separator: ", ")
                out.append(warning("'\(items[k].text)' looks like the end of a name cut by a comma", items[k].mark,
                                   hint: "in `[…]` a comma ends an item; if it is one name, quote all of it, e.g. \"\(whole)\""))
            }
        }
        return out
    }

    static func contains(_ haystack: TextBytes, _ needle: [UInt8]) -> Bool {
        !needle.isEmpty && !AnchorResolver.occurrences(of: needle, in: haystack).isEmpty
    }
}
