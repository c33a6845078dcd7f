import Foundation
import StatementModel

/// The text one command may make with `+`, `join` and `replace`: at most 64 MB in one text, and
/// 1 GB of growth in all — what a text adds beyond the largest text it was made from. Without it a
/// query grew text until memory ran out (twenty `+` of a 60 MB text took 59 s and 2.4 GB; a per-row
/// `replace` on a large model multiplies that by the rows). Growth, not size: a `replace` that
/// changes little, or `content + "…"` on every row of a large model, adds little and is no threat.
public final class TextBudget: @unchecked Sendable {
    /// How much text may be made.
    public struct Limits: Sendable {
        /// The longest text a function or `+` makes.
        public var maxText = 64 << 20
        /// The growth of text one command makes in all.
        public var maxTotal = 1 << 30
        /// The standard limits.
        public init() {}
    }

    /// The longest text a function or `+` makes, by the standard limits.
    static let maxText = Limits().maxText
    let limits: Limits
    private let lock = NSLock()
    private var made = 0

    init(_ limits: Limits = Limits()) { self.limits = limits }

    /// Counts a text of `bytes` made at `span`, `growth` of them beyond its largest input, or throws
    /// when the text passes the one limit or the command's growth the other.
    func take(_ bytes: Int, growth: Int, at span: SourceSpan) throws(Diagnostic) {
        if bytes > limits.maxText {
            throw Diagnostic("this would make text of more than \(Self.megabytes(limits.maxText))", at: span,
                             hint: "work on shorter texts, or in smaller pieces", category: .evaluation)
        }
        lock.lock()
        made += max(0, growth)
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
