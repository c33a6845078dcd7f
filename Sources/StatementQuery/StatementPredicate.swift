import Foundation
import StatementModel

/// A `where` condition over statements compiled to a test on statement indexes, with the index
/// lists (by force, speaker, target, topic, id) that bound which statements can pass. Only forms
/// whose meaning is exactly the evaluator's are compiled; anything else returns nil and the
/// evaluator runs the condition row by row as usual.
struct StatementPredicate {
    /// Whether statement `i` passes.
    let test: (Int) -> Bool
    /// Sorted statement indexes that may pass (nil: any statement may).
    let candidates: [Int]?
    /// Whether the candidates are exactly the statements that pass, so the test need not run (it
    /// would decode each statement of a model restored from a snapshot).
    var exact = false

    static let entityListFields: Set<String> = ["speakers", "targets", "addressees", "on_behalf_of"]
    static let textFields: Set<String> = ["act", "cue", "content", "id", "status"]

    /// Compiles `e` for `model`, reading `$variables` now through `variable` (which notes them as read); nil when it cannot be compiled exactly.
    static func compile(_ e: Expr, model m: Model, variable: (String) -> Value?) -> StatementPredicate? {
        func text(_ e: Expr) -> String? {
            switch e {
            case .literal(.string(let s), _): return s
            case .variable(let name, _): if case .string(let s)? = variable(name) { return s }; return nil
            default: return nil
            }
        }
        func field(_ e: Expr) -> String? { if case .field(let p, _) = e, p.count == 1 { return p[0] }; return nil }
        // The field is chosen once, not per statement.
        func reader(_ f: String) -> (Int) -> String {
            switch f {
            case "act": return { m.statements[$0].act.force }
            case "cue": return { m.statements[$0].act.cue }
            case "content": return { m.statements[$0].content }
            case "status": return { m.statements[$0].status }
            default: return { m.statements[$0].id }
            }
        }
        switch e {
        case .binary("and", let l, let r, _):
            guard let a = compile(l, model: m, variable: variable), let b = compile(r, model: m, variable: variable) else { return nil }
            let cand: [Int]?
            switch (a.candidates, b.candidates) {
            case (nil, nil): cand = nil
            case (let x?, nil): cand = x
            case (nil, let y?): cand = y
            case (let x?, let y?): cand = intersect(x, y)
            }
            return StatementPredicate(test: { a.test($0) && b.test($0) }, candidates: cand,
                                      exact: a.candidates != nil && b.candidates != nil && a.exact && b.exact)
        case .binary("or", let l, let r, _):
            guard let a = compile(l, model: m, variable: variable), let b = compile(r, model: m, variable: variable) else { return nil }
            let cand = a.candidates.flatMap { x in b.candidates.map { union([x, $0]) } }
            return StatementPredicate(test: { a.test($0) || b.test($0) }, candidates: cand, exact: cand != nil && a.exact && b.exact)
        case .not(let inner, _):
            guard let a = compile(inner, model: m, variable: variable) else { return nil }
            return StatementPredicate(test: { !a.test($0) }, candidates: nil)
        case .binary("=", let l, let r, _):
            guard let f = field(l), textFields.contains(f), let lit = text(r) else { return nil }
            if f == "act" { return StatementPredicate(test: { m.statements[$0].act.force == lit }, candidates: m.statementsByForce[lit] ?? [], exact: true) }
            if f == "id" { return StatementPredicate(test: { m.statements.id(at: $0) == lit }, candidates: m.statementIndex(id: lit).map { [$0] } ?? [], exact: true) }
            let get = reader(f)
            return StatementPredicate(test: { get($0) == lit }, candidates: nil)
        case .binary("in", let l, .list(let items, _), _):
            guard let f = field(l), f == "act" else { return nil }
            let lits = items.compactMap(text)
            guard lits.count == items.count else { return nil }
            let set = Set(lits)
            return StatementPredicate(test: { set.contains(m.statements[$0].act.force) }, candidates: union(lits.map { m.statementsByForce[$0] ?? [] }),
                                      exact: true)
        case .binary("~", let l, let r, _):
            guard let f = field(l), textFields.contains(f), let lit = text(r) else { return nil }
            let needle = Array(lit.lowercased().utf8)
            guard needle.allSatisfy({ $0 < 0x80 }) else { return nil }
            let get = reader(f)
            let test: (Int) -> Bool = { asciiContains(get($0), needle) }
            if f == "content", m.contentStarts.count == m.statements.count + 1 {
                return StatementPredicate(test: test, candidates: contentHits(needle, m, test: test), exact: true)
            }
            return StatementPredicate(test: test, candidates: nil)
        case .binary("has", let l, let r, _):
            guard let f = field(l), let lit = text(r) else { return nil }
            if f == "topics" {
                return StatementPredicate(test: { m.statements[$0].topics.contains(lit) }, candidates: m.statementsByTopic[lit] ?? [])
            }
            guard entityListFields.contains(f) else { return nil }
            // The same entities `=` would match: those named so, and the groups they belong to.
            var named = Set(m.entities(named: lit))
            for x in named { for g in m.groupsOfEntity[x] ?? [] { named.insert(g) } }
            // Read from the statement's list alone (a restored model need not decode the statement).
            let list = EntityListField(rawValue: f) ?? .onBehalfOf
            let test: (Int) -> Bool = { i in
                var hit = false
                m.statements.forEachEntity(in: list, of: i) { if !hit && named.contains($0) { hit = true } }
                return hit
            }
            switch f {
            case "speakers": return StatementPredicate(test: test, candidates: union(named.map { m.statementsBySpeaker[$0] ?? [] }))
            case "targets": return StatementPredicate(test: test, candidates: union(named.map { m.statementsByTarget[$0] ?? [] }))
            default: return StatementPredicate(test: test, candidates: nil)
            }
        default:
            return nil
        }
    }

