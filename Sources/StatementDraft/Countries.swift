import Foundation

/// Country names in English, from the system's locale data (no list is copied in), for telling a
/// state from an organization.
public enum Countries {
    /// Lower-cased English names of every ISO 3166 region, plus common short forms.
    public static let names: Set<String> = {
        var out: Set<String> = []
        let en = Locale(identifier: "en_US")
        for code in Locale.isoRegionCodes {
            if let n = en.localizedString(forRegionCode: code) { out.insert(n.lowercased()) }
        }
        for group in Lexicon.sameBody where !group.contains("united nations") && !group.contains("european union") {
            out.formUnion(group)
        }
        out.formUnion(["south sudan", "north korea", "south korea", "russia", "iran", "syria", "the gambia", "burma", "palestine",
                       "vietnam", "laos", "bolivia", "venezuela", "tanzania", "moldova", "taiwan", "czech republic", "ivory coast"])
        // Locale data also names regions that are not states.
        out.subtract(["united nations", "european union", "eurozone", "outlying oceania", "world", "unknown region",
                      "pseudo-accents", "pseudo-bidi", "latin america", "europe", "africa", "asia", "americas", "oceania"])
        return out
    }()
}
