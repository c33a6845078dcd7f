import Foundation
import Synchronization

/// A model's statements, in file order: values made by a load, or the rows of a snapshot, decoded
/// when they are read.
///
/// A million statements restored from a snapshot are not made into values up front (that took a
/// second): a statement read by index is decoded on its own, and a few fields (`id`, `date`, the
/// entity lists) can be read without decoding the rest. Once a command has read many statements
/// one by one, or walks all of them, every statement is decoded at once, on every core, and kept.
public struct StatementStore: RandomAccessCollection, Sendable {
    /// Positions are statement indexes.
    public typealias Index = Int
    /// The positions of every statement.
    public typealias Indices = Range<Int>
    /// Walking the statements walks decoded values.
    public typealias Iterator = IndexingIterator<[Statement]>

    private let values: [Statement]
    private let lazy: LazyStatements?

    /// Holds statements made as values.
    public init(_ statements: [Statement]) {
        values = statements
        lazy = nil
    }

    /// Reads statements from rows, decoding each when it is read.
    package init(rows: any StatementRows) {
        values = []
        lazy = LazyStatements(rows)
    }

    /// The first index: 0.
    public var startIndex: Int { 0 }
    /// One past the last index: the number of statements.
    public var endIndex: Int { lazy?.rows.count ?? values.count }

    /// The statement at `i`.
    public subscript(i: Int) -> Statement {
        _read {
            if let lazy {
                if let all = lazy.decodedValues {
                    yield all.values[i]
                } else if let one = lazy.one(i) {
                    yield one.statement
                } else {
                    yield lazy.all()[i]
                }
            } else {
                yield values[i]
            }
        }
    }

    /// Every statement as a value: decodes them all first when they come from rows.
    public var all: [Statement] { lazy?.all() ?? values }

    /// Walks the statements (all decoded first when they come from rows).
    public func makeIterator() -> IndexingIterator<[Statement]> { all.makeIterator() }

    /// The rows the statements are decoded from, when they are not values.
    package var rows: (any StatementRows)? { lazy?.rows }

    /// Whether every statement is held as a value (made by a load, or decoded since).
    public var isDecoded: Bool { lazy == nil || lazy?.decodedValues != nil }

    /// The id of statement `i`, without decoding the rest of it.
    public func id(at i: Int) -> String {
        guard let lazy else { return values[i].id }
        return lazy.decodedValues?.values[i].id ?? lazy.rows.id(i)
    }

    /// The date of statement `i`, without decoding the rest of it.
    public func date(at i: Int) -> PartialDate? {
        guard let lazy else { return values[i].date?.value }
        if let all = lazy.decodedValues { return all.values[i].date?.value }
        return lazy.rows.date(i)
    }

    /// Each statement's anchors that have a place — its own, then its framings' — as the statement,
    /// the document and the bytes there, in statement order; read from the rows of a restored
    /// model without decoding it (`find` on a million statements decoded them all, ~3 s).
    package func forEachAnchorPlace(_ body: (_ statement: Int, _ document: Int, _ bytes: Range<Int>) throws -> Void) rethrows {
        if let lazy, lazy.decodedValues == nil { return try lazy.rows.forEachAnchorPlace(body) }
        let all = lazy?.decodedValues?.values ?? values
        for i in all.indices {
            for a in all[i].anchors { if let d = a.document, let r = a.byteRange { try body(i, d, r) } }
            for f in all[i].framings { if let a = f.anchor, let d = a.document, let r = a.byteRange { try body(i, d, r) } }
        }
    }

    /// How many of the statements' anchors (framings' included) resolved each way, without decoding them.
    public func anchorStatusCounts() -> [Anchor.Status: Int] {
        var c: [Anchor.Status: Int] = [:]
        if let lazy, lazy.decodedValues == nil { return lazy.rows.anchorStatusCounts() }
        // By index, so each statement is read in place rather than copied out.
        let all = lazy?.decodedValues?.values ?? values
        for i in all.indices {
            for a in all[i].anchors { c[a.status, default: 0] += 1 }
            for f in all[i].framings { if let a = f.anchor { c[a.status, default: 0] += 1 } }
        }
        return c
    }

