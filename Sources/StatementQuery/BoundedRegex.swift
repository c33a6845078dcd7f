/// Regular expressions for `matches`, run by a Pike virtual machine: time grows with the length of
/// the text times the size of the pattern, never exponentially, so no pattern can hang a session
/// (backtracking engines take exponential time on `(a+)+b`). No back-references, which need
/// backtracking.
///
/// Syntax: literals; `.`; classes `[a-z]`, `[^…]`; `\d \w \s` and their negations `\D \W \S`;
/// anchors `^ $`; groups `( )` and `(?: )`; alternation `|`; `* + ? {n} {n,} {n,m}` (a trailing `?`
/// for laziness is accepted: matching only answers whether there is a match); `(?i)` at the start for
/// case-insensitive matching.
struct BoundedRegex {
    /// A pattern that could not be compiled: what and where (a character offset in the pattern).
    struct PatternError: Error {
        var message: String
        var offset: Int
    }

    enum Inst {
        case char(UInt32)
        case any
        case set([ClosedRange<UInt32>], negated: Bool)
        case split(Int, Int)
        case jump(Int)
        case lineStart
        case lineEnd
        case match
    }

    indirect enum Node {
        case char(UInt32)
        case any
        case set([ClosedRange<UInt32>], negated: Bool)
        case lineStart, lineEnd
        case concat([Node])
        case alternate([Node])
        case repeated(Node, min: Int, max: Int?)
        case empty
    }

    /// The longest pattern accepted, and the most instructions it may compile to.
    static let maxPatternLength = 1000
    static let maxProgram = 20_000
    static let maxDepth = 50

    let program: [Inst]
    let caseInsensitive: Bool

    init(_ pattern: String) throws(PatternError) {
        var p = Array(pattern.unicodeScalars.map(\.value))
        guard p.count <= Self.maxPatternLength else {
            throw PatternError(message: "pattern longer than \(Self.maxPatternLength) characters", offset: 0)
        }
        var insensitive = false
        if p.starts(with: Array("(?i)".unicodeScalars.map(\.value))) { insensitive = true; p.removeFirst(4) }
        caseInsensitive = insensitive
        var parser = PatternParser(p: p, offset: insensitive ? 4 : 0)
        let node = try parser.parseAlternation(depth: 0)
        if parser.i < p.count { throw PatternError(message: "unmatched ')'", offset: parser.i + parser.offset) }
        var prog: [Inst] = []
        try Self.compile(node, into: &prog, insensitive: insensitive)
        prog.append(.match)
        program = prog
    }

    static func fold(_ c: UInt32) -> UInt32 {
        if c >= 65 && c <= 90 { return c + 32 }
        if c < 128 { return c }
        return Unicode.Scalar(c).flatMap { $0.properties.lowercaseMapping.unicodeScalars.first?.value } ?? c
    }

