import StatementModel

/// Text to be parsed, with the name and first line used in spans (a script, or `<input>`).
public struct SourceInput: Sendable {
    /// The file name for spans, or `<input>`.
    public var name: String
    /// The text.
    public var text: String
    /// The line number of the text's first line (for a command taken from the middle of a script).
    public var firstLine: Int
    let lineStarts: [String.Index]

    /// Wraps text for parsing.
    public init(name: String = "<input>", text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
        var starts = [text.startIndex]
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "\n" { starts.append(text.index(after: i)) }
            i = text.index(after: i)
        }
        lineStarts = starts
    }

    /// The span of a range of the text.
    public func span(_ range: Range<String.Index>) -> SourceSpan {
        var line = 0
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= range.lowerBound { lo = mid } else { hi = mid - 1 }
        }
        line = lo
        let start = lineStarts[line]
        let end = line + 1 < lineStarts.count ? text.index(before: lineStarts[line + 1]) : text.endIndex
        let column = text.distance(from: start, to: range.lowerBound) + 1
        let length = max(1, text.distance(from: range.lowerBound, to: min(range.upperBound, max(range.lowerBound, end))))
        return SourceSpan(file: name, line: line + firstLine, column: column, length: length, lineText: String(text[start..<end]))
    }
}
