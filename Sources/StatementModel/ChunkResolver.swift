/// Resolves the plain statement lines of a JSON Lines chunk on its reading thread, straight from
/// their scan into a ``Statement`` — without a ``RawStatement``, its strings and its reference
/// lists in between, which were a third of a million-statement load's work.
///
/// It takes only a line that needs no word and no builder: a `source` given, no `via` (statement
/// ids are registered by the builder, in file order), every id among those registered when the
/// chunk was handed out, every value valid. Anything else it leaves to the raw record and the
/// resolver, which report it where it is; what it makes is what they make of the same line
/// (`JSONLinesTests.directAndRawStatementsAgree`).
package struct ChunkResolver {
    private let snapshot: ReferenceSnapshot
    private var resolver: ModelResolver
    private let findAnchors: Bool
    /// The contents of the statements resolved here, one after another.
    private var content: [UInt8] = []
    /// Each resolved statement's bounds in `content`, in the order they were made.
    private var bounds: [(Int32, Int32)] = []

    init(_ snapshot: ReferenceSnapshot) {
        self.snapshot = snapshot
        resolver = snapshot.resolver
        // `check --fix` claims every anchor's place while resolving: those loads find them in order, later.
        findAnchors = snapshot.resolver.loader.repairs == nil
    }

    /// The statement of a scanned line, or nil to read the line as a raw record.
    mutating func statement(_ s: StatementScan, _ c: JSONLinesParser.Cursor) -> Statement? {
        guard let sourceToken = s.source, s.via == nil, !s.speakers.isEmpty, let idToken = s.id, let id = c.text(idToken),
              let source = document(sourceToken, c), let forceToken = s.force, let force = c.text(forceToken),
              Force.named(force) != nil, let cue = s.cue.flatMap({ c.text($0) }) else { return nil }
        var cameo: String?
        if let t = s.cameo { guard let v = c.text(t) else { return nil }; cameo = v }
        guard let speakers = entities(s.speakers, s, c), let onBehalfOf = entities(s.onBehalfOf, s, c),
              let addressees = entities(s.addressees, s, c), let targets = entities(s.targets, s, c) else { return nil }
        var date: DateClaim?
        if let t = s.date {
            guard let v = c.text(t), let value = PartialDate.parse(v) else { return nil }
            date = DateClaim(value: value, basis: .stated, note: nil)
        }
        var status = "reported"
        if let t = s.status { guard let v = c.text(t), Statement.statuses.contains(v) else { return nil }; status = v }
        var confidence: Double?
        if let t = s.confidence {
            guard let v = c.text(t), let x = Double(v), x >= 0, x <= 1 else { return nil }
            confidence = x
        }
        var cites: [Int] = []
        if !s.cites.isEmpty {
            for k in s.cites { guard let d = document(s.strings[k], c) else { return nil }; cites.append(d) }
        }
        var work: Int?
        if let t = s.work { guard let d = document(t, c) else { return nil }; work = d }
        var topics: [String] = []
        if !s.topics.isEmpty {
            for k in s.topics {
                guard let t = c.text(s.strings[k]) else { return nil }
                topics.append(t.utf8.contains { ($0 >= 65 && $0 <= 90) || $0 >= 0x80 } ? t.lowercased() : t)
            }
            topics = resolver.lists.intern(topics)
        }
        var anchors: [Anchor] = []
        anchors.reserveCapacity(s.anchors.count)
        for a in s.anchors {
            guard let exact = c.text(a.exact) else { return nil }
            var prefix: String?, suffix: String?, doc = source
            if let t = a.prefix { guard let v = c.text(t) else { return nil }; prefix = v }
            if let t = a.suffix { guard let v = c.text(t) else { return nil }; suffix = v }
            if let t = a.document { guard let d = document(t, c) else { return nil }; doc = d }
            var anchor = Anchor(exact: exact, prefix: prefix, suffix: suffix, document: doc)
            anchor.mark = c.mark(of: a.exact)
            anchors.append(anchor)
        }
        var reported: Reporting?
        if s.hasReported {
            guard let t = s.mode, let m = c.text(t), let mode = Reporting.Mode(rawValue: m) else { return nil }
            var by: Int?, in_: Int?
            if let t = s.by { guard let e = entity(t, c) else { return nil }; by = e }
            if let t = s.inDocument { guard let d = document(t, c) else { return nil }; in_ = d }
            reported = Reporting(via: nil, by: by, document: in_ ?? source, mode: mode)
        }
        var place: String?, note: String?
        if let t = s.place { guard let v = c.text(t) else { return nil }; place = v }
        if let t = s.note { guard let v = c.text(t) else { return nil }; note = v }
        guard let contentToken = s.content, let bounds = appendContent(contentToken, c) else { return nil }
        var st = Statement(id: id, speakers: speakers, onBehalfOf: onBehalfOf, addressees: addressees, targets: targets,
                           act: Act(cue: cue, force: force, cameo: cameo), content: "", date: date, place: place, topics: topics,
                           anchors: anchors, reported: reported, cites: cites, document: work, status: status, note: note,
                           confidence: confidence)
        self.bounds.append(bounds)
        if findAnchors { snapshot.findFoundAnchors(&st) }
        return st
    }

    /// Points the statements made here (the first of `chunk.resolved`) at their contents, now
    /// that the buffer holding them is complete.
    func shareContents(_ chunk: inout ParsedChunk) {
        for k in bounds.indices { chunk.resolved[k]?.shareContent(content, bounds[k].0, bounds[k].1) }
    }

    private mutating func appendContent(_ t: ScannedString, _ c: JSONLinesParser.Cursor) -> (Int32, Int32)? {
        let start = content.count
        if t.simple {
            content.append(contentsOf: UnsafeBufferPointer(rebasing: c.b[(t.quote + 1)..<(t.end - 1)]))
        } else {
            guard let text = c.text(t) else { return nil }
            content.append(contentsOf: text.utf8)
        }
        guard content.count < Int(Int32.max) else { content.removeSubrange(start...); return nil }
        return (Int32(start), Int32(content.count))
    }

    private func entity(_ t: ScannedString, _ c: JSONLinesParser.Cursor) -> Int? {
        c.text(t).flatMap { resolver.entityIndex[$0] }
    }

    private func document(_ t: ScannedString, _ c: JSONLinesParser.Cursor) -> Int? {
        c.text(t).flatMap { resolver.documentIndex[$0] }
    }

    /// An entity list, shared through the interner as the resolver shares it; nil when an id is unknown.
    private mutating func entities(_ r: Range<Int>, _ s: StatementScan, _ c: JSONLinesParser.Cursor) -> [Int]? {
        switch r.count {
        case 0: return []
        case 1:
            guard let a = entity(s.strings[r.lowerBound], c) else { return nil }
            return resolver.lists.intern(a, nil)
        case 2:
            guard let a = entity(s.strings[r.lowerBound], c), let b = entity(s.strings[r.lowerBound + 1], c) else { return nil }
            return resolver.lists.intern(a, b)
        default:
            var list: [Int] = []
            list.reserveCapacity(r.count)
            for k in r { guard let e = entity(s.strings[k], c) else { return nil }; list.append(e) }
            return resolver.lists.intern(list)
        }
    }
}
