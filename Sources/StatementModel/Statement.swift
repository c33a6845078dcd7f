/// Who reported a statement, where, and how: one link of a reporting chain (W3C PROV `wasQuotedFrom`).
public struct Reporting: Sendable, Hashable {
    /// How the words reach the reader.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// The speaker's own words, in quotation marks.
        case direct
        /// Reported speech ("the statement urged North Korea to …").
        case indirect
        /// The reporter's summary in their own words.
        case paraphrase
    }

    /// The statement that reports this one (statement index), when the chain goes on.
    public var via: Int?
    /// The entity doing the reporting, when not a statement of the model.
    public var by: Int?
    /// The document in which it is reported.
    public var document: Int?
    /// Direct, indirect or paraphrase.
    public var mode: Mode

    /// Makes a reporting link.
    public init(via: Int? = nil, by: Int? = nil, document: Int? = nil, mode: Mode) {
        self.via = via
        self.by = by
        self.document = document
        self.mode = mode
    }
}

/// The reporter's own word for an act, kept apart from the speaker's verb (headline "demand" versus
/// body "called on").
public struct Framing: Sendable, Hashable {
    /// Who frames it (entity index).
    public var by: Int?
    /// The reporter's act.
    public var act: Act
    /// Where the framing words are.
    public var anchor: Anchor?

    /// Makes a framing.
    public init(by: Int?, act: Act, anchor: Anchor?) {
        self.by = by
        self.act = act
        self.anchor = anchor
    }
}

/// Immutable storage for a framing, shared between copies of a statement.
final class FramingBox: Sendable {
    let value: Framing
    init(_ value: Framing) { self.value = value }
}

/// One claim: who said what, to whom, with what force, citing what, reported by whom, anchored to
/// the words of its source. Locution (anchors), act (``Act``) and content are kept apart (AIF).
public struct Statement: Sendable {
    /// Unique id across the model.
    public var id: String
    /// Who speaks (entity indexes); a group entity speaks jointly.
    public var speakers: [Int]
    /// On whose behalf the speakers speak (e.g. a spokesperson for a department).
    public var onBehalfOf: [Int]
    /// Whom the act is addressed to.
    public var addressees: [Int]
    /// Whom or what it is about.
    public var targets: [Int]
    /// The speaker's act: verbatim cue, normalized force, CAMEO code.
    public var act: Act
    /// The reporter's framing of the act, when it differs (boxed: most statements have none).
    public var framing: Framing? {
        get { framingBox?.value }
        set { framingBox = newValue.map(FramingBox.init) }
    }
    private var framingBox: FramingBox?
    /// The proposition, in plain words.
    public var content: String {
        get { contentText.string }
        set { contentText = .literal(newValue) }
    }
    private var contentText: SharedText

    /// Points the content at the model's content column (same bytes, one shared buffer).
    mutating func shareContent(_ bytes: [UInt8], _ start: Int32, _ end: Int32) { contentText = .slice(bytes, start, end) }
    /// When it was said.
    public var date: DateClaim?
    /// Where it was said.
    public var place: String?
    /// Topics, lower-case.
    public var topics: [String]
    /// The words in the source.
    public var anchors: [Anchor]
    /// How it reaches the reader.
    public var reported: Reporting?
    /// Works it cites (document indexes).
    public var cites: [Int]
    /// The document it belongs to (the work whose statement it is, e.g. a cited report), when not the source.
    public var document: Int?
    /// Wikidata-like rank: `reported`, `confirmed`, `disputed`, `deprecated`.
    public var status: String
    /// Free-text note.
    public var note: String?

    /// Makes a statement.
    public init(id: String, speakers: [Int], onBehalfOf: [Int] = [], addressees: [Int] = [], targets: [Int] = [],
                act: Act, framing: Framing? = nil, content: String, date: DateClaim? = nil, place: String? = nil,
                topics: [String] = [], anchors: [Anchor] = [], reported: Reporting? = nil, cites: [Int] = [],
                document: Int? = nil, status: String = "reported", note: String? = nil) {
        self.id = id
        self.speakers = speakers
        self.onBehalfOf = onBehalfOf
        self.addressees = addressees
        self.targets = targets
        self.act = act
        self.framingBox = framing.map(FramingBox.init)
        self.contentText = .literal(content)
        self.date = date
        self.place = place
        self.topics = topics
        self.anchors = anchors
        self.reported = reported
        self.cites = cites
        self.document = document
        self.status = status
        self.note = note
    }

    /// The statuses a statement may have.
    public static let statuses = ["reported", "confirmed", "disputed", "deprecated"]
}

/// A typed link between two records (statements or documents).
public struct Relation: Sendable {
    /// The relation types the model accepts.
    public static let types: [(name: String, summary: String)] = [
        ("cites", "the source refers to a work"),
        ("restates", "says again what the target said, perhaps in other words"),
        ("elaborates", "adds detail to the target"),
        ("reinforces", "backs the target up, separately"),
        ("links", "connects the target's subject to the source's"),
        ("commemorates", "marks an anniversary or event of the target"),
        ("reports", "relays the target"),
        ("contradicts", "says the opposite of the target"),
    ]

    /// A generated id such as `rel1`, unique across the model.
    public var id: String
    /// One of ``types``.
    public var type: String
    /// Source record.
    public var from: RecordRef
    /// Target record.
    public var to: RecordRef
    /// Free-text note (e.g. what the link runs through).
    public var note: String?
    /// Where it was defined.
    public var span: SourceSpan?

    /// Makes a relation.
    public init(id: String, type: String, from: RecordRef, to: RecordRef, note: String? = nil, span: SourceSpan? = nil) {
        self.id = id
        self.type = type
        self.from = from
        self.to = to
        self.note = note
        self.span = span
    }
}

/// A reference to any record of a model by kind and index.
public enum RecordRef: Sendable, Hashable {
    /// An entity.
    case entity(Int)
    /// A statement.
    case statement(Int)
    /// A document.
    case document(Int)
    /// A relation.
    case relation(Int)
}
