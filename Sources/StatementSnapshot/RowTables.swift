import Foundation
import StatementModel

/// The fixed-size rows of a snapshot (statements, anchors, framings) and the tables they point
/// into. Reading a row checks each reference before following it.
struct RowTables: @unchecked Sendable {
    let strings: [String]
    let pool: [Int32]
    let anchorRows: UnsafeRawBufferPointer
    let framingRows: UnsafeRawBufferPointer
    let texts: [TextBytes?]
    let entities: Int
    let documents: Int
    let statements: Int

    static let none = StringTable.none
    /// Reporting modes by their number in a row (`allCases` makes a new array at each use).
    static let modes = Reporting.Mode.allCases

    func u32(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt32 { UInt32(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
    func i32(_ b: UnsafeRawBufferPointer, _ at: Int) -> Int32 { Int32(littleEndian: b.loadUnaligned(fromByteOffset: at, as: Int32.self)) }

    private func string(_ n: UInt32) throws(SnapshotError) -> String? {
        if n == Self.none { return nil }
        guard Int(n) < strings.count else { throw .damaged("a string reference points past the string table") }
        return strings[Int(n)]
    }

    private func requiredString(_ n: UInt32) throws(SnapshotError) -> String {
        guard let s = try string(n) else { throw .damaged("a required string is missing") }
        return s
    }

    private func index(_ v: Int32, below limit: Int) throws(SnapshotError) -> Int? {
        if v == -1 { return nil }
        guard v >= 0, Int(v) < limit else { throw .damaged("a reference points past its table") }
        return Int(v)
    }

    /// A list from the pool, each value below `limit`.
    private func list(_ b: UnsafeRawBufferPointer, _ at: Int, below limit: Int) throws(SnapshotError) -> [Int] {
        let start = Int(u32(b, at)), count = Int(u32(b, at + 4))
        if count == 0 { return [] }
        guard start <= pool.count, count <= pool.count - start else { throw .damaged("a list runs past the pool") }
        return try pool.withUnsafeBufferPointer { p throws(SnapshotError) in
            var out = [Int](repeating: 0, count: count)
            for k in 0..<count {
                let v = p[start + k]
                guard v >= 0, Int(v) < limit else { throw .damaged("a list holds a reference past its table") }
                out[k] = Int(v)
            }
            return out
        }
    }

    /// Lists decoded so far by one thread, by where they start in the pool: a list the writer stored
    /// once is decoded once and its array shared by every statement that has it.
    struct ListCache {
        /// Off for a statement decoded alone: there is nothing to share, and filling the maps costs more than the lists.
        var enabled = true
        var entities: [UInt32: [Int]] = [:]
        var documents: [UInt32: [Int]] = [:]
        var topics: [UInt32: [String]] = [:]
    }

    private func shared(_ b: UnsafeRawBufferPointer, _ at: Int, below limit: Int, _ enabled: Bool, _ cache: inout [UInt32: [Int]]) throws(SnapshotError) -> [Int] {
        let start = u32(b, at), count = Int(u32(b, at + 4))
        if count == 0 { return [] }
        if !enabled { return try list(b, at, below: limit) }
        if let known = cache[start], known.count == count { return known }
        let l = try list(b, at, below: limit)
        cache[start] = l
        return l
    }

    private func topics(_ b: UnsafeRawBufferPointer, _ at: Int, _ enabled: Bool, _ cache: inout [UInt32: [String]]) throws(SnapshotError) -> [String] {
        let start = u32(b, at), count = Int(u32(b, at + 4))
        if count == 0 { return [] }
        if !enabled { return try list(b, at, below: strings.count).map { strings[$0] } }
        if let known = cache[start], known.count == count { return known }
        let l = try list(b, at, below: strings.count).map { strings[$0] }
        cache[start] = l
        return l
    }

    /// The anchor of a row.
    func anchor(_ k: Int) throws(SnapshotError) -> Anchor {
        guard k >= 0, k < anchorRows.count / SnapshotWriter.anchorRow else { throw .damaged("an anchor reference points past the anchors") }
        let b = UnsafeRawBufferPointer(rebasing: anchorRows[(k * SnapshotWriter.anchorRow)..<((k + 1) * SnapshotWriter.anchorRow)])
        let doc = try index(i32(b, 24), below: documents)
        var a = Anchor(exact: try string(u32(b, 0)) ?? "", prefix: try string(u32(b, 12)), suffix: try string(u32(b, 16)), document: doc)
        if u32(b, 0) == Self.none {
            let lo = Int(i32(b, 4)), hi = Int(i32(b, 8))
            guard let doc, let text = texts[doc], lo >= 0, lo <= hi, hi <= text.count else { throw .damaged("an anchor's words lie outside its document") }
            a.share(text, lo..<hi)
        }
        let status = Int(b[20])
        guard status < SnapshotWriter.anchorStatuses.count else { throw .damaged("an anchor has an unknown status") }
        a.status = SnapshotWriter.anchorStatuses[status]
        let big = Int(Int32.max)
        if let lo = try index(i32(b, 28), below: big), let hi = try index(i32(b, 32), below: big), lo <= hi { a.byteRange = lo..<hi }
        a.start = try index(i32(b, 36), below: big)
        a.end = try index(i32(b, 40), below: big)
        a.line = try index(i32(b, 44), below: big)
        a.column = try index(i32(b, 48), below: big)
        // What the resolver would never have made: ranges backwards or past the text.
        if let s = a.start, let e = a.end, s > e { throw .damaged("an anchor ends before it starts") }
        if let r = a.byteRange, let doc, r.upperBound > (texts[doc]?.count ?? 0) { throw .damaged("an anchor lies past its document's text") }
        if a.byteRange != nil && doc == nil { throw .damaged("an anchor has a place but no document") }
        return a
    }

    private func framing(_ k: Int) throws(SnapshotError) -> Framing {
        guard k >= 0, k < framingRows.count / SnapshotWriter.framingRow else { throw .damaged("a framing reference points past the framings") }
        let b = UnsafeRawBufferPointer(rebasing: framingRows[(k * SnapshotWriter.framingRow)..<((k + 1) * SnapshotWriter.framingRow)])
        let act = Act(cue: try requiredString(u32(b, 4)), force: try requiredString(u32(b, 8)), cameo: try string(u32(b, 12)))
        let anchor = try index(i32(b, 16), below: Int(Int32.max)).map { k throws(SnapshotError) in try self.anchor(k) }
        return Framing(by: try index(i32(b, 0), below: entities), act: act, anchor: anchor)
    }

    /// The statement of a row.
    func statement(_ b: UnsafeRawBufferPointer, id: String, content: TextBytes, _ from: Int32, _ to: Int32,
                   _ cache: inout ListCache) throws(SnapshotError) -> Statement {
        let act = Act(cue: try requiredString(u32(b, 64)), force: try requiredString(u32(b, 68)), cameo: try string(u32(b, 72)))
        var s = Statement(id: id, speakers: try shared(b, 0, below: entities, cache.enabled, &cache.entities), act: act, content: "")
        s.onBehalfOf = try shared(b, 8, below: entities, cache.enabled, &cache.entities)
        s.addressees = try shared(b, 16, below: entities, cache.enabled, &cache.entities)
        s.targets = try shared(b, 24, below: entities, cache.enabled, &cache.entities)
        s.cites = try shared(b, 32, below: documents, cache.enabled, &cache.documents)
        s.topics = try topics(b, 40, cache.enabled, &cache.topics)
        let anchors = try list(b, 48, below: Int(Int32.max))
        if !anchors.isEmpty {
            s.anchors.reserveCapacity(anchors.count)
            for k in anchors { s.anchors.append(try anchor(k)) }
        }
        for k in try list(b, 56, below: Int(Int32.max)) { s.framings.append(try framing(k)) }
        s.place = try string(u32(b, 76))
        s.status = try requiredString(u32(b, 80))
        s.note = try string(u32(b, 84))
        let year = i32(b, 88)
        if year != .min {
            let month = Int(b[92]), day = Int(b[93])
            guard month <= 12, day <= 31, day == 0 || month != 0, b[94] <= 1 else { throw .damaged("a statement's date is not a date") }
            s.date = DateClaim(value: PartialDate(year: Int(year), month: month == 0 ? nil : month, day: day == 0 ? nil : day),
                               basis: b[94] == 0 ? .stated : .inferred, note: try string(u32(b, 96)))
        }
        let mode = Int(b[100])
        if mode != 0xFF {
            guard mode < Self.modes.count else { throw .damaged("a statement's reporting has an unknown mode") }
            s.reported = Reporting(via: try index(i32(b, 104), below: statements), by: try index(i32(b, 108), below: entities),
                                   document: try index(i32(b, 112), below: documents), mode: Self.modes[mode])
        }
        s.document = try index(i32(b, 116), below: documents)
        if b[95] != 0 { s.confidence = Double(bitPattern: UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 120, as: UInt64.self))) }
        s.shareContent(content, from, to)
        return s
    }

    /// Every statement, the rows split between both cores.
    func statements(_ rows: UnsafeRawBufferPointer, ids: IdColumn, content: TextBytes, starts: [Int32]) throws(SnapshotError) -> [Statement] {
        let n = statements
        // One part per core: each decodes every distinct list once.
        let parts = n < 10_000 ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        nonisolated(unsafe) var failures: [SnapshotError?] = Array(repeating: nil, count: parts)
        let placeholder = Statement(id: "", speakers: [], act: Act(cue: "", force: ""), content: "")
        let out = [Statement](unsafeUninitializedCapacity: n) { buffer, count in
            nonisolated(unsafe) let target = buffer
            nonisolated(unsafe) let rows = rows
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let lo = n * part / parts, hi = n * (part + 1) / parts
                var i = lo
                var cache = ListCache()
                do {
                    while i < hi {
                        let row = UnsafeRawBufferPointer(rebasing: rows[(i * SnapshotWriter.statementRow)..<((i + 1) * SnapshotWriter.statementRow)])
                        (target.baseAddress! + i).initialize(to: try statement(row, id: ids.id(i), content: content, starts[i], starts[i + 1], &cache))
                        i += 1
                    }
                } catch {
                    failures[part] = error as? SnapshotError ?? .damaged("a statement could not be read")
                    // Every slot is filled, so the array can be given back and freed whole.
                    while i < hi { (target.baseAddress! + i).initialize(to: placeholder); i += 1 }
                }
            }
            count = n
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        return out
    }
}

/// The statement ids as written: their bytes one after another and where each ends (checked
/// in order when the snapshot is opened).
struct IdColumn: @unchecked Sendable {
    let ends: [Int32]
    let bytes: UnsafeRawBufferPointer

    /// The id of statement `i`.
    func id(_ i: Int) -> String { String(decoding: bytes(i), as: UTF8.self) }

    /// The bytes of statement `i`'s id.
    func bytes(_ i: Int) -> UnsafeRawBufferPointer {
        let start = i == 0 ? 0 : Int(ends[i - 1]), end = Int(ends[i])
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }
}
