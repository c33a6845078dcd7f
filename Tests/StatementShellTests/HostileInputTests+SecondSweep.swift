import Foundation
import StatementShell
import Testing

/// The second hostile sweep of issue 9 (session 9): new probes of the same families, one test per
/// problem it found.
extension HostileInputTests {
    static let evilModel = """
        format: 1
        model: "evil\\e]0;PWNED\\a\\e[31m\\u202e"
        title: "T\\e[2J"
        documents:
          - {id: d1, title: Doc, text: "Kakin urged Hallin to resume talks. Evil \\e]0;PWN\\a sentence here."}
        entities:
          - {id: e1, kind: state, name: Kakin}
        statements:
          - {id: s1, speakers: [e1], act: {cue: urged, force: urge}, content: x, anchors: ["Kakin urged Hallin"]}
        """

    /// Every way a model's name, a text or a script's line reaches the terminal shows its control
    /// characters escaped: the command line's check, info and coverage, test's report, --echo, demo.
    @Test func sweep2_controlCharactersOutsideTheREPLAreEscaped() throws {
        try write("m1.yaml", Self.evilModel)
        func clean(_ r: Binary.Run) -> Bool {
            !(r.stdout + r.stderr).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }
        }
        let check = try run(["check", "m1.yaml"])
        #expect(check.status == 0 && clean(check) && check.stdout.contains("evil\\u{1b}]0;PWNED\\u{7}\\u{1b}[31m\\u{202e}:"))
        let info = try run(["info", "m1.yaml"])
        #expect(info.status == 0 && clean(info) && info.stdout.contains("T\\u{1b}[2J"))
        let coverage = try run(["coverage", "m1.yaml"])
        #expect(clean(coverage) && coverage.stdout.contains("Evil \\u{1b}]0;PWN\\u{7} sentence"), "\(coverage)")
        try write("t1.stmt", "echo \"a\u{1B}]0;CMD\u{7}\"\n#=> \u{1B}]0;TEST\u{7}b\n")
        let test = try run(["test", "t1.stmt"])
        #expect(test.status == 1 && clean(test) && test.stdout.contains("\\u{1b}]0;TEST\\u{7}b") && test.stdout.contains("a\\u{1b}]0;CMD"))
        let echo = try run(["--echo", "-"], stdin: "echo \"a\u{1B}]0;E\u{7}\"\n")
        #expect(echo.status == 0 && clean(echo) && echo.stdout.contains("stmt> echo \"a\\u{1b}]0;E\\u{7}\""))
        try write("demo.stmt", "# \u{1B}]0;DEMO\u{7} comment\necho \"x\u{1B}[31m\"\n")
        let demo = try run(["demo", "--typing-delay", "0", "--model", "m1.yaml", "demo.stmt"], stdin: "\n\n")
        #expect(clean(demo) && demo.stdout.contains("\\u{1b}]0;DEMO\\u{7} comment") && demo.stdout.contains("echo \"x\\u{1b}[31m\""), "\(demo)")
    }
}

extension HostileInputTests {
    /// Numbers print with every digit that tells them apart, in every mode: `%g` kept six, so
    /// CSV exports and tables showed 106303.125 as 106303 and 1234567.89 as 1.23457e+06.
    @Test func sweep2_numbersKeepTheirDigitsInEveryMode() throws {
        // (No `nan` column since session 10: 1e309 is an error, and no arithmetic makes a NaN.)
        let query = "statements | limit 1 | select 1234567.89 as x, 106303.125 as y, 0.5 as h, 1e20 as e"
        let csv = try run(["-c", "set mode csv", "-c", query])
        #expect(csv.stdout == "x,y,h,e\r\n1234567.89,106303.125,0.5,1e+20\r\n", "\(csv)")
        let table = try run(["-c", query])
        #expect(table.stdout.contains("1234567.89") && table.stdout.contains("106303.125"), "\(table)")
        let md = try run(["-c", "set mode markdown", "-c", query])
        #expect(md.stdout.contains("| 1234567.89 | 106303.125 | 0.5 |"), "\(md)")
        #expect(try run(["-c", "echo 2 / 3"]).stdout == "0.6666666666666666\n")
    }
}

extension HostileInputTests {
    /// A warning that cannot be written (standard error full or closed) fails the run, as lost
    /// output on standard output does: it exited 0 and the warning was gone.
    @Test func sweep2_lostWarningsFailTheRun() throws {
        for redirect in ["2>/dev/full", "2>&-"] {
            let r = try Binary.run(["-c", "'\(Binary.path)' -c 'statements | where speakers has \"zzz\" | count' \(redirect); echo status=$?"],
                                   cwd: dir, executable: "/bin/sh")
            #expect(r.stdout == "0\nstatus=1\n", "\(redirect): \(r)")
        }
        let quiet = try Binary.run(["-c", "'\(Binary.path)' -c 'statements | count' 2>/dev/full; echo status=$?"], cwd: dir, executable: "/bin/sh")
        #expect(quiet.stdout.hasSuffix("status=0\n"), "\(quiet)")
    }
}

