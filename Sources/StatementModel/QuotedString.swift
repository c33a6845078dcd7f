import Foundation

/// Quoted and escaped text, written once for every writer that needs it: each format (JSON and
/// YAML literals, DOT IDs, HTML) only says which characters it replaces and with what.
public enum QuotedString {
    /// `s` with each Unicode scalar that `replace` maps replaced; the others kept.
    public static func escaped(_ s: String, _ replace: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            if let r = replace(u) { out += r } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// `s` as a double-quoted JSON (and YAML) string literal; control characters become escapes.
    /// The escapes are JSON's, which YAML's double-quoted style also reads, so the same literal
    /// serves JSON output and YAML edits such as `stmt check --fix`.
    public static func json(_ s: String) -> String {
        "\"" + escaped(s) { u in
            switch u {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            default: return u.value < 0x20 ? String(format: "\\u%04x", u.value) : nil
            }
        } + "\""
    }
}
