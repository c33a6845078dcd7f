import Foundation
import StatementModel

/// Writes a loaded model as a snapshot: strings in one table, statements, anchors and framings as
/// fixed-size rows, lists in one pool of 32-bit numbers, the content column and the statement
/// indexes as they are — so reading it back is copying, not parsing.
struct SnapshotWriter {
    /// Bytes per statement row.
    static let statementRow = 128
    /// Bytes per anchor row.
    static let anchorRow = 52
    /// Bytes per framing row.
    static let framingRow = 20

    private var strings = StringTable()
    private var pool: [Int32] = []
    /// Anchor rows are written first, straight to the file (a million of them are 52 MB the writer
    /// once held until the end); the documents and statements after them number them in the same order.
    private var anchorCount = 0
    private var nextAnchor = 0
    private var framings = ByteWriter()
    private var framingCount = 0

    /// The sections of the body, in the directory's order.
    enum Section: Int, CaseIterable {
        case meta, entities, documents, statements, ids, relations, content, indexes, anchors, framings, pool, strings
    }

    /// Writes the whole file to `out`: a header (patched at the end with the body's length and
    /// checksum), the key, the sections as they are made — statements go to the file in batches, so
    /// the image is never whole in memory — and the directory.
    static func write(_ model: Model, key: SnapshotKey, to out: FileStream) throws(FileAccessError) {
        try raw([UInt8](repeating: 0, count: SnapshotFormat.headerSize)) { b throws(FileAccessError) in try out.append(b) }
        var me = SnapshotWriter()
        let sink = Sink(out)
        var offsets = Array(repeating: 0, count: Section.allCases.count)
        key.write(to: &sink.w)

        offsets[Section.meta.rawValue] = sink.offset
        sink.w.string(model.name)
        sink.w.optionalString(model.title)
        offsets[Section.entities.rawValue] = sink.offset
        writeEntities(model.entities, &sink.w)
        try sink.drain()
        // The anchor rows: every document's (narrative, residue), then every statement's (its own,
        // then its framings'), the order `document` and `row` below give them their numbers in.
        let all = model.statements.all
        var total = 0
        for d in model.documents { total += d.narrative.count + d.residue.count }
        for i in all.indices { total += all[i].anchors.count + all[i].framings.reduce(0) { $0 + ($1.anchor == nil ? 0 : 1) } }
        offsets[Section.anchors.rawValue] = sink.offset
        sink.w.u64(UInt64(total))
        for d in model.documents {
            for a in d.narrative { me.anchorRow(a, &sink.w) }
            for a in d.residue { me.anchorRow(a, &sink.w) }
            try sink.drain()
        }
        for i in all.indices {
            for a in all[i].anchors { me.anchorRow(a, &sink.w) }
            for f in all[i].framings { if let a = f.anchor { me.anchorRow(a, &sink.w) } }
            if i % 32_768 == 0 { try sink.drain() }
        }
        precondition(me.anchorCount == total, "anchor rows counted and written differ")
        offsets[Section.documents.rawValue] = sink.offset
        sink.w.u64(UInt64(model.documents.count))
        for d in model.documents {
            me.document(d, &sink.w)
            try sink.drain()
        }
        offsets[Section.statements.rawValue] = sink.offset
        sink.w.u64(UInt64(model.statements.count))
        for i in all.indices {
            me.row(all[i], into: &sink.w)
            if i % 32_768 == 0 { try sink.drain() }
        }
        precondition(me.nextAnchor == total, "anchor rows written and numbered differ")
        offsets[Section.ids.rawValue] = sink.offset
        writeIds(model.statements, &sink.w)
        offsets[Section.relations.rawValue] = sink.offset
        writeRelations(model.relations, &sink.w)
        offsets[Section.content.rawValue] = sink.offset
        sink.w.u64(UInt64(model.contentBytes.count))
        let failure: FileAccessError? = model.contentBytes.withUnsafeBytes { b in
            do throws(FileAccessError) { try sink.direct(b); return nil } catch { return error }
        }
        if let failure { throw failure }
        sink.w.int32s(model.contentStarts)
        sink.w.ints(model.nonASCIIContent)
        try sink.drain()
        offsets[Section.indexes.rawValue] = sink.offset
        writeIndex(model.statementsBySpeaker.map { (Int($0.key), $0.value) }, &sink.w)
        writeIndex(model.statementsByTarget.map { (Int($0.key), $0.value) }, &sink.w)
        writeIndex(model.statementsByForce.map { (Int(me.strings.number($0.key)), $0.value) }, &sink.w)
        writeIndex(model.statementsByTopic.map { (Int(me.strings.number($0.key)), $0.value) }, &sink.w)
        try sink.drain()
        offsets[Section.framings.rawValue] = sink.offset
        sink.w.u64(UInt64(me.framingCount))
        me.framings.bytes.withUnsafeBufferPointer { sink.w.raw($0) }
        offsets[Section.pool.rawValue] = sink.offset
        sink.w.int32s(me.pool)
        try sink.drain()
        offsets[Section.strings.rawValue] = sink.offset
        me.strings.write(to: &sink.w)
        for o in offsets { sink.w.u64(UInt64(o)) }
        sink.w.u64(UInt64(offsets.count))
        for b in SnapshotFormat.magic.reversed() { sink.w.u8(b) }
        try sink.drain(all: true)

        var header = ByteWriter()
        for b in SnapshotFormat.magic { header.u8(b) }
        header.u32(SnapshotFormat.version)
        header.u32(0)
        header.u64(UInt64(sink.written))
        header.u64(sink.checksum.finish())
        try raw(header.bytes) { b throws(FileAccessError) in try out.patch(b, at: 0) }
    }

