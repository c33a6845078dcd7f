/// Words of a sentence that name a speaker: a name or description, a pronoun, or "the statement".
public struct Mention: Sendable, Equatable {
    /// The sentence.
    public var sentence: Int
    /// Its tokens.
    public var tokens: Range<Int>
    /// Its text as printed.
    public var text: String
    /// An apposition after it ("Titus Osundina, the U.N. Development Program’s deputy …"): a role.
    public var role: String?
}
