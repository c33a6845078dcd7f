import Foundation
import StatementModel

extension Commands {
    static let session: [CommandSpec] = [
        CommandSpec(name: "let", synopsis: "let NAME = PIPELINE|VALUE", summary: "keep a result in $NAME",
                    help: "Evaluates the pipeline (or the value, e.g. `let who = \"Japan\"`) once and binds it to $NAME for later commands.",
                    examples: [Example("name a set of statements", "let calls = statements | where act in [\"urge\", \"call\", \"demand\"]\n$calls | count", "3")],
                    role: .command, shape: .binding, completion: .commands, run: letCommand),
        CommandSpec(name: "param", synopsis: "param NAME = VALUE", summary: "declare a script parameter with a default",
                    help: "Binds $NAME to VALUE unless it was given with `--set NAME=VALUE` on the command line.",
                    examples: [Example("a parameter with a default", "param actor = \"Japan\"\nstatements | where speakers has $actor | count", "5")],
                    role: .command, shape: .parameter, completion: .expression, run: paramCommand),
        CommandSpec(name: "set", synopsis: "set NAME VALUE", summary: "change a setting: mode, width, color, timer, rows",
                    help: "Settings:\n" + Settings.choices.map { "  \($0.name) \($0.values.joined(separator: "|")) — \($0.summary)" }.joined(separator: "\n")
                        + "\n`set` alone lists the current values.",
                    examples: [Example("JSON output", "set mode json\nstatements | where id = \"m4\" | select id, act", """
                    [
                      {
                        "id": "m4",
                        "act": "urge"
                      }
                    ]
                    """)],
                    role: .command, shape: .words(min: 0, max: 2), completion: .settings, run: setCommand),
        CommandSpec(name: "echo", synopsis: "echo VALUE …", summary: "print values, words or a message",
                    help: "Prints text as it is, a bare word as a word (echo done), or any value in the current mode: echo \"Part 2\", echo (statements | count). Several values print on one line, separated by spaces: echo \"total:\" (statements | count).",
                    examples: [Example("print a computed value", "echo (entities | where kind = \"state\" | count)", "4")],
                    role: .command, shape: .expressions, completion: .expression, run: echoCommand),
        CommandSpec(name: "assert", synopsis: "assert CONDITION", summary: "fail, with the values compared, unless the condition holds",
                    help: "Self-checking scripts: a failed assertion stops the script with its location and both sides of the comparison.",
                    examples: [Example("an assertion that holds prints nothing", "assert (statements | where act = \"urge\" | count) >= 1", "")],
                    role: .command, shape: .expression, completion: .expression, run: assertCommand),
        CommandSpec(name: "load", synopsis: "load PATH", summary: "replace the model with another, only if it loads cleanly",
                    help: "Loads a model file (.yaml, .yml, .json, .jsonl) or a folder of them. On any error the current model stays in place and every problem is listed. Variables that refer to the old model are dropped. A model of 1 MiB or more is read from its snapshot when its files are unchanged (see `stmt cache`), else parsed and a snapshot written.",
                    role: .command, shape: .words(min: 1, max: 1), completion: .paths, run: loadCommand),
        CommandSpec(name: "info", synopsis: "info", summary: "summary of the model: counts by kind and force, anchors resolved",
                    help: "Documents, entities by kind, statements by force, relations, and how many anchors resolved.",
                    examples: [Example("the seed model", "info", """
                    model      seed — Joint statement on human rights in North Korea (news report, 2024)
                    from       <embedded seed>
                    documents  5 (1 with source text)
                    entities   15: state 4, group 3, organization 3, media 2, office 2, person 1
                    statements 15: emphasize 4, find 2, recommend 2, urge 2, advocate 1, call 1, link 1, note 1, report 1
                    relations  4
                    anchors    21: 21 FOUND, 0 AMBIGUOUS, 0 ORPHANED
                    """)],
                    role: .command, shape: .none, run: { inv in .text(ModelSummary(inv.session.model).text) }),
        CommandSpec(name: "help", synopsis: "help [COMMAND|FUNCTION]", summary: "list the commands, or explain one with examples",
                    help: "`help` lists every command; `help NAME` shows a command's or a function's usage, explanation and examples; `help functions` lists the functions.",
                    role: .command, shape: .words(min: 0, max: 1), completion: .commands, run: helpCommand),
        CommandSpec(name: "history", synopsis: "history", summary: "the commands entered in the REPL, numbered",
                    help: "Lists the saved history (the REPL keeps it in $XDG_STATE_HOME/stmt/history, or $STMT_HISTORY).",
                    role: .command, shape: .none, run: { inv in
                        let entries = inv.session.host?.historyEntries() ?? []
                        return .text(entries.enumerated().map { String(format: "%5d  ", $0.offset + 1) + $0.element.replacingOccurrences(of: "\n", with: "\n       ") + "\n" }.joined())
                    }),
        CommandSpec(name: "run", synopsis: "run PATH", summary: "run a script file in this session",
                    help: "Runs the commands of a .stmt file; its paths are relative to its own folder. A script that runs itself, directly or not, is refused.",
                    role: .command, shape: .words(min: 1, max: 1), completion: .paths, run: runCommand),
        CommandSpec(name: "sleep", synopsis: "sleep SECONDS", summary: "pause (for paced demos); Ctrl-C cuts it short",
                    help: "Waits the given number of seconds, checking for Ctrl-C every few milliseconds.",
                    role: .command, shape: .words(min: 1, max: 1), run: sleepCommand),
        CommandSpec(name: "quit", aliases: ["exit"], synopsis: "quit", summary: "leave the session (also `exit`, or Ctrl-D)",
                    help: "Ends the REPL or the script with exit status 0.",
                    role: .command, shape: .none, run: { inv in inv.session.host?.requestQuit(); return .none }),
    ]

