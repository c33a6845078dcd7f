import Foundation
import StatementModel

/// The operators' meaning (docs/language.md, "Nulls and lists", says the same in words).
///
/// Model references compare by identity; an entity compared with text matches its id, name or any
/// alias case-insensitively, and a group also matches through its members. A comparison with a null
/// side is null — unknown: false in `where`, and `not` of it is still unknown — so an undated
/// statement is neither `date = 2024` nor `date != 2024`. `x = null` and `x != null` (the literal)
/// test for absence instead, and an empty list counts as absent. `=` compares one value with one
/// value: a list on one side only is an error pointing to `has` or `in`. A one-column table (a
/// subquery ending in `select x`) is a list wherever a list is expected.
struct Comparison {
    let model: Model

    /// Null, or a list with nothing in it: what `= null` finds.
    static func isMissing(_ v: Value) -> Bool {
        switch v {
        case .null: return true
        case .list(let l): return l.isEmpty
        default: return false
        }
    }

    /// A list, a one-column table as the list of its values, or nil for anything else; a table of
    /// several columns is an error that names them.
    func list(_ v: Value, _ span: SourceSpan, _ op: String) throws -> [Value]? {
        switch v {
        case .list(let items): return items
        case .table(let t):
            guard t.columns.count == 1 else {
                throw Diagnostic("'\(op)' expected a list, found a table of \(t.columns.count) columns (\(t.columns.joined(separator: ", ")))", at: span,
                                 hint: "select the column to compare with, e.g. (… | select \(t.columns.first ?? "id"))")
            }
            return t.rows.map { Fields.get(t.columns[0], of: $0, in: model) ?? .null }
        default: return nil
        }
    }

