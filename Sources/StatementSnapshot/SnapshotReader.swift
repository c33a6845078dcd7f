import Foundation
import Synchronization
import StatementModel

/// Reads a snapshot back into a model: the header and key first (cheap, so a stale snapshot is
/// dropped early), then the checksum over the body, then the records. Every reference is checked
/// against the table it points into, so even a snapshot whose checksum happens to match cannot
/// make the reader read out of bounds.
struct SnapshotReader: @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
    /// What keeps `buffer` alive (the mapped file): a restored model's statement rows hold it.
    let owner: AnyObject

    /// The key, after checking magic, version and length.
    func key() throws(SnapshotError) -> (key: SnapshotKey, bodyStart: Int) {
        guard buffer.count >= SnapshotFormat.headerSize else {
            throw buffer.count >= 8 && Array(buffer[0..<8]) == SnapshotFormat.magic ? .truncated : .foreign
        }
        guard Array(buffer[0..<8]) == SnapshotFormat.magic else { throw .foreign }
        let version = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard version == SnapshotFormat.version else { throw .otherVersion(version) }
        guard buffer.loadUnaligned(fromByteOffset: 12, as: UInt32.self) == 0 else { throw .damaged("the header's reserved field is set") }
        let body = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        guard body <= UInt64(buffer.count - SnapshotFormat.headerSize) else { throw .truncated }
        guard body == UInt64(buffer.count - SnapshotFormat.headerSize) else { throw .damaged("the file is longer than its header says") }
        var r = ByteReader(buffer, at: SnapshotFormat.headerSize)
        let key = try SnapshotKey.read(from: &r)
        return (key, r.offset)
    }

    /// Whether the body is as written.
    func verifyChecksum() throws(SnapshotError) {
        let stored = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        guard Checksum.of(UnsafeRawBufferPointer(rebasing: buffer[SnapshotFormat.headerSize...])) == stored else { throw .corrupt }
    }

    /// Where each section starts, read from the directory at the end of the body.
    func sections(after keyEnd: Int) throws(SnapshotError) -> [Int] {
        let n = SnapshotWriter.Section.allCases.count
        let tail = 8 + 8 + n * 8
        guard buffer.count - keyEnd >= tail else { throw .damaged("the directory is missing") }
        var r = ByteReader(buffer, at: buffer.count - tail)
        var offsets: [Int] = []
        for _ in 0..<n {
            let o = try r.u64()
            guard o <= UInt64(buffer.count - SnapshotFormat.headerSize) else { throw .damaged("a section starts past the end") }
            let at = SnapshotFormat.headerSize + Int(o)
            guard at >= keyEnd, at <= buffer.count - tail else { throw .damaged("a section starts outside the body") }
            offsets.append(at)
        }
        guard try r.u64() == UInt64(n), Array(try r.take(8)) == SnapshotFormat.magic.reversed() else {
            throw .damaged("the directory does not match this format")
        }
        return offsets
    }

    /// The model, named by `origin` (the path it was opened by this time).
    func model(from start: Int, origin: String, readFrom: (models: [String], texts: [String]) = ([], [])) throws(SnapshotError) -> Model {
        let at = try sections(after: start)
        typealias S = SnapshotWriter.Section
        func reader(_ s: S) -> ByteReader { ByteReader(buffer, at: at[s.rawValue]) }

        var r = reader(.strings)
        let strings = try StringTable.read(from: &r)
        r = reader(.pool)
        let pool = try r.int32s()
        r = reader(.anchors)
        let anchorCount = try r.count(of: SnapshotWriter.anchorRow)
        let anchorRows = try r.take(anchorCount * SnapshotWriter.anchorRow)
        r = reader(.framings)
        let framingCount = try r.count(of: SnapshotWriter.framingRow)
        let framingRows = try r.take(framingCount * SnapshotWriter.framingRow)
        r = reader(.meta)
        let name = try r.string()
        let title = try r.optionalString()
        r = reader(.entities)
        let entities = try readEntities(&r)
        // The documents (their texts are most of the bytes copied) on one core, the statement columns on the
        // other; then both check the statement rows' references (which need only the tables' sizes, not the
        // documents' texts), a block at a time, so the core that finishes first takes more.
        r = reader(.documents)
        var peek = r
        let documentCount = try peek.count(of: 16)
        peek = reader(.statements)
        let rowCount = try peek.count(of: SnapshotWriter.statementRow)
        let rowBytes = try peek.take(rowCount * SnapshotWriter.statementRow)
        let checker = RowTables(strings: strings, pool: pool, anchorRows: anchorRows, framingRows: framingRows, texts: [],
                                entities: entities.count, documents: documentCount, statements: rowCount)
        nonisolated(unsafe) var read: Result<([Document], [[Int]]), SnapshotError> = .failure(.damaged("the documents were not read"))
        nonisolated(unsafe) var columns: Result<Columns, SnapshotError> = .failure(.damaged("the statements were not read"))
        nonisolated(unsafe) var rowFailures: [SnapshotError?] = [nil, nil]
        nonisolated(unsafe) let documentReader = r, sharedRows = rowBytes
        let entityCount = entities.count, stringCount = strings.count
        let nextBlock = Atomic<Int>(0), block = 65_536
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                var r = documentReader
                read = Result { () throws(SnapshotError) in try readDocuments(&r, entities: entityCount) }
            } else {
                columns = Result { () throws(SnapshotError) in try readColumns(at, entities: entityCount, documents: documentCount, strings: stringCount) }
            }
            while true {
                let lo = nextBlock.wrappingAdd(block, ordering: .relaxed).oldValue
                guard lo < rowCount else { break }
                do { try checker.checkStatementRows(sharedRows, lo..<min(rowCount, lo + block)) } catch {
                    rowFailures[part] = error as? SnapshotError ?? .damaged("a statement could not be read")
                    break
                }
            }
        }
        if let failure = rowFailures.compactMap({ $0 }).first { throw failure }
        var (documents, docAnchors) = try read.get()
        // Let go of the result's copy, or filling in the anchors below copies every document.
        read = .failure(.damaged("the documents were taken"))
        let c = try columns.get()
        columns = .failure(.damaged("the statements were taken"))
        let statementCount = c.count
        guard statementCount == rowCount else { throw .damaged("the statements do not add up") }
        Profile.mark("snapshot: tables")
        let texts = documents.map { $0.text?.utf8 }
        let table = RowTables(strings: strings, pool: pool, anchorRows: anchorRows, framingRows: framingRows, texts: texts,
                              entities: entities.count, documents: documents.count, statements: statementCount)
        guard documents.count == documentCount else { throw .damaged("the documents do not add up") }
        for i in documents.indices {
            documents[i].narrative = try docAnchors[2 * i].map { k throws(SnapshotError) in try table.anchor(k) }
            documents[i].residue = try docAnchors[2 * i + 1].map { k throws(SnapshotError) in try table.anchor(k) }
        }
        docAnchors = []
        try table.checkAnchorRows()
        Profile.mark("snapshot: rows checked")
        let statements = StatementStore(rows: SnapshotRows(owner: owner, table: table, rows: c.rows, ids: c.ids, content: c.content, starts: c.starts))
        let indexes = Model.StatementIndexes(
            bySpeaker: Dictionary(uniqueKeysWithValues: c.bySpeaker),
            byTarget: Dictionary(uniqueKeysWithValues: c.byTarget),
            byForce: try named(c.byForce, strings),
            byTopic: try named(c.byTopic, strings))
        return Model(name: name, title: title, origin: origin, documents: documents, entities: entities, statements: statements,
                     relations: c.relations, statementIds: nil, contents: (c.content, c.starts, c.nonASCII), indexes: indexes, readFrom: readFrom)
    }

    /// The statement rows and the columns beside them: ids, relations, content, indexes.
    private struct Columns: @unchecked Sendable {
        let count: Int
        let rows: UnsafeRawBufferPointer
        let ids: IdColumn
        let relations: [Relation]
        let content: TextBytes
        let starts: [Int32]
        let nonASCII: [Int]
        let bySpeaker, byTarget, byForce, byTopic: [(Int, [Int])]
    }

    private func readColumns(_ at: [Int], entities: Int, documents: Int, strings: Int) throws(SnapshotError) -> Columns {
        typealias S = SnapshotWriter.Section
        var r = ByteReader(buffer, at: at[S.statements.rawValue])
        let statementCount = try r.count(of: SnapshotWriter.statementRow)
        let rows = try r.take(statementCount * SnapshotWriter.statementRow)
        r = ByteReader(buffer, at: at[S.ids.rawValue])
        let ids = try readIds(&r, count: statementCount)
        r = ByteReader(buffer, at: at[S.relations.rawValue])
        let relations = try readRelations(&r, entities: entities, statements: statementCount, documents: documents)
        r = ByteReader(buffer, at: at[S.content.rawValue])
        // Read in place, like the documents' texts.
        let content = TextBytes(borrowing: try r.take(try r.count(of: 1)), keptBy: owner)
        let starts = try r.int32s()
        let nonASCII = try r.ints(below: statementCount)
        guard starts.count == statementCount + 1, starts.first == 0, Int(starts.last!) == content.count,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw .damaged("the content column does not add up") }
        r = ByteReader(buffer, at: at[S.indexes.rawValue])
        return Columns(count: statementCount, rows: rows, ids: ids, relations: relations, content: content, starts: starts, nonASCII: nonASCII,
                       bySpeaker: try readIndex(&r, keys: entities, statements: statementCount),
                       byTarget: try readIndex(&r, keys: entities, statements: statementCount),
                       byForce: try readIndex(&r, keys: strings, statements: statementCount),
                       byTopic: try readIndex(&r, keys: strings, statements: statementCount))
    }

    /// An index keyed by string numbers, keyed by the strings. The numbers are distinct (readIndex
    /// checks); two naming equal strings is damage, refused here rather than trapping in
    /// Dictionary(uniqueKeysWithValues:) (found by the snapshot fuzz target).
    private func named(_ entries: [(Int, [Int])], _ strings: [String]) throws(SnapshotError) -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for (k, list) in entries where out.updateValue(list, forKey: strings[k]) != nil {
            throw .damaged("an index names a key twice")
        }
        return out
    }

    private func readSpan(_ r: inout ByteReader) throws(SnapshotError) -> SourceSpan? {
        switch try r.u8() {
        case 0: return nil
        case 1:
            return SourceSpan(file: try r.string(), line: Int(try r.i64()), column: Int(try r.i64()), length: Int(try r.i64()),
                              lineText: try r.string())
        default: throw .damaged("a span has a bad flag")
        }
    }

    private func readDate(_ r: inout ByteReader) throws(SnapshotError) -> DateClaim? {
        switch try r.u8() {
        case 0: return nil
        case 1:
            let year = Int(try r.i64()), month = Int(try r.u8()), day = Int(try r.u8()), basis = try r.u8()
            guard month <= 12, day <= 31, day == 0 || month != 0, basis <= 1 else { throw .damaged("a date is not a date") }
            return DateClaim(value: PartialDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day),
                             basis: basis == 0 ? .stated : .inferred, note: try r.optionalString())
        default: throw .damaged("a date has a bad flag")
        }
    }

    private func strings(_ r: inout ByteReader) throws(SnapshotError) -> [String] {
        let n = try r.count(of: 8)
        var out: [String] = []
        for _ in 0..<n { out.append(try r.string()) }
        return out
    }

    private func readEntities(_ r: inout ByteReader) throws(SnapshotError) -> [Entity] {
        let n = try r.count(of: 16)
        var out: [Entity] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            let id = try r.string()
            guard let kind = Entity.Kind(rawValue: try r.string()) else { throw .damaged("an entity has an unknown kind") }
            var e = Entity(id: id, kind: kind, name: try r.string())
            e.aliases = try strings(&r)
            let codes = try r.count(of: 16)
            for _ in 0..<codes { let k = try r.string(); e.codes[k] = try r.string() }
            e.roles = try strings(&r)
            e.members = try r.ints(below: n)
            e.affiliation = try r.index(below: n)
            e.note = try r.optionalString()
            e.status = try r.optionalString()
            e.span = try readSpan(&r)
            out.append(e)
        }
        return out
    }

    private func readDocuments(_ r: inout ByteReader, entities: Int) throws(SnapshotError) -> ([Document], [[Int]]) {
        let n = try r.count(of: 16)
        var out: [Document] = []
        var anchors: [[Int]] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            var d = Document(id: try r.string(), kind: try r.string(), title: try r.string())
            let flag = try r.u8()
            switch flag {
            case 0: break
            case 1, 2:
                // Read in place: the text stays in the mapped snapshot, which the model keeps.
                let n = try r.count(of: 1)
                d.text = SourceText(bytes: TextBytes(borrowing: try r.take(n), keptBy: owner), isASCII: flag == 1)
            default: throw .damaged("a document's text has a bad flag")
            }
            d.sourcePath = try r.optionalString()
            d.authors = try r.ints(below: entities)
            d.publisher = try r.index(below: entities)
            d.date = try readDate(&r)
            d.place = try r.optionalString()
            anchors.append(try r.ints(below: Int(Int32.max)))
            anchors.append(try r.ints(below: Int(Int32.max)))
            d.note = try r.optionalString()
            d.status = try r.optionalString()
            d.span = try readSpan(&r)
            out.append(d)
        }
        return (out, anchors)
    }

    private func readIds(_ r: inout ByteReader, count: Int) throws(SnapshotError) -> IdColumn {
        let ends = try r.int32s()
        let total = try r.count(of: 1)
        let raw = try r.take(total)
        guard ends.count == count else { throw .damaged("the statement ids do not match the statements") }
        var start: Int32 = 0
        for end in ends {
            guard end >= start, Int(end) <= total else { throw .damaged("the statement ids' offsets are out of order") }
            start = end
        }
        return IdColumn(ends: ends, bytes: raw)
    }

    private func readRef(_ r: inout ByteReader, _ limits: [Int]) throws(SnapshotError) -> RecordRef {
        let kind = Int(try r.u8())
        guard kind < limits.count else { throw .damaged("a relation end has an unknown kind") }
        let i = try r.requiredIndex(below: limits[kind])
        switch kind {
        case 0: return .entity(i)
        case 1: return .statement(i)
        case 2: return .document(i)
        default: return .relation(i)
        }
    }

    private func readRelations(_ r: inout ByteReader, entities: Int, statements: Int, documents: Int) throws(SnapshotError) -> [Relation] {
        let n = try r.count(of: 16)
        let limits = [entities, statements, documents, n]
        var out: [Relation] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            let id = try r.string(), type = try r.string()
            let from = try readRef(&r, limits), to = try readRef(&r, limits)
            out.append(Relation(id: id, type: type, from: from, to: to, note: try r.optionalString(), span: try readSpan(&r)))
        }
        return out
    }

    private func readIndex(_ r: inout ByteReader, keys: Int, statements: Int) throws(SnapshotError) -> [(Int, [Int])] {
        let n = try r.count(of: 12)
        var out: [(Int, [Int])] = []
        out.reserveCapacity(n)
        var last = -1
        for _ in 0..<n {
            let k = try r.requiredIndex(below: keys)
            guard k > last else { throw .damaged("an index repeats a key") }
            last = k
            out.append((k, try r.ints(below: statements)))
        }
        return out
    }
}
