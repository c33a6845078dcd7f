/// A calendar date known to a year, a month or a day: `2014`, `2014-02`, `2014-02-17`.
///
/// Documents often give only a year ("the 2014 report"); keeping the precision avoids inventing a day.
/// Dates order by year, then month, then day, with a missing part sorting first.
public struct PartialDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1–12, when known.
    public var month: Int?
    /// The day of the month, when known.
    public var day: Int?

    /// Makes a date; callers validate ranges through ``parse(_:)``.
    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when the text is not such a date or is out of range.
    public static func parse(_ text: String) -> PartialDate? {
        // Byte-level: a large model parses a million of these.
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { b -> PartialDate? in
            func digits(_ from: Int, _ count: Int) -> Int? {
                var n = 0
                for i in from..<(from + count) {
                    let c = b[i]
                    guard c >= 48 && c <= 57 else { return nil }
                    n = n * 10 + Int(c - 48)
                }
                return n
            }
            guard b.count == 4 || b.count == 7 || b.count == 10, let year = digits(0, 4) else { return nil }
            var date = PartialDate(year: year)
            if b.count >= 7 {
                guard b[4] == 45, let m = digits(5, 2), (1...12).contains(m) else { return nil }
                date.month = m
            }
            if b.count == 10 {
                guard b[7] == 45, let d = digits(8, 2), d >= 1, d <= daysIn(month: date.month!, year: year) else { return nil }
                date.day = d
            }
            return date
        } ?? { var copy = text; copy.makeContiguousUTF8(); return parse(copy) }()
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2014`, `2014-02` or `2014-02-17`.
    public var description: String {
        var s = String(format4(year))
        if let month { s += "-" + pad2(month) }
        if let day { s += "-" + pad2(day) }
        return s
    }

    /// Orders by year, month, day; an unknown part sorts before any known one.
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        if a.year != b.year { return a.year < b.year }
        if a.month != b.month { return (a.month ?? 0) < (b.month ?? 0) }
        return (a.day ?? 0) < (b.day ?? 0)
    }

    private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private func format4(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }
}

/// A date as a claim: its value, whether the text states it or it is inferred, and the basis.
public struct DateClaim: Sendable, Hashable, Codable {
    /// How the date is known.
    public enum Basis: String, Sendable, Hashable, Codable, CaseIterable {
        /// The source text gives the date.
        case stated
        /// The date is worked out from something the text says (e.g. "the 10th anniversary").
        case inferred
    }

    /// The date.
    public var value: PartialDate
    /// Stated or inferred.
    public var basis: Basis
    /// Why: the words or reasoning the date rests on.
    public var note: String?

    /// Makes a date claim.
    public init(value: PartialDate, basis: Basis, note: String? = nil) {
        self.value = value
        self.basis = basis
        self.note = note
    }
}
