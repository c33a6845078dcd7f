/// Splits a text into paragraphs and sentences, and marks which tokens lie inside quotations.
///
/// A blank line ends a paragraph; so does a line that ends without closing punctuation and is
/// followed by a capitalised line (a headline or a deck). A full stop, question or exclamation mark
/// ends a sentence (with any closing quotation mark or bracket after it); an abbreviation's period
/// ends one only before a word that usually starts a sentence.
public enum SentenceSplitter {
    /// Words after an abbreviation that show a new sentence has begun ("… the U.S. They …").
    static let sentenceStarters: Set<String> = ["the", "he", "she", "it", "they", "we", "in", "a", "an", "but", "however",
        "this", "that", "on", "at", "according", "i", "there", "his", "her", "their", "its", "our", "meanwhile", "separately"]

    /// The sentences of `text` from `start` on; quotation state runs across the sentences of a paragraph.
    public static func sentences(_ text: DraftText, from start: Int? = nil, maxSentences: Int = 100_000) -> [Sentence] {
        let s = text.scalars
        var out: [Sentence] = []
        var paragraph = 0
        var i = start ?? text.bodyStart
        while i < s.count, out.count < maxSentences {
            // One paragraph: up to a blank line.
            var j = i
            while j < s.count {
                if s[j] == "\n" {
                    var k = j + 1
                    while k < s.count, s[k] == " " || s[k] == "\t" || s[k] == "\r" { k += 1 }
                    if k >= s.count || s[k] == "\n" { break }
                }
                j += 1
            }
            var tokens = Tokenizer.tokens(s, in: i..<j)
            markQuotes(&tokens)
            split(tokens, paragraph: paragraph, into: &out)
            paragraph += 1
            i = j + 1
        }
        return out
    }

    /// Marks tokens inside quotations: a curly opening mark opens, a curly closing mark closes,
    /// a straight mark toggles (texts mix them: `"We need …,” Osundina said`).
    static func markQuotes(_ tokens: inout [Token]) {
        var inside = false
        for k in tokens.indices {
            let t = tokens[k]
            if t.kind == .quote {
                switch t.text {
                case "\u{201C}", "\u{201E}": inside = true
                case "\u{201D}": inside = false
                default: inside.toggle()
                }
                tokens[k].quoted = true
                continue
            }
            tokens[k].quoted = inside
        }
    }

    static func split(_ tokens: [Token], paragraph: Int, into out: inout [Sentence]) {
        var start = 0
        func emit(_ end: Int, headline: Bool) {
            guard start < end else { return }
            let ts = Array(tokens[start..<end])
            out.append(Sentence(index: out.count, paragraph: paragraph, tokens: ts,
                                range: ts.first!.range.lowerBound..<ts.last!.range.upperBound, isHeadline: headline))
            start = end
        }
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            var boundary = false
            if t.kind == .punct, [".", "!", "?"].contains(t.text) {
                boundary = true
            } else if t.kind == .word, t.text.hasSuffix("."), k + 1 < tokens.count {
                let n = tokens[k + 1]
                boundary = (n.kind == .word && n.isCapitalized && sentenceStarters.contains(n.lower)) || t.lineBreakAfter
            } else if t.lineBreakAfter, k + 1 < tokens.count, tokens[k + 1].isCapitalized || tokens[k + 1].kind == .quote {
                // A line that ends without closing punctuation, before a capitalised line: a headline.
                emit(k + 1, headline: true); k += 1; continue
            }
            if boundary {
                var e = k + 1
                // Closing marks that belong to this sentence: ” ) and a straight quote that closes.
                while e < tokens.count, tokens[e].kind != .word,
                      tokens[e].text == "\u{201D}" || tokens[e].text == ")" || tokens[e].text == "'"
                        || (tokens[e].text == "\"" && (e + 1 == tokens.count || !tokens[e + 1].quoted)) { e += 1 }
                if e == tokens.count || tokens[e].isNameLike || tokens[e].kind == .quote || tokens[e - 1].lineBreakAfter
                    || (tokens[e].kind == .punct && tokens[e].text == "(") {
                    emit(e, headline: false); k = e; continue
                }
            }
            k += 1
        }
        let last = tokens.last.map { [".", "!", "?", "\u{201D}", "\"", ")"].contains($0.text) || $0.text.hasSuffix(".") } ?? true
        emit(tokens.count, headline: !last && out.last?.paragraph != paragraph)
    }
}