    @Sendable static func letCommand(_ inv: Invocation) throws -> Output {
        switch inv.arguments {
        case .binding(let name, _, let p): inv.session.variables[name] = try inv.evaluator.value(of: p, at: inv.span)
        case .parameter(let name, _, let e): inv.session.variables[name] = try inv.evaluator.eval(e, row: nil)
        default: break
        }
        return .none
    }

    @Sendable static func paramCommand(_ inv: Invocation) throws -> Output {
        guard case .parameter(let name, _, let e) = inv.arguments else { return .none }
        // A declared parameter counts as read: `--set` gave it to this script.
        inv.session.readVariables.insert(name)
        if !inv.session.presetParameters.contains(name) {
            inv.session.variables[name] = try inv.evaluator.eval(e, row: nil)
        }
        return .none
    }

    @Sendable static func setCommand(_ inv: Invocation) throws -> Output {
        let w = inv.words
        let s = inv.session
        if w.isEmpty {
            let values = ["mode": s.settings.mode.rawValue, "width": "\(s.settings.width)", "color": s.settings.color.rawValue,
                          "timer": s.settings.timer ? "on" : "off", "rows": "\(s.settings.rows)",
                          "csv_formulas": s.settings.guardFormulas ? "guard" : "keep", "warnings": s.settings.warnings ? "on" : "off",
                          "ids": s.settings.ids ? "on" : "off"]
            return .text(Settings.choices.map { "\($0.name) \(values[$0.name] ?? "")\n" }.joined())
        }
        let names = Settings.choices.map(\.name)
        guard names.contains(w[0].text) else {
            throw fail("unknown setting '\(w[0].text)'", w[0].span, hint: Suggestion.hint(for: w[0].text, in: names) ?? "the settings are: " + names.joined(separator: ", "))
        }
        guard w.count == 2 else {
            let values = Settings.choices.first { $0.name == w[0].text }!.values
            throw fail("expected a value for '\(w[0].text)'", w[0].span, hint: "e.g. set \(w[0].text) \(values[0])")
        }
        let (v, span) = (w[1].text, w[1].span)
        func bad(_ allowed: [String]) -> Diagnostic {
            fail("'\(v)' is not a value of '\(w[0].text)'", span, hint: Suggestion.hint(for: v, in: allowed) ?? "the values are: " + allowed.joined(separator: ", "))
        }
        switch w[0].text {
        case "mode":
            guard let mode = Settings.Mode(rawValue: v) else { throw bad(Settings.Mode.allCases.map(\.rawValue)) }
            s.settings.mode = mode
        case "color":
            guard let c = Settings.Color(rawValue: v) else { throw bad(Settings.Color.allCases.map(\.rawValue)) }
            s.settings.color = c
        case "timer":
            guard v == "on" || v == "off" else { throw bad(["on", "off"]) }
            s.settings.timer = v == "on"
        case "warnings", "ids":
            guard v == "on" || v == "off" else { throw bad(["on", "off"]) }
            if w[0].text == "warnings" { s.settings.warnings = v == "on" } else { s.settings.ids = v == "on" }
        case "csv_formulas":
            guard v == "guard" || v == "keep" else { throw bad(["guard", "keep"]) }
            s.settings.guardFormulas = v == "guard"
        case "width":
            guard let n = Int(v), n >= 20, n <= 1000 else { throw fail("expected a width from 20 to 1000, found '\(v)'", span, hint: "e.g. set width 120") }
            s.settings.width = n
        default:
            guard let n = Int(v), n >= 0 else { throw fail("expected a number of rows (0 for all), found '\(v)'", span, hint: "e.g. set rows 50") }
            s.settings.rows = n
        }
        return .none
    }

