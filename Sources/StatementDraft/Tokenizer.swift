/// Splits a text into ``Token``s, keeping the periods of abbreviations ("U.S.", "J.", "Mr.") with
/// their word so that a sentence splitter can tell them from a full stop.
public enum Tokenizer {
    /// Abbreviations that end with a period and usually do not end a sentence.
    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "capt",
        "maj", "sgt", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "amb", "pres", "prof", "rev", "hon", "ft", "mt"]

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil || c == "$" || c == "%" || c == "@"
    }

    static func isQuote(_ c: Unicode.Scalar) -> Bool { c == "\"" || c == "\u{201C}" || c == "\u{201D}" || c == "\u{201E}" }

    /// The tokens of `scalars[range]`.
    public static func tokens(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> [Token] {
        var out: [Token] = []
        var i = range.lowerBound
        let end = range.upperBound
        func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
        while i < end {
            let c = scalars[i]
            if c.properties.isWhitespace {
                if c == "\n", !out.isEmpty { out[out.count - 1].lineBreakAfter = true }
                i += 1; continue
            }
            if isWordScalar(c) {
                var j = i + 1
                while j < end {
                    let d = scalars[j]
                    if isWordScalar(d) { j += 1; continue }
                    // Inner marks join a word only between word characters: U.S, Ng'oma, 50,000, non-refoulement.
                    if [".", "'", "\u{2019}", "-", ",", "&", "/"].contains(d), j + 1 < end, isWordScalar(scalars[j + 1]) {
                        if d == ",", !(scalars[j - 1].properties.numericType != nil && scalars[j + 1].properties.numericType != nil) { break }
                        if d == "&", !(scalars[j - 1].properties.isUppercase && scalars[j + 1].properties.isUppercase) { break }
                        j += 2; continue
                    }
                    break
                }
                // A final period stays with an abbreviation: U.S. (inner period), J. (one capital), Mr.
                if j < end, scalars[j] == "." {
                    let w = text(i..<j)
                    let single = w.unicodeScalars.count == 1 && c.properties.isUppercase
                    if w.contains(".") || single || abbreviations.contains(w.lowercased()) { j += 1 }
                }
                let t = text(i..<j)
                out.append(Token(kind: .word, range: i..<j, text: t, lower: t.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")))
                i = j
                continue
            }
            if isQuote(c) {
                out.append(Token(kind: .quote, range: i..<(i + 1), text: String(c), lower: String(c)))
            } else if c == "\u{2014}" || c == "\u{2013}" || (c == "-" && i + 1 < end && scalars[i + 1] == " ") {
                out.append(Token(kind: .dash, range: i..<(i + 1), text: String(c), lower: String(c)))
            } else {
                out.append(Token(kind: .punct, range: i..<(i + 1), text: String(c), lower: String(c)))
            }
            i += 1
        }
        return out
    }
}