    /// Calls `body` with each entity in one of statement `i`'s entity lists, without decoding the rest of it.
    public func forEachEntity(in field: EntityListField, of i: Int, _ body: (Int) -> Void) {
        if let lazy, lazy.decodedValues == nil {
            lazy.rows.forEachEntity(in: field, of: i, body)
            return
        }
        // The list read in place: copying the whole statement out per call would cost more than the list.
        let all = lazy?.decodedValues?.values ?? values
        switch field {
        case .speakers: all[i].speakers.forEach(body)
        case .onBehalfOf: all[i].onBehalfOf.forEach(body)
        case .addressees: all[i].addressees.forEach(body)
        case .targets: all[i].targets.forEach(body)
        }
    }
}

/// The entity lists of a statement.
public enum EntityListField: String, Sendable, CaseIterable {
    /// Who speaks.
    case speakers
    /// On whose behalf.
    case onBehalfOf = "on_behalf_of"
    /// To whom.
    case addressees
    /// About whom.
    case targets
}

/// Statements kept as rows (a snapshot's) that decode one statement, or one field, when asked.
/// Rows are checked when they are opened, so decoding cannot fail.
package protocol StatementRows: AnyObject, Sendable {
    /// How many statements.
    var count: Int { get }
    /// Statement `i`, decoded.
    func statement(_ i: Int) -> Statement
    /// Every statement, decoded (on every core).
    func decodeAll() -> [Statement]
    /// The id of statement `i`.
    func id(_ i: Int) -> String
    /// The index of the statement whose id is `id`, or nil.
    func index(ofId id: String) -> Int?
    /// The date of statement `i`.
    func date(_ i: Int) -> PartialDate?
    /// Each entity in one of statement `i`'s entity lists.
    func forEachEntity(in field: EntityListField, of i: Int, _ body: (Int) -> Void)
    /// How many of the statements' anchors and framings' anchors resolved each way.
    func anchorStatusCounts() -> [Anchor.Status: Int]
    /// Each statement's anchors with a place (framings' after its own): statement, document, bytes.
    func forEachAnchorPlace(_ body: (_ statement: Int, _ document: Int, _ bytes: Range<Int>) throws -> Void) rethrows
}

/// The decoded values of rows, made once and shared by every reader.
final class LazyStatements: Sendable {
    final class Values: Sendable {
        let values: [Statement]
        init(_ values: [Statement]) { self.values = values }
    }

    let rows: any StatementRows
    // Published once under `decoding`, then read without a lock: `isDecoded` is stored (releasing)
    // after `stored`, and read (acquiring) before it. An AtomicLazyReference here looked up its
    // generic metadata at every read, ~0.1 µs per field of a restored statement.
    private let isDecoded = Atomic<Bool>(false)
    private nonisolated(unsafe) var stored: Values?
    private let singles = Atomic<Int>(0)
    private let decoding = Mutex<Void>(())
    /// The statements decoded one by one lately, by index modulo the size: a table's rows read field
    /// by field, or a statement shown twice, are decoded once.
    private let recent = Mutex(Recent())
    private static let recentSize = 1_024

    struct Recent {
        var index = [Int](repeating: -1, count: LazyStatements.recentSize)
        var values = [One?](repeating: nil, count: LazyStatements.recentSize)
    }

    /// A statement decoded alone, boxed so that reading its fields one at a time (a table's columns,
    /// `show`) borrows it instead of copying every field out each time.
    final class One: Sendable {
        let statement: Statement
        init(_ statement: Statement) { self.statement = statement }
    }
    /// Statements decoded one by one before the rest are decoded together: a command that reads
    /// this many is likely to read them all.
    private let threshold: Int

    init(_ rows: any StatementRows) {
        self.rows = rows
        threshold = max(4_096, rows.count / 16)
    }

    var decodedValues: Values? { isDecoded.load(ordering: .acquiring) ? stored : nil }

    /// Statement `i` decoded alone, or nil when this read tipped the store into decoding them all
    /// (read it from ``decodedValues`` then).
    func one(_ i: Int) -> One? {
        let slot = i % Self.recentSize
        if let known = recent.withLock({ $0.index[slot] == i ? $0.values[slot] : nil }) { return known }
        if singles.wrappingAdd(1, ordering: .relaxed).oldValue >= threshold { _ = all(); return nil }
        let s = One(rows.statement(i))
        recent.withLock { $0.index[slot] = i; $0.values[slot] = s }
        return s
    }

    func all() -> [Statement] {
        if let done = decodedValues { return done.values }
        return decoding.withLock { _ in
            if let done = decodedValues { return done.values }
            Profile.mark("statements before decoding")
            let values = Values(rows.decodeAll())
            Profile.mark("statements decoded")
            stored = values
            isDecoded.store(true, ordering: .releasing)
            return values.values
        }
    }
}
