import StatementModel

/// Writes values as YAML (a list of mappings for a table), keeping field order.
enum YAMLText {
    static func encode(_ v: Value, _ m: Model) -> String {
        let any = Display.json(v, m, full: false)
        return emit(any, indent: 0, inList: false) + (isScalar(any) ? "\n" : "")
    }

    static func isScalar(_ v: Any) -> Bool { !(v is OrderedJSON) && !(v is [Any]) }

    static func emit(_ v: Any, indent: Int, inList: Bool) -> String {
        let pad = String(repeating: "  ", count: indent)
        switch v {
        case let o as OrderedJSON:
            if o.pairs.isEmpty { return "{}\n" }
            return o.pairs.enumerated().map { i, p in
                let lead = inList && i == 0 ? "" : pad
                if isScalar(p.1) || (p.1 as? [Any])?.isEmpty == true { return lead + p.0 + ": " + scalar(p.1) + "\n" }
                return lead + p.0 + ":\n" + emit(p.1, indent: indent + 1, inList: false)
            }.joined()
        case let a as [Any]:
            if a.isEmpty { return pad + "[]\n" }
            return a.map { item in
                isScalar(item) ? pad + "- " + scalar(item) + "\n" : pad + "- " + emit(item, indent: indent + 1, inList: true)
            }.joined()
        default: return scalar(v)
        }
    }

    static func scalar(_ v: Any) -> String {
        if let a = v as? [Any], a.isEmpty { return "[]" }
        if let s = v as? String { return JSONText.string(s) }
        return JSONText.encode(v)
    }
}