    @Sendable static func echoCommand(_ inv: Invocation) throws -> Output {
        guard case .expressions(let items) = inv.arguments else { return .none }
        // Like a shell: words print as they are; values in the current mode.
        let values = try items.map { e -> Value in
            if case .field(let path, _) = e { return .string(path.joined(separator: ".")) }
            return try inv.evaluator.eval(e, row: nil)
        }
        if values.count == 1, case .string(let s) = values[0] { return .text(s) }
        if values.count == 1 { return .value(values[0]) }
        return .text(values.map { Display.plain($0, inv.session.model) }.joined(separator: " "))
    }

    @Sendable static func assertCommand(_ inv: Invocation) throws -> Output {
        guard case .expression(let e) = inv.arguments else { return .none }
        let m = inv.session.model
        let v = try inv.evaluator.eval(e, row: nil)
        if try inv.evaluator.logic(v, e.span) == true { return .none }
        // A comparison shows both sides; anything else its value.
        if case .binary(let op, let l, let r, _) = e, !["and", "or"].contains(op) {
            let lv = try inv.evaluator.eval(l, row: nil), rv = try inv.evaluator.eval(r, row: nil)
            throw Diagnostic("assertion failed: \(Display.plain(lv, m)) \(op) \(Display.plain(rv, m)) is \(v.isNull ? "unknown (a side is null)" : "false")",
                             at: inv.span, hint: "left side: \(describe(lv, m)); right side: \(describe(rv, m))", category: .check)
        }
        throw Diagnostic("assertion failed: the condition is \(v.isNull ? "unknown (null)" : "false")", at: inv.span,
                         hint: "the condition evaluated to \(describe(v, m))", category: .check)
    }

    static func describe(_ v: Value, _ m: Model) -> String {
        if case .table(let t) = v { return "a table of \(t.count) rows" }
        return "\(v.typeName) \(Display.plain(v, m).isEmpty ? "(empty)" : Display.plain(v, m))"
    }

