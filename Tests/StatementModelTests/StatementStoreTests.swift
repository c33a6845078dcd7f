import Foundation
import Synchronization
import Testing
@testable import StatementModel

/// A store over rows decodes a statement when it is read, reads single fields without decoding,
/// and decodes everything once — on a walk, or after many single reads — then serves the values.
@Suite struct StatementStoreTests {
    /// Rows that make statement `i` from its number and count how they are asked.
    final class CountingRows: StatementRows, Sendable {
        let count: Int
        let singles = Atomic<Int>(0)
        let bulk = Atomic<Int>(0)
        let fields = Atomic<Int>(0)

        init(_ count: Int) { self.count = count }

        static func make(_ i: Int) -> Statement {
            var s = Statement(id: "s\(i)", speakers: [i % 3], targets: i % 2 == 0 ? [] : [1, 2], act: Act(cue: "said", force: "assert"),
                              content: "content \(i)")
            if i % 5 != 0 { s.date = DateClaim(value: PartialDate(year: 2000 + i % 7, month: 1 + i % 12, day: nil), basis: .stated) }
            return s
        }

        func statement(_ i: Int) -> Statement { singles.add(1, ordering: .relaxed); return Self.make(i) }
        func decodeAll() -> [Statement] { bulk.add(1, ordering: .relaxed); return (0..<count).map(Self.make) }
        func id(_ i: Int) -> String { fields.add(1, ordering: .relaxed); return "s\(i)" }
        func index(ofId id: String) -> Int? { id.first == "s" ? Int(id.dropFirst()).flatMap { (0..<count).contains($0) ? $0 : nil } : nil }
        func date(_ i: Int) -> PartialDate? { fields.add(1, ordering: .relaxed); return Self.make(i).date?.value }
        func anchorStatusCounts() -> [Anchor.Status: Int] { [:] }
        func forEachAnchorPlace(_ body: (Int, Int, Range<Int>) throws -> Void) rethrows {}
        func forEachEntity(in field: EntityListField, of i: Int, _ body: (Int) -> Void) {
            fields.add(1, ordering: .relaxed)
            let s = Self.make(i)
            switch field {
            case .speakers: s.speakers.forEach(body)
            case .targets: s.targets.forEach(body)
            case .addressees: s.addressees.forEach(body)
            case .onBehalfOf: s.onBehalfOf.forEach(body)
            }
        }
    }

    @Test func singleReadsDecodeOneAndFieldsDecodeNone() {
        let rows = CountingRows(100_000)
        let store = StatementStore(rows: rows)
        #expect(store.count == 100_000)
        #expect(store[70_001].id == "s70001")
        #expect(store[70_001].content == "content 70001")
        // The second read is served from the recently decoded statements.
        #expect(rows.singles.load(ordering: .relaxed) == 1)
        #expect(store[70_002].id == "s70002")
        #expect(rows.singles.load(ordering: .relaxed) == 2)
        #expect(store.id(at: 5) == "s5" && store.date(at: 5) == nil && store.date(at: 6) == PartialDate(year: 2006, month: 7, day: nil))
        var targets: [Int] = []
        store.forEachEntity(in: .targets, of: 3) { targets.append($0) }
        #expect(targets == [1, 2])
        #expect(rows.fields.load(ordering: .relaxed) == 4)
        #expect(rows.bulk.load(ordering: .relaxed) == 0)
        #expect(!store.isDecoded)
    }

