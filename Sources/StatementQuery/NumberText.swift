/// Which text is a number: the one rule for a number in a query, a `--set` value, and text compared
/// with a number.
public enum NumberText {
    /// The form of a number as a query writes one: an optional `-`, digits without a leading zero
    /// (`0` and `0.5` are numbers, `0243` is a code), an optional fraction and exponent. Nil when the
    /// text has another form; else whether it is a plain integer. Read byte by byte, no copy (it runs
    /// for every text compared with a number, on every row).
    public static func form(_ text: String) -> (plainInteger: Bool, Void)? {
        var b = text.utf8.makeIterator()
        var c = b.next()
        if c == UInt8(ascii: "-") { c = b.next() }
        func isDigit(_ x: UInt8?) -> Bool { x.map { $0 >= 48 && $0 <= 57 } ?? false }
        guard isDigit(c) else { return nil }
        let leadingZero = c == UInt8(ascii: "0")
        var wholeDigits = 0
        while isDigit(c) { wholeDigits += 1; c = b.next() }
        guard wholeDigits == 1 || !leadingZero else { return nil }
        var plainInteger = true
        if c == UInt8(ascii: ".") {
            plainInteger = false
            c = b.next()
            guard isDigit(c) else { return nil }
            while isDigit(c) { c = b.next() }
        }
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            plainInteger = false
            c = b.next()
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { c = b.next() }
            guard isDigit(c) else { return nil }
            while isDigit(c) { c = b.next() }
        }
        return c == nil ? (plainInteger, ()) : nil
    }

    /// Text that is a number as a query would write one (`3`, `-2.5`, `1e3`) and reads back
    /// exactly; anything else is text. `0243` (a code), `0x10`, `nan`, `inf` and integers past
    /// 2^53 (an id) stay as typed rather than becoming a different number.
    public static func number(_ text: String) -> Double? {
        guard let f = form(text), let n = Double(text), n.isFinite else { return nil }
        if f.plainInteger && abs(n) > 9_007_199_254_740_992 { return nil }
        return n
    }
}