extension HostileInputTests {
    /// `quote` shows a window of the anchor's lines, not the whole line: on a text that is one
    /// line of 20,000 sentences it printed 940 KB per anchor.
    @Test func sweep2_quoteShowsAWindowOfALongLine() throws {
        let sentences = (0..<20_000).map { "Sentence \($0) is here." }, more = (20_000..<40_000).map { "Sentence \($0) is here." }
        let long = String(repeating: "ab", count: 1_000)
        try write("long.yaml", """
            format: 1
            documents:
              - {id: d1, title: D, text: "\(sentences.joined(separator: " ")) Kakin urged é\(long)é to stop. \(more.joined(separator: " "))"}
            entities:
              - {id: e1, kind: state, name: Kakin}
            statements:
              - {id: s1, speakers: [e1], act: {cue: urged, force: urge}, content: x, anchors: ["Sentence 10000 is here."]}
              - {id: s2, speakers: [e1], act: {cue: urged, force: urge}, content: x, anchors: ["Kakin urged é\(long)é to stop."]}
            """)
        let r = try run(["--model", "long.yaml", "-c", "quote s1", "-c", "quote s2"])
        #expect(r.status == 0 && r.stdout.utf8.count < 6_000, "\(r.stdout.utf8.count) bytes")
        let shown = r.stdout.split(separator: "\n").map { $0.dropFirst(2) }.joined(separator: " ")
        #expect(r.stdout.contains("FOUND\n  …") && shown.contains("«Sentence 10000 is here.»") && r.stdout.contains("Sentence 10017 …\n"))
        #expect(shown.contains("«Kakin urged é") && shown.contains(" … ") && shown.contains("é to stop.»") && !shown.contains("\u{FFFD}"))
    }
}

extension HostileInputTests {
    /// `check --fix` edits the anchor and nothing else: a file's byte-order mark and CRLF line ends
    /// stay (every CRLF became LF and the mark was dropped); `test --update` keeps the mark too.
    @Test func sweep2_rewritesKeepByteOrderMarksAndLineEnds() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let model = "documents:\r\n  - {id: d1, title: T, text: \"A said x. A said y.\"}\r\nentities:\r\n  - {id: e1, kind: person, name: A}\r\n"
            + "statements:\r\n  - {id: s1, speakers: [e1], act: {cue: said, force: assert}, content: c, anchors: [\"A said\"]}\r\n"
        try write("crlf.yaml", bytes: bom + Array(model.utf8))
        let fix = try run(["check", "--fix", "crlf.yaml"])
        #expect(fix.stdout.contains("1 anchor made unique"), "\(fix)")
        let fixed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/crlf.yaml")))
        let expected = model.replacingOccurrences(of: "anchors: [\"A said\"]", with: "anchors: [{exact: \"A said\", suffix: \" x.\"}]")
        #expect(fixed == bom + Array(expected.utf8), "\(String(decoding: fixed, as: UTF8.self))")
        try write("t.stmt", bytes: bom + Array("echo 1\r\n#=> 2\r\n".utf8))
        _ = try run(["test", "--update", "t.stmt"])
        let updated = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/t.stmt")))
        #expect(updated == bom + Array("echo 1\r\n#=> 1\r\n".utf8), "\(String(decoding: updated, as: UTF8.self))")
    }
}

extension HostileInputTests {
    /// `--set` makes a number only of what a query would write as one: `0243`, `0x10`, `nan` and
    /// integers past 2^53 stay text (they became 243, 16, NaN and 1e+20).
    @Test func sweep2_setKeepsCodesAsText() throws {
        for text in ["0243", "0x10", "0x1p3", "nan", "inf", "99999999999999999999", "1.", "+3"] {
            let r = try run(["--set", "x=\(text)", "-c", "echo $x = \"\(text)\""])
            #expect(r.stdout == "true\n", "\(text): \(r)")
        }
        for (text, shown) in [("3", "4"), ("-2.5", "-1.5"), ("1e3", "1001"), ("0", "1"), ("0.5", "1.5")] {
            #expect(try run(["--set", "x=\(text)", "-c", "echo $x + 1"]).stdout == shown + "\n", "\(text)")
        }
    }
}

