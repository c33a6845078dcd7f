import Foundation

/// The one rule for matching text without regard to case (`~`, `find`, entity names): full case
/// folding, so that a final sigma (ς) matches σ and Σ, ß matches ss, and ﬁ matches fi. Lower-casing
/// alone left "Σωκράτης" unmatched by "ΣΩΚΡΆΤΗΣ".
///
/// Each scalar is folded on its own (Foundation's folding, remembered per scalar): a text is folded
/// in one pass, and a place found in the folded bytes maps back to the text's own bytes even where a
/// scalar folds longer (İ) or shorter (ﬁ) — a text with both had the same length folded, and `find`
/// took its offsets as the text's.
public enum CaseFold {
    /// Folded bytes, and where each came from when the lengths differ.
    public struct Folded: Sendable {
        /// The folded text's UTF-8 bytes.
        public var bytes: [UInt8]
        /// For each folded byte, the start and end of the text's scalar it came from; nil when every
        /// scalar folds to as many bytes as it has (offsets are the text's own).
        var starts: [Int32]?, ends: [Int32]?

        /// Bytes that are their own offsets (ASCII lower-cased).
        public init(bytes: [UInt8]) { self.bytes = bytes }

        init(bytes: [UInt8], starts: [Int32]?, ends: [Int32]?) {
            self.bytes = bytes
            self.starts = starts
            self.ends = ends
        }

        /// The text's byte range of a range of folded bytes.
        public func original(_ r: Range<Int>) -> Range<Int> {
            guard let starts, let ends, !r.isEmpty else { return r }
            return Int(starts[r.lowerBound])..<Int(ends[r.upperBound - 1])
        }
    }

    /// `s` folded.
    public static func fold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        return String(decoding: folded(s).bytes, as: UTF8.self)
    }

    /// Each non-ASCII scalar's fold, kept for the process: `~` folds every row's text, and asking
    /// Foundation again for each scalar of each row was most of the work.
    private static let cache = FoldCache()

    /// `s` folded, with the way back to its bytes.
    public static func folded(_ s: String) -> Folded {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var starts: [Int32] = [], ends: [Int32] = []
        var mapped = false
        var offset = 0
        for u in s.unicodeScalars {
            let width = UTF8.width(u)
            if u.value < 0x80 {
                let b = UInt8(u.value)
                bytes.append(b &- 65 < 26 ? b | 0x20 : b)
                if mapped { starts.append(Int32(offset)); ends.append(Int32(offset + 1)) }
                offset += 1
                continue
            }
            let f = cache.fold(u)
            if !mapped && f.count != width {
                // The first scalar whose fold changes length: the bytes so far map one to one.
                mapped = true
                starts.reserveCapacity(s.utf8.count)
                ends.reserveCapacity(s.utf8.count)
                var k = 0
                while k < bytes.count {
                    var e = k + 1
                    while e < bytes.count && bytes[e] & 0xC0 == 0x80 { e += 1 }
                    for _ in k..<e { starts.append(Int32(k)); ends.append(Int32(e)) }
                    k = e
                }
            }
            bytes += f
            if mapped { for _ in f { starts.append(Int32(offset)); ends.append(Int32(offset + width)) } }
            offset += width
        }
        return Folded(bytes: bytes, starts: mapped ? starts : nil, ends: mapped ? ends : nil)
    }
}

/// Folds of single scalars, shared by every thread (behind a lock).
final class FoldCache: @unchecked Sendable {
    private let lock = NSLock()
    private var folds: [UInt32: [UInt8]] = [:]

    func fold(_ u: Unicode.Scalar) -> [UInt8] {
        lock.lock()
        if let known = folds[u.value] { lock.unlock(); return known }
        lock.unlock()
        let f = Array(String(u).folding(options: [.caseInsensitive], locale: nil).utf8)
        lock.lock()
        folds[u.value] = f
        lock.unlock()
        return f
    }
}
