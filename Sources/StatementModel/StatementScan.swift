/// A quoted string of a line as scanned: where its quotes are, and whether it has escapes to decode.
/// Its text is made only when needed — an id looked up and dropped need not become a `String` first.
struct ScannedString: Sendable {
    /// The opening quote's position in the chunk's bytes.
    var quote: Int
    /// One past the closing quote.
    var end: Int
    /// No escapes: the bytes between the quotes are the text.
    var simple: Bool
}

/// An anchor as scanned: its exact words alone (a string), or the fields of its object.
struct ScannedAnchor: Sendable {
    var exact: ScannedString
    var prefix: ScannedString?
    var suffix: ScannedString?
    var document: ScannedString?
}

/// The fields of a plainly well-formed statement line, as positions in the chunk's bytes (see
/// `JSONLinesParser+Statements.swift`). One scan serves two readers: the line made into a
/// ``RawStatement`` for the builder, or resolved there and then into a ``Statement``
/// (`ChunkResolver`) without the raw record, its strings and its lists in between.
///
/// Reused from line to line, so its lists keep their storage.
struct StatementScan: Sendable {
    var id, content, date, place, note, status, confidence, source, work: ScannedString?
    var cue, force, cameo: ScannedString?
    /// `reported`, when given (with its mode, which it requires).
    var hasReported = false
    var via, by, inDocument, mode: ScannedString?
    /// The entity and document lists, as ranges of `strings`.
    var speakers = 0..<0, onBehalfOf = 0..<0, addressees = 0..<0, targets = 0..<0, cites = 0..<0, topics = 0..<0
    /// The strings of every list of the line.
    var strings: [ScannedString] = []
    var anchors: [ScannedAnchor] = []

    /// Empty for the next line; the lists keep their capacity.
    mutating func reset() {
        var strings = self.strings, anchors = self.anchors
        self.strings = []
        self.anchors = []
        strings.removeAll(keepingCapacity: true)
        anchors.removeAll(keepingCapacity: true)
        self = StatementScan(strings: strings, anchors: anchors)
    }

    private init(strings: [ScannedString], anchors: [ScannedAnchor]) {
        self.strings = strings
        self.anchors = anchors
    }

    init() {}
}
