import StatementModel

/// A table: named columns and rows. Rows of a model table are references whose fields are
/// computed on demand, so filtering a million statements builds no records.
public struct Table: Sendable {
    /// The columns shown by default, in order.
    public var columns: [String]
    /// What the rows are, for completion and messages (`statements`, `entities`, …, or `rows`).
    public var kind: String
    private var stored: [Value]
    private var whole: WholeStatements?

    /// The rows: model references, or records.
    public var rows: [Value] {
        get { whole?.rows ?? stored }
        set { stored = newValue; whole = nil }
        // In place: `rows.append` through get and set copied every row each time (a `where` keeping
        // 20,000 rows took 2 s, 100,000 a minute).
        _modify {
            if let w = whole { stored = w.rows; whole = nil }
            yield &stored
        }
    }

    /// How many rows, without building them.
    public var count: Int { whole?.count ?? stored.count }

    /// The number of statements when this is every statement of the model in model order, untouched
    /// by any stage: stages can then answer from the model's indexes instead of visiting rows.
    public var wholeStatementsCount: Int? { whole?.count }

    /// The first `n` rows. Of every statement, only those are made: `statements | limit 10` on a
    /// million statements built all million rows to keep ten (35 ms).
    public func prefix(_ n: Int) -> [Value] {
        if let whole { return (0..<min(max(n, 0), whole.count)).map(Value.statement) }
        return Array(stored.prefix(max(n, 0)))
    }

    /// Makes a table.
    public init(kind: String, columns: [String], rows: [Value]) {
        self.kind = kind
        self.columns = columns
        self.stored = rows
    }

    /// The table of every statement of a model, its rows built only if a stage needs them.
    public init(allStatements count: Int, columns: [String]) {
        self.kind = "statements"
        self.columns = columns
        self.stored = []
        self.whole = WholeStatements(count: count)
    }
}

/// Rows of every statement, built on first use and then kept.
final class WholeStatements: @unchecked Sendable {
    let count: Int
    lazy var rows: [Value] = (0..<count).map(Value.statement)
    init(count: Int) { self.count = count }
}
