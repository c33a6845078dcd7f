import Foundation
import StatementModel
import Testing

/// `scripts/install` and `scripts/uninstall` in a temporary prefix, as a new user meets them: the
/// installed program runs, its manual pages read, and bash completes its subcommands and paths.
///
/// The release build is made by `scripts/install --build-only`, which `scripts/test` runs before the
/// tests: SwiftPM holds the build folder while tests run, so a test cannot build it.
@Suite(.serialized) struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: String, _ args: [String], env: [String: String] = [:], cwd: String? = nil) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Both pipes are drained at once: a child that fills one while the other is read would wait forever.
        nonisolated(unsafe) var e = Data()
        let done = DispatchSemaphore(value: 0)
        Thread { e = err.fileHandleForReading.readAllRetryingInterrupts(); done.signal() }.start()
        let o = out.fileHandleForReading.readAllRetryingInterrupts()
        done.wait()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func bash(_ script: String, args: [String] = [], cwd: String? = nil) throws -> Run {
        try run("/bin/bash", ["--norc", "--noprofile", "-c", script, "bash"] + args, cwd: cwd)
    }

    static func files(under dir: String) -> [String] {
        (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func installRunsReadsCompletesAndUninstallsExactly() throws {
        let prefix = NSTemporaryDirectory() + "stmt-install-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        // Something of the user's that must survive the uninstall.
        try "keep\n".write(toFile: prefix + "/bin/other-tool", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: prefix) }

        let install = try Self.run(Self.root + "/scripts/install", ["--no-build", prefix])
        #expect(install.status == 0, "install failed: \(install.stderr)")
        for (path, what) in [("bin/stmt", "the program"), ("share/man/man1/stmt.1", "manual"),
                             ("share/man/man7/stmt-language.7", "the command language"),
                             ("share/bash-completion/completions/stmt", "bash completion"),
                             ("share/zsh/site-functions/_stmt", "zsh completion"),
                             ("share/fish/vendor_completions.d/stmt.fish", "fish completion")] {
            #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/stmt"))
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + path), "missing \(path)")
            #expect(install.stdout.contains(prefix + "/" + path) && install.stdout.contains(what), "not reported: \(path)")
        }

        // The installed program, from a folder that is not the checkout.
        let version = try Self.run(prefix + "/bin/stmt", ["--version"], cwd: prefix)
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^stmt \d+\.\d+\.\d+ \(commit [0-9a-f]{7,}(-dirty)?\)\n$"#, options: .regularExpression) != nil,
                "version line: \(version.stdout)")
        let count = try Self.run(prefix + "/bin/stmt", ["-c", "statements | count"], cwd: prefix)
        #expect(count.status == 0 && Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) != nil)

        // Both manual pages format, with their sections.
        let man1 = try Self.bash("MANWIDTH=100 man -P cat -l '\(prefix)/share/man/man1/stmt.1'")
        #expect(man1.status == 0, "man: \(man1.stderr)")
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION"] { #expect(man1.stdout.contains(section)) }
        #expect(man1.stdout.contains("--model") && man1.stdout.contains("--safe"))
        let man7 = try Self.bash("MANWIDTH=100 man -P cat -l '\(prefix)/share/man/man7/stmt-language.7'")
        #expect(man7.status == 0, "man: \(man7.stderr)")
        for section in ["NAME", "OPERATORS", "SOURCES", "STAGES", "SESSION COMMANDS", "SEE ALSO"] { #expect(man7.stdout.contains(section)) }
        #expect(man7.stdout.contains("where EXPRESSION") && man7.stdout.contains("stmt> statements | count"))
        #expect(!man7.stderr.contains("warning"), "roff warnings: \(man7.stderr)")

        // bash completion, sourced as bash-completion would: a subcommand, then a model path.
        let models = prefix + "/models"
        try FileManager.default.createDirectory(atPath: models, withIntermediateDirectories: true)
        try "format: 1\n".write(toFile: models + "/press.yaml", atomically: true, encoding: .utf8)
        try "x\n".write(toFile: models + "/notes.txt", atomically: true, encoding: .utf8)
        func complete(_ line: String) throws -> [String] {
            // As bash calls it: the function `complete -p stmt` names, with the command, the word and the one before.
            let r = try Self.bash(#"""
            source "$1/share/bash-completion/completions/stmt"
            fn=$(complete -p stmt | sed -E 's/.* -F ([^ ]+) .*/\1/')
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"; [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            "$fn" stmt "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf '%s\n' "${COMPREPLY[@]}"
            """#, args: [prefix, line], cwd: prefix)
            #expect(r.status == 0, "completion: \(r.stderr)")
            return r.stdout.split(separator: "\n").map(String.init)
        }
        #expect(try complete("stmt ch") == ["check"])
        #expect(Set(try complete("stmt ")).isSuperset(of: ["open", "run", "check", "info", "test", "demo", "docs"]))
        let modelPaths = try complete("stmt check models/")
        #expect(modelPaths.contains("models/press.yaml") && !modelPaths.contains("models/notes.txt"), "\(modelPaths)")
        // With no subcommand named, stmt runs a script or opens the REPL: its options and scripts complete too.
        #expect(try complete("stmt --mo") == ["--model"])
        #expect(try complete("stmt --model models/") == ["models/press.yaml"])
        // `stmt MODEL.yaml` opens a model: the first word completes models as well as scripts (only .stmt did).
        #expect(try complete("stmt models/pr") == ["models/press.yaml"])
        #expect(try complete("stmt run --ec") == ["--echo"])

        // Uninstall removes exactly what was installed, and leaves the user's file.
        let before = Self.files(under: prefix)
        #expect(before.contains("share/stmt/install-manifest"))
        let uninstall = try Self.run(Self.root + "/scripts/uninstall", [prefix])
        #expect(uninstall.status == 0, "uninstall failed: \(uninstall.stderr)")
        #expect(Self.files(under: prefix) == ["bin", "bin/other-tool", "models", "models/notes.txt", "models/press.yaml"])
        let again = try Self.run(Self.root + "/scripts/uninstall", [prefix])
        #expect(again.status == 1 && again.stderr.contains("no install record"))
    }

    @Test func runStopsWithTheBuildsOwnErrorWhenTheBuildFails() throws {
        // A `swift` that fails as a broken build would: scripts/run must show its error and start nothing.
        let fake = NSTemporaryDirectory() + "stmt-fake-swift-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: fake, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: fake) }
        // Written by a child process: a file this process had open for writing could be inherited by a
        // test's concurrently forked child and make exec fail with "text file busy".
        _ = try Self.bash(#"printf '#!/bin/sh\necho "Sources/stmt/main.swift:1:1: error: cannot find x in scope" >&2\nexit 1\n' > "$1/swift" && chmod 755 "$1/swift""#,
                          args: [fake])
        let path = fake + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let r = try Self.run(Self.root + "/scripts/run", ["-c", "statements | count"], env: ["PATH": path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("main.swift:1:1: error: cannot find x in scope"))
        #expect(r.stderr.contains("the build failed"))
        #expect(r.stdout.isEmpty)
    }
}
