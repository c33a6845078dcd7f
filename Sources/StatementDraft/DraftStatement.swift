/// A statement the drafter proposes.
public struct DraftStatement: Sendable {
    /// Its id (`s1`, `s2`, … or clear of an existing model's ids).
    public var id: String
    /// The sentence its cue is in.
    public var sentence: Int
    /// Speaker entities (indices into the draft's entities).
    public var speakers: [Int]
    /// Addressees of a directive ("urged X to …").
    public var addressees: [Int] = []
    /// The cue, verbatim.
    public var cue: String
    /// Where the cue is in the text (scalar offsets).
    public var cueRange: Range<Int>
    /// The model's force.
    public var force: String
    /// The CAMEO code.
    public var cameo: String
    /// The attributed words.
    public var content: String
    /// direct, indirect or mixed.
    public var mode: String
    /// The anchor's place in the text (scalar offsets): the cue, its speaker when near, and the content.
    public var anchor: Range<Int>
    /// Where its content lies (scalar offsets), to find reports nested inside it.
    public var contentRange: Range<Int>
    /// The statement that reports this one, when its cue lies in that one's content ("He said VOA … joins … in calling for").
    public var via: Int?
    /// How sure the drafter is, from 0 to 1.
    public var confidence: Double
    /// The uncertain choices, for a person to confirm.
    public var comments: [String] = []
}
