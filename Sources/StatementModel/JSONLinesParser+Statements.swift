import Foundation

/// The statement lines of a JSON Lines model read straight from their bytes into a ``RawStatement``,
/// without building a node tree first: most lines of a large corpus are statements, and the tree
/// (an allocation per value, a field map searched by string compares) was most of the cost of a load.
///
/// The fast reader only accepts what the general reader would accept without a word: a `statement`
/// record whose fields are all known, each given once, each of the JSON type it expects. Anything
/// else — another kind of record, a `framing`, a date written as a mapping, a `null`, a number, a
/// missing field, a syntax error — makes it give up, and the line is read the general way, which
/// reports the problem at its place. What it returns is what the general reader returns for the same
/// line (values and marks), which `JSONLinesTests` checks line by line.
extension JSONLinesParser.Cursor {
    /// A statement's fields, by bit: the order of ``RecordReader/fastStatementKeys``.
    private enum Key: Int {
        case record, id, speakers, onBehalfOf, addressees, targets, act, content, date, place, topics, anchors
        case reported, cites, source, work, status, note, confidence
    }

    /// The line's statement, or nil when the general reader must read the line. `pos` is left
    /// after the record when it returns one.
    mutating func fastStatement() -> RawStatement? {
        var scan = StatementScan()
        guard scanStatement(into: &scan) else { return nil }
        return rawStatement(scan)
    }

    /// Scans a statement record at `pos` into `scan` (reset first): false when the general reader
    /// must read the line. `pos` is left after the record when it returns true.
    mutating func scanStatement(into scan: inout StatementScan) -> Bool {
        scan.reset()
        var isStatement = false
        skipSpace()
        let seen = object(RecordReader.fastStatementKeys) { c, k in
            switch Key(rawValue: k)! {
            case .record:
                guard let kind = c.scan(), c.isStatementKind(kind) else { return false }
                isStatement = true
            case .id: scan.id = c.scan(); return scan.id != nil
            case .speakers: return c.refs(&scan.speakers, &scan.strings)
            case .onBehalfOf: return c.refs(&scan.onBehalfOf, &scan.strings)
            case .addressees: return c.refs(&scan.addressees, &scan.strings)
            case .targets: return c.refs(&scan.targets, &scan.strings)
            case .cites: return c.refs(&scan.cites, &scan.strings)
            case .act:
                return c.object(RecordReader.fastActKeys) { c, k in
                    guard let s = c.scan() else { return false }
                    switch k {
                    case 0: scan.cue = s
                    case 1: scan.force = s
                    default: scan.cameo = s
                    }
                    return true
                } != nil && scan.cue != nil && scan.force != nil
            case .content: scan.content = c.scan(); return scan.content != nil
            case .date: scan.date = c.scan(); return scan.date != nil
            case .place: scan.place = c.scan(); return scan.place != nil
            case .note: scan.note = c.scan(); return scan.note != nil
            case .status: scan.status = c.scan(); return scan.status != nil
            case .confidence: scan.confidence = c.scan(); return scan.confidence != nil
            case .source: scan.source = c.scan(); return scan.source != nil
            case .work: scan.work = c.scan(); return scan.work != nil
            case .topics:
                let first = scan.strings.count
                guard c.list({ c in
                    guard let t = c.scan() else { return false }
                    scan.strings.append(t)
                    return true
                }) else { return false }
                scan.topics = first..<scan.strings.count
            case .anchors:
                // The general reader takes a lone anchor as a list of one; so does this one, by giving up.
                guard c.pos < c.end, c.b[c.pos] == UInt8(ascii: "[") else { return false }
                return c.list { c in
                    guard let a = c.anchor() else { return false }
                    scan.anchors.append(a)
                    return true
                }
            case .reported:
                scan.hasReported = true
                return c.object(RecordReader.fastReportingKeys) { c, k in
                    guard let s = c.scan() else { return false }
                    switch k {
                    case 0: scan.via = s
                    case 1: scan.by = s
                    case 2: scan.inDocument = s
                    default: scan.mode = s
                    }
                    return true
                } != nil && scan.mode != nil
            }
            return true
        }
        let required: UInt32 = 1 << Key.id.rawValue | 1 << Key.speakers.rawValue | 1 << Key.act.rawValue | 1 << Key.content.rawValue
        return seen.map { $0 & required == required } == true && isStatement
    }

