import Foundation
import StatementModel

/// The checks a snapshot's rows pass when it is opened, before any statement is decoded: every
/// reference a decode would follow, tested without making a value. A statement is decoded only
/// when a command reads it, so what would make a decode fail must be found here, up front.
extension RowTables {
    private func checkString(_ n: UInt32, required: Bool = false) throws(SnapshotError) {
        try checkString(n, strings.count, required: required)
    }

    private func checkString(_ n: UInt32, _ count: Int, required: Bool = false) throws(SnapshotError) {
        if n == Self.none {
            if required { throw .damaged("a required string is missing") }
            return
        }
        guard Int(n) < count else { throw .damaged("a string reference points past the string table") }
    }

    private func checkIndex(_ v: Int32, below limit: Int) throws(SnapshotError) {
        guard v == -1 || (v >= 0 && Int(v) < limit) else { throw .damaged("a reference points past its table") }
    }

    private func checkList(_ p: UnsafeBufferPointer<Int32>, _ b: UnsafeRawBufferPointer, _ at: Int, below limit: Int) throws(SnapshotError) {
        let start = Int(u32(b, at)), count = Int(u32(b, at + 4))
        if count == 0 { return }
        guard start <= p.count, count <= p.count - start else { throw .damaged("a list runs past the pool") }
        var bad = false
        for k in start..<(start + count) { bad = bad || p[k] < 0 || Int(p[k]) >= limit }
        if bad { throw .damaged("a list holds a reference past its table") }
    }

    /// Anchor rows `range`: what ``anchor(_:)`` checks while it decodes.
    private func checkAnchors(_ range: Range<Int>) throws(SnapshotError) {
        let big = Int(Int32.max)
        // Each text's length read once: taking a text out of `texts` per anchor retained and released it (6% of a reopen).
        let lengths = texts.map { $0?.count ?? -1 }
        for k in range {
            let b = UnsafeRawBufferPointer(rebasing: anchorRows[(k * SnapshotWriter.anchorRow)..<((k + 1) * SnapshotWriter.anchorRow)])
            try checkString(u32(b, 0)); try checkString(u32(b, 12)); try checkString(u32(b, 16))
            let doc = i32(b, 24)
            try checkIndex(doc, below: documents)
            let length = doc >= 0 && Int(doc) < lengths.count ? lengths[Int(doc)] : -1
            if u32(b, 0) == Self.none {
                let lo = Int(i32(b, 4)), hi = Int(i32(b, 8))
                guard length >= 0, lo >= 0, lo <= hi, hi <= length else { throw .damaged("an anchor's words lie outside its document") }
            }
            guard Int(b[20]) < SnapshotWriter.anchorStatuses.count else { throw .damaged("an anchor has an unknown status") }
            for at in stride(from: 28, through: 48, by: 4) { try checkIndex(i32(b, at), below: big) }
            let lo = i32(b, 28), hi = i32(b, 32)
            if lo >= 0, hi >= 0, lo <= hi {
                if doc < 0 { throw .damaged("an anchor has a place but no document") }
                if Int(hi) > max(length, 0) { throw .damaged("an anchor lies past its document's text") }
            }
            let start = i32(b, 36), end = i32(b, 40)
            if start >= 0, end >= 0, start > end { throw .damaged("an anchor ends before it starts") }
        }
    }

    /// Every framing row: what ``framing(_:)`` checks (its anchor is an anchor row, checked apart).
    private func checkFramings() throws(SnapshotError) {
        let anchors = anchorRows.count / SnapshotWriter.anchorRow
        for k in 0..<(framingRows.count / SnapshotWriter.framingRow) {
            let b = UnsafeRawBufferPointer(rebasing: framingRows[(k * SnapshotWriter.framingRow)..<((k + 1) * SnapshotWriter.framingRow)])
            try checkIndex(i32(b, 0), below: entities)
            try checkString(u32(b, 4), required: true); try checkString(u32(b, 8), required: true); try checkString(u32(b, 12))
            try checkIndex(i32(b, 16), below: anchors)
        }
    }

    /// The table sizes a statement row's references are checked against, read once per block of
    /// rows rather than once per reference (the checks run over every row at each open).
    private struct Limits {
        let entities, documents, strings, anchors, framings, statements, modes: Int
    }

    /// One statement row: what ``statement(_:id:content:_:_:_:)`` checks while it decodes.
    private func checkStatement(_ p: UnsafeBufferPointer<Int32>, _ b: UnsafeRawBufferPointer, _ l: Limits) throws(SnapshotError) {
        try checkList(p, b, 0, below: l.entities); try checkList(p, b, 8, below: l.entities)
        try checkList(p, b, 16, below: l.entities); try checkList(p, b, 24, below: l.entities)
        try checkList(p, b, 32, below: l.documents)
        try checkList(p, b, 40, below: l.strings)
        try checkList(p, b, 48, below: l.anchors)
        try checkList(p, b, 56, below: l.framings)
        try checkString(u32(b, 64), l.strings, required: true); try checkString(u32(b, 68), l.strings, required: true)
        try checkString(u32(b, 72), l.strings); try checkString(u32(b, 76), l.strings)
        try checkString(u32(b, 80), l.strings, required: true); try checkString(u32(b, 84), l.strings)
        if i32(b, 88) != .min {
            let month = Int(b[92]), day = Int(b[93])
            guard month <= 12, day <= 31, day == 0 || month != 0, b[94] <= 1 else { throw .damaged("a statement's date is not a date") }
            try checkString(u32(b, 96), l.strings)
        }
        let mode = Int(b[100])
        if mode != 0xFF {
            guard mode < l.modes else { throw .damaged("a statement's reporting has an unknown mode") }
            try checkIndex(i32(b, 104), below: l.statements)
            try checkIndex(i32(b, 108), below: l.entities)
            try checkIndex(i32(b, 112), below: l.documents)
        }
        try checkIndex(i32(b, 116), below: l.documents)
    }

    /// Statement rows `range` (the reader runs these beside reading the documents). Anchors and
    /// framings are checked apart: a statement's lists are checked to point into them.
    func checkStatementRows(_ rows: UnsafeRawBufferPointer, _ range: Range<Int>) throws(SnapshotError) {
        guard range.upperBound * SnapshotWriter.statementRow <= rows.count else { throw .damaged("the statement rows are cut short") }
        let limits = Limits(entities: entities, documents: documents, strings: strings.count,
                            anchors: anchorRows.count / SnapshotWriter.anchorRow, framings: framingRows.count / SnapshotWriter.framingRow,
                            statements: statements, modes: Self.modes.count)
        try pool.withUnsafeBufferPointer { p throws(SnapshotError) in
            for i in range {
                try checkStatement(p, UnsafeRawBufferPointer(rebasing: rows[(i * SnapshotWriter.statementRow)..<((i + 1) * SnapshotWriter.statementRow)]), limits)
            }
        }
    }

    /// Every framing and anchor row, the anchors split between the cores.
    func checkAnchorRows() throws(SnapshotError) {
        try checkFramings()
        let anchors = anchorRows.count / SnapshotWriter.anchorRow
        let parts = anchors < 10_000 ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        nonisolated(unsafe) var failures: [SnapshotError?] = Array(repeating: nil, count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            do {
                try checkAnchors((anchors * part / parts)..<(anchors * (part + 1) / parts))
            } catch {
                failures[part] = error as? SnapshotError ?? .damaged("an anchor could not be read")
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }
}
