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
    /// Each line's text, made once: every span on a line shares it, so a long line is not copied
    /// once per token (which made a 100 KB line cost gigabytes).
    private let lines: [String]
    /// Every `checkpointStride`-th character of each line with its column, and each line's start:
    /// a span's column is counted from the checkpoint before it, not from the start of its line.
    private let checkpoints: [(index: String.Index, column: Int)]
    private static let checkpointStride = 64

    /// Wraps text for parsing.
    public init(name: String = "<input>", text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
        var starts = [text.startIndex]
        var marks: [(index: String.Index, column: Int)] = [(text.startIndex, 1)]
        var column = 1
        var i = text.startIndex
        while i < text.endIndex {
            let isNewline = text[i] == "\n"
            i = text.index(after: i)
            if isNewline {
                starts.append(i)
                marks.append((i, 1))
                column = 1
            } else {
                column += 1
                if column % Self.checkpointStride == 0 { marks.append((i, column)) }
            }
        }
        lineStarts = starts
        checkpoints = marks
        lines = starts.indices.map { l in
            let end = l + 1 < starts.count ? text.index(before: starts[l + 1]) : text.endIndex
            return String(text[starts[l]..<end])
        }
    }

    /// The span of a range of the text.
    public func span(_ range: Range<String.Index>) -> SourceSpan {
        let line = Self.lastIndex(in: lineStarts, notAfter: range.lowerBound) { $0 }
        let end = line + 1 < lineStarts.count ? text.index(before: lineStarts[line + 1]) : text.endIndex
        let mark = checkpoints[Self.lastIndex(in: checkpoints, notAfter: range.lowerBound) { $0.index }]
        let column = mark.column + text.distance(from: mark.index, to: range.lowerBound)
        let length = max(1, text.distance(from: range.lowerBound, to: min(range.upperBound, max(range.lowerBound, end))))
        return SourceSpan(file: name, line: line + firstLine, column: column, length: length, lineText: lines[line])
    }

    /// The last element whose index is at or before `index` (the first element is always).
    private static func lastIndex<T>(in items: [T], notAfter index: String.Index, _ key: (T) -> String.Index) -> Int {
        var lo = 0, hi = items.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if key(items[mid]) <= index { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
