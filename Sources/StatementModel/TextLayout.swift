/// What decoding changed in a file's bytes (``TextDecoder``): a byte-order mark dropped, each CRLF
/// made LF. A rewrite of the decoded text keeps both: an edit is made on the file's own bytes at
/// the offsets this gives, and a regenerated text gets the mark and the line ends back.
public struct TextLayout: Sendable {
    /// Whether the file starts with a UTF-8 byte-order mark.
    public let hasByteOrderMark: Bool
    /// Decoded offsets of the LFs that were CRLF in the file, in order.
    private let collapsed: [Int]
    /// Whether the file's lines end in a lone CR (old Mac style) and never in LF.
    public let usesCR: Bool

    /// The layout of a file's bytes.
    public init(_ bytes: [UInt8]) {
        hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        var collapsed: [Int] = []
        var loneCR = false, lf = false
        var i = hasByteOrderMark ? 3 : 0, decoded = 0
        while i < bytes.count {
            if bytes[i] == 13 && i + 1 < bytes.count && bytes[i + 1] == 10 {
                collapsed.append(decoded)
                i += 2
            } else {
                if bytes[i] == 13 { loneCR = true } else if bytes[i] == 10 { lf = true }
                i += 1
            }
            decoded += 1
        }
        self.collapsed = collapsed
        usesCR = loneCR && !lf && collapsed.isEmpty
    }

    /// Whether the file's lines end in CRLF (any of them).
    public var usesCRLF: Bool { !collapsed.isEmpty }

    /// The byte offset in the file of a byte offset in the decoded text.
    public func fileOffset(ofDecoded offset: Int) -> Int {
        var lo = 0, hi = collapsed.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if collapsed[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return offset + lo + (hasByteOrderMark ? 3 : 0)
    }

    /// A whole new text for the file, with its mark and (when it used them) CRLF or CR line ends back.
    public func encode(_ text: String) -> [UInt8] {
        let body = usesCRLF ? text.replacingOccurrences(of: "\n", with: "\r\n") : usesCR ? text.replacingOccurrences(of: "\n", with: "\r") : text
        return (hasByteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(body.utf8)
    }
}
