import Foundation
import Testing

/// Session 11: the ninth sweep's findings (a hostile tester on the less-used commands, Unicode and
/// the REPL), one test each; the REPL's Ctrl-C during output and Tab's quoting are tested in
/// EvaluatorTests and CompleterTests.
extension HostileInputTests {
    /// Lower-casing left "Σωκράτης" (final ς) unmatched by "ΣΩΚΡΆΤΗΣ" in `~`, `find` and entity
    /// names, and `~` did not fold ß or ligatures while `find` did. One rule now: full case folding.
    @Test func session11_caseFoldingIsFull() throws {
        try write("gr.yaml", model("greek", text: "Ο Σωκράτης είπε ότι η γνώση είναι αρετή.", entities: ["{id: soc, kind: person, name: Σωκράτης}"],
                                   statements: ["{id: s1, speakers: [soc], act: {cue: είπε, force: assert}, content: \"Η γνώση είναι αρετή.\", anchors: [\"Σωκράτης είπε\"]}"]))
        let r = try run(["gr.yaml", "-c", "echo \"Σωκράτης\" ~ upper(\"Σωκράτης\")", "-c", "find \"ΣΩΚΡΆΤΗΣ\" | count",
                         "-c", "statements | where speakers has \"ΣΩΚΡΆΤΗΣ\" | count", "-c", "echo \"Straße\" ~ \"STRASSE\"", "-c", "echo \"ﬁle\" ~ \"FILE\""])
        #expect(r.status == 0 && r.stdout == "true\n1\n1\ntrue\ntrue\n" && r.stderr.isEmpty, "\(r)")
    }

    /// Only the literal `null` tests for absence: a variable holding null, or null in a list,
    /// matched nothing in silence.
    @Test func session11_nullFromAVariableIsWarnedAbout() throws {
        let r = try run(["-c", "let n = null", "-c", "statements | where date = $n | count", "-c", "statements | where date in [null, 2024] | count"])
        #expect(r.stdout == "0\n6\n", "\(r)")
        #expect(r.stderr.contains("-c#2:1:27: warning: $n is null, and a comparison with null is unknown for every row") && r.stderr.contains("… = null"), "\(r)")
        #expect(r.stderr.contains("-c#3:1:29: warning: null in a list is never matched"), "\(r)")
    }

    /// `let x = (statements | count) * 2` was a syntax error; `param` and `echo` took it.
    @Test func session11_letTakesAQueryInAnExpression() throws {
        let r = try run(["-c", "let x = (statements | count) * 2", "-c", "echo $x", "-c", "let y = (statements | select id) | count", "-c", "echo $y"])
        #expect(r.status == 0 && r.stdout == "30\n15\n", "\(r)")
    }

    /// `count by` and `distinct` wrote two columns of one name (JSON with a key twice, and a
    /// `where` reading the first); `[[:alpha:]]` matched nothing in silence; `1e15` printed `.0`;
    /// `limit` of a huge number was "expected a whole number"; "1 more rows".
    @Test func session11_smallSlipsOfTheNinthSweep() throws {
        let twice = try run(["--keep-going", "-c", "statements | count by act, act", "-c", "statements | distinct act as a, mode as a",
                             "-c", "statements | select act as count | count by count"])
        #expect(twice.stderr.components(separatedBy: "is named twice").count == 4, "\(twice)")
        #expect(twice.stderr.contains("hint: give the field another name with `as`, e.g. `count by count as n`"), "\(twice)")
        let posix = try run(["-c", "statements | where content matches \"[[:alpha:]]\" | count"])
        #expect(posix.status == 1 && posix.stderr.contains("error: bad pattern: POSIX classes such as [:alpha:] are not supported"), "\(posix)")
        let numbers = try run(["-c", "echo 1000000000000000", "-c", "echo 999999999999999 + 1", "-c", "echo 9007199254740991", "-c", "set mode json", "-c", "echo 1e15"])
        #expect(numbers.stdout == "1000000000000000\n1000000000000000\n9007199254740991\n1000000000000000\n", "\(numbers)")
        let limit = try run(["-c", "statements | limit 99999999999999999999"])
        #expect(limit.status == 1 && limit.stderr.contains("'99999999999999999999' rows is out of range"), "\(limit)")
        let more = try run(["-c", "set rows 1", "-c", "statements | limit 2"])
        #expect(more.stdout.contains("… 1 more row (2 in all)"), "\(more)")
    }

    /// `draft` made ids with a combining dot from "İ" (`i̇stanbul-…`), which no one types.
    @Test func session11_draftIdsHaveNoLooseMarks() throws {
        try write("t.txt", "İstanbul Mayor Ekrem said the city was ready.\n")
        let r = try run(["draft", "t.txt", "-o", "d.yaml"])
        let yaml = try String(contentsOfFile: dir + "/d.yaml", encoding: .utf8)
        #expect(r.status == 0 && yaml.contains("id: istanbul-") && !yaml.unicodeScalars.contains("\u{307}"), "\(r)\n\(yaml)")
    }

    /// Messages: a confidence written as a list was "expected … as text"; `month("2024-02-30")`
    /// hinted `year(date)`.
    @Test func session11_ninthSweepMessages() throws {
        try write("c.yaml", model("c", text: "A said x.", entities: ["{id: a, kind: person, name: A}"],
                                  statements: ["{id: s1, speakers: [a], act: {cue: said, force: assert}, content: x, anchors: [\"A said x.\"], confidence: [0.5]}"]))
        let c = try run(["check", "c.yaml"])
        #expect(c.status == 2 && c.stderr.contains("error: expected the confidence as a number from 0 to 1, found a list"), "\(c)")
        let month = try run(["-c", "echo month(\"2024-02-30\")"])
        #expect(month.status == 1 && month.stderr.contains("hint: a date is written 2024, 2024-03 or 2024-03-15"), "\(month)")
    }

    /// A quote and a combining mark (or a joiner) after it are one Character: a string could not
    /// start with the mark ("unexpected character"), so a vowel sign could not be searched for.
    @Test func session11_stringsMayStartWithAMark() throws {
        let r = try run(["-c", "echo len(\"\u{301}\")", "-c", "echo \"\u{200D}x\" = \"\u{200D}\" + \"x\""])
        #expect(r.status == 0 && r.stdout == "1\ntrue\n", "\(r)")
        let after = try run(["-c", "echo \"a\"\u{301}"])
        #expect(after.status == 2 && after.stderr.contains("-c:1:8: error: a combining mark follows the closing quote"), "\(after)")
    }
}