extension HostileInputTests {
    /// Lists and missing values behave as documented: `in` compares a list with `=` first, empty
    /// values sort last both ways, and a code some entities lack reads as null (filtering by
    /// `codes.cameo` failed on the first entity without codes, with an empty hint).
    @Test func sweep2_listsCodesAndMissingValues() throws {
        let lists = try run(["-c", "echo [1] in [[1]]", "-c", "echo [] in [[]]", "-c", "echo [1, 2] in [[1, 2], [3]]", "-c", "echo [1, 3] in [[1, 2], [3]]"])
        #expect(lists.stdout == "true\ntrue\ntrue\nfalse\n", "\(lists)")
        let sorted = try run(["-c", "set mode csv", "-c", "statements | sort topics | select id | limit 1",
                              "-c", "statements | sort topics desc | select id | limit 1", "-c", "entities | sort codes desc | select id | limit 1"])
        #expect(!sorted.stdout.contains("r1") && !sorted.stdout.contains("prk-people"), "\(sorted)")
        let codes = try run(["-c", "entities | where codes.cameo = \"PRK\" | select id", "-c", "entities | where codes = null | count"])
        #expect(codes.status == 0 && codes.stdout.contains("prk\n") && codes.stdout.hasSuffix("8\n"), "\(codes)")
        let typo = try run(["-c", "entities | where codes.camo = \"PRK\""])
        #expect(typo.status == 1 && typo.stderr.contains("no code 'camo' in this model") && typo.stderr.contains("did you mean 'cameo'?"))
        let text = try run(["-c", "statements | select framing.by"])
        #expect(text.stderr.contains("unknown field 'by' of text: it has no fields") && !text.stderr.contains("the fields are: \n"))
    }
}

extension HostileInputTests {
    /// A comparison with a value its field never takes warns instead of quietly counting 0: dates
    /// that are no date, anchor statuses and roles, statuses of every record, date bases, and the
    /// fields of the entities a list names.
    @Test func sweep2_valuesNothingHasAreWarnedAbout() throws {
        let cases: [(String, String)] = [
            ("statements | where date = \"2024-13\" | count", "warning: '2024-13' is not a date"),
            ("statements | where date = \"2024-02-30\" | count", "warning: '2024-02-30' is not a date"),
            ("quotes | where status = \"found\" | count", "no anchor status is called 'found'"),
            ("quotes | where role = \"frame\" | count", "no anchor role is called 'frame'"),
            ("documents | where status = \"Reported\" | count", "no status is called 'Reported'"),
            ("entities | where status = \"drafts\" | count", "no status is called 'drafts'"),
            ("statements | where date_basis = \"guess\" | count", "no date basis is called 'guess'"),
            ("statements | where speakers.kind has \"planet\" | count", "no kind of entity is called 'planet'"),
        ]
        for (query, warning) in cases {
            let r = try run(["-c", query])
            #expect(r.status == 0 && r.stdout == "0\n" && r.stderr.contains(warning), "\(query): \(r)")
        }
        let fine = try run(["-c", "quotes | where status = \"FOUND\" and role = \"statement\" | count", "-c", "statements | where date = \"2014\" | count"])
        #expect(fine.stderr.isEmpty, "\(fine)")
    }
}

