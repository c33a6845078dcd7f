/// One sentence (or headline) of a text: its tokens and where it is.
public struct Sentence: Sendable {
    /// Its place among the text's sentences.
    public var index: Int
    /// The paragraph it belongs to.
    public var paragraph: Int
    /// Its tokens, in order.
    public var tokens: [Token]
    /// Where it is in the text (scalar offsets), from its first token to its last.
    public var range: Range<Int>
    /// Whether it is a line on its own with no closing punctuation (a headline or a deck).
    public var isHeadline: Bool
}
