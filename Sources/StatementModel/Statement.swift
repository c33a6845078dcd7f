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
    /// The reporters' own words for the act, when they differ from the speaker's (a headline's
    /// "Demand", a lede's "called on"): none, one or several.
    public var framings: [Framing]
    /// The proposition, in plain words.
    public var content: String {
        get { contentText.string }
        set { contentText = .literal(newValue) }
    }
    private var contentText: SharedText

    /// Points the content at the model's content column (same bytes, one shared buffer).
    package mutating func shareContent(_ bytes: [UInt8], _ start: Int32, _ end: Int32) { contentText = .slice(bytes, start, end) }
    /// Points the content at a slice of the model's content column as a restored model holds it.
    package mutating func shareContent(_ bytes: TextBytes, _ start: Int32, _ end: Int32) { contentText = .text(bytes, start, end) }
    /// Calls `body` with the content's UTF-8 bytes, where they are.
    package func withContentUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { contentText.withUTF8(body) }
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
    public var document: Int? {
        get { work < 0 ? nil : Int(work) }
        set { work = newValue.map { Int32($0) } ?? -1 }
    }
    /// `document` as a 32-bit index, -1 for none (a million statements each hold one).
    private var work: Int32
    /// Wikidata-like rank: `reported`, `confirmed`, `disputed`, `deprecated`.
    public var status: String
    /// Free-text note.
    public var note: String?
    /// How sure a drafter was of it, from 0 to 1 (`stmt draft` writes it; a person may drop it).
    public var confidence: Double?

    /// Makes a statement.
    public init(id: String, speakers: [Int], onBehalfOf: [Int] = [], addressees: [Int] = [], targets: [Int] = [],
                act: Act, framings: [Framing] = [], content: String, date: DateClaim? = nil, place: String? = nil,
                topics: [String] = [], anchors: [Anchor] = [], reported: Reporting? = nil, cites: [Int] = [],
                document: Int? = nil, status: String = "reported", note: String? = nil, confidence: Double? = nil) {
        self.id = id
        self.speakers = speakers
        self.onBehalfOf = onBehalfOf
        self.addressees = addressees
        self.targets = targets
        self.act = act
        self.framings = framings
        self.contentText = .literal(content)
        self.date = date
        self.place = place
        self.topics = topics
        self.anchors = anchors
        self.reported = reported
        self.cites = cites
        self.work = document.map { Int32($0) } ?? -1
        self.status = status
        self.note = note
        self.confidence = confidence
    }

    /// The statuses a statement may have.
    public static let statuses = ["reported", "confirmed", "disputed", "deprecated", "draft"]
}