    /// `l op r`: `.bool`, or `.null` when the answer is unknown.
    func apply(_ op: String, _ l: Value, _ r: Value, span: SourceSpan, leftSpan: SourceSpan, rightSpan: SourceSpan) throws -> Value {
        switch op {
        case "=", "!=":
            let ll = try list(l, leftSpan, op), rl = try list(r, rightSpan, op)
            // A list against a table's column, whole: `speakers = $ids` held for no row, and said
            // nothing, where membership (`has`, `in`) was meant.
            if ll != nil, rl != nil, l.isTable != r.isTable {
                throw Diagnostic("'\(op)' compares a list with a whole table column, element by element", at: span,
                                 hint: "to test membership use has or in: speakers has \"Japan\", id in (… | select id)")
            }
            if let ll, let rl {
                let same = ll.count == rl.count && zip(ll, rl).allSatisfy { equal($0, $1) }
                return .bool(op == "=" ? same : !same)
            }
            if ll != nil, !(r.isNull) {
                throw Diagnostic("'\(op)' compares one value with one value, but the left side is a list", at: span,
                                 hint: "to test whether the list holds a value, use has: … has \(Display.quoted(r, model))" + (op == "!=" ? " (negated: not … has …)" : ""))
            }
            if rl != nil, !(l.isNull) {
                throw Diagnostic("'\(op)' compares one value with one value, but the right side is a list", at: span,
                                 hint: "to test whether the value is one of several, use in: … in [\"a\", \"b\"]")
            }
            if l.isNull || r.isNull { return .null }
            // A record (an entity's codes) equals no single value: `codes = "x"` counted 0.
            if case .record = l, !(r.isRecord) {
                throw Diagnostic("'\(op)' cannot compare a record with \(r.typeName)", at: span, hint: "compare one of its fields, e.g. codes.cameo = \"PRK\"")
            }
            if case .record = r, !(l.isRecord) {
                throw Diagnostic("'\(op)' cannot compare \(l.typeName) with a record", at: span, hint: "compare one of its fields, e.g. codes.cameo = \"PRK\"")
            }
            // A date against a date or a bound written as one: by the days each names (DateOrder).
            if case .date(let d) = l, let b = dateBound(r) { return DateOrder.compare(d, op, b).map(Value.bool) ?? .null }
            if case .date(let d) = r, let b = dateBound(l) { return DateOrder.compare(d, op, b).map(Value.bool) ?? .null }
            return .bool(op == "=" ? equal(l, r) : !equal(l, r))
        case "~":
            if case .table = l { throw Diagnostic("'~' expected text on its left, found a table", at: leftSpan, hint: "select one column first") }
            if case .table = r { throw Diagnostic("'~' expected text on its right, found a table", at: rightSpan, hint: "compare with one value, e.g. content ~ \"crimes\"") }
            if case .list = r { throw Diagnostic("'~' expected text on its right, found a list", at: rightSpan, hint: "for any of several: content ~ \"a\" or content ~ \"b\"") }
            if l.isNull || r.isNull { return .null }
            return .bool(contains(l, r))
        case "in":
            if r.isNull || l.isNull { return .null }
            guard let items = try list(r, rightSpan, op) else {
                throw Diagnostic("'in' expected a list on its right, found \(r.typeName)", at: rightSpan,
                                 hint: "write a list: act in [\"urge\", \"call\"], or a subquery ending in one column")
            }
            // A list on the left is in when it equals an element ([1] in [[1]], by the rules of `=`),
            // or when any of its elements is (speakers in ["Japan", "Kim"]).
            if let ls = try list(l, leftSpan, op) {
                return .bool(items.contains { equal(l, $0) } || ls.contains { x in items.contains { equal(x, $0) } })
            }
            // A date is in when it is `=` to an element, by the days each names: unknown when it is
            // not, but is within or around one at another precision (`2024-02-29 in [2024]`).
            if case .date(let d) = l {
                var unknown = false
                for item in items {
                    if let b = dateBound(item) {
                        switch DateOrder.compare(d, "=", b) {
                        case true?: return .bool(true)
                        case nil: unknown = true
                        case false?: break
                        }
                    } else if equal(l, item) {
                        return .bool(true)
                    }
                }
                return unknown ? .null : .bool(false)
            }
            return .bool(items.contains { equal(l, $0) })
        case "has":
            if l.isNull || r.isNull { return .null }
            guard let items = try list(l, leftSpan, op) else {
                throw Diagnostic("'has' expected a list on its left, found \(l.typeName)", at: span,
                                 hint: "use `=` for single values, or `~` for text containing")
            }
            if case .list = r { throw Diagnostic("'has' takes one value on its right, found a list", at: rightSpan, hint: "for several: x has a and x has b; for any of them: x in [a, b]") }
            if case .table = r {
                throw Diagnostic("'has' takes one value on its right, found a table", at: rightSpan,
                                 hint: "for any of a subquery's values: x in (… | select id)")
            }
            return .bool(items.contains { equal($0, r) })
        case "matches":
            if l.isNull || r.isNull { return .null }
            guard case .string(let pattern) = r else {
                throw Diagnostic("'matches' expected a pattern in quotes on its right, found \(r.typeName)", at: rightSpan, hint: "e.g. content matches \"crime[s]? against\"")
            }
            let regex: BoundedRegex
            do { regex = try RegexCache.shared.regex(pattern) } catch {
                var caret = rightSpan
                caret.column += 1 + error.offset
                caret.length = 1
                throw Diagnostic("bad pattern: \(error.message)", at: caret, hint: "patterns: . [a-z] \\d \\w \\s ^ $ ( ) | * + ? {m,n}; (?i) first to ignore case", category: .evaluation)
            }
            if let ls = try list(l, leftSpan, op) { return .bool(ls.contains { regex.matches(Display.plain($0, model)) }) }
            return .bool(regex.matches(textOf(l)))
        default:
            if l.isNull || r.isNull { return .null }
            // A date against a date or a bound written as one: by the days each names (DateOrder).
            if case .date(let d) = l, let b = dateBound(r) { return DateOrder.compare(d, op, b).map(Value.bool) ?? .null }
            if case .date(let d) = r, let b = dateBound(l) { return DateOrder.compare(d, DateOrder.flipped(op), b).map(Value.bool) ?? .null }
            guard let c = order(l, r) else {
                throw Diagnostic("cannot compare \(l.typeName) with \(r.typeName) using '\(op)'", at: span,
                                 hint: "'\(op)' orders numbers, dates and text")
            }
            switch op {
            case "<": return .bool(c < 0)
            case "<=": return .bool(c <= 0)
            case ">": return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        }
    }

    /// The text a value is matched as: an entity's name, a record's id, text as it is.
    func textOf(_ v: Value) -> String {
        if case .string(let s) = v { return s }
        return Display.plain(v, model)
    }

    func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.date(let x), .date(let y)): return x == y
        case (.entity(let x), .entity(let y)): return x == y
        case (.statement(let x), .statement(let y)), (.document(let x), .document(let y)), (.relation(let x), .relation(let y)):
            return x == y
        case (.entity(let i), .string(let s)), (.string(let s), .entity(let i)): return model.entity(i, isNamed: s)
        case (.statement, .string(let s)), (.document, .string(let s)), (.relation, .string(let s)):
            return model.id(of: a.recordRef!) == s
        case (.string(let s), .statement), (.string(let s), .document), (.string(let s), .relation):
            return model.id(of: b.recordRef!) == s
        case (.number(let n), .string(let s)), (.string(let s), .number(let n)): return NumberText.number(s) == n
        // An id or name that is a number as a query writes it: `speakers has 123` for the entity `123`.
        case (.entity(let i), .number(let n)), (.number(let n), .entity(let i)): return model.entity(i, isNamed: Display.number(n))
        case (.statement, .number(let n)), (.document, .number(let n)), (.relation, .number(let n)):
            return model.id(of: a.recordRef!) == Display.number(n)
        case (.number(let n), .statement), (.number(let n), .document), (.number(let n), .relation):
            return model.id(of: b.recordRef!) == Display.number(n)
        case (.date(let d), .string(let s)), (.string(let s), .date(let d)): return PartialDate.parse(s) == d
        case (.date(let d), .number(let n)), (.number(let n), .date(let d)): return Double(d.year) == n && d.month == nil
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        default: return false
        }
    }

    func contains(_ a: Value, _ b: Value) -> Bool {
        if case .list(let items) = a { return items.contains { contains($0, b) } }
        let needle = CaseFold.fold(Display.plain(b, model))
        if case .entity(let i) = a {
            return model.entities[i].allNames.contains { CaseFold.fold($0).contains(needle) }
        }
        if case .null = a { return false }
        return CaseFold.fold(Display.plain(a, model)).contains(needle)
    }

    /// A value as a date to compare with: a date, text that is one, or a whole number as a year.
    func dateBound(_ v: Value) -> PartialDate? {
        switch v {
        case .date(let d): return d
        case .string(let s): return PartialDate.parse(s)
        case .number(let n) where n == n.rounded() && abs(n) < 100_000: return PartialDate(year: Int(n))
        default: return nil
        }
    }

    /// -1, 0, 1; nil when the values do not order against each other.
    func order(_ a: Value, _ b: Value) -> Int? {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a, b) {
        case (.number(let x), .number(let y)): return cmp(x, y)
        case (.string(let x), .string(let y)): return cmp(x, y)
        case (.date(let x), .date(let y)): return cmp(x, y)
        case (.date(let d), .number(let n)): return cmp(Double(d.year), n) == 0 ? (d.month == nil ? 0 : 1) : cmp(Double(d.year), n)
        case (.number(let n), .date(let d)): return order(.date(d), .number(n)).map { -$0 }
        case (.date(let d), .string(let s)): return PartialDate.parse(s).map { cmp(d, $0) }
        case (.string(let s), .date(let d)): return PartialDate.parse(s).map { cmp($0, d) }
        case (.bool(let x), .bool(let y)): return cmp(x ? 1 : 0, y ? 1 : 0)
        case (.entity, _), (.statement, _), (.document, _), (.relation, _), (.string, .entity):
            return cmp(Display.plain(a, model), Display.plain(b, model))
        default: return nil
        }
    }

    /// A total order for sorting: missing values (null or an empty list) last, then by type, then by value.
    func sortOrder(_ a: Value, _ b: Value) -> Int {
        let aMissing = Self.isMissing(a), bMissing = Self.isMissing(b)
        if aMissing || bMissing { return aMissing == bMissing ? 0 : (aMissing ? 1 : -1) }
        if let c = order(a, b) { return c }
        let x = Display.plain(a, model), y = Display.plain(b, model)
        return x < y ? -1 : (x == y ? 0 : 1)
    }
}

/// Compiled patterns, kept for reuse (a `where … matches` runs its pattern once per row).
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var compiled: [String: BoundedRegex] = [:]

    func regex(_ pattern: String) throws(BoundedRegex.PatternError) -> BoundedRegex {
        lock.lock()
        if let r = compiled[pattern] { lock.unlock(); return r }
        lock.unlock()
        let r = try BoundedRegex(pattern)
        lock.lock()
        if compiled.count > 64 { compiled.removeAll() }
        compiled[pattern] = r
        lock.unlock()
        return r
    }
}

extension Value {
    /// Whether the value is null.
    var isNull: Bool { if case .null = self { return true }; return false }
    /// Whether the value is a date.
    var isDate: Bool { if case .date = self { return true }; return false }
    /// Whether the value is a record.
    var isRecord: Bool { if case .record = self { return true }; return false }
    /// Whether the value is a table.
    var isTable: Bool { if case .table = self { return true }; return false }
}
