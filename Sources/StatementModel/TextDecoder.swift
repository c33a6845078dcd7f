import Foundation

/// Turns the bytes of a script, transcript or model file into text: a UTF-8 byte-order mark is
/// skipped, CRLF and CR line ends become LF (line numbers stay right), and a NUL byte or invalid
/// UTF-8 is reported at its line and column instead of being silently replaced.
public enum TextDecoder {
    /// The text of a file, or a located error naming the first bad byte.
    public static func decode(_ bytes: [UInt8], name: String) throws(Diagnostic) -> String {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var line = 1, lineStart = start
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == 0 {
                throw problem("unexpected NUL byte", bytes, line: line, lineStart: lineStart, at: i, name: name,
                              hint: "is this a text file? scripts and models are UTF-8 text")
            }
            if b < 0x80 {
                if b == 13 {
                    out.append(10)
                    if i + 1 < bytes.count && bytes[i + 1] == 10 { i += 1 }
                    line += 1; lineStart = i + 1
                } else {
                    out.append(b)
                    if b == 10 { line += 1; lineStart = i + 1 }
                }
                i += 1
                continue
            }
            let n = sequenceLength(bytes, i)
            guard n > 0 else {
                throw problem(String(format: "invalid UTF-8 (byte 0x%02X)", bytes[i]), bytes, line: line, lineStart: lineStart,
                              at: i, name: name, hint: "save the file as UTF-8 text")
            }
            out.append(contentsOf: bytes[i..<(i + n)])
            i += n
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Checks that bytes are UTF-8 text without NUL bytes (a source text, kept byte for byte).
    public static func validate(_ bytes: [UInt8], name: String) throws(Diagnostic) {
        var line = 1, lineStart = 0, i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3; lineStart = 3 }
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 {
                    throw problem("unexpected NUL byte", bytes, line: line, lineStart: lineStart, at: i, name: name,
                                  hint: "a source text is UTF-8 text")
                }
                if b == 10 { line += 1; lineStart = i + 1 }
                i += 1
                continue
            }
            let n = sequenceLength(bytes, i)
            guard n > 0 else {
                throw problem(String(format: "invalid UTF-8 (byte 0x%02X)", b), bytes, line: line, lineStart: lineStart, at: i,
                              name: name, hint: "save the text as UTF-8")
            }
            i += n
        }
    }

    /// The length of a well-formed UTF-8 sequence at `i`, or 0 (overlong forms, surrogates and
    /// values past U+10FFFF are ill-formed, as the Unicode standard says).
    static func sequenceLength<C: RandomAccessCollection>(_ b: C, _ i: Int) -> Int where C.Element == UInt8, C.Index == Int {
        let c = b[i]
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool { i + k < b.endIndex && b[i + k] >= lo && b[i + k] <= hi }
        switch c {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    static func problem(_ message: String, _ bytes: [UInt8], line: Int, lineStart: Int, at i: Int, name: String, hint: String) -> Diagnostic {
        // The column counts the characters before the bad byte; the line is shown as far as it decodes.
        let before = String(decoding: bytes[lineStart..<i], as: UTF8.self)
        var end = i
        while end < bytes.count && bytes[end] != 10 && bytes[end] != 13 { end += 1 }
        let shown = String(decoding: bytes[lineStart..<end], as: UTF8.self).map { $0 == "\0" ? "\u{FFFD}" : $0 }
        return Diagnostic(message, at: SourceSpan(file: name, line: line, column: before.count + 1, length: 1, lineText: String(shown)),
                          hint: hint, category: .syntax)
    }
}
