import Foundation
import Testing

/// The REPL end to end, through a pseudo-terminal, as a person at a keyboard would use it.
@Suite(.serialized) struct REPLTerminalTests {
    let home: String
    let history: String

    init() throws {
        home = try Binary.tempDir()
        history = home + "/history"
    }

    func start() throws -> PseudoTerminal {
        let t = try PseudoTerminal(environment: ["HOME": home, "STMT_HISTORY": history, "NO_COLOR": "1"])
        #expect(t.waitFor("stmt(seed)> "), "no prompt: \(t.screen)")
        return t
    }

    @Test func tabCompletesCommandStageFieldAndEntityAlias() throws {
        let t = try start()
        t.type("sta\t")
        #expect(t.waitFor("statements "))
        t.type("| whe\t")
        #expect(t.waitFor("| where "))
        t.type("sp\t")
        #expect(t.waitFor("where speakers "))
        t.type("has \"Ja\t")
        #expect(t.waitFor("has \"Japan\" "))
        t.type("| count\r")
        #expect(t.waitFor("\n5\n"), "\(t.screen)")
        t.type("show s\t")
        #expect(t.waitFor("s1"))   // several ids: listed
    }

    @Test func ctrlCCancelsALongCommandAndTheSessionGoesOn() throws {
        let t = try start()
        t.type("sleep 30\r")
        t.drain(milliseconds: 300)
        t.type("\u{3}")
        #expect(t.waitFor("cancelled; the session goes on"))
        t.type("half a line\u{3}")
        t.type("statements | count\r")
        #expect(t.waitFor("\n15\n"), "\(t.screen)")
        t.endInput()
        #expect(t.exitStatus() == 0)
    }

    /// A model's name is data: the welcome line and every prompt show its control characters
    /// escaped (a name holding `ESC ] 0 ;` set the window title before).
    @Test func theWelcomeAndPromptShowAModelNameEscaped() throws {
        let model = home + "/evil.yaml"
        try "format: 1\nmodel: \"evil\\e]0;PWNED\\a\"\nentities:\n  - {id: a, kind: person, name: A}\n".write(toFile: model, atomically: true, encoding: .utf8)
        let t = try PseudoTerminal(arguments: ["--model", model], environment: ["HOME": home, "STMT_HISTORY": history, "NO_COLOR": "1"])
        #expect(t.waitFor("stmt(evil\\u{1b}]0;PWNED\\u{7})> "), "\(t.screen)")
        #expect(t.screen.contains("stmt — evil\\u{1b}]0;PWNED\\u{7}: 0 documents") && !t.screen.contains("\u{1B}]0"))
        t.endInput()
        #expect(t.exitStatus() == 0)
    }

    /// After Ctrl-Z and a continue, the line is read in raw mode again: the first line after `fg`
    /// was cooked (arrow keys typed as `^[[D`), as libedit still believed the terminal raw.
    @Test func aLineAfterCtrlZAndContinueIsEditedAsUsual() throws {
        let t = try start()
        t.type("\u{1A}")
        t.drain(milliseconds: 300)
        kill(t.pid, SIGCONT)
        t.drain(milliseconds: 300)
        t.type("echo a2\u{1B}[D\u{1B}[DX\r")
        #expect(t.waitFor("\nXa2\n"), "\(t.screen)")
        // Cooked, the terminal itself echoed the arrow keys as ^[[D before libedit saw the line.
        #expect(!t.screen.contains("^[[D"), "\(t.screen)")
        t.endInput()
        #expect(t.exitStatus() == 0)
    }

    /// `demo`: Ctrl-C at a prompt ends it cleanly, after a visit to the REPL too (it spun at full
    /// CPU there, deaf to q, TERM and HUP); TERM ends it, the process dying of the signal.
    @Test func demoEndsOnCtrlCAndOnTerm() throws {
        let script = home + "/demo.stmt"
        try "echo one\necho two\n".write(toFile: script, atomically: true, encoding: .utf8)
        let env = ["HOME": home, "STMT_HISTORY": history, "NO_COLOR": "1"]
        let t = try PseudoTerminal(arguments: ["demo", "--typing-delay", "0", script], environment: env)
        #expect(t.waitFor("[run — Enter"), "\(t.screen)")
        t.type("r\r")
        #expect(t.waitFor("stmt(seed)> "), "\(t.screen)")
        t.type("\u{4}")
        #expect(t.waitFor("[next — Enter"), "\(t.screen)")
        t.type("\u{3}")
        #expect(t.exitStatus() == 0, "\(t.screen)")
        let u = try PseudoTerminal(arguments: ["demo", "--typing-delay", "0", script], environment: env)
        #expect(u.waitFor("[run — Enter"), "\(u.screen)")
        kill(u.pid, SIGTERM)
        #expect(u.exitStatus() == 128 + SIGTERM, "\(u.screen)")
    }

