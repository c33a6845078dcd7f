import Foundation
import Testing
@testable import StatementModel

/// The published JSON Schema accepts what the loader accepts and rejects what it rejects, read as
/// an editor reads YAML 1.2 (ruamel.yaml, which `scripts/setup` installs, with Python's jsonschema).
/// Every class of problem the loader reports is either checked by the schema too or listed as
/// loader-only, with why.
@Suite struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    /// Runs the validator on files; its exit status and what it printed.
    func validate(_ paths: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.root + "/scripts/validate-schema.py", Self.root + "/docs/statement-model.schema.json"] + paths
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, out)
    }

    @Test func schemaFileIsGeneratedFromTheLoader() throws {
        let onDisk = try String(contentsOfFile: Self.root + "/docs/statement-model.schema.json", encoding: .utf8)
        #expect(onDisk == ModelSchema.json(), "docs/statement-model.schema.json is stale: regenerate with `stmt docs --schema > docs/statement-model.schema.json`")
    }

    /// The seed, every YAML example of the docs and the test suite's valid models, as an editor reads them.
    @Test func validModelsPassAsYAML12() throws {
        var paths = [Self.root + "/seeds/seed.stmt.yaml"]
        let dir = NSTemporaryDirectory() + "stmt-schema-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for doc in ["model.md", "modelling.md"] {
            let text = (try? String(contentsOfFile: Self.root + "/docs/" + doc, encoding: .utf8)) ?? ""
            for (k, block) in Self.yamlBlocks(text).enumerated() {
                let p = dir + "/\(doc)-\(k).yaml"
                try block.write(toFile: p, atomically: true, encoding: .utf8)
                paths.append(p)
            }
        }
        try sampleModel().write(toFile: dir + "/sample.yaml", atomically: true, encoding: .utf8)
        try Self.valid.write(toFile: dir + "/valid.yaml", atomically: true, encoding: .utf8)
        paths += [dir + "/sample.yaml", dir + "/valid.yaml"]
        #expect(paths.count >= 6, "the docs should hold YAML examples")
        let (code, out) = try validate(paths)
        #expect(code == 0, "\(out)")
    }

    static func yamlBlocks(_ markdown: String) -> [String] {
        var blocks: [String] = [], current: String?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```yaml" { current = ""; continue }
            if line == "```", let c = current { blocks.append(c); current = nil; continue }
            if current != nil { current! += line + "\n" }
        }
        return blocks.filter { $0.contains("format: 1") }
    }

    /// A small valid model, in the shapes YAML 1.2 reads as numbers and dates.
    static let valid = """
    format: 1
    model: valid
    documents:
      - {id: d, title: D, text: "The minister urged restraint on 17 February 2014.", date: 2014-02-17}
      - {id: 2014, title: A report, date: 2014}
    entities:
      - {id: m, kind: person, name: The Minister, aliases: [minister], codes: {cameo: 024}}
    statements:
      - id: s1
        speakers: m
        act: {cue: urged, force: urge, cameo: 0243}
        content: Restraint is needed.
        date: {value: 2014-02, basis: inferred}
        anchors: [urged restraint]
        reported: {by: m, mode: mixed}
        cites: 2014
        note: ~
    relations:
      - {type: cites, from: s1, to: 2014}
    """

    /// One broken model per class of problem the schema checks: the loader rejects each, and so
    /// does the schema.
    static let broken: [(problem: String, replace: String, with: String)] = [
        ("unknown field", "    note: ~", "    notes: x"),
        ("missing field", "    content: Restraint is needed.\n", ""),
        ("wrong shape (text, list or mapping)", "    speakers: m", "    speakers: {id: m}"),
        ("unknown force", "force: urge,", "force: urgently,"),
        ("unknown entity kind", "kind: person", "kind: human"),
        ("unknown status", "    note: ~", "    status: rumoured"),
        ("unknown relation type", "type: cites", "type: quotes"),
        ("unknown reporting mode", "mode: mixed", "mode: verbatim"),
        ("unknown date basis", "basis: inferred", "basis: guessed"),
        ("bad date", "date: {value: 2014-02,", "date: {value: February 2014,"),
        ("invalid id", "  - id: s1\n", "  - id: s 1\n"),
        ("statement without speakers", "    speakers: m", "    speakers: []"),
        ("document with both source and text", "text: \"The minister", "source: d.txt, text: \"The minister"),
        ("empty anchor", "anchors: [urged restraint]", "anchors: [\"\"]"),
        ("unsupported format version", "format: 1", "format: 2"),
        ("confidence outside 0 to 1", "    note: ~", "    confidence: 1.5"),
    ]

    @Test func everyLoaderProblemIsCheckedByTheSchemaOrListedAsLoaderOnly() throws {
        let schemaChecked = Set(ModelSchema.problems.filter { $0.loaderOnly == nil }.map(\.name))
        #expect(Set(Self.broken.map(\.problem)) == schemaChecked, "a broken model for each problem the schema checks")
        #expect(ModelSchema.problems.filter { $0.loaderOnly != nil }.allSatisfy { !($0.loaderOnly ?? "").isEmpty })
        let dir = NSTemporaryDirectory() + "stmt-schema-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (k, b) in Self.broken.enumerated() {
            #expect(Self.valid.contains(b.replace), "fixture for \(b.problem)")
            let path = dir + "/broken-\(k).yaml"
            try Self.valid.replacingOccurrences(of: b.replace, with: b.with).write(toFile: path, atomically: true, encoding: .utf8)
            let loaded = Result { () throws(DiagnosticList) -> Model in try ModelLoader().load(path: path) }
            if case .success = loaded { Issue.record("the loader accepted: \(b.problem)") }
            let (code, out) = try validate([path])
            #expect(code != 0, "the schema accepted: \(b.problem)\n\(out)")
        }
        // And the valid one passes both.
        try Self.valid.write(toFile: dir + "/valid.yaml", atomically: true, encoding: .utf8)
        #expect(throws: Never.self) { try ModelLoader().load(path: dir + "/valid.yaml") }
    }

    /// The schema's vocabularies and field lists are the loader's.
    @Test func schemaVocabulariesMatchTheModel() throws {
        let schema = ModelSchema.schema()
        func item(_ section: String) throws -> [String: Any] {
            let props = try #require(schema["properties"] as? [String: Any])
            let list = try #require((props[section] as? [String: Any])?["oneOf"] as? [[String: Any]])
            return try #require(list[1]["properties"] as? [String: Any])
        }
        let act = try #require((try item("statements")["act"] as? [String: Any])?["properties"] as? [String: Any])
        #expect((act["force"] as? [String: Any])?["enum"] as? [String] == Force.names)
        #expect((try item("entities")["kind"] as? [String: Any])?["enum"] as? [String] == Entity.Kind.allCases.map(\.rawValue))
        #expect((try item("relations")["type"] as? [String: Any])?["enum"] as? [String] == Relation.types.map(\.name))
        #expect(Set(try item("statements").keys) == Set(RecordReader.statementFields))
        #expect(Set(try item("entities").keys) == Set(RecordReader.entityFields))
        #expect(Set(try item("documents").keys) == Set(RecordReader.documentFields))
        #expect(Set(try item("relations").keys) == Set(RecordReader.relationFields))
    }
}
