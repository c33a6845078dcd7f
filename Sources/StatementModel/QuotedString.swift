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
    /// serves JSON output and YAML edits such as `stmt check --fix` and `stmt draft`. Characters YAML
    /// may not hold raw (DEL, the C1 controls, the line and paragraph separators, the byte-order
    /// mark, U+FFFE and U+FFFF) are escaped too, which JSON reads the same.
    public static func json(_ s: String) -> String {
        "\"" + escaped(s) { u in
            switch u {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            default:
                return notYAMLPrintable(u) ? String(format: "\\u%04x", u.value) : nil
            }
        } + "\""
    }

    /// Whether YAML cannot hold a character as itself (in a scalar, a block or a comment): the C0
    /// controls (tab and line ends included — each caller says what it does with them), DEL, the C1
    /// controls, U+2028/2029, the byte-order mark, U+FFFE and U+FFFF. The one list of them.
    public static func notYAMLPrintable(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            || v == 0xFEFF || v == 0xFFFE || v == 0xFFFF
    }
}
