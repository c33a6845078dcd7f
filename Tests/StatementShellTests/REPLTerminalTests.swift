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
        #expect(t.waitFor("\n7\n"), "\(t.screen)")
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
        #expect(t.waitFor("\n16\n"), "\(t.screen)")
        t.type("\u{4}")
        #expect(t.exitStatus() == 0)
    }

    @Test func nonASCIIRoundTripsAndCtrlDExitsZero() throws {
        let t = try start()
        t.type("echo \"평양 – Pyongyang\"\r")
        #expect(t.waitFor("\n평양 – Pyongyang\n"), "\(t.screen)")
        t.type("\u{4}")
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
            #expect(t.waitFor("\n16\n"))
            t.type("\u{4}")
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
        #expect(t.waitFor("\n4\n"), "\(t.screen)")
    }
}