    /// Bytes as a raw buffer, for a body that throws the gate's errors (Array's own `withUnsafeBytes` rethrows untyped).
    static func raw(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(FileAccessError) -> Void) throws(FileAccessError) {
        let failure: FileAccessError? = bytes.withUnsafeBytes { b in
            do throws(FileAccessError) { try body(b); return nil } catch { return error }
        }
        if let failure { throw failure }
    }

    /// The body on its way to the file: a buffer sent in batches, with the checksum kept as it goes.
    final class Sink {
        let out: FileStream
        var w = ByteWriter()
        var checksum = Checksum.Stream()
        /// Body bytes already in the file.
        private(set) var written = 0

        init(_ out: FileStream) { self.out = out }

        /// Where the next byte lands, counted from the body's start.
        var offset: Int { written + w.bytes.count }

        /// Sends the buffer to the file once it holds a few MiB (or `all` of it).
        func drain(all: Bool = false) throws(FileAccessError) {
            guard all || w.bytes.count >= 4 << 20, !w.bytes.isEmpty else { return }
            try SnapshotWriter.raw(w.bytes) { b throws(FileAccessError) in
                checksum.add(b)
                try out.append(b)
            }
            written += w.bytes.count
            w.clear()
        }

        /// Sends large bytes straight to the file, after what is buffered.
        func direct(_ raw: UnsafeRawBufferPointer) throws(FileAccessError) {
            try drain(all: true)
            checksum.add(raw)
            try out.append(raw)
            written += raw.count
        }
    }

    /// Lists already in the pool: the same speakers, targets or topics recur across thousands of
    /// statements, and a list stored once is decoded once and shared by every statement that has it.
    private var pooled: [[Int]: UInt32] = [:]

    /// A list in the pool: where it starts and how long it is.
    private mutating func list(_ values: [Int], shared: Bool = true) -> (UInt32, UInt32) {
        if values.isEmpty { return (0, 0) }
        if shared, let start = pooled[values] { return (start, UInt32(values.count)) }
        let start = UInt32(pool.count)
        if shared { pooled[values] = start }
        for v in values { pool.append(Int32(truncatingIfNeeded: v)) }
        return (start, UInt32(values.count))
    }

    private mutating func row(_ s: Statement, into w: inout ByteWriter) {
        let lists = [s.speakers, s.onBehalfOf, s.addressees, s.targets, s.cites, s.topics.map { Int(strings.number($0)) }]
        for l in lists { let (a, n) = list(l); w.u32(a); w.u32(n) }
        // Anchors and framings are rows of their own: their lists are never shared.
        for l in [s.anchors.map { _ in numberAnchor() }, s.framings.map { framing($0) }] { let (a, n) = list(l, shared: false); w.u32(a); w.u32(n) }
        w.u32(strings.number(s.act.cue))
        w.u32(strings.number(s.act.force))
        w.u32(strings.number(s.act.cameo))
        w.u32(strings.number(s.place))
        w.u32(strings.number(s.status))
        w.u32(strings.number(s.note))
        if let d = s.date {
            w.i32(Int32(truncatingIfNeeded: d.value.year))
            w.u8(UInt8(d.value.month ?? 0))
            w.u8(UInt8(d.value.day ?? 0))
            w.u8(d.basis == .stated ? 0 : 1)
        } else {
            w.i32(.min); w.u8(0); w.u8(0); w.u8(0)
        }
        w.u8(s.confidence == nil ? 0 : 1)
        w.u32(strings.number(s.date?.note))
        if let r = s.reported {
            w.u8(UInt8(Reporting.Mode.allCases.firstIndex(of: r.mode)!))
            w.u8(0); w.u16(0)
            w.index(r.via); w.index(r.by); w.index(r.document)
        } else {
            w.u8(0xFF); w.u8(0); w.u16(0)
            w.i32(-1); w.i32(-1); w.i32(-1)
        }
        w.index(s.document)
        w.f64(s.confidence ?? 0)
    }

