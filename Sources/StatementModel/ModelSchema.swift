import Foundation

/// The published JSON Schema (docs/statement-model.schema.json), generated from the loader's own
/// field lists and vocabularies so the two cannot drift. It describes a model file as an editor
/// reads YAML 1.2: `format: 1` and `date: 2014` are numbers there, so a text field takes a number or
/// a boolean too (the loader reads every scalar as its text), and optional fields may be null.
///
/// What the loader checks that no schema can — ids that must exist, anchors that must be found in
/// their text — is listed in ``loaderOnly``, each with why.
public enum ModelSchema {
    /// A problem the loader reports, and whether the schema reports it too.
    public struct Problem: Sendable {
        /// A short name.
        public var name: String
        /// Why the schema cannot check it, or nil when it does.
        public var loaderOnly: String?
    }

    /// Every class of problem the loader reports about a model file's content.
    public static let problems: [Problem] = [
        Problem(name: "unknown field"), Problem(name: "missing field"), Problem(name: "wrong shape (text, list or mapping)"),
        Problem(name: "unknown force"), Problem(name: "unknown entity kind"), Problem(name: "unknown status"),
        Problem(name: "unknown relation type"), Problem(name: "unknown reporting mode"), Problem(name: "unknown date basis"),
        Problem(name: "bad date"), Problem(name: "invalid id"), Problem(name: "statement without speakers"),
        Problem(name: "document with both source and text"), Problem(name: "empty anchor"),
        Problem(name: "unsupported format version"), Problem(name: "confidence outside 0 to 1"),
        Problem(name: "YAML or JSON syntax", loaderOnly: "the editor's parser reports it before any schema applies"),
        Problem(name: "duplicate id", loaderOnly: "uniqueness across documents, entities and statements spans arrays"),
        Problem(name: "unknown reference", loaderOnly: "whether an id names a record of the model (maybe in another file)"),
        Problem(name: "AMBIGUOUS or ORPHANED anchor", loaderOnly: "it needs the document's text"),
        Problem(name: "source text missing or unreadable", loaderOnly: "it needs the file system"),
        Problem(name: "reporting loop, affiliation loop or group in itself", loaderOnly: "it follows references"),
        Problem(name: "relation from a record to itself", loaderOnly: "it compares two references"),
        Problem(name: "source text that is a model file", loaderOnly: "it needs the file system"),
        Problem(name: "second model or title in a folder", loaderOnly: "it spans files"),
        Problem(name: "size and nesting limits", loaderOnly: "they protect the loader, not the format"),
        Problem(name: "encoding (UTF-8, NUL)", loaderOnly: "the editor decodes the file first"),
    ]

    // MARK: the pieces

    static let scalarTypes: [String] = ["string", "number", "boolean"]

    static func text(_ description: String? = nil, optional: Bool = true) -> [String: Any] {
        var t: [String: Any] = ["type": scalarTypes + (optional ? ["null"] : [])]
        if let description { t["description"] = description }
        return t
    }

    static let idPattern = "^\\S+$"

    static func id() -> [String: Any] {
        ["anyOf": [["type": "string", "pattern": idPattern], ["type": ["number", "boolean"]]],
         "description": "one word: letters, digits, '-', '_' or '.'"]
    }

    static func ref(_ what: String) -> [String: Any] {
        ["anyOf": [["type": "string", "pattern": idPattern], ["type": ["number", "boolean"]]], "description": "the id of \(what) of the model"]
    }

    /// One reference, or a list of them (a single value counts as a list of one).
    static func refs(_ what: String, nonEmpty: Bool = false) -> [String: Any] {
        var list: [String: Any] = ["type": "array", "items": ref(what)]
        if nonEmpty { list["minItems"] = 1 }
        return ["oneOf": [ref(what), list] + (nonEmpty ? [] : [["type": "null"]])]
    }

    static func texts() -> [String: Any] {
        ["oneOf": [["type": scalarTypes], ["type": "array", "items": ["type": scalarTypes]], ["type": "null"]]]
    }

    static func enumeration(_ values: [String], optional: Bool = false) -> [String: Any] {
        ["enum": values + (optional ? [NSNull()] : []) as [Any]]
    }

    static let datePattern = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

    static func dateValue() -> [String: Any] {
        ["anyOf": [["type": "string", "pattern": datePattern], ["type": "integer", "minimum": 0, "maximum": 9999]],
         "description": "YYYY, YYYY-MM or YYYY-MM-DD"]
    }

    static func date() -> [String: Any] {
        ["oneOf": [dateValue(), ["type": "null"],
                   object(["value": dateValue(), "basis": enumeration(DateClaim.Basis.allCases.map(\.rawValue)), "note": text()],
                          required: ["value", "basis"])]]
    }