    @Test func nonASCIIRoundTripsAndCtrlDExitsZero() throws {
        let t = try start()
        t.type("echo \"평양 – Pyongyang\"\r")
        #expect(t.waitFor("\n평양 – Pyongyang\n"), "\(t.screen)")
        t.endInput()
        #expect(t.exitStatus() == 0)
    }

    @Test func historyIsRecalledInASecondSession() throws {
        do {
            let t = try start()
            t.type("entities | where kind = \"person\" | count\r")
            #expect(t.waitFor("\n1\n"))
            t.type(" echo \"not saved\"\r")
            t.type("statements |\r")
            t.type("count\r")
            #expect(t.waitFor("\n15\n"))
            t.endInput()
            #expect(t.exitStatus() == 0)
        }
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved.contains("person"))
        #expect(!saved.contains("not saved"))
        let t = try start()
        t.type("\u{1B}[A\u{1B}[A\r")   // Up twice: back past the multi-line entry to the count of people
        #expect(t.waitFor("\n1\n"), "\(t.screen)")
        t.type("history\r")
        #expect(t.waitFor("statements |\n       count"), "\(t.screen)")
    }

    @Test func continuationPromptForOpenInput() throws {
        let t = try start()
        t.type("statements | where act in [\"urge\",\r")
        #expect(t.waitFor("...> "))
        t.type("\"call\"] | count\r")
        #expect(t.waitFor("\n3\n"), "\(t.screen)")
        // Ctrl-D at `...>` drops the unfinished entry: no error beside the ^D, nothing in the history.
        t.type("statements |\r")
        #expect(t.waitFor("...> "))
        t.type("\u{4}")
        t.type("history\r")
        #expect(t.waitFor("history\n"), "\(t.screen)")
        t.drain(milliseconds: 300)
        #expect(!t.screen.contains("expected a stage") && !t.screen.contains("   statements |\n"), "\(t.screen)")
        t.endInput()
        #expect(t.exitStatus() == 0)
    }

    // MARK: issue 9, findings 16, 20 and 24

    @Test func ctrlCInHistorySearchCancelsTheSearchNotTheSession() throws {
        let t = try start()
        t.type("statements | count\r")
        #expect(t.waitFor("\n15\n"))
        t.type("\u{12}cou")          // Ctrl-R, then part of the entry
        t.drain(milliseconds: 200)
        t.type("\u{3}")              // Ctrl-C in the search
        t.type("entities | count\r")
        #expect(t.waitFor("\n15\n15\n") || t.screen.components(separatedBy: "\n15\n").count >= 3, "\(t.screen)")
        t.endInput()
        #expect(t.exitStatus() == 0)
    }

    @Test func ctrlCCancelsALoadAndKeepsTheModel() throws {
        // A model that takes a while to load: many statements in JSON Lines.
        let path = home + "/big.jsonl"
        var text = #"{"record": "entity", "id": "e", "kind": "person", "name": "E"}"# + "\n"
        text += #"{"record": "document", "id": "d", "title": "D", "text": "words"}"# + "\n"
        let line = #"{"record": "statement", "id": "sID", "speakers": ["e"], "act": {"cue": "said", "force": "assert"}, "content": "c", "source": "d", "anchors": ["words"]}"#
        for i in 0..<400_000 { text += line.replacingOccurrences(of: "ID", with: String(i)) + "\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let t = try start()
        t.type("load \(path)\r")
        t.drain(milliseconds: 300)
        t.type("\u{3}")
        #expect(t.waitFor("cancelled"), "\(t.screen)")
        t.type("statements | count\r")
        #expect(t.waitFor("\n15\n"), "the seed stays: \(t.screen)")
        t.endInput()
        #expect(t.exitStatus() == 0)
    }

    @Test func foreignHistoryFilesAreLeftAlone() throws {
        let foreign = home + "/foreign-history"
        try "my precious notes\n".write(toFile: foreign, atomically: true, encoding: .utf8)
        let t = try PseudoTerminal(environment: ["HOME": home, "STMT_HISTORY": foreign, "NO_COLOR": "1"])
        #expect(t.waitFor("is not a history file"), "\(t.screen)")
        t.type("statements | count\r")
        #expect(t.waitFor("\n15\n"))
        t.endInput()
        #expect(t.exitStatus() == 0)
        #expect(try String(contentsOfFile: foreign, encoding: .utf8) == "my precious notes\n")
        // A folder where the file should be: a warning, the session works, no temporary files left.
        let folder = home + "/history-folder"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let u = try PseudoTerminal(environment: ["HOME": home, "STMT_HISTORY": folder, "NO_COLOR": "1"])
        #expect(u.waitFor("is a folder"), "\(u.screen)")
        u.type("statements | count\r")
        #expect(u.waitFor("\n15\n"))
        u.endInput()
        #expect(u.exitStatus() == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test func terminationAtThePromptLeavesTheProcessGroupAlone() throws {
        // A wrapper shell in the same process group must survive stmt's SIGTERM.
        let t = try PseudoTerminal(arguments: ["-c", "'\(Binary.path)'; echo \"wrapper survived: $?\""],
                                   environment: ["HOME": home, "STMT_HISTORY": history, "NO_COLOR": "1"], executable: "/bin/sh")
        #expect(t.waitFor("stmt(seed)> "))
        let child = try #require(Self.childPid(of: t.pid))
        kill(child, SIGTERM)
        #expect(t.waitFor("wrapper survived: 143"), "\(t.screen)")
    }

    /// A query whose rows are each slow, on a table of fewer than 4,096 rows: Ctrl-C and SIGTERM
    /// went unheard for minutes (the rows were checked for a cancel only every 4,096).
    @Test func ctrlCAndTermStopASlowQueryOfFewRows() throws {
        let model = home + "/slow.jsonl"
        var lines = ["{\"record\": \"model\", \"format\": 1, \"model\": \"slow\"}",
                     "{\"record\": \"entity\", \"id\": \"e1\", \"kind\": \"state\", \"name\": \"Kakin\"}"]
        for i in 0..<1_500 {
            lines.append("{\"record\": \"statement\", \"id\": \"s\(i)\", \"speakers\": [\"e1\"], \"act\": {\"cue\": \"said\", \"force\": \"assert\"}, \"content\": \"c\"}")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: model, atomically: true, encoding: .utf8)
        // A 20 MB text searched once per row: about 0.2 s a row, minutes for the table.
        let setup = "let x = \"word \"" + String(repeating: "; let x = $x + $x", count: 22) + "; echo len($x)\r"
        let slow = "statements | where $x ~ id | count\r"
        let env = ["HOME": home, "STMT_HISTORY": history, "NO_COLOR": "1"]
        let t = try PseudoTerminal(arguments: ["--model", model], environment: env)
        #expect(t.waitFor("stmt(slow)> "), "\(t.screen)")
        t.type(setup)
        #expect(t.waitFor("20971520"), "\(t.screen)")
        t.type(slow)
        t.drain(milliseconds: 500)
        let pressed = Date()
        t.type("\u{3}")
        #expect(t.waitFor("cancelled; the session goes on", seconds: 5), "\(t.screen)")
        #expect(Date().timeIntervalSince(pressed) < 5)
        t.type("statements | limit 2 | count\r")
        #expect(t.waitFor("\n2\n"), "\(t.screen)")
        // SIGTERM in the middle of the same query ends stmt soon, as at the prompt.
        let u = try PseudoTerminal(arguments: ["--model", model], environment: env)
        #expect(u.waitFor("stmt(slow)> "))
        u.type(setup)
        #expect(u.waitFor("20971520"), "\(u.screen)")
        u.type(slow)
        u.drain(milliseconds: 500)
        let sent = Date()
        kill(u.pid, SIGTERM)
        #expect(u.exitStatus(timeoutMilliseconds: 5000) == 128 + SIGTERM)
        #expect(Date().timeIntervalSince(sent) < 5.5)
    }

    static func childPid(of parent: pid_t) -> pid_t? {
        for _ in 0..<50 {
            if let text = try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8),
               let pid = text.split(separator: " ").first.flatMap({ pid_t($0) }) { return pid }
            usleep(50_000)
        }
        return nil
    }
}