    @Test func manySingleReadsDecodeEverythingOnce() {
        let rows = CountingRows(100_000)
        let store = StatementStore(rows: rows)
        // A sixteenth of the statements one by one, then the rest come from one decoding of all.
        for i in store.indices { #expect(store[i].id == "s\(i)") }
        #expect(rows.bulk.load(ordering: .relaxed) == 1)
        #expect(rows.singles.load(ordering: .relaxed) == 100_000 / 16)
        #expect(store.isDecoded)
        // Fields are then read from the values.
        let before = rows.fields.load(ordering: .relaxed)
        #expect(store.id(at: 99_999) == "s99999" && store.date(at: 1) == PartialDate(year: 2001, month: 2, day: nil))
        #expect(rows.fields.load(ordering: .relaxed) == before)
    }

    @Test func aWalkDecodesOnceAndEveryThreadSeesTheSameValues() {
        let rows = CountingRows(20_000)
        let store = StatementStore(rows: rows)
        nonisolated(unsafe) var seen = Array(repeating: 0, count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            var n = 0
            for (i, s) in store.enumerated() where s.id == "s\(i)" { n += 1 }
            seen[k] = n
        }
        #expect(seen == Array(repeating: 20_000, count: 4))
        #expect(rows.bulk.load(ordering: .relaxed) == 1)
        #expect(rows.singles.load(ordering: .relaxed) == 0)
    }

    @Test func valuesAndRowsAnswerAlike() {
        let values = StatementStore((0..<500).map(CountingRows.make))
        let rows = StatementStore(rows: CountingRows(500))
        for i in 0..<500 {
            #expect(values.id(at: i) == rows.id(at: i) && values.date(at: i) == rows.date(at: i))
            for f in EntityListField.allCases {
                var a: [Int] = [], b: [Int] = []
                values.forEachEntity(in: f, of: i) { a.append($0) }
                rows.forEachEntity(in: f, of: i) { b.append($0) }
                #expect(a == b)
            }
        }
        #expect(values.isDecoded && !rows.isDecoded)
    }

    /// The id table a restored model looks ids up in: every id found at its index, nothing else
    /// found, the first of two equal ids kept, and ids that differ in one byte or in length apart.
    @Test func idHashTableFindsEveryIdAndNothingElse() {
        var ids = (0..<50_000).map { "s\($0)" } + ["", "é", "s1", "日本語", String(repeating: "x", count: 300)]
        ids.append("s0\u{0}")
        let bytes = ids.map { Array($0.utf8) }
        let storage = bytes.map { b -> UnsafeRawBufferPointer in
            let p = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, b.count), alignment: 1)
            p.copyBytes(from: b)
            return UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[0..<b.count])
        }
        defer { for p in storage { UnsafeMutableRawPointer(mutating: p.baseAddress!).deallocate() } }
        let table = IdHashTable(count: ids.count, bytes: { storage[$0] })
        for (i, id) in ids.enumerated() where id != "s1" || i == 1 {
            #expect(table.index(of: id, bytes: { storage[$0] }) == i, "\(id)")
        }
        #expect(table.index(of: "s1", bytes: { storage[$0] }) == 1)
        for missing in ["s50000", "s", "S1", "s1 ", "s01", "é ", String(repeating: "x", count: 299)] {
            #expect(table.index(of: missing, bytes: { storage[$0] }) == nil, "\(missing)")
        }
        let empty = IdHashTable(count: 0, bytes: { storage[$0] })
        #expect(empty.index(of: "s1", bytes: { storage[$0] }) == nil)
    }

    /// Short lists are kept once and handed out shared; long ones are returned as they are; a list
    /// that lands on another's slot takes it. Whatever is shared, the values are the lists given.
    @Test func listInternerSharesShortLists() {
        var interner = ListInterner()
        func address(_ a: [Int]) -> UnsafeRawPointer? { a.withUnsafeBytes { $0.baseAddress } }
        let first = interner.intern([3, 7]), again = interner.intern([3, 7])
        #expect(first == [3, 7] && again == [3, 7] && address(first) == address(again))
        let reversed = interner.intern([7, 3])
        #expect(reversed == [7, 3] && address(reversed) != address(first))
        let long1 = interner.intern([1, 2, 3]), long2 = interner.intern([1, 2, 3])
        #expect(long1 == [1, 2, 3] && address(long1) != address(long2))
        let topics = interner.intern(["sanctions", "arms control"])
        #expect(address2(interner.intern(["sanctions", "arms control"])) == address2(topics))
        #expect(interner.intern(["arms control", "sanctions"]) == ["arms control", "sanctions"])
        // Many more lists than slots: every answer is still the list given.
        for n in 0..<(4 * ListInterner.slots) {
            let pair = [n, n % 7], text = ["t\(n % 97)"]
            #expect(interner.intern(pair) == pair && interner.intern(text) == text)
        }
    }

    /// The date orders (`sort date`, `sort date desc` over every statement) are those of a plain
    /// stable sort by `PartialDate`: a missing month or day sorts first, equal dates keep model
    /// order, undated statements come last either way.
    @Test func dateOrdersAreAStableSortByDate() {
        let dates: [PartialDate?] = [PartialDate(year: 2014, month: 2, day: 3), nil, PartialDate(year: 2014), PartialDate(year: 2014, month: 2),
                                     PartialDate(year: 2014, month: 2, day: 3), PartialDate(year: -44, month: 3, day: 15), nil,
                                     PartialDate(year: 2014), PartialDate(year: 2015, month: 1), PartialDate(year: 10_000)]
        let statements = dates.enumerated().map { i, d in
            Statement(id: "s\(i)", speakers: [], act: Act(cue: "said", force: "assert"), content: "",
                      date: d.map { DateClaim(value: $0, basis: .stated) })
        }
        let m = Model(name: "m", title: nil, origin: "", documents: [], entities: [], statements: StatementStore(statements),
                      relations: [], statementIds: nil)
        let dated = dates.indices.filter { dates[$0] != nil }, undated = dates.indices.filter { dates[$0] == nil }
        let up = dated.sorted { a, b in dates[a]! != dates[b]! ? dates[a]! < dates[b]! : a < b }
        let down = dated.sorted { a, b in dates[a]! != dates[b]! ? dates[b]! < dates[a]! : a < b }
        #expect(m.statementsByDate() == up + undated)
        #expect(m.statementsByDateDescending() == down + undated)
        #expect(up == [5, 2, 7, 3, 0, 4, 8, 9])
    }

    private func address2(_ a: [String]) -> UnsafeRawPointer? { a.withUnsafeBytes { $0.baseAddress } }
}
