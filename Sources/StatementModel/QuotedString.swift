import Foundation

/// Double-quoted string literals, written once for every writer that needs one.
///
/// The escapes are JSON's, which YAML's double-quoted style also reads, so the same literal
/// serves JSON output and YAML edits such as `stmt check --fix`.
public enum QuotedString {
    /// `s` as a double-quoted JSON (and YAML) string literal; control characters become escapes.
    public static func json(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