    static func compile(_ n: Node, into prog: inout [Inst], insensitive: Bool) throws(PatternError) {
        if prog.count > maxProgram { throw PatternError(message: "pattern too large once repetitions are counted", offset: 0) }
        switch n {
        case .char(let c): prog.append(.char(insensitive ? fold(c) : c))
        case .any: prog.append(.any)
        case .set(let r, let neg): prog.append(.set(r, negated: neg))
        case .lineStart: prog.append(.lineStart)
        case .lineEnd: prog.append(.lineEnd)
        case .empty: break
        case .concat(let items): for x in items { try compile(x, into: &prog, insensitive: insensitive) }
        case .alternate(let options):
            // split L1, next; L1: a; jump end; next: split L2, … ; last: z; end:
            var jumps: [Int] = []
            for (k, o) in options.enumerated() {
                if k < options.count - 1 {
                    let split = prog.count
                    prog.append(.split(split + 1, -1))
                    try compile(o, into: &prog, insensitive: insensitive)
                    jumps.append(prog.count)
                    prog.append(.jump(-1))
                    prog[split] = .split(split + 1, prog.count)
                } else {
                    try compile(o, into: &prog, insensitive: insensitive)
                }
            }
            for j in jumps { prog[j] = .jump(prog.count) }
        case .repeated(let x, let min, let max):
            for _ in 0..<min { try compile(x, into: &prog, insensitive: insensitive) }
            if let max {
                // Up to max - min optional copies: split over each.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(prog.count)
                    prog.append(.split(prog.count + 1, -1))
                    try compile(x, into: &prog, insensitive: insensitive)
                }
                for s in splits { prog[s] = .split(s + 1, prog.count) }
            } else {
                let loop = prog.count
                prog.append(.split(loop + 1, -1))
                try compile(x, into: &prog, insensitive: insensitive)
                prog.append(.jump(loop))
                prog[loop] = .split(loop + 1, prog.count)
            }
        }
    }

    /// Whether the pattern matches anywhere in the text.
    func matches(_ text: String) -> Bool {
        let input = Array(text.unicodeScalars.map { caseInsensitive ? Self.fold($0.value) : $0.value })
        var current: [Int] = [], next: [Int] = []
        var mark = [Int](repeating: -1, count: program.count)
        var generation = 0
        // Adds a thread at pc and everything reachable without reading a character.
        func add(_ pc: Int, _ at: Int, _ list: inout [Int]) -> Bool {
            var stack = [pc]
            while let p = stack.popLast() {
                if mark[p] == generation { continue }
                mark[p] = generation
                switch program[p] {
                case .match: return true
                case .jump(let t): stack.append(t)
                case .split(let a, let b): stack.append(b); stack.append(a)
                case .lineStart: if at == 0 || input[at - 1] == 10 { stack.append(p + 1) }
                case .lineEnd: if at == input.count || input[at] == 10 { stack.append(p + 1) }
                default: list.append(p)
                }
            }
            return false
        }
        for at in 0...input.count {
            generation += 1
            // A new thread starts at every position: the search is unanchored.
            if add(0, at, &current) { return true }
            guard at < input.count else { break }
            let c = input[at]
            generation += 1
            next.removeAll(keepingCapacity: true)
            for pc in current {
                let ok: Bool
                switch program[pc] {
                case .char(let x): ok = x == c
                case .any: ok = c != 10
                case .set(let ranges, let neg):
                    // The text is folded to lower case: a class of capitals is tried with the capital too.
                    let upper = caseInsensitive && c >= 97 && c <= 122 ? c - 32 : c
                    ok = ranges.contains { $0.contains(c) || $0.contains(upper) } != neg
                default: ok = false
                }
                if ok && add(pc + 1, at + 1, &next) { return true }
            }
            swap(&current, &next)
            // The threads for the next position were added with this generation: keep them unique.
        }
        return false
    }
}

/// Parses a pattern into nodes; nesting is bounded by ``BoundedRegex/maxDepth``.
private struct PatternParser {
    let p: [UInt32]
    let offset: Int
    var i = 0

    init(p: [UInt32], offset: Int) {
        self.p = p
        self.offset = offset
    }

    func error(_ m: String) -> BoundedRegex.PatternError { BoundedRegex.PatternError(message: m, offset: i + offset) }

    mutating func parseAlternation(depth: Int) throws(BoundedRegex.PatternError) -> BoundedRegex.Node {
        guard depth <= BoundedRegex.maxDepth else { throw error("groups nested deeper than \(BoundedRegex.maxDepth)") }
        var options = [try parseConcat(depth: depth)]
        while i < p.count && p[i] == 124 { // |
            i += 1
            options.append(try parseConcat(depth: depth))
        }
        return options.count == 1 ? options[0] : .alternate(options)
    }

