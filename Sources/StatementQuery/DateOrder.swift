import StatementModel

/// How `< <= > >= = !=` compare dates of different precision. A date is the span of days it names
/// (`2024` is 1 January to 31 December), and a bound names the span it starts or ends: `date >= 2024-01`
/// holds for the year 2024 (it starts on the first of January), `date < 2024-03` is unknown for it (the
/// year starts before March and ends after). The year-only date sorted before every month of its year,
/// so `date >= 2024-01` left out every statement dated 2024.
enum DateOrder {
    typealias Day = (year: Int, month: Int, day: Int)

    static func start(_ d: PartialDate) -> Day { (d.year, d.month ?? 1, d.day ?? 1) }
    static func end(_ d: PartialDate) -> Day { (d.year, d.month ?? 12, d.day ?? 31) }

    /// `d op bound`: true, false, or nil when the date straddles the bound.
    static func compare(_ d: PartialDate, _ op: String, _ bound: PartialDate) -> Bool? {
        let ds = start(d), de = end(d), bs = start(bound), be = end(bound)
        switch op {
        case ">=": return ds >= bs ? true : de < bs ? false : nil
        case "<=": return de <= be ? true : ds > be ? false : nil
        case ">": return ds > be ? true : de <= be ? false : nil
        // The same span of days, or none in common; a date inside the bound's span or around it is
        // unknown (`2024-02-29 = 2024`: is the year's day that one?).
        case "=": return ds == bs && de == be ? true : (de < bs || ds > be) ? false : nil
        case "!=": return compare(d, "=", bound).map(!)
        default: return de < bs ? true : ds >= bs ? false : nil   // "<"
        }
    }

    /// The same comparison with the date on the right: `bound op d` is `d op' bound`.
    static func flipped(_ op: String) -> String {
        switch op {
        case "<": return ">"
        case "<=": return ">="
        case ">": return "<"
        default: return "<="
        }
    }
}
