/// Text as a terminal shows it: control characters from data made visible, and the number of
/// columns a string takes (wide East Asian characters take two, combining marks none).
public enum TerminalText {
    /// Whether a scalar is a control character that must not reach a terminal raw: C0 controls but
    /// tab and newline, DEL, C1 controls, the bidirectional overrides and isolates that can make
    /// text display in another order than it is stored, the line and paragraph separators, and the
    /// invisible byte-order mark (a stray one made "unknown command ''" look empty).
    @inline(__always)
    static func isUnsafe(_ v: UInt32) -> Bool {
        (v < 0x20 && v != 0x09 && v != 0x0A) || (v >= 0x7F && v <= 0x9F) || (v >= 0x2028 && v <= 0x202E)
            || (v >= 0x2066 && v <= 0x2069) || v == 0xFEFF
    }

    /// Line ends and tabs as spaces: text on one line whose width is its character count (a tab
    /// moved the terminal to its next stop; a line feed in a name split a one-line summary).
    public static func spacingLineBreaks(_ s: String) -> String {
        // Most text has no line end: then nothing changes, and the per-scalar rebuild is skipped.
        guard s.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 9 }) else { return s }
        // By scalars: as a character, "\r\n" is neither "\r" nor "\n", and went through whole.
        var out = String.UnicodeScalarView()
        var afterCR = false
        for u in s.unicodeScalars {
            if u == "\n" && afterCR { afterCR = false; continue }   // the LF of a CRLF: one space for both
            afterCR = u == "\r"
            out.append(u == "\n" || u == "\r" || u == "\t" ? " " : u)
        }
        return String(out)
    }

    /// Data shown on one line of a terminal (a name in a summary, a message, a graph's edge): line
    /// ends and tabs as spaces, other control characters escaped.
    public static func oneLine(_ s: String) -> String { escaped(spacingLineBreaks(s)) }

    /// Whether a scalar is one ``escaped(_:)`` writes out (for writers of other formats, e.g. HTML).
    public static func isControl(_ u: Unicode.Scalar) -> Bool { isUnsafe(u.value) }

    /// The text with every unsafe control character written out as `\u{1b}`, visibly, so that model
    /// data or a script's line cannot move the cursor, set a window title or write the clipboard.
    public static func escaped(_ s: String) -> String {
        // The common case, plain text, costs one scan of the bytes and no copy.
        var suspicious = false
        for b in s.utf8 where b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xEF { suspicious = true; break }
        guard suspicious, s.unicodeScalars.contains(where: { isUnsafe($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isUnsafe(u.value) {
                out.append(contentsOf: "\\u{\(String(u.value, radix: 16))}".unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// Columns taken by one character: 0 for combining and zero-width characters, 2 for wide and
    /// full-width ones (CJK, Hangul, most emoji), 1 otherwise.
    public static func width(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x300 { return first.value < 0x20 ? 0 : 1 }
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        return width(first)
    }

    /// Columns taken by one scalar.
    public static func width(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (v >= 0x1160 && v <= 0x11FF) { return 0 }
        if (v >= 0x1100 && v <= 0x115F) || v == 0x2329 || v == 0x232A
            || (v >= 0x2E80 && v <= 0xA4CF && v != 0x303F) || (v >= 0xAC00 && v <= 0xD7A3)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE10 && v <= 0xFE19) || (v >= 0xFE30 && v <= 0xFE6F)
            || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6)
            || (v >= 0x1F300 && v <= 0x1F64F) || (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x1F680 && v <= 0x1F6FF)
            || (v >= 0x20000 && v <= 0x3FFFD) {
            return 2
        }
        return 1
    }

    /// Columns taken by a string.
    public static func width(_ s: String) -> Int {
        // ASCII text: one column a byte.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        var n = 0
        for c in s { n += width(c) }
        return n
    }
}

extension String {
    /// The text without spaces at its end (table rows, caret lines).
    public func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
