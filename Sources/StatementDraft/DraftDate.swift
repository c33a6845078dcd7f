import Foundation

/// Dates as texts print them ("May 13, 2024", "13 May 2024", "2024-05-13", "April 20, 2023"),
/// turned into the model's `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
public enum DraftDate {
    /// English month names, lower-cased, January first.
    public static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"]

    /// The model's form of a printed date, or nil when the words are not a date.
    public static func parse(_ text: String) -> String? {
        let words = text.lowercased().replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if words.count == 1, let w = words.first {
            let parts = w.split(separator: "-")
            if parts.count == 3, parts[0].count == 4, parts.allSatisfy({ Int($0) != nil }) { return w }
            if w.count == 4, let y = Int(w), (1000...2999).contains(y) { return w }
            return nil
        }
        var month: Int?, day: Int?, year: Int?
        for w in words {
            let stem = w.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if let m = months.firstIndex(where: { $0 == stem || ($0.hasPrefix(stem) && stem.count >= 3) }) { month = m + 1 }
            else if let n = Int(stem) { if n > 31 { year = n } else { day = n } }
            else { return nil }
        }
        guard let y = year, (1000...2999).contains(y) else { return nil }
        guard let m = month else { return day == nil ? String(y) : nil }
        if let d = day, (1...31).contains(d) { return String(format: "%04d-%02d-%02d", y, m, d) }
        return String(format: "%04d-%02d", y, m)
    }
}
