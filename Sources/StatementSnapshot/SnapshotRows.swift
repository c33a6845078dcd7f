import Foundation
import Synchronization
import StatementModel

/// A snapshot's statement rows, read in place: a statement, or its id, date or entity lists, is
/// decoded when a command reads it. The rows were checked when the snapshot was opened
/// (``RowTables/checkStatementRows(_:_:)``, ``RowTables/checkAnchorRows()``), so a decode cannot fail; it keeps the bytes it reads from
/// (the mapped file) alive.
final class SnapshotRows: StatementRows, @unchecked Sendable {
    private let owner: AnyObject
    private let table: RowTables
    private let rows: UnsafeRawBufferPointer
    private let ids: IdColumn
    private let content: TextBytes
    private let starts: [Int32]

    /// The rows of a checked snapshot; `owner` holds the bytes every pointer points into.
    init(owner: AnyObject, table: RowTables, rows: UnsafeRawBufferPointer, ids: IdColumn, content: TextBytes, starts: [Int32]) {
        self.owner = owner
        self.table = table
        self.rows = rows
        self.ids = ids
        self.content = content
        self.starts = starts
    }

    var count: Int { table.statements }

    private func row(_ i: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: rows[(i * SnapshotWriter.statementRow)..<((i + 1) * SnapshotWriter.statementRow)])
    }

    /// What a decode would give if the opening checks had missed something: never seen, since the
    /// checks are the decoder's own, but a statement with no words rather than a trap.
    private static let unreadable = Statement(id: "", speakers: [], act: Act(cue: "", force: ""), content: "")

    func statement(_ i: Int) -> Statement {
        var cache = RowTables.ListCache(enabled: false)
        return (try? table.statement(row(i), id: ids.id(i), content: content, starts[i], starts[i + 1], &cache)) ?? Self.unreadable
    }

    func decodeAll() -> [Statement] {
        (try? table.statements(rows, ids: ids, content: content, starts: starts)) ?? (0..<count).map(statement)
    }

    /// Decodes every statement with the decoder's own checks, throwing where one fails: the
    /// opening checks should have refused any such snapshot (the tests and the fuzz target hold
    /// them to that).
    func decodeChecked() throws(SnapshotError) {
        var cache = RowTables.ListCache()
        for i in 0..<count { _ = try table.statement(row(i), id: ids.id(i), content: content, starts[i], starts[i + 1], &cache) }
        _ = try table.statements(rows, ids: ids, content: content, starts: starts)
    }

    func id(_ i: Int) -> String { ids.id(i) }

    /// Built on the first lookup by id, from the id column in place (~50 ms at a million).
    private let idTable = Mutex<IdHashTable?>(nil)

    func index(ofId id: String) -> Int? {
        let ids = self.ids, count = self.count
        let table = idTable.withLock { table in
            if table == nil { table = IdHashTable(count: count, bytes: ids.bytes) }
            return table!
        }
        return table.index(of: id, bytes: ids.bytes)
    }

    func date(_ i: Int) -> PartialDate? {
        let b = row(i)
        let year = table.i32(b, 88)
        guard year != .min else { return nil }
        let month = Int(b[92]), day = Int(b[93])
        return PartialDate(year: Int(year), month: month == 0 ? nil : month, day: day == 0 ? nil : day)
    }

    func anchorStatusCounts() -> [Anchor.Status: Int] {
        // Counted by the status byte into four slots, straight from the rows: a dictionary update (or
        // a captured counter) per anchor would be most of the time.
        var slots = (0, 0, 0, 0)
        let t = table, rows = rows, n = count
        let anchors = t.anchorRows, framings = t.framingRows
        let a = SnapshotWriter.anchorRow, f = SnapshotWriter.framingRow, r = SnapshotWriter.statementRow
        t.pool.withUnsafeBufferPointer { p in
            for i in 0..<n {
                let b = UnsafeRawBufferPointer(rebasing: rows[(i * r)..<((i + 1) * r)])
                let start = Int(t.u32(b, 48)), n = Int(t.u32(b, 52))
                for k in start..<(start + n) {
                    switch anchors[Int(p[k]) * a + 20] {
                    case 0: slots.0 += 1
                    case 1: slots.1 += 1
                    case 2: slots.2 += 1
                    default: slots.3 += 1
                    }
                }
                let fStart = Int(t.u32(b, 56)), fn = Int(t.u32(b, 60))
                for k in fStart..<(fStart + fn) {
                    let anchor = Int32(littleEndian: framings.loadUnaligned(fromByteOffset: Int(p[k]) * f + 16, as: Int32.self))
                    guard anchor >= 0 else { continue }
                    switch anchors[Int(anchor) * a + 20] {
                    case 0: slots.0 += 1
                    case 1: slots.1 += 1
                    case 2: slots.2 += 1
                    default: slots.3 += 1
                    }
                }
            }
        }
        var out: [Anchor.Status: Int] = [:]
        for (k, n) in [slots.0, slots.1, slots.2, slots.3].enumerated() where n > 0 { out[SnapshotWriter.anchorStatuses[k]] = n }
        return out
    }

    func forEachAnchorPlace(_ body: (_ statement: Int, _ document: Int, _ bytes: Range<Int>) throws -> Void) rethrows {
        let t = table, rows = rows, n = count
        let anchors = t.anchorRows, framings = t.framingRows
        let a = SnapshotWriter.anchorRow, f = SnapshotWriter.framingRow, r = SnapshotWriter.statementRow
        // The rows were checked when the snapshot opened; an anchor without a document or a place is -1 there.
        func place(_ k: Int) -> (Int, Range<Int>)? {
            let b = UnsafeRawBufferPointer(rebasing: anchors[(k * a)..<((k + 1) * a)])
            let doc = t.i32(b, 24), lo = t.i32(b, 28), hi = t.i32(b, 32)
            guard doc >= 0, lo >= 0, hi >= lo else { return nil }
            return (Int(doc), Int(lo)..<Int(hi))
        }
        try t.pool.withUnsafeBufferPointer { p in
            for i in 0..<n {
                let b = UnsafeRawBufferPointer(rebasing: rows[(i * r)..<((i + 1) * r)])
                let start = Int(t.u32(b, 48)), count = Int(t.u32(b, 52))
                for k in start..<(start + count) { if let (d, bytes) = place(Int(p[k])) { try body(i, d, bytes) } }
                let fStart = Int(t.u32(b, 56)), fn = Int(t.u32(b, 60))
                for k in fStart..<(fStart + fn) {
                    let anchor = Int32(littleEndian: framings.loadUnaligned(fromByteOffset: Int(p[k]) * f + 16, as: Int32.self))
                    if anchor >= 0, let (d, bytes) = place(Int(anchor)) { try body(i, d, bytes) }
                }
            }
        }
    }

    func forEachEntity(in field: EntityListField, of i: Int, _ body: (Int) -> Void) {
        let at: Int
        switch field {
        case .speakers: at = 0
        case .onBehalfOf: at = 8
        case .addressees: at = 16
        case .targets: at = 24
        }
        let b = row(i)
        let start = Int(table.u32(b, at)), n = Int(table.u32(b, at + 4))
        guard n > 0 else { return }
        table.pool.withUnsafeBufferPointer { p in
            for k in start..<(start + n) { body(Int(p[k])) }
        }
    }
}
