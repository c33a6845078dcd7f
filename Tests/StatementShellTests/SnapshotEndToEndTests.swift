import Foundation
import Testing

/// Snapshots as a user meets them: the second run of a script on a large model reads the snapshot
/// and prints the same; --no-cache and --safe parse; a damaged snapshot costs one line on standard
/// error and nothing else; `stmt cache` lists and clears.
@Suite struct SnapshotEndToEndTests {
    @Test func aSavedScriptRunsTwiceWithTheSameAnswers() throws {
        let dir = try Binary.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gen = try Binary.run([Binary.root + "/Benchmarks/generate.py", "3000", dir + "/gen"], executable: "/usr/bin/python3")
        #expect(gen.status == 0)
        let model = dir + "/gen/model.jsonl"
        let script = dir + "/q.stmt"
        try """
            statements | count
            statements | where act = "urge" | count
            statements | count by speakers | sort count desc | limit 3
            statements | where content ~ "harbour" | count
            show s1500
            statements | sort date desc | limit 3 | select id, date
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let env = ["XDG_CACHE_HOME": dir + "/cache", "STMT_PROFILE": "1"]
        func profileFree(_ s: String) -> String { s.split(separator: "\n").filter { !$0.hasPrefix("profile:") }.joined(separator: "\n") }

        let first = try Binary.run(["run", script, "--model", model], env: env)
        #expect(first.status == 0)
        #expect(profileFree(first.stderr) == "")
        #expect(first.stderr.contains("snapshot written"))
        let folder = dir + "/cache/stmt"
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".snapshot") }.count == 1)

        let second = try Binary.run(["run", script, "--model", model], env: env)
        #expect(second.status == 0)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr.contains("snapshot read") && !second.stderr.contains("streamed"))
        #expect(profileFree(second.stderr) == "")

        let parsed = try Binary.run(["run", script, "--model", model, "--no-cache"], env: env)
        #expect(parsed.stdout == first.stdout)
        #expect(parsed.stderr.contains("streamed") && !parsed.stderr.contains("snapshot"))

        // Cut short on disk: one line, the same answers, and a snapshot again for next time.
        let file = folder + "/" + (try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".snapshot") }!)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: file))
        let damaged = try Binary.run(["run", script, "--model", model], env: env)
        #expect(damaged.status == 0)
        #expect(damaged.stdout == first.stdout)
        let lines = profileFree(damaged.stderr).split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("stmt: ignoring the snapshot of '\(model)': the file is cut short"), "\(lines)")
        let healed = try Binary.run(["run", script, "--model", model], env: env)
        #expect(healed.stderr.contains("snapshot read"))

        let listed = try Binary.run(["cache"], env: env)
        #expect(listed.status == 0)
        #expect(listed.stdout.hasPrefix(folder + ": 1 snapshot, "))
        #expect(listed.stdout.contains("model-"))
        let cleared = try Binary.run(["cache", "clear"], env: env)
        #expect(cleared.stdout.hasPrefix("removed 1 snapshot ("))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".snapshot") }.isEmpty)

        // Safe mode neither reads nor writes the cache.
        let safe = try Binary.run(["run", script, "--model", model, "--safe"], env: env)
        #expect(safe.stdout == first.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".snapshot") }.isEmpty)
    }

    @Test func theReplsLoadUsesTheSnapshotToo() throws {
        let dir = try Binary.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gen = try Binary.run([Binary.root + "/Benchmarks/generate.py", "3000", dir + "/gen"], executable: "/usr/bin/python3")
        #expect(gen.status == 0)
        let env = ["XDG_CACHE_HOME": dir + "/cache", "STMT_PROFILE": "1"]
        let commands = "load \"\(dir)/gen/model.jsonl\"\nstatements | count\n"
        let first = try Binary.run(["run", "-"], stdin: commands, env: env)
        #expect(first.status == 0)
        #expect(first.stdout.contains("3000"))
        let second = try Binary.run(["run", "-"], stdin: commands, env: env)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr.contains("snapshot read"))
    }
}
