import StatementModel

/// One colour per speaker (or set of joint speakers), in the order they first speak.
struct SpeakerColours {
    /// Speaker keys in order of first statement.
    private(set) var order: [String] = []
    /// Each key's label (the speakers' names).
    private(set) var label: [String: String] = [:]
    /// How many statements each key has.
    private(set) var count: [String: Int] = [:]
    private var keyOfStatement: [String] = []
    private var indexOfKey: [String: Int] = [:]

    init(model: Model) {
        for s in model.statements {
            let key = s.speakers.map { model.entities[$0].id }.joined(separator: "+")
            keyOfStatement.append(key)
            if indexOfKey[key] == nil {
                indexOfKey[key] = order.count
                order.append(key)
                label[key] = s.speakers.map { model.entities[$0].name }.joined(separator: ", ")
            }
            count[key, default: 0] += 1
        }
    }

    /// The palette index of statement `i` (colours repeat past the palette's size; the legend
    /// still names every speaker).
    func index(of i: Int) -> Int { (indexOfKey[keyOfStatement[i]] ?? 0) % PageAssets.palette.count }
}

/// The highlighted text of a document: every FOUND anchor as a `<mark>`. Anchors may nest or
/// cross; crossing ones are drawn in pieces (the later pieces marked `cont`), so the HTML stays
/// well nested and each anchor has exactly one focusable first piece.
struct HighlightSpans {
    /// How deep highlights nest before further ones are left out (and counted on the page).
    static let maxDepth = 16

    struct Span {
        var start: Int
        var end: Int
        /// Classes after `hl`: `st c3`, `framing`, `narrative`, `residue`.
        var classes: String
        /// The card shown for it.
        var card: String
        /// The short label printed after it on paper (a statement's id).
        var label: String
        /// A number unique in the page, shared by the anchor's pieces.
        var id: Int
    }

    /// Spans by document index.
    private(set) var byDocument: [Int: [Span]] = [:]
    /// Anchors that are not FOUND (no place to draw them).
    private(set) var unshown = 0

    init(model: Model, colours: SpeakerColours) {
        var next = 0
        func add(_ a: Anchor, _ classes: String, card: String, label: String) {
            guard a.status == .found, let d = a.document, let r = a.byteRange, !r.isEmpty else { unshown += 1; return }
            byDocument[d, default: []].append(Span(start: r.lowerBound, end: r.upperBound, classes: classes, card: card, label: label, id: next))
            next += 1
        }
        for (i, s) in model.statements.enumerated() {
            for a in s.anchors { add(a, "st c\(colours.index(of: i))", card: "card-\(i)", label: s.id) }
            for (k, f) in s.framings.enumerated() {
                if let a = f.anchor { add(a, "framing", card: "card-\(i)-framing-\(k)", label: s.id) }
            }
        }
        for doc in model.documents {
            for a in doc.narrative { add(a, "narrative", card: "card-narrative", label: "") }
            for a in doc.residue { add(a, "residue", card: "card-residue", label: "") }
        }
        for d in byDocument.keys {
            byDocument[d]!.sort { ($0.start, -$0.end, $0.id) < ($1.start, -$1.end, $1.id) }
        }
    }

    /// The text as HTML with `spans` drawn; how many spans were too deep to draw.
    func html(of text: SourceText, spans: [Span]) -> (html: String, skipped: Int) {
        let b = text.utf8
        var out = ""
        out.reserveCapacity(b.count + spans.count * 96)
        var stack: [Span] = []
        var skipped = 0
        var bounds = Set<Int>([0, b.count])
        for s in spans { bounds.insert(s.start); bounds.insert(s.end) }
        var next = 0
        var pos = 0
        func open(_ s: Span, first: Bool) {
            out += "<mark class=\"hl \(s.classes)\(first ? "" : " cont")\" data-a=\"\(s.id)\" data-card=\"\(s.card)\""
            if !s.label.isEmpty { out += " data-label=\"\(HTMLPage.escape(s.label))\"" }
            out += first ? " tabindex=\"0\">" : ">"
        }
        for bound in bounds.sorted() where bound <= b.count {
            if bound > pos {
                out += HTMLPage.escape(String(decoding: b[pos..<bound], as: UTF8.self))
                pos = bound
            }
            // Close what ends here; what was open inside it and goes on is reopened as a piece.
            if stack.contains(where: { $0.end == bound }) {
                var reopen: [Span] = []
                while let top = stack.last, stack.contains(where: { $0.end == bound }) {
                    stack.removeLast()
                    out += "</mark>"
                    if top.end != bound { reopen.append(top) }
                }
                for s in reopen.reversed() { open(s, first: false); stack.append(s) }
            }
            while next < spans.count && spans[next].start == bound {
                let s = spans[next]
                next += 1
                if stack.count >= Self.maxDepth { skipped += 1; continue }
                open(s, first: true)
                stack.append(s)
            }
        }
        for _ in stack { out += "</mark>" }
        return (out, skipped)
    }
}
