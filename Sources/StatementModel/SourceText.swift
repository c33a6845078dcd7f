/// A document's text with the index needed to turn offsets into line:column quickly.
public struct SourceText: Sendable {
    /// The whole text.
    public let string: String
    /// The text as UTF-8 bytes, searched by anchoring.
    public let utf8: [UInt8]
    /// Byte offset of the start of each line.
    public let lineStarts: [Int]

    /// Indexes a text.
    public init(_ string: String) {
        self.string = string
        self.utf8 = Array(string.utf8)
        var starts = [0]
        for (i, b) in utf8.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// The 1-based line and character column of a byte offset.
    public func lineColumn(ofByte offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let column = characterCount(from: lineStarts[lo], to: offset) + 1
        return (lo + 1, column)
    }

    /// The text of a 1-based line, without its newline.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<max(start, end)], as: UTF8.self)
    }

    /// The text between two byte offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        String(decoding: utf8[max(0, start)..<min(utf8.count, max(start, end))], as: UTF8.self)
    }

    /// Unicode-scalar offset of a byte offset (the unit W3C TextPositionSelector counts in).
    public func scalarOffset(ofByte offset: Int) -> Int {
        var n = 0
        for b in utf8[0..<offset] where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    private func characterCount(from start: Int, to end: Int) -> Int {
        String(decoding: utf8[start..<end], as: UTF8.self).count
    }
}
