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
    private var anchors = ByteWriter()
    private var anchorCount = 0
    private var framings = ByteWriter()
    private var framingCount = 0

    /// The whole file: header, key, model.
    static func file(_ model: Model, key: SnapshotKey) throws(SnapshotError) -> [UInt8] {
        guard model.contentStarts.count == model.statements.count + 1 else { throw .damaged("the model's content column is over 2 GiB") }
        var me = SnapshotWriter()
        var rows = ByteWriter()
        rows.reserve(model.statements.count * statementRow)
        for s in model.statements { me.row(s, into: &rows) }
        var docAnchors: [[Int]] = []
        for d in model.documents {
            docAnchors.append(d.narrative.map { me.anchor($0, model) })
            docAnchors.append(d.residue.map { me.anchor($0, model) })
        }
        for s in ["reported", "draft"] + model.statementsByForce.keys.sorted() + model.statementsByTopic.keys.sorted() { _ = me.strings.number(s) }

        var w = ByteWriter()
        w.reserve(SnapshotFormat.headerSize + rows.bytes.count + me.anchors.bytes.count + model.contentBytes.count
                  + model.documents.reduce(0) { $0 + ($1.text?.utf8.count ?? 0) } + me.pool.count * 4 + (8 << 20))
        for b in SnapshotFormat.magic { w.u8(b) }
        w.u32(SnapshotFormat.version)
        w.u32(0)
        w.u64(0)   // body length, patched below
        w.u64(0)   // checksum, patched below
        key.write(to: &w)

        w.string(model.name)
        w.optionalString(model.title)
        me.strings.write(to: &w)
        writeEntities(model.entities, &w)
        writeDocuments(model.documents, docAnchors, &w)
        w.u64(UInt64(me.anchorCount))
        me.anchors.bytes.withUnsafeBufferPointer { w.raw($0) }
        w.u64(UInt64(me.framingCount))
        me.framings.bytes.withUnsafeBufferPointer { w.raw($0) }
        w.int32s(me.pool)
        w.u64(UInt64(model.statements.count))
        rows.bytes.withUnsafeBufferPointer { w.raw($0) }
        writeIds(model.statements, &w)
        writeRelations(model.relations, &w)
        w.blob(model.contentBytes)
        w.int32s(model.contentStarts)
        w.ints(model.nonASCIIContent)
        writeIndex(model.statementsBySpeaker.map { (Int($0.key), $0.value) }, &w)
        writeIndex(model.statementsByTarget.map { (Int($0.key), $0.value) }, &w)
        writeIndex(model.statementsByForce.map { (Int(me.strings.numberIfPresent($0.key)), $0.value) }, &w)
        writeIndex(model.statementsByTopic.map { (Int(me.strings.numberIfPresent($0.key)), $0.value) }, &w)
        for b in SnapshotFormat.magic.reversed() { w.u8(b) }

        var bytes = w.bytes
        let body = bytes.count - SnapshotFormat.headerSize
        let sum = bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[SnapshotFormat.headerSize...])) }
        w = ByteWriter()   // lets go of the writer's reference, so patching does not copy the whole buffer
        bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: UInt64(body).littleEndian, toByteOffset: 16, as: UInt64.self)
            raw.storeBytes(of: sum.littleEndian, toByteOffset: 24, as: UInt64.self)
        }
        return bytes
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
        for l in [s.anchors.map { anchor($0, nil) }, s.framings.map { framing($0) }] { let (a, n) = list(l, shared: false); w.u32(a); w.u32(n) }
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

    /// An anchor's row number (the row is written now).
    private mutating func anchor(_ a: Anchor, _ model: Model?) -> Int {
        if let shared = a.sharedRange, a.document != nil {
            anchors.u32(StringTable.none)
            anchors.i32(Int32(shared.lowerBound)); anchors.i32(Int32(shared.upperBound))
        } else {
            anchors.u32(strings.number(a.exact))
            anchors.i32(-1); anchors.i32(-1)
        }
        anchors.u32(strings.number(a.prefix))
        anchors.u32(strings.number(a.suffix))
        anchors.u8(Self.anchorStatuses.firstIndex(of: a.status).map(UInt8.init) ?? 0)
        anchors.u8(0); anchors.u16(0)
        anchors.index(a.document)
        anchors.index(a.byteRange?.lowerBound); anchors.index(a.byteRange?.upperBound)
        anchors.index(a.start); anchors.index(a.end)
        anchors.index(a.line); anchors.index(a.column)
        anchorCount += 1
        return anchorCount - 1
    }

    static let anchorStatuses: [Anchor.Status] = [.unresolved, .found, .ambiguous, .orphaned]

    private mutating func framing(_ f: Framing) -> Int {
        framings.index(f.by)
        framings.u32(strings.number(f.act.cue))
        framings.u32(strings.number(f.act.force))
        framings.u32(strings.number(f.act.cameo))
        framings.index(f.anchor.map { anchor($0, nil) })
        framingCount += 1
        return framingCount - 1
    }

    private static func writeIds(_ statements: [Statement], _ w: inout ByteWriter) {
        var ends: [Int32] = []
        ends.reserveCapacity(statements.count)
        var total = 0
        for s in statements { total += s.id.utf8.count; ends.append(Int32(truncatingIfNeeded: total)) }
        w.int32s(ends)
        w.u64(UInt64(total))
        for s in statements { var c = s.id; c.withUTF8 { w.raw($0) } }
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

    private static func writeDocuments(_ documents: [Document], _ anchors: [[Int]], _ w: inout ByteWriter) {
        w.u64(UInt64(documents.count))
        for (i, d) in documents.enumerated() {
            w.string(d.id); w.string(d.kind); w.string(d.title)
            w.u8(d.text == nil ? 0 : 1)
            if let t = d.text { w.blob(t.utf8) }
            w.optionalString(d.sourcePath)
            w.ints(d.authors)
            w.index(d.publisher)
            date(d.date, &w)
            w.optionalString(d.place)
            w.ints(anchors[2 * i]); w.ints(anchors[2 * i + 1])
            w.optionalString(d.note); w.optionalString(d.status)
            span(d.span, &w)
        }
    }

    static let recordKinds = ["entity", "statement", "document", "relation"]

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
