import Foundation
import StatementModel

/// Writes JSON by hand so that object keys keep their order and output is byte-for-byte stable.
enum JSONText {
    static func encode(_ v: Any, indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch v {
        case is NSNull: return "null"
        case let b as Bool: return b ? "true" : "false"
        case let i as Int: return String(i)
        case let d as Double: return d.isFinite ? String(d) : "null"
        case let s as String: return string(s)
        case let o as OrderedJSON:
            if o.pairs.isEmpty { return "{}" }
            return "{\n" + o.pairs.map { inner + string($0.0) + ": " + encode($0.1, indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad + "}"
        case let a as [Any]:
            if a.isEmpty { return "[]" }
            if a.allSatisfy({ !($0 is OrderedJSON) && !($0 is [Any]) }) {
                return "[" + a.map { encode($0) }.joined(separator: ", ") + "]"
            }
            return "[\n" + a.map { inner + encode($0, indent: indent + 1) }.joined(separator: ",\n") + "\n" + pad + "]"
        default: return string(String(describing: v))
        }
    }

    static func string(_ s: String) -> String { QuotedString.json(s) }
}