    /// The raw record of a scanned line, as the general reader makes it; nil when a string's
    /// escapes do not decode (the general reader then reports it).
    func rawStatement(_ scan: StatementScan) -> RawStatement? {
        guard let idToken = scan.id, let id = text(idToken), let cue = scan.cue.flatMap(text), let force = scan.force,
              let forceText = text(force), let content = scan.content.flatMap(text) else { return nil }
        var failed = false
        func string(_ s: ScannedString?) -> String? {
            guard let s else { return nil }
            guard let t = text(s) else { failed = true; return nil }
            return t
        }
        func ref(_ s: ScannedString?) -> RawRef? { string(s).map { RawRef(id: $0, span: mark(of: s!)) } }
        func refs(_ r: Range<Int>) -> [RawRef] { r.isEmpty ? [] : r.compactMap { ref(scan.strings[$0]) } }
        let topics: [String] = scan.topics.isEmpty ? [] : scan.topics.compactMap { k in
            string(scan.strings[k]).map { t in t.utf8.contains { ($0 >= 65 && $0 <= 90) || $0 >= 0x80 } ? t.lowercased() : t }
        }
        let anchors = scan.anchors.map { a in
            RawAnchor(exact: string(a.exact) ?? "", prefix: string(a.prefix), suffix: string(a.suffix), document: ref(a.document), span: mark(of: a.exact))
        }
        let act = RawAct(cue: cue, force: forceText, cameo: string(scan.cameo), forceSpan: mark(of: force))
        let date = string(scan.date).map { RawDate(value: $0, basis: "stated", span: mark(of: scan.date!)) }
        let s = RawStatement(id: id, span: mark(of: idToken), speakers: refs(scan.speakers), onBehalfOf: refs(scan.onBehalfOf),
                             addressees: refs(scan.addressees), targets: refs(scan.targets), act: act, content: content, date: date,
                             place: string(scan.place), topics: topics, anchors: anchors, cites: refs(scan.cites),
                             source: ref(scan.source), work: ref(scan.work), status: string(scan.status) ?? "reported",
                             statusSpan: scan.status.map { mark(of: $0) }, note: string(scan.note))
        s.confidence = string(scan.confidence)
        s.confidenceSpan = scan.confidence.map { mark(of: $0) }
        if scan.hasReported, let mode = scan.mode {
            s.reported = (ref(scan.via), ref(scan.by), ref(scan.inDocument), string(mode) ?? "", mark(of: mode))
        }
        return failed ? nil : s
    }

    /// A scanned string's text, escapes decoded; nil when they do not decode.
    func text(_ s: ScannedString) -> String? {
        let raw = UnsafeBufferPointer(rebasing: b[(s.quote + 1)..<(s.end - 1)])
        return s.simple ? String(decoding: raw, as: UTF8.self) : try? unescape(raw, at: s.quote + 1)
    }

    /// Where a scanned string is, as the general reader marks it (its quotes included).
    func mark(of s: ScannedString) -> FileMark { mark(s.quote, s.end - s.quote) }

    /// Whether a scanned string says `statement`.
    private func isStatementKind(_ s: ScannedString) -> Bool {
        let want = "statement".utf8
        guard s.simple, s.end - s.quote - 2 == want.count else { return false }
        return zip(b[(s.quote + 1)..<(s.end - 1)], want).allSatisfy { $0 == $1 }
    }

    /// `{"key": value, …}` at `pos` with every key among `keys` and none twice; `value` reads each
    /// value (its index in `keys`) and says whether it could. The keys seen, as bits; nil to give up.
    private mutating func object(_ keys: [[UInt8]], _ value: (inout Self, Int) -> Bool) -> UInt32? {
        guard pos < end, b[pos] == UInt8(ascii: "{") else { return nil }
        pos += 1
        skipSpace()
        var seen: UInt32 = 0
        if pos < end, b[pos] == UInt8(ascii: "}") { pos += 1; return seen }
        while true {
            skipSpace()
            guard let k = key(keys), seen & (1 << k) == 0 else { return nil }
            seen |= 1 << k
            skipSpace()
            guard pos < end, b[pos] == UInt8(ascii: ":") else { return nil }
            pos += 1
            skipSpace()
            guard value(&self, k) else { return nil }
            skipSpace()
            guard pos < end else { return nil }
            if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if b[pos] == UInt8(ascii: "}") { pos += 1; return seen }
            return nil
        }
    }

