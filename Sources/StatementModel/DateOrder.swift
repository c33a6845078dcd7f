import Foundation

/// The lazily built date orders of a model's statements.
final class DateOrder: @unchecked Sendable {
    private let lock = NSLock()
    private var up: [Int]?
    private var down: [Int]?

    private var dates: [Int]?
    /// The key of a statement without a date.
    private static let undated = Int.min

    /// A date as one number that sorts and compares as the date does (a missing month or day is
    /// 0, as in `PartialDate.<`): a million optional dates as values took 48 MB, kept for the session.
    static func key(_ d: PartialDate?) -> Int {
        guard let d else { return undated }
        let year = min(max(d.year, -(1 << 46)), 1 << 46)
        return year << 16 | min(max(d.month ?? 0, 0), 255) << 8 | min(max(d.day ?? 0, 0), 255)
    }

    // The dates are read into a column first: the sort compares each many times.
    private func column(_ statements: StatementStore) -> [Int] {
        if let dates { return dates }
        let out = statements.indices.map { Self.key(statements.date(at: $0)) }
        dates = out
        return out
    }

    func ascending(_ statements: StatementStore) -> [Int] {
        lock.lock(); defer { lock.unlock() }
        if let up { return up }
        let dates = column(statements)
        var order = dates.indices.filter { dates[$0] != Self.undated }
        order.sort { a, b in dates[a] != dates[b] ? dates[a] < dates[b] : a < b }
        order += dates.indices.filter { dates[$0] == Self.undated }
        up = order
        return order
    }

    func descending(_ statements: StatementStore) -> [Int] {
        let asc = ascending(statements)
        lock.lock(); defer { lock.unlock() }
        if let down { return down }
        let dates = column(statements)
        // Runs of equal dates, taken from the latest, each still in model order.
        let datedCount = asc.prefix { dates[$0] != Self.undated }.count
        var order: [Int] = []
        order.reserveCapacity(asc.count)
        var end = datedCount
        while end > 0 {
            var start = end - 1
            while start > 0 && dates[asc[start - 1]] == dates[asc[end - 1]] { start -= 1 }
            order += asc[start..<end]
            end = start
        }
        order += asc[datedCount...]
        down = order
        return order
    }
}
