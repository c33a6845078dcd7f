import Foundation
import Testing
@testable import StatementModel

/// The published JSON Schema accepts the seed model and rejects a broken one (checked with
/// Python's jsonschema, which `scripts/setup` installs).
@Suite struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    func validate(_ modelPath: String) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.root + "/scripts/validate-schema.py", Self.root + "/docs/statement-model.schema.json", modelPath]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, out)
    }

    @Test func seedModelIsValid() throws {
        let (code, out) = try validate(Self.root + "/seeds/seed.stmt.yaml")
        #expect(code == 0, "\(out)")
    }

    @Test func brokenModelIsRejected() throws {
        let seed = try String(contentsOfFile: Self.root + "/seeds/seed.stmt.yaml", encoding: .utf8)
        let broken = seed.replacingOccurrences(of: "force: urge,", with: "force: urgently,")
            .replacingOccurrences(of: "    kind: state\n    name: Japan", with: "    kind: country\n    name: Japan")
        let path = NSTemporaryDirectory() + "broken-\(UUID().uuidString).yaml"
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let (code, out) = try validate(path)
        #expect(code != 0)
        #expect(out.contains("urgently"))
        #expect(out.contains("country"))
    }

    /// The schema's vocabularies are the loader's: forces, entity kinds, relation types.
    @Test func schemaVocabulariesMatchTheModel() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.root + "/docs/statement-model.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func props(_ section: String) throws -> [String: Any] {
            let p = try #require(schema["properties"] as? [String: Any])
            let s = try #require(p[section] as? [String: Any])
            let items = try #require(s["items"] as? [String: Any])
            return try #require(items["properties"] as? [String: Any])
        }
        let act = try #require(try props("statements")["act"] as? [String: Any])
        let actProps = try #require(act["properties"] as? [String: Any])
        let force = try #require(actProps["force"] as? [String: Any])
        #expect(force["enum"] as? [String] == Force.names)
        let kind = try #require(try props("entities")["kind"] as? [String: Any])
        #expect(kind["enum"] as? [String] == Entity.Kind.allCases.map(\.rawValue))
        let type = try #require(try props("relations")["type"] as? [String: Any])
        #expect(type["enum"] as? [String] == Relation.types.map(\.name))
        #expect(Set(try props("statements").keys) == Set(RecordReader.statementFields))
        #expect(Set(try props("entities").keys) == Set(RecordReader.entityFields))
        #expect(Set(try props("documents").keys) == Set(RecordReader.documentFields))
    }
}
