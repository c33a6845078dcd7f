import Foundation
import StatementModel

/// The text one command may make with `+`, `join`, `replace`, `upper`, `lower` and `trim`: at most
/// 64 MB in one text, and 1 GB in all of the large texts (64 KiB or more). Without it a query grew
/// text until memory ran out (twenty `+` of a 60 MB text took 59 s and 2.4 GB; `lower` of a 16 MB
/// text on 241 rows, 4 GB). Texts under 64 KiB are row-sized data — `content + "…"` on every row of
/// a large model — and are not counted; a `replace` that finds nothing and `+ ""` make no copy.
public final class TextBudget: @unchecked Sendable {
    /// How much text may be made.
    public struct Limits: Sendable {
        /// The longest text a function or `+` makes.
        public var maxText = 64 << 20
        /// The large texts one command makes, in all.
        public var maxTotal = 1 << 30
        /// The size from which a text counts toward `maxTotal`.
        public var countedFrom = 64 << 10
        /// The standard limits.
        public init() {}
    }

    let limits: Limits
    private let lock = NSLock()
    private var made = 0

    /// A budget with these limits.
    init(_ limits: Limits = Limits()) { self.limits = limits }

    /// Counts a text of `bytes` made at `span`, or throws when it passes the one limit or the
    /// command's large texts the other.
    func take(_ bytes: Int, at span: SourceSpan) throws(Diagnostic) {
        if bytes > limits.maxText {
            throw Diagnostic("this would make text of more than \(Self.megabytes(limits.maxText))", at: span,
                             hint: "work on shorter texts, or in smaller pieces", category: .evaluation)
        }
        guard bytes >= limits.countedFrom else { return }
        lock.lock()
        made += bytes
        let over = made > limits.maxTotal
        lock.unlock()
        if over {
            throw Diagnostic("this command would make more than \(Self.megabytes(limits.maxTotal)) of text", at: span,
                             hint: "work on fewer rows (where, limit) or shorter texts", category: .evaluation)
        }
    }

    /// `64 MB`, `1 GB`, or bytes when smaller.
    static func megabytes(_ n: Int) -> String {
        n >= 1 << 30 && n % (1 << 30) == 0 ? "\(n >> 30) GB" : n >= 1 << 20 ? "\(n >> 20) MB" : "\(n) bytes"
    }
}
