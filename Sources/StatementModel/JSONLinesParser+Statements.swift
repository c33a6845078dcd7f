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
        var id: (String, FileMark)?
        var speakers: [RawRef] = [], onBehalfOf: [RawRef] = [], addressees: [RawRef] = [], targets: [RawRef] = []
        var cites: [RawRef] = [], topics: [String] = [], anchors: [RawAnchor] = []
        var act: RawAct?
        var content = "", date: RawDate?, place: String?, note: String?
        var status: (String, FileMark)?, confidence: (String, FileMark)?
        var source: RawRef?, work: RawRef?
        var reported: (via: RawRef?, by: RawRef?, document: RawRef?, mode: String, modeSpan: FileMark?)?
        var isStatement = false
        skipSpace()
        let seen = object(RecordReader.fastStatementKeys) { c, k in
            switch Key(rawValue: k)! {
            case .record:
                guard let (kind, _) = c.text(), kind == "statement" else { return false }
                isStatement = true
            case .id: id = c.text(); return id != nil
            case .speakers: return c.refs(&speakers)
            case .onBehalfOf: return c.refs(&onBehalfOf)
            case .addressees: return c.refs(&addressees)
            case .targets: return c.refs(&targets)
            case .cites: return c.refs(&cites)
            case .act: act = c.act(); return act != nil
            case .content: guard let (s, _) = c.text() else { return false }; content = s
            case .date: guard let (s, m) = c.text() else { return false }; date = RawDate(value: s, basis: "stated", span: m)
            case .place: guard let (s, _) = c.text() else { return false }; place = s
            case .note: guard let (s, _) = c.text() else { return false }; note = s
            case .status: status = c.text(); return status != nil
            case .confidence: confidence = c.text(); return confidence != nil
            case .source: guard let (s, m) = c.text() else { return false }; source = RawRef(id: s, span: m)
            case .work: guard let (s, m) = c.text() else { return false }; work = RawRef(id: s, span: m)
            case .topics:
                return c.list { c in
                    guard let (t, _) = c.text() else { return false }
                    topics.append(t.utf8.contains { ($0 >= 65 && $0 <= 90) || $0 >= 0x80 } ? t.lowercased() : t)
                    return true
                }
            case .anchors:
                // The general reader takes a lone anchor as a list of one; so does this one, by giving up.
                guard c.pos < c.end, c.b[c.pos] == UInt8(ascii: "[") else { return false }
                return c.list { c in
                    guard let a = c.anchor() else { return false }
                    anchors.append(a)
                    return true
                }
            case .reported:
                var via: RawRef?, by: RawRef?, document: RawRef?, mode: (String, FileMark)?
                guard c.object(RecordReader.fastReportingKeys, { c, k in
                    guard let (s, m) = c.text() else { return false }
                    switch k {
                    case 0: via = RawRef(id: s, span: m)
                    case 1: by = RawRef(id: s, span: m)
                    case 2: document = RawRef(id: s, span: m)
                    default: mode = (s, m)
                    }
                    return true
                }) != nil, let mode else { return false }
                reported = (via, by, document, mode.0, mode.1)
            }
            return true
        }
        let required: UInt32 = 1 << Key.id.rawValue | 1 << Key.speakers.rawValue | 1 << Key.act.rawValue | 1 << Key.content.rawValue
        guard let seen, seen & required == required, isStatement, let id, let act else { return nil }
        let s = RawStatement(id: id.0, span: id.1, speakers: speakers, onBehalfOf: onBehalfOf, addressees: addressees, targets: targets,
                             act: act, content: content, date: date, place: place, topics: topics, anchors: anchors,
                             cites: cites, source: source, work: work, status: status?.0 ?? "reported", statusSpan: status?.1, note: note)
        s.confidence = confidence?.0
        s.confidenceSpan = confidence?.1
        s.reported = reported
        return s
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

    /// A quoted string at `pos` and its mark, as the general reader marks it.
    private mutating func text() -> (String, FileMark)? {
        guard pos < end, b[pos] == UInt8(ascii: "\""), case .scalar(let s, _, let m)? = try? string() else { return nil }
        return (s, m)
    }

    /// References: a list of strings, or one string (a list of one, as the general reader takes it).
    private mutating func refs(_ out: inout [RawRef]) -> Bool {
        if pos < end, b[pos] == UInt8(ascii: "\"") {
            guard let (s, m) = text() else { return false }
            out = [RawRef(id: s, span: m)]
            return true
        }
        return list { c in
            guard let (s, m) = c.text() else { return false }
            out.append(RawRef(id: s, span: m))
            return true
        }
    }

    /// `{"cue": …, "force": …, "cameo": …}` with cue and force given.
    private mutating func act() -> RawAct? {
        var cue: String?, force: (String, FileMark)?, cameo: String?
        guard object(RecordReader.fastActKeys, { c, k in
            guard let (s, m) = c.text() else { return false }
            switch k {
            case 0: cue = s
            case 1: force = (s, m)
            default: cameo = s
            }
            return true
        }) != nil, let cue, let force else { return nil }
        return RawAct(cue: cue, force: force.0, cameo: cameo, forceSpan: force.1)
    }

    /// An anchor: its exact words, or `{"exact": …, "prefix": …, "suffix": …, "document": …}`.
    private mutating func anchor() -> RawAnchor? {
        if pos < end, b[pos] == UInt8(ascii: "\"") {
            guard let (s, m) = text() else { return nil }
            return RawAnchor(exact: s, span: m)
        }
        var exact: (String, FileMark)?, prefix: String?, suffix: String?, document: RawRef?
        guard object(RecordReader.fastAnchorKeys, { c, k in
            guard let (s, m) = c.text() else { return false }
            switch k {
            case 0: exact = (s, m)
            case 1: prefix = s
            case 2: suffix = s
            default: document = RawRef(id: s, span: m)
            }
            return true
        }) != nil, let exact else { return nil }
        return RawAnchor(exact: exact.0, prefix: prefix, suffix: suffix, document: document, span: exact.1)
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