    mutating func parseConcat(depth: Int) throws(BoundedRegex.PatternError) -> BoundedRegex.Node {
        var items: [BoundedRegex.Node] = []
        while i < p.count && p[i] != 124 && p[i] != 41 { // | )
            var atom = try parseAtom(depth: depth)
            atom = try parseQuantifier(atom)
            items.append(atom)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
    }

    mutating func parseQuantifier(_ atom: BoundedRegex.Node) throws(BoundedRegex.PatternError) -> BoundedRegex.Node {
        guard i < p.count else { return atom }
        var result: BoundedRegex.Node
        switch p[i] {
        case 42: i += 1; result = .repeated(atom, min: 0, max: nil)   // *
        case 43: i += 1; result = .repeated(atom, min: 1, max: nil)   // +
        case 63: i += 1; result = .repeated(atom, min: 0, max: 1)     // ?
        case 123: // {
            let start = i
            i += 1
            func number() -> Int? {
                var n: Int?
                // Every digit is read (`a{20000}` stopped at its fifth and asked for '}'); past 1000 the count stays 1001.
                while i < p.count, p[i] >= 48, p[i] <= 57 { n = min((n ?? 0) * 10 + Int(p[i] - 48), 1001); i += 1 }
                return n
            }
            guard let lo = number() else { i = start; return atom }
            var hi: Int? = lo
            if i < p.count && p[i] == 44 { i += 1; hi = number() }
            guard i < p.count && p[i] == 125 else { throw error("expected '}' to close a repetition") }
            i += 1
            if lo > 1000 || (hi ?? 0) > 1000 { throw error("a repetition may count up to 1000") }
            if let hi, hi < lo { throw error("a repetition's maximum is below its minimum") }
            result = .repeated(atom, min: lo, max: hi)
        default: return atom
        }
        if i < p.count && p[i] == 63 { i += 1 }   // lazy: same answer for a yes/no match
        if i < p.count && [42, 43, 63, 123].contains(p[i]) { throw error("a repetition of a repetition: add a group") }
        return result
    }

    mutating func parseAtom(depth: Int) throws(BoundedRegex.PatternError) -> BoundedRegex.Node {
        let c = p[i]
        switch c {
        case 40: // (
            i += 1
            if i + 1 < p.count && p[i] == 63 && p[i + 1] == 58 { i += 2 }   // (?:
            let inner = try parseAlternation(depth: depth + 1)
            guard i < p.count && p[i] == 41 else { throw error("expected ')' to close a group") }
            i += 1
            return inner
        case 46: i += 1; return .any
        case 94: i += 1; return .lineStart
        case 36: i += 1; return .lineEnd
        case 91: return try parseSet()
        case 92: return try parseEscape(inSet: false).node
        case 42, 43, 63: throw error("nothing to repeat before '\(Character(Unicode.Scalar(c)!))'")
        default: i += 1; return .char(c)
        }
    }

    static let digit: [ClosedRange<UInt32>] = [48...57]
    static let word: [ClosedRange<UInt32>] = [48...57, 65...90, 95...95, 97...122, 0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF, 0xAC00...0xD7A3, 0x4E00...0x9FFF]
    static let space: [ClosedRange<UInt32>] = [9...13, 32...32, 0xA0...0xA0, 0x2000...0x200A]

    mutating func parseEscape(inSet: Bool) throws(BoundedRegex.PatternError) -> (node: BoundedRegex.Node, ranges: [ClosedRange<UInt32>]?) {
        i += 1
        guard i < p.count else { throw error("a pattern cannot end with '\\'") }
        let e = p[i]
        i += 1
        switch e {
        case 100: return (.set(Self.digit, negated: false), Self.digit)   // d
        case 68: return (.set(Self.digit, negated: true), nil)
        case 119: return (.set(Self.word, negated: false), Self.word)     // w
        case 87: return (.set(Self.word, negated: true), nil)
        case 115: return (.set(Self.space, negated: false), Self.space)   // s
        case 83: return (.set(Self.space, negated: true), nil)
        case 110: return (.char(10), [10...10])
        case 116: return (.char(9), [9...9])
        default:
            let isLetter = (e >= 65 && e <= 90) || (e >= 97 && e <= 122) || (e >= 48 && e <= 57)
            if isLetter { throw error("unknown escape '\\\(Character(Unicode.Scalar(e)!))'") }
            return (.char(e), [e...e])
        }
    }

    mutating func parseSet() throws(BoundedRegex.PatternError) -> BoundedRegex.Node {
        i += 1
        var negated = false
        if i < p.count && p[i] == 94 { negated = true; i += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while i < p.count && (p[i] != 93 || first) {
            first = false
            // `[[:alpha:]]` read as the set `[:alph` and a `]`, matching nothing in silence.
            if p[i] == 91, i + 2 < p.count, p[i + 1] == 58 || p[i + 1] == 61 || p[i + 1] == 46,
               let close = p[(i + 2)...].firstIndex(of: p[i + 1]), close + 1 < p.count, p[close + 1] == 93,
               p[(i + 2)..<close].allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) }) {
                // Only a whole `[:name:]` (or `[.x.]`, `[=x=]`): `[[.]` is a set of '[' and '.'.
                throw error("POSIX classes such as [:alpha:] are not supported")
            }
            var lo: UInt32
            if p[i] == 92 {
                let (_, r) = try parseEscape(inSet: true)
                guard let r else { throw error("\\D, \\W and \\S cannot stand in a class") }
                if r.count > 1 || r[0].lowerBound != r[0].upperBound { ranges += r; continue }
                lo = r[0].lowerBound
            } else {
                lo = p[i]
                i += 1
            }
            if i + 1 < p.count && p[i] == 45 && p[i + 1] != 93 {
                i += 1
                var hi = p[i]
                if hi == 92 {
                    let (_, r) = try parseEscape(inSet: true)
                    guard let r, r.count == 1, r[0].lowerBound == r[0].upperBound else { throw error("a range must end with one character") }
                    hi = r[0].lowerBound
                } else {
                    i += 1
                }
                guard lo <= hi else { throw error("a range runs backwards") }
                ranges.append(lo...hi)
            } else {
                ranges.append(lo...lo)
            }
        }
        guard i < p.count else { throw error("expected ']' to close a class") }
        i += 1
        return .set(ranges, negated: negated)
    }
}
