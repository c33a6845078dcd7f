/// One word, number or mark of a text, with where it is.
public struct Token: Sendable, Equatable {
    /// What kind of token it is.
    public enum Kind: Sendable, Equatable {
        /// Letters or digits, with inner periods, apostrophes, hyphens ("U.S.", "Ng'oma", "non-refoulement").
        case word
        /// A double quotation mark (straight or curly).
        case quote
        /// A dash used as punctuation (—, –, or a spaced hyphen).
        case dash
        /// Any other punctuation.
        case punct
    }

    /// What kind of token it is.
    public var kind: Kind
    /// Where it is in the text (scalar offsets).
    public var range: Range<Int>
    /// Its text as printed.
    public var text: String
    /// Its text lower-cased, with a curly apostrophe made straight.
    public var lower: String
    /// Whether it lies inside a quotation.
    public var quoted = false
    /// Whether a line break comes right after it.
    public var lineBreakAfter = false

    /// Whether it starts with a capital letter.
    public var isCapitalized: Bool { text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false }
    /// Whether it is a word that starts with a capital letter or a digit.
    public var isNameLike: Bool {
        guard kind == .word, let f = text.unicodeScalars.first else { return false }
        return f.properties.isUppercase || ("0"..."9").contains(f)
    }
    /// Whether it is this mark.
    public func isPunct(_ s: String) -> Bool { kind != .word && text == s }
}
