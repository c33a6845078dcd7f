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