extension HostileInputTests {
    /// JSON's surrogate-pair escapes (how Python's json.dump writes an emoji) load from .json as
    /// from .jsonl; half a pair is an error in both (.json refused, .jsonl made it U+FFFD silently).
    @Test func sweep2_jsonSurrogatePairs() throws {
        try write("py.json", #"{"documents": [{"id": "d1", "title": "T \\ud83d", "text": "peace \ud83d\udd4a and \"q\""}]}"#)
        let pair = try run(["--model", "py.json", "-c", "set mode json", "-c", "documents | select title"])
        #expect(pair.status == 0 && pair.stdout.contains(#""title": "T \\ud83d""#), "\(pair)")
        let text = try run(["--model", "py.json", "-c", "find \"peace\" | select excerpt"])
        #expect(text.stdout.contains("peace \u{1F54A} and"), "\(text)")
        try write("lone.jsonl", #"{"record": "document", "id": "d1", "title": "T", "text": "peace \ud83d x"}"# + "\n")
        let lone = try run(["check", "lone.jsonl"])
        #expect(lone.status == 2 && lone.stderr.contains("lone.jsonl:1:65: error: json: \\uD83D is half of a surrogate pair"), "\(lone)")
        try write("lone.json", #"{"documents": [{"id": "d1", "title": "T", "text": "peace \ud83d x"}]}"#)
        #expect(try run(["check", "lone.json"]).status == 2)
    }
}

extension HostileInputTests {
    /// `check` reports every unreadable field of a record, not the first one only.
    @Test func sweep2_everyBadFieldOfARecordIsReported() throws {
        try write("multi.yaml", "entities:\n  - {id: e4, kind: [], name: {}}\nstatements:\n  - {id: [], speakers: [e4], act: {cue: [], force: {}}, content: c}\n")
        let r = try run(["check", "multi.yaml"])
        for problem in ["2:20: error: expected the kind as text, found a list", "2:30: error: expected the name as text, found a mapping",
                        "4:10: error: expected the id as text, found a list", "4:41: error: expected the cue as text, found a list",
                        "4:52: error: expected the force as text, found a mapping"] {
            #expect(r.status == 2 && r.stderr.contains("multi.yaml:" + problem), "\(problem): \(r.stderr)")
        }
    }
}

extension HostileInputTests {
    /// An anchor that differs from the text only in Unicode normalization is marked where it
    /// differs, with the code points shown (the hint showed two identical-looking passages).
    @Test func sweep2_normalizationDifferencesAreShown() throws {
        try write("u1.yaml", "documents:\n  - {id: d1, title: T, text: \"A said cafe\u{301} today.\"}\nentities:\n  - {id: a, kind: person, name: A}\n"
                  + "statements:\n  - {id: s1, speakers: [a], act: {cue: said, force: assert}, content: c, anchors: [\"A said caf\u{E9}\"]}\n")
        let r = try run(["check", "u1.yaml"])
        #expect(r.status == 2 && r.stderr.contains("anchor: A·said·caf\\u{e9}") && r.stderr.contains("text:   A·said·cafe\\u{301}"), "\(r.stderr)")
        // A line break inside an anchor shows as ↵ in the message, which stays on one line.
        try write("crlf.yaml", "documents:\n  - {id: d1, title: T, text: \"A said x.\\r\\nA said y.\\r\\nZ\"}\nentities:\n  - {id: a, kind: person, name: A}\n"
                  + "statements:\n  - {id: s1, speakers: [a], act: {cue: said, force: assert}, content: c, anchors: [\"\\r\\n\"]}\n")
        #expect(try run(["check", "crlf.yaml"]).stderr.contains("crlf.yaml:6:84: error: AMBIGUOUS anchor: \"↵\" occurs 2 times in 'd1'\n"))
    }
}

extension HostileInputTests {
    /// Smaller findings of the sweep: `quit` in one `-c` ends the run (a later `-c` still ran); a
    /// save to `x.csv/` is refused (it wrote `x.csv`); a message quoting a 200,000-character token
    /// is cut (the hint printed it twice, a 400,000-character line).
    @Test func sweep2_quitTrailingSlashesAndLongMessages() throws {
        let quit = try run(["-c", "echo 1", "-c", "quit", "-c", "echo 2"])
        #expect(quit.status == 0 && quit.stdout == "1\n", "\(quit)")
        let slash = try run(["-c", "statements | save out.csv/"])
        #expect(slash.status == 1 && slash.stderr.contains("is a directory") && !FileManager.default.fileExists(atPath: dir + "/out.csv"), "\(slash)")
        try write("tok.stmt", "echo $" + String(repeating: "x", count: 200_000) + "\n")
        let long = try run(["tok.stmt"])
        #expect(long.status == 1 && long.stderr.split(separator: "\n").allSatisfy { $0.count < 1_100 } && long.stderr.contains("more characters)"), "\(long.stderr.count)")
    }
}

/// The third sweep of session 9 (after the fixes above): drafts, child processes, writes, texts.
extension HostileInputTests {
    /// `draft -o` never replaces what it reads: the text, the model it joins, the file that names a
    /// folder model, or a non-YAML file; an earlier draft in the folder may be replaced, `-o -` is
    /// standard output. One-character file names work (Foundation's path code trapped on them).
    @Test func sweep3_draftsNeverReplaceTheirInputs() throws {
        try FileManager.default.createDirectory(atPath: dir + "/m", withIntermediateDirectories: true)
        let seeds = Binary.root + "/seeds"
        for f in try FileManager.default.contentsOfDirectory(atPath: seeds) {
            try FileManager.default.copyItem(atPath: seeds + "/" + f, toPath: dir + "/m/" + f)
        }
        try write("m/t3.txt", "Matthew Miller said the talks failed. Japan urged calm.\n")
        let before = try String(contentsOfFile: dir + "/m/seed.stmt.yaml", encoding: .utf8)
        for (args, why) in [(["--model", "m/seed.stmt.yaml", "-o", "m/seed.stmt.yaml"], "it is the model the draft joins"),
                            (["--model", "m", "-o", "m/seed.stmt.yaml"], "it is one of the files of 'm', not an earlier draft"),
                            (["-o", "m/t3.txt"], "it is the text being drafted"),
                            (["-o", "m/000_9d8e6eba5efc7262.txt"], "a draft is YAML")] {
            let r = try run(["draft", "m/t3.txt"] + args)
            #expect(r.status == 64 && r.stderr.contains(why), "\(args): \(r)")
        }
        #expect(try String(contentsOfFile: dir + "/m/seed.stmt.yaml", encoding: .utf8) == before)
        // Another file of a folder model, though it names no model, is not an earlier draft either.
        try write("m/entities.yaml", "entities:\n  - {id: zed, kind: person, name: Zed}\n")
        #expect(try run(["draft", "m/t3.txt", "--model", "m", "-o", "m/entities.yaml"]).stderr.contains("not an earlier draft"))
        for _ in 0..<2 { #expect(try run(["draft", "m/t3.txt", "--model", "m", "-o", "m/t3.yaml"]).status == 0) }
        #expect(try run(["check", "m"]).status == 0)
        #expect(try run(["draft", "m/t3.txt", "-o", "-"]).stdout.hasPrefix("# Drafted by `stmt draft`"))
        try write("t", "John Smith said the talks failed.\n")
        try write("s", "echo hi\n#=> hi\n")
        #expect(try run(["test", "s"]).stdout == "s: ok (1 command)\n")
        #expect(try run(["draft", "t", "-o", "y.yaml"]).status == 0)
    }
}

extension HostileInputTests {
    /// A rename needs only the folder's permission: a read-only file was replaced by `save`,
    /// `test --update` and `report -o`. It is kept now, with an error, even for root.
    @Test func sweep3_readOnlyFilesAreKept() throws {
        try write("u1.stmt", "statements | count\n#=> 14\n")
        try write("ro.csv", "keep\n")
        for f in ["u1.stmt", "ro.csv"] { chmod(dir + "/" + f, 0o444) }
        let update = try run(["test", "--update", "u1.stmt"])
        #expect(update.status == 1 && update.stderr.contains("cannot update 'u1.stmt': permission denied"), "\(update)")
        let save = try run(["-c", "statements | limit 1 | select id | save ro.csv"])
        #expect(save.status == 1 && save.stderr.contains("the file is read-only"), "\(save)")
        let report = try run(["report", "-o", "ro.csv"])
        #expect(report.status != 0)
        #expect(try String(contentsOfFile: dir + "/u1.stmt", encoding: .utf8) == "statements | count\n#=> 14\n")
        #expect(try String(contentsOfFile: dir + "/ro.csv", encoding: .utf8) == "keep\n")
    }
}

extension HostileInputTests {
    /// Smaller findings of the third sweep: `has` and `~` with a table on the right counted 0; a
    /// missing reporting mode was reported twice, once with no place; a `source:` naming the model
    /// file itself let every anchor be found in its own line; U+2028 and a stray byte-order mark
    /// reached the terminal raw; `test --update` turned a CR-only file into LF.
    @Test func sweep3_tablesModesSelfSourcesAndSeparators() throws {
        let has = try run(["-c", "statements | where speakers has (entities | where id = \"miller\" | select id) | count"])
        #expect(has.status == 1 && has.stderr.contains("'has' takes one value on its right, found a table"), "\(has)")
        let like = try run(["-c", "statements | where act ~ (statements | limit 1 | select id) | count"])
        #expect(like.status == 1 && like.stderr.contains("'~' expected text on its right, found a table"), "\(like)")
        try write("nm.yaml", "entities:\n  - {id: a, kind: person, name: A}\nstatements:\n  - {id: s1, speakers: [a], act: {cue: said, force: assert}, content: c}\n"
                  + "  - {id: s2, speakers: [a], act: {cue: said, force: assert}, content: c, reported: {via: s1}}\n")
        let mode = try run(["check", "nm.yaml"])
        #expect(mode.stderr.contains("missing required field 'mode'") && !mode.stderr.contains("unknown reporting mode") && mode.stderr.components(separatedBy: "error:").count == 2, "\(mode)")
        try write("self.yaml", "documents:\n  - {id: d, title: T, source: \"self.yaml\"}\nentities:\n  - {id: p, kind: person, name: Alice}\n"
                  + "statements:\n  - {id: s1, speakers: [p], act: {cue: said, force: assert}, content: yes, anchors: [Alice said]}\n")
        let own = try run(["check", "self.yaml"])
        #expect(own.status == 2 && own.stderr.contains("self.yaml:2:31: error: the source of document 'd' is a file of the model itself"), "\(own)")
        try write("sep.yaml", "format: 1\nentities:\n  - {id: a, kind: person, name: \"A\\u2028B\\uFEFF\"}\n")
        let sep = try run(["--model", "sep.yaml", "-c", "entities | select name"])
        #expect(sep.stdout.contains("A\\u{2028}B\\u{feff}") && !sep.stdout.unicodeScalars.contains { $0.value == 0x2028 || $0.value == 0xFEFF }, "\(sep)")
        try write("cr.stmt", "echo 1\r#=> 2\r")
        _ = try run(["test", "--update", "cr.stmt"])
        #expect(try String(contentsOfFile: dir + "/cr.stmt", encoding: .utf8) == "echo 1\r#=> 1\r")
    }
}

extension HostileInputTests {
    /// A CR alone ends a line in a source text too: every statement of a CR-only text was on line 1,
    /// `quote` printed `\u{d}`, and an ORPHANED hint on a CRLF text broke its line.
    @Test func sweep3_loneCRsEndLinesInTexts() throws {
        try write("d/cr.txt", "John Smith said the talks failed.\rMary Jones urged calm.\r\rBob Brown called on Congress to act.\r")
        #expect(try run(["draft", "d/cr.txt", "-o", "d/cr.yaml"]).status == 0)
        let lines = try run(["--model", "d/cr.yaml", "-c", "set mode csv", "-c", "statements | select id, line", "-c", "quote s2"])
        #expect(lines.stdout.hasPrefix("id,line\r\ns1,1\r\ns2,2\r\ns3,4\r\n") && !lines.stdout.contains("\\u{d}"), "\(lines)")
        try write("d/crlf.txt", "Alice said yes.\r\nBob said no.\r\n")
        try write("d/o.yaml", "documents:\n  - {id: d, title: T, source: crlf.txt}\nentities:\n  - {id: b, kind: person, name: Bob}\n"
                  + "statements:\n  - {id: s1, speakers: [b], act: {cue: said, force: assert}, content: no, anchors: [\"yes. Bob saidd\"]}\n")
        let hint = try run(["check", "d/o.yaml"])
        #expect(hint.status == 2 && hint.stderr.contains("is: \"yes. Bob said\"") && !hint.stderr.contains("\\u{d}"), "\(hint)")
    }
}

extension HostileInputTests {
    /// Affiliations must end, as reporting chains and memberships do, and a relation links two
    /// records: an entity affiliated with itself (directly or in a loop) and `s1 restates s1` passed.
    @Test func sweep3_affiliationLoopsAndSelfRelations() throws {
        try write("loops.yaml", """
            entities:
              - {id: a, kind: person, name: A, affiliation: a}
              - {id: x1, kind: organization, name: X1, affiliation: x2}
              - {id: x2, kind: organization, name: X2, affiliation: x1}
            statements:
              - {id: s1, speakers: [a], act: {cue: said, force: assert}, content: c}
            relations:
              - {type: restates, from: s1, to: s1}
            """)
        let r = try run(["check", "loops.yaml"])
        for problem in ["loops.yaml:2:10: error: entity 'a' is affiliated with itself: a → a",
                        "loops.yaml:3:10: error: entity 'x1' is affiliated with itself: x1 → x2 → x1",
                        "loops.yaml:8:36: error: a 'restates' relation from 's1' to itself"] {
            #expect(r.status == 2 && r.stderr.contains(problem), "\(problem): \(r.stderr)")
        }
        // Ids that differ only in case are probably one meant for the other: a warning.
        try write("case.yaml", "entities:\n  - {id: Bob, kind: person, name: Bob}\n  - {id: bob, kind: person, name: Bobby}\n")
        #expect(try run(["check", "case.yaml"]).stderr.contains("case.yaml:3:10: warning: id 'bob' differs from 'Bob' only in case"))
    }
}

extension HostileInputTests {
    /// A text that is one long line gives a title of about 200 characters (it was the whole line),
    /// a draft that reaches the statement cap says so, and `report -o -` is standard output.
    @Test func sweep3_longFirstLinesCapsAndDashOutput() throws {
        try write("long.txt", (0..<6_000).map { "Minister Kim said the talks failed number \($0)." }.joined(separator: " "))
        let d = try run(["draft", "long.txt", "-o", "long.yaml"])
        #expect(d.status == 0 && d.stderr.contains("stopped at 5000 statements"), "\(d.stderr)")
        let title = try String(contentsOfFile: dir + "/long.yaml", encoding: .utf8).split(separator: "\n").first { $0.hasPrefix("title:") } ?? ""
        #expect(title.count < 260 && title.contains("…"), "\(title.count)")
        let report = try run(["report", "-o", "-"])
        #expect(report.status == 0 && report.stdout.hasPrefix("<!doctype html>") && !FileManager.default.fileExists(atPath: dir + "/-"))
        // A cache folder that is a file said "0 snapshots" and nothing else.
        try write("cachefile/stmt", "not a folder")
        let cache = try Binary.run(["cache"], cwd: dir, env: ["XDG_CACHE_HOME": dir + "/cachefile"])
        #expect(cache.stderr.contains("warning: the cache folder '\(dir)/cachefile/stmt' is a regular file"), "\(cache)")
    }
}

extension HostileInputTests {
    /// `stmt test`: lines that differ only in trailing spaces show them (·); a diff of thousands of
    /// lines is cut at 200 and aligned in linear time when it is large; 20,000 expectation lines
    /// are read in linear time (each walked back to its command: 10 s).
    @Test func sweep3_transcriptDiffsShowSpacesAndStayBounded() throws {
        try write("ts.stmt", "echo \"a  \"\n#=> a\n")
        let spaces = try run(["test", "ts.stmt"])
        #expect(spaces.stdout.contains("-a\n+a··\n(· is a trailing space, → a trailing tab)"), "\(spaces)")
        try write("big.stmt", "statements | count\n" + (0..<20_000).map { "#=> \($0)\n" }.joined())
        let started = Date()
        let big = try run(["test", "big.stmt"])
        #expect(big.status == 1 && big.stdout.contains("… 19800 more lines") && big.stdout.split(separator: "\n").count < 220, "\(big.stdout.count)")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(UnifiedDiff.make(expected: (0..<3_000).map(String.init), actual: (0..<3_000).map { "x\($0)" }, header: "h").contains("… 5800 more lines"))
    }
}

/// The fourth sweep of session 9: standard input, columns, growth, CSV files, tabs.
extension HostileInputTests {
    /// A folder as standard input trapped; /dev/zero or an endless pipe were read until memory ran
    /// out. Now: a folder is refused and more than 64 MB is cut, with a message and exit 64.
    @Test func sweep4_standardInputIsCheckedAndBounded() throws {
        try FileManager.default.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: true)
        for (source, why) in [("folder", "it is a folder"), ("/dev/zero", "it holds more than 64 MB")] {
            let r = try Binary.run(["-c", "'\(Binary.path)' - < \(source); echo status=$?"], cwd: dir, executable: "/bin/sh")
            #expect(r.stdout.contains("status=64") && r.stderr.contains("cannot read a script from standard input: " + why), "\(source): \(r)")
        }
        #expect(try Binary.run(["-c", "'\(Binary.path)' run - < /dev/null; echo status=$?"], cwd: dir, executable: "/bin/sh").stdout == "status=0\n")
        let endless = try Binary.run(["-c", "yes 'echo 1' | '\(Binary.path)' -; echo status=$?"], cwd: dir, executable: "/bin/sh")
        #expect(endless.stdout.contains("status=64") && endless.stderr.contains("more than 64 MB"), "\(endless.stderr)")
    }

    /// Columns are found by name: a name given twice showed the first column's values twice.
    /// Output is bounded: nested expands and replaces stop with a located error. A table of one
    /// column expands as a list; a field that is never a list is warned about.
    @Test func sweep4_columnNamesGrowthAndExpand() throws {
        let twice = try run(["-c", "statements | select id as x, act as x | limit 2"])
        #expect(twice.status == 1 && twice.stderr.contains("-c:1:30: error: column 'x' is named twice"), "\(twice)")
        let grouped = try run(["-c", "statements | group by act aggregate count() as act"])
        #expect(grouped.status == 1 && grouped.stderr.contains("column 'act' is named twice"))
        let replaces = "echo len(" + String(repeating: "replace(", count: 8) + "\"aaaaaaaaaa\"" + String(repeating: ", \"a\", \"aaaaaaaaaa\")", count: 8) + ")"
        let grown = try run(["-c", replaces])
        #expect(grown.status == 1 && grown.stderr.contains("replace would make text of more than 64 MB"), "\(grown)")
        let table = try run(["-c", "let l = (entities | select id)", "-c", "statements | limit 2 | select $l as a | expand a | count"])
        #expect(table.stdout == "30\n", "\(table)")
        let codes = try run(["-c", "entities | expand codes | count"])
        #expect(codes.stdout == "15\n" && codes.stderr.contains("'codes' holds no list in any row"), "\(codes)")
        let record = try run(["-c", "entities | where codes = \"x\" | count"])
        #expect(record.status == 1 && record.stderr.contains("'=' cannot compare a record with text"), "\(record)")
        let number = try run(["-c", "statements | where act = 3 | count"])
        #expect(number.stdout == "0\n" && number.stderr.contains("no force is called '3'"), "\(number)")
    }

    /// A saved CSV holds the data as it is (control characters were written as `\u{7}`); in a
    /// table a tab is a space counted in the width (it broke the columns).
    @Test func sweep4_csvFilesAreRawAndTabsAreSpaces() throws {
        try write("m.yaml", "format: 1\nentities:\n  - {id: a, kind: person, name: A}\nstatements:\n"
                  + "  - {id: s1, speakers: [a], act: {cue: said, force: assert}, content: \"multi\\nline\\r\\ncontent\\twith tab and \\u0007 bell\"}\n")
        _ = try run(["--model", "m.yaml", "-c", "statements | select id, content | save o.csv"])
        let csv = try String(contentsOfFile: dir + "/o.csv", encoding: .utf8)
        #expect(csv == "id,content\r\ns1,\"multi\nline\r\ncontent\twith tab and \u{7} bell\"\r\n", "\(csv.debugDescription)")
        let shown = try run(["-c", "statements | select \"x\\ty\\tz\" as t, id | limit 1"])
        #expect(shown.stdout.hasPrefix("t     │ id\n──────┼───\nx y z │ r1\n"), "\(shown.stdout)")
    }
}

extension HostileInputTests {
    /// A minified JSON model with thousands of errors on its one line took 22 s and 1.4 GB: each
    /// diagnostic copied and walked the whole line. A dangling symlink was replaced by the file,
    /// and a loop of links too.
    @Test func sweep4_longLinesOfErrorsAndDanglingLinks() throws {
        let statements = (0..<4_000).map { #"{"id":"s\#($0)","speakers":["x\#($0)"],"act":{"cue":"said","force":"assert"},"content":"c"}"# }
        try write("ol.json", #"{"format":1,"entities":[{"id":"a","kind":"person","name":"A"}],"statements":["# + statements.joined(separator: ",") + "]}")
        let started = Date()
        let r = try run(["check", "ol.json"])
        #expect(r.status == 2 && r.stderr.contains("… 3500 more not shown") && Date().timeIntervalSince(started) < 10, "\(Date().timeIntervalSince(started)) s")
        for (link, to) in [("dang.csv", "nonexist/zz.csv"), ("dang2.csv", "target.csv"), ("loopa.csv", "loopb.csv"), ("loopb.csv", "loopa.csv")] {
            try FileManager.default.createSymbolicLink(atPath: dir + "/" + link, withDestinationPath: to)
        }
        #expect(try run(["-c", "statements | limit 1 | select id | save dang.csv"]).stderr.contains("the folder '\(dir)/nonexist' does not exist"))
        #expect(try run(["-c", "statements | limit 1 | select id | save dang2.csv"]).status == 0)
        #expect(try String(contentsOfFile: dir + "/target.csv", encoding: .utf8) == "id\r\nr1\r\n")
        #expect(try run(["-c", "statements | limit 1 | select id | save loopa.csv"]).stderr.contains("too many levels of symbolic links"))
        for link in ["dang.csv", "dang2.csv", "loopa.csv"] {
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir + "/" + link)) != nil, "\(link) is no longer a link")
        }
    }
}

extension HostileInputTests {
    /// From the review of this session's fixes: `check --fix` on JSON Lines with CRLF (read as it
    /// is, not decoded) failed as "changed while it was being read"; a `.json` file whose surrogate
    /// pairs libyaml reads rewritten is left for a hand edit (its columns are not the file's); an
    /// anchor status in a table of rows is not warned about.
    @Test func review_fixOnJSONLinesAndStatusInRows() throws {
        let lines = [#"{"record":"document","id":"d1","title":"T","text":"A said x. A said y."}"#,
                     #"{"record":"entity","id":"e1","kind":"person","name":"A"}"#,
                     #"{"record":"statement","id":"s1","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"c","anchors":["A said"]}"#]
        try write("m.jsonl", lines.joined(separator: "\r\n") + "\r\n")
        let fix = try run(["check", "--fix", "m.jsonl"])
        #expect(fix.status == 0 && fix.stdout.contains("1 anchor made unique"), "\(fix)")
        let fixed = try String(contentsOfFile: dir + "/m.jsonl", encoding: .utf8)
        #expect(fixed.contains(#""anchors":[{"exact": "A said", "suffix": " x."}]}"# + "\r\n"), "\(fixed)")
        try write("p.json", #"{"documents":[{"id":"d1","title":"T","text":"\ud83d\udd4a A said x. A said y."}],"entities":[{"id":"e1","kind":"person","name":"A"}],"statements":[{"id":"s1","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"c","anchors":["A said"]}]}"#)
        let before = try String(contentsOfFile: dir + "/p.json", encoding: .utf8)
        let pairs = try run(["check", "--fix", "p.json"])
        let after = try String(contentsOfFile: dir + "/p.json", encoding: .utf8)
        #expect(pairs.stdout.contains("holds \\u surrogate pairs") && after == before, "\(pairs)")
        let rows = try run(["-c", "quotes | select status, text | where status = \"FOUND\" | count"])
        #expect(rows.stderr.isEmpty && rows.stdout != "0\n", "\(rows)")
    }
}