    /// An anchor's row.
    private mutating func anchorRow(_ a: Anchor, _ w: inout ByteWriter) {
        if let shared = a.sharedRange, a.document != nil {
            w.u32(StringTable.none)
            w.i32(Int32(shared.lowerBound)); w.i32(Int32(shared.upperBound))
        } else {
            w.u32(strings.number(a.exact))
            w.i32(-1); w.i32(-1)
        }
        w.u32(strings.number(a.prefix))
        w.u32(strings.number(a.suffix))
        w.u8(Self.anchorStatuses.firstIndex(of: a.status).map(UInt8.init) ?? 0)
        w.u8(0); w.u16(0)
        w.index(a.document)
        w.index(a.byteRange?.lowerBound); w.index(a.byteRange?.upperBound)
        w.index(a.start); w.index(a.end)
        w.index(a.line); w.index(a.column)
        anchorCount += 1
    }

    /// The number of the next anchor, in the order the rows were written.
    private mutating func numberAnchor() -> Int {
        nextAnchor += 1
        return nextAnchor - 1
    }

    static let anchorStatuses: [Anchor.Status] = [.unresolved, .found, .ambiguous, .orphaned]

    private mutating func framing(_ f: Framing) -> Int {
        framings.index(f.by)
        framings.u32(strings.number(f.act.cue))
        framings.u32(strings.number(f.act.force))
        framings.u32(strings.number(f.act.cameo))
        framings.index(f.anchor.map { _ in numberAnchor() })
        framingCount += 1
        return framingCount - 1
    }

    private static func writeIds(_ statements: StatementStore, _ w: inout ByteWriter) {
        var ends: [Int32] = []
        ends.reserveCapacity(statements.count)
        var total = 0
        for i in statements.indices { total += statements.id(at: i).utf8.count; ends.append(Int32(truncatingIfNeeded: total)) }
        w.int32s(ends)
        w.u64(UInt64(total))
        for i in statements.indices { var c = statements.id(at: i); c.withUTF8 { w.raw($0) } }
    }

    private static func span(_ s: SourceSpan?, _ w: inout ByteWriter) {
        w.u8(s == nil ? 0 : 1)
        guard let s else { return }
        w.string(s.file)
        w.i64(Int64(s.line)); w.i64(Int64(s.column)); w.i64(Int64(s.length))
        w.string(s.lineText)
    }

    private static func date(_ d: DateClaim?, _ w: inout ByteWriter) {
        w.u8(d == nil ? 0 : 1)
        guard let d else { return }
        w.i64(Int64(d.value.year)); w.u8(UInt8(d.value.month ?? 0)); w.u8(UInt8(d.value.day ?? 0))
        w.u8(d.basis == .stated ? 0 : 1)
        w.optionalString(d.note)
    }

    private static func writeEntities(_ entities: [Entity], _ w: inout ByteWriter) {
        w.u64(UInt64(entities.count))
        for e in entities {
            w.string(e.id); w.string(e.kind.rawValue); w.string(e.name)
            w.u64(UInt64(e.aliases.count)); for a in e.aliases { w.string(a) }
            w.u64(UInt64(e.codes.count)); for k in e.codes.keys.sorted() { w.string(k); w.string(e.codes[k]!) }
            w.u64(UInt64(e.roles.count)); for r in e.roles { w.string(r) }
            w.ints(e.members)
            w.index(e.affiliation)
            w.optionalString(e.note); w.optionalString(e.status)
            span(e.span, &w)
        }
    }

    /// One document; its narrative and residue anchors become anchor rows, referred to by number.
    private mutating func document(_ d: Document, _ w: inout ByteWriter) {
        w.string(d.id); w.string(d.kind); w.string(d.title)
        // 2: a text with a byte over 0x7F; 1: all ASCII (so the reader need not scan a hundred megabytes again).
        w.u8(d.text.map { $0.isASCII ? 1 : 2 } ?? 0)
        if let t = d.text { w.u64(UInt64(t.utf8.count)); t.utf8.withUnsafeBufferPointer { w.raw($0) } }
        w.optionalString(d.sourcePath)
        w.ints(d.authors)
        w.index(d.publisher)
        Self.date(d.date, &w)
        w.optionalString(d.place)
        w.ints(d.narrative.map { _ in numberAnchor() })
        w.ints(d.residue.map { _ in numberAnchor() })
        w.optionalString(d.note); w.optionalString(d.status)
        Self.span(d.span, &w)
    }

    private static func ref(_ r: RecordRef, _ w: inout ByteWriter) {
        switch r {
        case .entity(let i): w.u8(0); w.index(i)
        case .statement(let i): w.u8(1); w.index(i)
        case .document(let i): w.u8(2); w.index(i)
        case .relation(let i): w.u8(3); w.index(i)
        }
    }

    private static func writeRelations(_ relations: [Relation], _ w: inout ByteWriter) {
        w.u64(UInt64(relations.count))
        for r in relations {
            w.string(r.id); w.string(r.type)
            ref(r.from, &w); ref(r.to, &w)
            w.optionalString(r.note)
            span(r.span, &w)
        }
    }

    /// An index (key → statements) as its keys, then each key's list.
    private static func writeIndex(_ entries: [(Int, [Int])], _ w: inout ByteWriter) {
        let sorted = entries.sorted { $0.0 < $1.0 }
        w.u64(UInt64(sorted.count))
        for (k, list) in sorted {
            w.index(k)
            w.ints(list)
        }
    }
}