    @Sendable static func loadCommand(_ inv: Invocation) throws -> Output {
        let w = inv.words[0]
        let path = inv.session.resolve(path: w.text)
        try inv.session.checkRead(path, span: w.span)
        let model: Model
        do {
            var loader = ModelLoader(gate: inv.session.gate)
            nonisolated(unsafe) let cancelled = inv.session.isCancelled
            loader.isCancelled = { cancelled() }
            if let open = inv.session.openModel { model = try open(path, loader) } else { model = try loader.load(path: path) }
        } catch {
            if error.diagnostics.contains(where: { $0.category == .cancelled }) {
                throw Diagnostic("cancelled", at: w.span, hint: "the load was interrupted; the model '\(inv.session.model.name)' is still in use",
                                 category: .cancelled)
            }
            var first = Diagnostic("'\(w.text)' did not load; the model '\(inv.session.model.name)' is still in use", at: w.span,
                                   hint: "fix the problems below and load again", category: error.diagnostics.contains { $0.category == .syntax } ? .syntax : .model)
            first.notes = error.diagnostics
            throw first
        }
        let s = inv.session
        let dropped = s.variables.filter { refersToModel($0.value) }.keys.sorted()
        for k in dropped { s.variables[k] = nil }
        s.model = model
        var note = "loaded " + ModelSummary(model).oneLine
        if !dropped.isEmpty { note += "\n(dropped " + dropped.map { "$" + $0 }.joined(separator: ", ") + ": they referred to the previous model)" }
        return .text(note)
    }

    static func refersToModel(_ v: Value) -> Bool {
        switch v {
        case .entity, .statement, .document, .relation, .table: return true
        case .list(let l): return l.contains(where: refersToModel)
        case .record(let r): return r.fields.contains { refersToModel($0.value) }
        default: return false
        }
    }

    @Sendable static func helpCommand(_ inv: Invocation) throws -> Output {
        let table = inv.session.commands
        guard let w = inv.words.first else {
            var out = "Commands (help NAME for details and examples):\n"
            let groups: [(String, CommandRole)] = [("start a pipeline", .source), ("start a pipeline or follow |", .sourceOrStage), ("stages, after |", .stage), ("session", .command)]
            for (title, role) in groups {
                out += "\n\(title):\n"
                for c in table.all where c.role == role { out += "  " + c.synopsis.padding(28) + c.summary + "\n" }
            }
            out += "\nExpressions: = != < <= > >= ~ matches in has and or not + - * /, (PIPELINE), [list], $variable\n"
            out += "Functions: " + Functions.table.all.map(\.name).joined(separator: ", ") + " (help functions)\n"
            return .text(out)
        }
        if w.text.lowercased() == "functions" { return .text(HelpText.functionList(Functions.table)) }
        if let c = table.lookup(w.text) { return .text(HelpText.detail(c)) }
        if let f = Functions.table.lookup(w.text.hasSuffix("()") ? String(w.text.dropLast(2)) : w.text) { return .text(HelpText.detail(f)) }
        let names = table.all.map(\.name) + Functions.table.all.map(\.name)
        throw fail("no command or function named '\(w.text)'", w.span,
                   hint: Synonyms.commandHint(w.text, table: table) ?? Suggestion.hint(for: w.text, in: names) ?? "`help` lists them")
    }

    @Sendable static func runCommand(_ inv: Invocation) throws -> Output {
        let w = inv.words[0]
        guard let host = inv.session.host else { throw fail("'run' is not available here", w.span) }
        try host.runScript(path: w.text, span: w.span, session: inv.session)
        return .none
    }

    @Sendable static func sleepCommand(_ inv: Invocation) throws -> Output {
        let w = inv.words[0]
        guard let seconds = NumberText.number(w.text), seconds >= 0, seconds <= 3600 else {
            throw fail("expected a number of seconds from 0 to 3600, found '\(w.text)'", w.span, hint: "e.g. sleep 2")
        }
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            try inv.evaluator.checkCancelled(inv.span)
            usleep(20_000)
        }
        return .none
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}
