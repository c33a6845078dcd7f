import Foundation
import StatementModel
import Testing
@testable import StatementQuery

/// Every example in the command table runs on the seed model and prints exactly its expected output.
@Suite struct CommandExampleTests {
    static let examples: [(String, Example)] = CommandTable.standard.all.flatMap { c in c.examples.map { (c.name, $0) } }
        + Functions.table.all.flatMap { f in f.examples.map { (f.name + "()", $0) } }

    @Test(arguments: examples.indices)
    func exampleOutputMatches(_ i: Int) throws {
        let (name, example) = Self.examples[i]
        let h = try Harness()
        let got = try h.run(example.input)
        #expect(got == example.output, "example of '\(name)': \(example.caption)")
    }

    @Test func everyCommandHasHelpAndMostHaveExamples() {
        for c in CommandTable.standard.all {
            #expect(!c.summary.isEmpty && !c.help.isEmpty && !c.synopsis.isEmpty, "\(c.name)")
        }
        let withExamples = CommandTable.standard.all.filter { !$0.examples.isEmpty }.count
        #expect(withExamples >= 20)
        for f in Functions.table.all { #expect(!f.examples.isEmpty && !f.summary.isEmpty, "function \(f.name)") }
    }
}
