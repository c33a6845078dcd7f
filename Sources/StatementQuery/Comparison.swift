import StatementModel

/// The operators' meaning. Model references compare by identity; an entity compared with text
/// matches its id, name or any alias case-insensitively, and a group also matches through its members.
struct Comparison {
    let model: Model

    func apply(_ op: String, _ l: Value, _ r: Value, span: SourceSpan, rightSpan: SourceSpan) throws -> Bool {
        switch op {
        case "=": return equal(l, r)
        case "!=": return !equal(l, r)
        case "~": return contains(l, r)
        case "in":
            guard case .list(let items) = r else {
                throw Diagnostic("'in' expected a list on its right, found \(r.typeName)", at: rightSpan,
                                 hint: "write a list: act in [\"urge\", \"call\"]")
            }
            if case .list(let ls) = l { return ls.contains { x in items.contains { equal(x, $0) } } }
            return items.contains { equal(l, $0) }
        case "has":
            switch l {
            case .list(let items): return items.contains { equal($0, r) }
            case .table(let t): return t.rows.contains { equal($0, r) }
            case .null: return false
            default:
                throw Diagnostic("'has' expected a list on its left, found \(l.typeName)", at: span,
                                 hint: "use `=` for single values, or `~` for text containing")
            }
        default:
            guard let c = order(l, r) else {
                if case .null = l { return false }
                if case .null = r { return false }
                throw Diagnostic("cannot compare \(l.typeName) with \(r.typeName) using '\(op)'", at: span,
                                 hint: "'\(op)' orders numbers, dates and text")
            }
            switch op {
            case "<": return c < 0
            case "<=": return c <= 0
            case ">": return c > 0
            default: return c >= 0
            }
        }
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
        case (.number(let n), .string(let s)), (.string(let s), .number(let n)): return Double(s) == n
        case (.date(let d), .string(let s)), (.string(let s), .date(let d)): return PartialDate.parse(s) == d
        case (.date(let d), .number(let n)), (.number(let n), .date(let d)): return Double(d.year) == n && d.month == nil
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        default: return false
        }
    }

    func contains(_ a: Value, _ b: Value) -> Bool {
        if case .list(let items) = a { return items.contains { contains($0, b) } }
        let needle = Display.plain(b, model).lowercased()
        if case .entity(let i) = a {
            return model.entities[i].allNames.contains { $0.lowercased().contains(needle) }
        }
        if case .null = a { return false }
        return Display.plain(a, model).lowercased().contains(needle)
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

    /// A total order for sorting: nulls last, then by type, then by value.
    func sortOrder(_ a: Value, _ b: Value) -> Int {
        if case .null = a { if case .null = b { return 0 }; return 1 }
        if case .null = b { return -1 }
        if let c = order(a, b) { return c }
        let x = Display.plain(a, model), y = Display.plain(b, model)
        return x < y ? -1 : (x == y ? 0 : 1)
    }
}
