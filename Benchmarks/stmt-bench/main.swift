import Foundation
import StatementModel
import StatementQuery
import StatementShell

// Times what a person waits for in the REPL but no command-line tool shows: Tab completion on a
// large model. usage: stmt-bench MODEL — prints one line per input: median milliseconds over 21 runs.

let args = CommandLine.arguments
guard args.count == 2 else {
    FileHandle.standardError.write(Data("usage: stmt-bench MODEL\n".utf8))
    exit(64)
}
let model: Model
switch Result(catching: { () throws(DiagnosticList) -> Model in try ModelLoader().load(path: args[1]) }) {
case .success(let m): model = m
case .failure(let l):
    FileHandle.standardError.write(Data(DiagnosticRenderer(color: false).render(l.diagnostics).utf8))
    exit(2)
}
let session = Session(model: model)
let completer = Completer(session: session)
let someId = model.statements[model.statements.count / 2].id
let alias = model.entities.first { !$0.aliases.isEmpty }?.aliases.first ?? model.entities[0].name
let inputs = [
    "sta",
    "statements | whe",
    "statements | where sp",
    "statements | where speakers has \"" + String(alias.prefix(2)),
    "show " + String(someId.prefix(someId.count - 1)),
    "statements | where act = ",
]
for input in inputs {
    var times: [Double] = []
    var count = 0
    for _ in 0..<21 {
        let start = DispatchTime.now().uptimeNanoseconds
        count = completer.complete(input).candidates.count
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    times.sort()
    print(String(format: "completion\t%.3f\t%d\t%@", times[times.count / 2], count, input))
}