    /// Case-insensitive containment of an ASCII needle (already lower-case); text with other
    /// characters goes through full Unicode lower-casing so the answer is the evaluator's.
    static func asciiContains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        var sawNonASCII = false
        let found = haystack.utf8.withContiguousStorageIfAvailable { b -> Bool in
            guard !needle.isEmpty else { return true }
            guard needle.count <= b.count else { sawNonASCII = b.contains { $0 >= 0x80 }; return false }
            let last = b.count - needle.count
            let first = needle[0], firstUpper = first >= 97 && first <= 122 ? first - 32 : first
            return needle.withUnsafeBufferPointer { n in
                var i = 0
                while i <= last {
                    let c0 = b[i]
                    if c0 == first || c0 == firstUpper {
                        if restMatches(b, i, n) { return true }
                    } else if c0 >= 0x80 {
                        sawNonASCII = true
                    }
                    i += 1
                }
                if !sawNonASCII { sawNonASCII = b[(last + 1)...].contains { $0 >= 0x80 } }
                return false
            }
        }
        // A match found on ASCII letters is a match after folding too; with other characters
        // present (some fold into ASCII: ß, ﬁ, K), a miss is settled by folding, as `~` does elsewhere.
        if found == true { return true }
        if found == false && !sawNonASCII { return false }
        return CaseFold.fold(haystack).contains(String(decoding: needle, as: UTF8.self))
    }

    /// Statements whose content contains the (lower-case ASCII) needle, found by `memmem` over the
    /// model's case-folded content column, half on each core, jumping to the next statement after
    /// each hit; statements with non-ASCII text are checked one by one with the exact test.
    static func contentHits(_ needle: [UInt8], _ m: Model, test: (Int) -> Bool) -> [Int] {
        let starts = m.contentStarts
        let total = m.contentBytes.count
        guard !needle.isEmpty, needle.count <= total else { return needle.isEmpty ? Array(m.statements.indices) : m.nonASCIIContent.filter(test) }
        let bytes = m.foldedContent
        let parts = total < 1 << 20 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        nonisolated(unsafe) var found = Array(repeating: [Int](), count: parts)
        let statements = starts.count - 1
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var hits: [Int] = []
            bytes.withUnsafeBytes { b in
                needle.withUnsafeBytes { n in
                    // Each part owns whole statements, so no match is counted twice or cut in two.
                    var s = statements * part / parts
                    let endStatement = statements * (part + 1) / parts
                    let end = Int(starts[endStatement])
                    var i = Int(starts[s])
                    while i + n.count <= end {
                        guard let p = memmem(b.baseAddress! + i, end - i, n.baseAddress!, n.count) else { break }
                        let at = b.baseAddress!.distance(to: UnsafeRawPointer(p))
                        // The statement holding the match: the last start at or before it.
                        var lo = s, hi = endStatement - 1
                        while lo < hi {
                            let mid = (lo + hi + 1) / 2
                            if Int(starts[mid]) <= at { lo = mid } else { hi = mid - 1 }
                        }
                        if at + n.count <= Int(starts[lo + 1]) {
                            hits.append(lo)
                            s = lo + 1
                            i = Int(starts[s])
                        } else {
                            i = at + 1
                        }
                    }
                }
            }
            found[part] = hits
        }
        var all = Array(Set(found.joined()).union(m.nonASCIIContent.filter(test)))
        all.sort()
        return all
    }

    /// Whether the needle's bytes after the first match at `i`, folding ASCII capitals.
    @inline(__always)
    static func restMatches(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        var j = 1
        while j < n.count {
            var c = b[i + j]
            if c >= 65 && c <= 90 { c += 32 }
            if c != n[j] { return false }
            j += 1
        }
        return true
    }

    static func intersect(_ a: [Int], _ b: [Int]) -> [Int] {
        var out: [Int] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { out.append(a[i]); i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return out
    }

    static func union(_ lists: [[Int]]) -> [Int] {
        let nonEmpty = lists.filter { !$0.isEmpty }
        if nonEmpty.count <= 1 { return nonEmpty.first ?? [] }
        var out = Array(Set(nonEmpty.joined()))
        out.sort()
        return out
    }
}
