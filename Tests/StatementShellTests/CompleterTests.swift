import Foundation
import StatementModel
import StatementQuery
import Testing
@testable import StatementShell

/// Completion candidates by context, read off the command table's shapes and the model's names.
@Suite struct CompleterTests {
    let completer: Completer

    init() throws { completer = Completer(session: Language.session(model: try SeedModel.load())) }

    func candidates(_ before: String) -> [String] { completer.complete(before).candidates }

    @Test func pathsInSafeModeStayInsideTheAllowedFolders() throws {
        // Finding 5 of issue 9: in safe mode `load /etc/` listed any folder.
        let open = Completer(session: Session(model: try SeedModel.load(), baseDirectory: "/tmp"))
        #expect(!open.complete("load /etc/").candidates.isEmpty)
        let safe = Completer(session: Session(model: try SeedModel.load(), gate: FileGate(safeRoots: ["/tmp"]), baseDirectory: "/tmp"))
        #expect(safe.complete("load /etc/").candidates.isEmpty)
        #expect(safe.complete("run ../etc/").candidates.isEmpty)
    }

    /// `$a` completes the session's variables, after `echo`, in a condition or at the start (it
    /// completed nothing).
    @Test func variablesComplete() throws {
        let session = Language.session(model: try SeedModel.load())
        session.variables["abc"] = .number(3)
        session.variables["abd"] = .string("x")
        session.variables["other"] = .null
        let c = Completer(session: session)
        #expect(c.complete("echo $a").candidates == ["$abc", "$abd"])
        #expect(c.complete("statements | where speakers has $o").candidates == ["$other"])
        #expect(c.complete("$").candidates == ["$abc", "$abd", "$other"])
        #expect(c.complete("echo \"$a").candidates.isEmpty)
    }

    @Test func graphKindsAndReportPaths() {
        #expect(candidates("statements | gra") == ["graph"])
        #expect(candidates("statements | graph ") == ["actors", "chain", "relations"])
        #expect(candidates("graph ch") == ["chain"])
        #expect(candidates("graph chain ").isEmpty)
        #expect(candidates("rep") == ["report"])
    }

    @Test func commandsTablesAndStages() {
        #expect(candidates("sta") == ["statements"])
        #expect(candidates("statements | whe") == ["where"])
        #expect(!candidates("statements | ").contains("statements"))
        #expect(candidates("let calls = st") == ["statements"])
    }

    @Test func fieldsAndWhatFollowThemComeFromTheShape() {
        #expect(candidates("statements | where sp") == ["speakers"])
        #expect(candidates("entities | select na") == ["name"])
        #expect(candidates("statements | count ") == ["by"])
        #expect(candidates("statements | count by ac") == ["act"])
        #expect(Set(candidates("statements | sort date ")) == ["asc", "desc"])
        #expect(candidates("statements | select id ") == ["as"])
        #expect(candidates("statements | select id as ").isEmpty)
        #expect(candidates("statements | select id as x, co") == ["content", "confidence", "contains(", "coalesce("])
    }

    @Test func valuesFromTheModel() {
        #expect(candidates("statements | where speakers has \"Ja") == ["\"Japan\""])
        #expect(candidates("statements | where speakers has \"dp") == ["\"DPRK\""])
        #expect(candidates("statements | where act = \"ur") == ["\"urge\""])
        #expect(candidates("show m") == ["m1", "m2", "m3", "m4", "member-states", "miller", "miller-statement"])
        #expect(candidates("set mode j") == ["json"])
        // Ids fold capitals, as names do; a statement id after `id =` comes quoted.
        #expect(candidates("show M") == ["m1", "m2", "m3", "m4", "member-states", "miller", "miller-statement"])
        #expect(candidates("statements | where id = \"m") == ["\"m1\"", "\"m2\"", "\"m3\"", "\"m4\""])
    }

    /// A million-statement model is not needed to see the cap: ids are offered at most maxCandidates at a time.
    @Test func idCompletionIsCapped() throws {
        let statements = (0..<5000).map { Statement(id: "s\($0)", speakers: [0], act: Act(cue: "said", force: "assert"), content: "c") }
        let m = Model(name: "t", title: nil, origin: "<t>", documents: [], entities: [Entity(id: "e", kind: .person, name: "E")],
                      statements: statements, relations: [])
        let c = Completer(session: Language.session(model: m))
        #expect(c.complete("show s").candidates.count == Completer.maxCandidates)
        #expect(c.complete("show S4999").candidates == ["s4999"])
        #expect(c.complete("show s49").candidates.first == "s49")
    }

    @Test func replacesWhatWasTyped() {
        let r = completer.complete("statements | where speakers has \"ja")
        #expect(r.replaceLength == 3 && r.candidates == ["\"Japan\""])
    }
}

extension CompleterTests {
    /// File names complete as they must be typed: `run my file.stmt` was two arguments and
    /// `run a;b.stmt` two commands; a name with control characters put raw escapes into the line.
    @Test func pathsAreQuotedWhenTheyMustBe() throws {
        let dir = NSTemporaryDirectory() + "stmt-complete-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/sub dir", withIntermediateDirectories: true)
        for name in ["my file.stmt", "a;b.stmt", "plain.stmt", "x+y.stmt", "zamp&.stmt", "q\"uote.stmt", "esc\u{1b}]0;x.stmt", "nl\nx.stmt"] {
            FileManager.default.createFile(atPath: dir + "/" + name, contents: Data())
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let c = Completer(session: Session(model: try SeedModel.load(), baseDirectory: dir))
        #expect(c.complete("run my").candidates == ["\"my file.stmt\""])
        #expect(c.complete("run a").candidates == ["\"a;b.stmt\""])
        #expect(c.complete("run pl").candidates == ["plain.stmt"])
        #expect(c.complete("run x").candidates == ["\"x+y.stmt\""] && c.complete("run za").candidates == ["\"zamp&.stmt\""])
        #expect(c.complete("run q").candidates == ["\"q\\\"uote.stmt\""])
        #expect(c.complete("run su").candidates == ["\"sub dir/"])
        #expect(c.complete("run es").candidates.isEmpty && c.complete("run nl").candidates.isEmpty)
    }
}
