import Foundation

/// A document's text with the index needed to turn offsets into line:column quickly.
public struct SourceText: Sendable {
    /// The text as UTF-8 bytes, searched by anchoring. Only the bytes are kept, not a String too.
    public let utf8: TextBytes
    /// Byte offset of the start of each line.
    public let lineStarts: [Int]
    /// Whether every byte is ASCII, so that code points and bytes count alike (columns and
    /// scalar offsets are then plain byte distances, not a scan).
    public let isASCII: Bool

    /// Indexes a text.
    public init(_ string: String) { self.init(bytes: Array(string.utf8)) }

    /// Indexes UTF-8 bytes.
    public init(bytes: [UInt8]) {
        self.utf8 = TextBytes(bytes)
        self.lineStarts = Self.lineStarts(utf8)
        self.isASCII = bytes.withUnsafeBytes { Self.allASCII($0) }
    }

    /// Where each line starts: after an LF, a CRLF, or a CR alone (a text with old Mac line ends
    /// has as many lines as it shows).
    private static func lineStarts(_ bytes: TextBytes) -> [Int] {
        var starts = [0]
        // memchr: a million-statement model's texts are a hundred megabytes, scanned at every load.
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            var at = 0
            while at < b.count, let hit = memchr(base + at, 10, b.count - at) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                starts.append(i + 1)
                at = i + 1
            }
            // A CR not followed by LF ends a line too: found by a second memchr scan, and merged.
            var lone: [Int] = []
            at = 0
            while at < b.count, let hit = memchr(base + at, 13, b.count - at) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if i + 1 == b.count || b[i + 1] != 10 { lone.append(i + 1) }
                at = i + 1
            }
            guard !lone.isEmpty else { return }
            var merged = [0]
            merged.reserveCapacity(starts.count + lone.count)
            var x = 1, y = 0
            while x < starts.count || y < lone.count {
                if y == lone.count || (x < starts.count && starts[x] < lone[y]) { merged.append(starts[x]); x += 1 }
                else { merged.append(lone[y]); y += 1 }
            }
            starts = merged
        }
        return starts
    }

    /// Indexes UTF-8 bytes whose ASCII-ness is already known (a snapshot records it, and its
    /// texts are read in place).
    package init(bytes: TextBytes, isASCII: Bool) {
        self.utf8 = bytes
        self.lineStarts = Self.lineStarts(bytes)
        self.isASCII = isASCII
    }

    /// Whether no byte has its top bit set, eight bytes at a time.
    static func allASCII(_ b: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        var any: UInt64 = 0
        while i + 8 <= b.count { any |= b.loadUnaligned(fromByteOffset: i, as: UInt64.self); i += 8 }
        while i < b.count { any |= UInt64(b[i]); i += 1 }
        return any & 0x8080_8080_8080_8080 == 0
    }

    /// The whole text.
    public var string: String { String(decoding: utf8, as: UTF8.self) }

    /// The 1-based line and column (in code points) of a byte offset.
    public func lineColumn(ofByte offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, scalarCount(from: lineStarts[lo], to: offset) + 1)
    }

    /// The text of a 1-based line, without its newline.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<max(start, end)], as: UTF8.self)
    }

    /// The first byte offset at or after `offset` that starts a character's code point (never
    /// inside a UTF-8 sequence), within the text.
    public func scalarStart(atOrAfter offset: Int) -> Int {
        var i = min(max(0, offset), utf8.count)
        while i < utf8.count && utf8[i] & 0xC0 == 0x80 { i += 1 }
        return i
    }

    /// The text between two byte offsets.
    public func slice(_ start: Int, _ end: Int) -> String {
        String(decoding: utf8[max(0, start)..<min(utf8.count, max(start, end))], as: UTF8.self)
    }

    /// Unicode-scalar offset of a byte offset (the unit W3C TextPositionSelector counts in).
    public func scalarOffset(ofByte offset: Int) -> Int { scalarCount(from: 0, to: offset) }

    /// Code points between two byte offsets (columns count code points, as W3C selectors do).
    func scalarCount(from start: Int, to end: Int) -> Int {
        if isASCII { return max(0, end - start) }
        return utf8.withUnsafeBufferPointer { b in
            var n = 0
            var i = start
            while i < end { if b[i] & 0xC0 != 0x80 { n += 1 }; i += 1 }
            return n
        }
    }
}
