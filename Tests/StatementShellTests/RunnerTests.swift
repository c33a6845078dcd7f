import Foundation
import StatementModel
import Testing

/// The script runner as a user meets it: ways to run, parameters, exit codes, error locations.
@Suite struct RunnerTests {
    @Test func oneShotCommandsAndExitCodes() throws {
        let ok = try Binary.run(["-c", "statements | count"])
        #expect(ok.status == 0 && ok.stdout == "15\n")
        let failed = try Binary.run(["-c", "show nothing"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("-c:1:6: error: no record with id 'nothing'"))
        let syntax = try Binary.run(["-c", "statements | wher act = \"urge\""])
        #expect(syntax.status == 2)
        #expect(syntax.stderr.contains("^~~~") && syntax.stderr.contains("did you mean 'where'?"))
        let usage = try Binary.run(["--no-such-flag"])
        #expect(usage.status == 64)
        let missing = try Binary.run(["/nonexistent/script.stmt"])
        #expect(missing.status == 64)
        #expect(try Binary.run(["--version"]).stdout.hasPrefix("stmt "))
    }

    /// `-c` repeats, as psql's does: each is a script of its own, run after the one before (a second
    /// -c once replaced the first silently); an error names which one and stops the rest.
    @Test func repeatedCommandOptionsRunInOrder() throws {
        let r = try Binary.run(["-c", "let n = 2", "-c", "echo $n", "-c", "statements | count"])
        #expect(r.status == 0 && r.stdout == "2\n15\n", "\(r.stdout.debugDescription) \(r.stderr)")
        let bad = try Binary.run(["-c", "statements | count", "-c", "statments", "-c", "echo 3"])
        // After the first ran, the second's syntax error is a failed command (1), not "nothing ran" (2).
        #expect(bad.status == 1 && bad.stdout == "15\n" && bad.stderr.contains("-c#2:1:1: error: unknown command 'statments'"), "\(bad.stderr)")
        let unfinished = try Binary.run(["-c", "statements |", "-c", "count"])
        #expect(unfinished.status == 2 && unfinished.stdout.isEmpty && unfinished.stderr.contains("-c#1:"), "\(unfinished.stderr)")
        let onward = try Binary.run(["--keep-going", "-c", "show nothing", "-c", "echo 4"])
        #expect(onward.status == 1 && onward.stdout == "4\n", "\(onward.stdout) \(onward.stderr)")
    }

    @Test func brokenScriptStopsAtTheFirstErrorWithItsLocation() throws {
        let dir = try Binary.tempDir()
        let script = "echo \"one\"\nstatements | count\nstatements | where speakrs has \"Japan\" | count\necho \"never\"\n"
        try script.write(toFile: dir + "/broken.stmt", atomically: true, encoding: .utf8)
        let r = try Binary.run(["broken.stmt"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "one\n15\n")
        #expect(r.stderr.hasPrefix("broken.stmt:3:20: error: unknown field 'speakrs' of a statement"))
        #expect(r.stderr.contains("hint: did you mean 'speakers'?"))
        let keep = try Binary.run(["--keep-going", "broken.stmt"], cwd: dir)
        #expect(keep.status == 1 && keep.stdout == "one\n15\nnever\n")
    }

    @Test func syntaxErrorAnywhereMeansNothingRuns() throws {
        let dir = try Binary.tempDir()
        try "echo \"first\"\nstatements | select id,\n".write(toFile: dir + "/s.stmt", atomically: true, encoding: .utf8)
        let r = try Binary.run(["run", "s.stmt"], cwd: dir)
        #expect(r.status == 2 && r.stdout.isEmpty)
    }

    @Test func nestedRunReportsTheInnerFileAndRefusesRecursion() throws {
        let dir = try Binary.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/lib", withIntermediateDirectories: true)
        try "run lib/inner.stmt\necho \"after\"\n".write(toFile: dir + "/outer.stmt", atomically: true, encoding: .utf8)
        try "echo \"inner\"\n\nshow s99\n".write(toFile: dir + "/lib/inner.stmt", atomically: true, encoding: .utf8)
        let r = try Binary.run([dir + "/outer.stmt"])
        #expect(r.status == 1)
        #expect(r.stdout == "inner\n")
        #expect(r.stderr.hasPrefix("lib/inner.stmt:3:6: error: no record with id 's99'"))
        try "run self.stmt\n".write(toFile: dir + "/self.stmt", atomically: true, encoding: .utf8)
        let rec = try Binary.run(["self.stmt"], cwd: dir)
        #expect(rec.status == 1 && rec.stderr.contains("already running: a script may not run itself"))
    }

    @Test func parametersWithDefaultsAndOverrides() throws {
        let dir = try Binary.tempDir()
        try "param actor = \"Japan\"\nstatements | where speakers has $actor | count\n".write(toFile: dir + "/p.stmt", atomically: true, encoding: .utf8)
        #expect(try Binary.run(["p.stmt"], cwd: dir).stdout == "5\n")
        #expect(try Binary.run(["--set", "actor=Miller", "p.stmt"], cwd: dir).stdout == "4\n")
        let unset = try Binary.run(["-c", "statements | where speakers has $who | count"])
        #expect(unset.status == 1 && unset.stderr.contains("unknown variable '$who'") && unset.stderr.contains("--set who=VALUE"))
    }

    @Test func echoStdinAndShebang() throws {
        let echo = try Binary.run(["--echo", "-c", "statements | count\nentities | count"])
        #expect(echo.stdout == "stmt> statements | count\n15\nstmt> entities | count\n15\n")
        let piped = try Binary.run(["-"], stdin: "statements | count\n")
        #expect(piped.stdout == "15\n")
        let repl = try Binary.run([], stdin: "statements | count\nentities |\n  count\n")
        #expect(repl.status == 0 && repl.stdout == "15\n15\n")
        let dir = try Binary.tempDir()
        let link = dir + "/bin"
        try FileManager.default.createDirectory(atPath: link, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link + "/stmt", withDestinationPath: Binary.path)
        try "#!/usr/bin/env stmt\nstatements | count\n".write(toFile: dir + "/x.stmt", atomically: true, encoding: .utf8)
        chmod(dir + "/x.stmt", 0o755)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: dir + "/x.stmt")
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = link + ":" + (env["PATH"] ?? "")
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        #expect(String(decoding: out.fileHandleForReading.readAllRetryingInterrupts(), as: UTF8.self) == "15\n")
    }

    @Test func safeModeRefusesWritesAndReadsOutside() throws {
        let dir = try Binary.tempDir()
        try "statements | save out.csv\n".write(toFile: dir + "/w.stmt", atomically: true, encoding: .utf8)
        let w = try Binary.run(["--safe", "w.stmt"], cwd: dir)
        #expect(w.status == 1 && w.stderr.contains("safe mode: writing") && w.stderr.contains("rule:"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.csv"))
        try "load /etc/hostname\n".write(toFile: dir + "/r.stmt", atomically: true, encoding: .utf8)
        let r = try Binary.run(["--safe", "r.stmt"], cwd: dir)
        #expect(r.status == 1 && r.stderr.contains("safe mode: reading"))
        #expect(try Binary.run(["--safe", "-c", "set safe off"]).status != 0)
    }

    @Test func checkAndInfo() throws {
        let dir = try Binary.tempDir()
        let seed = try String(contentsOfFile: Binary.root + "/seeds/seed.stmt.yaml", encoding: .utf8)
        try seed.write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Binary.root + "/seeds/000_9d8e6eba5efc7262.txt", toPath: dir + "/000_9d8e6eba5efc7262.txt")
        let ok = try Binary.run(["check", dir + "/m.yaml"])
        #expect(ok.status == 0 && ok.stdout.contains("ok — seed: 5 documents"))
        try seed.replacingOccurrences(of: "speakers: [miller]\n    on_behalf_of: [state-dept]\n    addressees: [prk]",
                                      with: "speakers: [miler]\n    on_behalf_of: [state-dept]\n    addressees: [prk]")
            .write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
        let bad = try Binary.run(["check", dir + "/m.yaml"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("m.yaml:") && bad.stderr.contains("error: unknown entity 'miler'"))
        #expect(bad.stderr.contains("hint: did you mean 'miller'?"))
        let info = try Binary.run(["info"])
        #expect(info.stdout.contains("statements 15") && info.stdout.contains("21 FOUND"))
    }

    @Test func demoStepsThroughWithEnter() throws {
        let dir = try Binary.tempDir()
        try "# Count them.\nstatements | count\nentities | count\n".write(toFile: dir + "/d.stmt", atomically: true, encoding: .utf8)
        let r = try Binary.run(["demo", "--typing-delay", "0", "d.stmt"], stdin: "\n\n\n\n", cwd: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("Count them."))
        #expect(r.stdout.contains("stmt(seed)> statements | count"))
        #expect(r.stdout.contains("15"))
        #expect(r.stdout.contains("— end of demo —"))
        let quit = try Binary.run(["demo", "--typing-delay", "0", "d.stmt"], stdin: "q\n", cwd: dir)
        #expect(quit.status == 0 && !quit.stdout.contains("end of demo"))
    }

    @Test func checkWarnsStrictFailsAndFixRewrites() throws {
        let dir = try Binary.tempDir()
        try "The envoy said it. The envoy said it again.\n".write(toFile: dir + "/t.txt", atomically: true, encoding: .utf8)
        try """
        format: 1
        documents: [{id: d, title: D, source: t.txt}]
        entities:
          - {id: envoy, kind: person, name: The Envoy}
          - {id: idle, kind: person, name: Idle}
        statements:
          - {id: s1, speakers: [envoy], act: {cue: said, force: assert}, content: x, anchors: [The envoy said it again]}
          - {id: s2, speakers: [envoy], act: {cue: said, force: assert}, content: y, anchors: [The envoy said it]}

        """.write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
        let failed = try Binary.run(["check", "m.yaml"], cwd: dir)
        #expect(failed.status == 2 && failed.stderr.contains("AMBIGUOUS anchor: \"The envoy said it\" occurs 2 times"))
        let fixed = try Binary.run(["check", "--fix", "m.yaml"], cwd: dir)
        #expect(fixed.status == 0 && fixed.stdout.contains("→ suffix \".\" (the one at line 1, column 1: the only one no other anchor quotes)"))
        #expect(fixed.stderr.contains("warning: entity 'idle' is not referred to"))
        #expect(fixed.stdout.contains("m.yaml: ok — m: 1 document, 2 entities, 2 statements, 0 relations, 2 anchors FOUND, 1 warning"))
        let strict = try Binary.run(["check", "--strict", "m.yaml"], cwd: dir)
        #expect(strict.status == 2 && strict.stderr.contains("error: entity 'idle' is not referred to"))
        #expect(try Binary.run(["check", "--strict", Binary.root + "/seeds/"], cwd: dir).status == 0)
    }

    @Test func reportAndPicturesFromTheShell() throws {
        let dir = try Binary.tempDir()
        let report = try Binary.run(["report", "-o", "seed.html"], cwd: dir)
        #expect(report.status == 0 && report.stderr == "wrote seed.html: 15 statements, 21 highlights\n")
        let page = try String(contentsOfFile: dir + "/seed.html", encoding: .utf8)
        #expect(page.hasPrefix("<!doctype html>") && page.contains("<svg"))
        #expect(try Binary.run(["report"]).stdout.hasPrefix("<!doctype html>"))
        #expect(try Binary.run(["report", "--safe", "-o", dir + "/x.html"]).status == 1)
        // Without Graphviz: pictures fail with the package's name; the report lists the graph.
        let noDot = ["PATH": "/nonexistent"]
        let svg = try Binary.run(["-c", "graph | save g.svg"], cwd: dir, env: noDot)
        #expect(svg.status == 1 && svg.stderr.contains("error: cannot draw pictures: Graphviz's `dot` program is not installed"))
        #expect(svg.stderr.contains("hint: install the Debian package graphviz (apt install graphviz), or save the graph as .dot"))
        #expect(try Binary.run(["-c", "graph | save g.dot"], cwd: dir, env: noDot).status == 0)
        #expect(try Binary.run(["report"], env: noDot).stdout.contains("Graphviz&#39;s dot was not installed when this report was made"))
    }

    @Test func aModelGivenAsTheFileIsOpenedAndAScriptWithDashCIsRefused() throws {
        let dir = try Binary.tempDir()
        try """
        format: 1
        documents: [{id: d, title: D, text: "The envoy said it."}]
        entities: [{id: envoy, kind: person, name: The Envoy}]
        statements: [{id: s1, speakers: [envoy], act: {cue: said, force: assert}, content: x, anchors: [The envoy said it]}]

        """.write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
        try "statements | count\n".write(toFile: dir + "/s.stmt", atomically: true, encoding: .utf8)
        // `stmt m.yaml -c …` runs on m.yaml, as `sqlite3 file.db 'select …'` does.
        let opened = try Binary.run(["m.yaml", "-c", "statements | count"], cwd: dir)
        #expect(opened.status == 0 && opened.stdout == "1\n")
        #expect(try Binary.run(["m.yaml"], stdin: "statements | count\n", cwd: dir).stdout == "1\n")
        // A script and -c: one of them would be ignored, so neither runs.
        let both = try Binary.run(["s.stmt", "-c", "echo hi"], cwd: dir)
        #expect(both.status == 64 && both.stdout.isEmpty && both.stderr.contains("give a script FILE or -c COMMANDS, not both"))
        let twoModels = try Binary.run(["m.yaml", "--model", "other.yaml", "-c", "echo hi"], cwd: dir)
        #expect(twoModels.status == 64 && twoModels.stderr.contains("give one model"))
        let runModel = try Binary.run(["run", "m.yaml"], cwd: dir)
        #expect(runModel.status == 64 && runModel.stderr.contains("'m.yaml' is a model, not a script"))
    }
}
