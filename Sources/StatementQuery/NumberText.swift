/// Which text is a number: the one rule for a `--set` value and for text compared with a number.
public enum NumberText {
    /// Text that is a number as a query would write one (`3`, `-2.5`, `1e3`) and reads back
    /// exactly; anything else is text. `0243` (a code), `0x10`, `nan`, `inf` and integers past
    /// 2^53 (an id) stay as typed rather than becoming a different number.
    public static func number(_ text: String) -> Double? {
        let b = Array(text.utf8)
        var i = b.first == UInt8(ascii: "-") ? 1 : 0
        func digits() -> Int { let s = i; while i < b.count && b[i] >= 48 && b[i] <= 57 { i += 1 }; return i - s }
        let whole = i, wholeDigits = digits()
        guard wholeDigits > 0, wholeDigits == 1 || b[whole] != UInt8(ascii: "0") else { return nil }
        var plainInteger = true
        if i < b.count && b[i] == UInt8(ascii: ".") { i += 1; plainInteger = false; guard digits() > 0 else { return nil } }
        if i < b.count && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1; plainInteger = false
            if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == b.count, let n = Double(text), n.isFinite else { return nil }
        if plainInteger && abs(n) > 9_007_199_254_740_992 { return nil }
        return n
    }
}
