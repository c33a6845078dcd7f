/// A reporting event found in a sentence: the cue's words and how its speaker is to be found.
public struct Cue: Sendable {
    /// How the cue names its speaker.
    public enum Shape: Sendable, Equatable {
        /// A verb with its subject on the left ("X said", "X urged Y to …").
        case verb
        /// A participle or a second verb of one subject ("…, noting …", "… and urged …"): the speaker carries over.
        case continued
        /// A verb after a quotation, its subject after it ("“…,” said X").
        case inverted
        /// A passive with its agent ("as recommended by the COI report").
        case agent
        /// "According to X, …".
        case accordingTo
        /// "The following is attributable to X:".
        case attributable
        /// A noun whose possessor speaks ("the report's recommendations").
        case possessive
        /// "X join(s) (Y) in calling for …": X and Y speak.
        case joining
    }

    /// The sentence it is in.
    public var sentence: Int
    /// The cue's tokens (indices into the sentence's tokens).
    public var tokens: Range<Int>
    /// The table's entry (nil for the fixed phrases: according to, attributable to, possessive nouns).
    public var force: String
    /// The CAMEO code.
    public var cameo: String
    /// Whether the cue directs someone ("urged X to …").
    public var directive: Bool
    /// How its speaker is found.
    public var shape: Shape
}