    static func object(_ properties: [String: Any], required: [String], extra: [String: Any] = [:]) -> [String: Any] {
        var o: [String: Any] = ["type": "object", "additionalProperties": false, "properties": properties, "required": required]
        for (k, v) in extra { o[k] = v }
        return o
    }

    /// A list of records, or one record (read as a list of one).
    static func list(_ item: [String: Any]) -> [String: Any] {
        ["oneOf": [["type": "array", "items": item], item, ["type": "null"]]]
    }

    static func anchor() -> [String: Any] {
        let exact: [String: Any] = ["anyOf": [["type": "string", "minLength": 1], ["type": ["number", "boolean"]]],
                                    "description": "the exact words of the source"]
        return ["oneOf": [exact, object(["exact": exact, "prefix": text(), "suffix": text(), "document": ref("a document")], required: ["exact"])]]
    }

    static func act() -> [String: Any] {
        object(["cue": text("the words of the text that carry the act", optional: false), "force": enumeration(Force.names),
                "cameo": text("a CAMEO event code, quoted to keep its leading zeros")], required: ["cue", "force"])
    }

    // MARK: the records

    static func document() -> [String: Any] {
        let p: [String: Any] = [
            "id": id(), "kind": text(), "title": text(optional: false), "source": text("a text file, relative to the model file"),
            "text": text("the document's text inline, instead of a source file"), "authors": refs("an entity"),
            "publisher": ref("an entity"), "date": date(), "place": text(), "narrative": list(anchor()), "residue": list(anchor()),
            "note": text(), "url": text(), "status": enumeration(Statement.statuses, optional: true),
        ]
        return object(p, required: ["id", "title"], extra: ["not": ["required": ["source", "text"]]])
    }

    static func entity() -> [String: Any] {
        object(["id": id(), "kind": enumeration(Entity.Kind.allCases.map(\.rawValue)), "name": text(optional: false),
                "aliases": texts(), "codes": ["type": ["object", "null"], "additionalProperties": ["type": scalarTypes]],
                "roles": texts(), "members": refs("an entity"), "affiliation": ref("an entity"), "note": text(),
                "status": enumeration(Statement.statuses, optional: true)],
               required: ["id", "kind", "name"])
    }

    static func statement() -> [String: Any] {
        let framing = object(["by": ref("an entity"), "cue": text(optional: false), "force": enumeration(Force.names),
                              "cameo": text(), "anchor": anchor()], required: ["cue", "force"])
        let reported = object(["via": ref("a statement"), "by": ref("an entity"), "in": ref("a document"),
                               "mode": enumeration(Reporting.Mode.allCases.map(\.rawValue))], required: ["mode"])
        return object([
            "id": id(), "speakers": refs("an entity", nonEmpty: true), "on_behalf_of": refs("an entity"),
            "addressees": refs("an entity"), "targets": refs("an entity"), "act": act(), "framing": list(framing),
            "content": text(optional: false), "date": date(), "place": text(), "topics": texts(), "anchors": list(anchor()),
            "reported": ["oneOf": [reported, ["type": "null"]]], "cites": refs("a document"), "source": ref("a document"),
            "work": ref("a document"), "status": enumeration(Statement.statuses, optional: true), "note": text(),
            "confidence": ["type": ["number", "null"], "minimum": 0, "maximum": 1],
        ], required: ["id", "speakers", "act", "content"])
    }

    static func relation() -> [String: Any] {
        object(["type": enumeration(Relation.types.map(\.name)), "from": ref("a statement, document or entity"),
                "to": ref("a statement, document or entity"), "note": text()], required: ["type", "from", "to"])
    }

    /// The whole schema as a JSON value.
    public static func schema() -> [String: Any] {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://stmt.invalid/statement-model.schema.json",
            "title": "stmt statement model",
            "description": "A statement model: documents, entities, statements anchored to source texts, and relations. See docs/model.md. Generated by `stmt docs --schema` from the loader's field lists; what only the loader can check (ids that must exist, anchors that must be found) is in docs/model.md.",
            "type": "object", "additionalProperties": false,
            "properties": [
                "format": ["enum": [1, "1"], "description": "the format version: 1"],
                "model": text("a short name, shown in the prompt"), "title": text(), "description": text(),
                "documents": list(document()), "entities": list(entity()), "statements": list(statement()), "relations": list(relation()),
            ],
        ]
    }

    /// The schema as the text of docs/statement-model.schema.json.
    public static func json() -> String {
        let data = try! JSONSerialization.data(withJSONObject: schema(), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