    /// A quoted key at `pos` that is one of `keys` (written without escapes): its index.
    private mutating func key(_ keys: [[UInt8]]) -> Int? {
        guard pos < end, b[pos] == UInt8(ascii: "\"") else { return nil }
        let start = pos + 1
        var close = start
        while close < end, b[close] != UInt8(ascii: "\""), b[close] != UInt8(ascii: "\\") { close += 1 }
        guard close < end, b[close] == UInt8(ascii: "\"") else { return nil }
        let n = close - start
        for (i, k) in keys.enumerated() where k.count == n {
            if k.withUnsafeBufferPointer({ memcmp($0.baseAddress!, b.baseAddress! + start, n) }) == 0 {
                pos = close + 1
                return i
            }
        }
        return nil
    }

    /// `[item, …]` at `pos`, each item read by `item`.
    private mutating func list(_ item: (inout Self) -> Bool) -> Bool {
        guard pos < end, b[pos] == UInt8(ascii: "[") else { return false }
        pos += 1
        skipSpace()
        if pos < end, b[pos] == UInt8(ascii: "]") { pos += 1; return true }
        while true {
            skipSpace()
            guard item(&self) else { return false }
            skipSpace()
            guard pos < end else { return false }
            if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if b[pos] == UInt8(ascii: "]") { pos += 1; return true }
            return false
        }
    }

    /// A quoted string at `pos`, scanned; nil when it is not one or is malformed.
    private mutating func scan() -> ScannedString? {
        guard pos < end, b[pos] == UInt8(ascii: "\"") else { return nil }
        return try? scanString()
    }

    /// References: a list of strings, or one string (a list of one, as the general reader takes
    /// it), appended to `strings`; `range` says where.
    private mutating func refs(_ range: inout Range<Int>, _ strings: inout [ScannedString]) -> Bool {
        let first = strings.count
        if pos < end, b[pos] == UInt8(ascii: "\"") {
            guard let s = scan() else { return false }
            strings.append(s)
        } else {
            guard list({ c in
                guard let s = c.scan() else { return false }
                strings.append(s)
                return true
            }) else { return false }
        }
        range = first..<strings.count
        return true
    }

    /// An anchor: its exact words, or `{"exact": …, "prefix": …, "suffix": …, "document": …}`.
    private mutating func anchor() -> ScannedAnchor? {
        if pos < end, b[pos] == UInt8(ascii: "\"") {
            guard let s = scan() else { return nil }
            return ScannedAnchor(exact: s)
        }
        var exact: ScannedString?, prefix: ScannedString?, suffix: ScannedString?, document: ScannedString?
        guard object(RecordReader.fastAnchorKeys, { c, k in
            guard let s = c.scan() else { return false }
            switch k {
            case 0: exact = s
            case 1: prefix = s
            case 2: suffix = s
            default: document = s
            }
            return true
        }) != nil, let exact else { return nil }
        return ScannedAnchor(exact: exact, prefix: prefix, suffix: suffix, document: document)
    }
}

extension RecordReader {
    /// The fields the fast statement reader knows, as bytes (every statement field but `framing`).
    static let fastStatementKeys: [[UInt8]] = ["record", "id", "speakers", "on_behalf_of", "addressees", "targets", "act", "content",
                                               "date", "place", "topics", "anchors", "reported", "cites", "source", "work",
                                               "status", "note", "confidence"].map { Array($0.utf8) }
    static let fastReportingKeys: [[UInt8]] = ["via", "by", "in", "mode"].map { Array($0.utf8) }
    static let fastActKeys: [[UInt8]] = ["cue", "force", "cameo"].map { Array($0.utf8) }
    static let fastAnchorKeys: [[UInt8]] = ["exact", "prefix", "suffix", "document"].map { Array($0.utf8) }
}
