import StatementModel
/// Help and reference text generated from the command table.
public enum HelpText {
    /// `help NAME`: usage, explanation, examples.
    public static func detail(_ c: CommandSpec) -> String {
        var out = "\(c.synopsis)\n  \(c.summary)\n\n"
        out += c.help.split(separator: "\n", omittingEmptySubsequences: false).map { wrapped(String($0)) }.joined(separator: "\n") + "\n"
        if !c.aliases.isEmpty { out += "\n  also: \(c.aliases.joined(separator: ", "))\n" }
        return out + examples(c.examples)
    }

    /// A paragraph indented by two spaces and wrapped at words to fit 100 columns, so a terminal
    /// never breaks a word in two.
    static func wrapped(_ paragraph: String, width: Int = 100) -> String {
        var lines: [String] = []
        var line = ""
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && 2 + TerminalText.width(line) + 1 + TerminalText.width(String(word)) > width {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        lines.append(line)
        return lines.map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }

    /// Examples as help shows them: caption, input after `>`, output.
    static func examples(_ examples: [Example]) -> String {
        var out = ""
        for e in examples {
            out += "\n  # \(e.caption)\n"
            out += e.input.split(separator: "\n").map { "  > " + $0 }.joined(separator: "\n") + "\n"
            if !e.output.isEmpty { out += e.output.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n" }
        }
        return out
    }

    /// Examples as docs/commands.md shows them: fenced, input after `stmt>`.
    static func markdownExamples(_ examples: [Example]) -> String {
        var out = ""
        for e in examples {
            out += "Example — \(e.caption):\n\n```\n" + e.input.split(separator: "\n").map { "stmt> " + $0 }.joined(separator: "\n") + "\n"
            if !e.output.isEmpty { out += e.output + "\n" }
            out += "```\n\n"
        }
        return out
    }

    /// `help NAME` for a function.
    public static func detail(_ f: FunctionSpec) -> String {
        var out = "\(f.signature)\n  \(f.summary)\(f.aggregate ? " (an aggregate: in group … aggregate)" : "")\n"
        if !f.help.isEmpty { out += "\n" + wrapped(f.help) + "\n" }
        return out + examples(f.examples)
    }

    /// `help functions`: every function, one line each.
    public static func functionList(_ table: FunctionTable) -> String {
        var out = "Functions (help NAME for details and examples):\n"
        for (title, aggregate) in [("\nin any expression:", false), ("\naggregates, in group … aggregate:", true)] {
            out += title + "\n"
            for f in table.all where f.aggregate == aggregate { out += "  " + f.signature.padding(28) + f.summary + "\n" }
        }
        return out
    }

    /// `docs/commands.md`: the whole reference, generated.
    public static func markdown(_ table: CommandTable) -> String {
        var out = "# Command reference\n\n<!-- generated from the command table by `stmt docs`; do not edit by hand -->\n\n"
        let groups: [(String, CommandRole)] = [("Sources: start a pipeline", .source), ("Sources or stages: start a pipeline, or follow `|`", .sourceOrStage), ("Stages: after `|`", .stage), ("Session commands", .command)]
        for (title, role) in groups {
            out += "## \(title)\n\n| command | summary |\n| --- | --- |\n"
            for c in table.all where c.role == role { out += "| [`\(c.synopsis)`](#\(c.name)) | \(c.summary) |\n" }
            out += "\n"
        }
        out += "## Functions\n\n| function | summary |\n| --- | --- |\n"
        for f in Functions.table.all { out += "| [`\(f.signature)`](#\(f.name)-function) | \(f.summary)\(f.aggregate ? " (aggregate)" : "") |\n" }
        out += "\n"
        for c in table.all {
            out += "## \(c.name)\n\n`\(c.synopsis)` — \(c.summary)\n\n\(c.help)\n\n"
            if !c.aliases.isEmpty { out += "Also: \(c.aliases.map { "`\($0)`" }.joined(separator: ", ")).\n\n" }
            out += markdownExamples(c.examples)
        }
        for f in Functions.table.all {
            out += "## \(f.name) (function)\n\n<a id=\"\(f.name)-function\"></a>`\(f.signature)` — \(f.summary)\n\n"
            if !f.help.isEmpty { out += f.help + "\n\n" }
            out += markdownExamples(f.examples)
        }
        return out
    }
}

extension HelpText {
    /// `stmt-language(7)`: the command language as a manual page (man(7) macros), from the same table.
    public static func manPage(_ table: CommandTable, version: String) -> String {
        var out = ".\\\" Generated from the command table by `stmt docs --man`; do not edit by hand.\n"
        out += ".TH STMT-LANGUAGE 7 \"\" \"\(roff(version))\" \"stmt manual\"\n"
        out += ".SH NAME\nstmt-language \\- the command language of stmt, a shell for statement models\n"
        out += ".SH SYNOPSIS\n.nf\n" + roff("statements | where act = \"urge\" | select id, speakers, content") + "\n.fi\n"
        out += ".SH DESCRIPTION\n"
        out += paragraph("""
        A command is a pipeline: a source that produces a value (a table such as statements, or a query such as find), \
        then stages after | that transform it. Commands are separated by newlines or ;. # starts a comment. \
        A pipeline continues on the next line after a trailing |, and inside an open (, [ or quote.
        """)
        out += paragraph("""
        Values are text, numbers, dates (2014, 2014-02, 2014-02-17), booleans, null, lists, records, tables, and \
        references to entities, statements, documents and relations. Compared with text, an entity matches its id, \
        its name or any alias, case-insensitively, and a group also matches through its members.
        """)
        out += ".SH OPERATORS\n"
        for (op, meaning) in [("= !=", "equal, not equal"), ("< <= > >=", "order numbers, dates and text"),
                              ("~", "case-insensitive contains; on a list, any element"), ("in [a, b]", "equal to any element"),
                              ("has x", "the list contains x"), ("and or not", "logic")] {
            out += ".TP\n\\fB\(roff(op))\\fR\n\(roff(meaning))\n"
        }
        let groups: [(String, CommandRole)] = [("SOURCES", .source), ("SOURCES OR STAGES", .sourceOrStage), ("STAGES", .stage), ("SESSION COMMANDS", .command)]
        for (title, role) in groups {
            out += ".SH \(title)\n"
            for c in table.all where c.role == role {
                out += ".TP\n\\fB\(roff(c.synopsis))\\fR\n\(roff(c.summary)).\n"
                out += ".RS\n"
                for line in c.help.split(separator: "\n") { out += roff(String(line)) + "\n" }
                if !c.aliases.isEmpty { out += ".PP\nAlso: \(roff(c.aliases.joined(separator: ", "))).\n" }
                for e in c.examples {
                    out += ".PP\n\(roff(e.caption)):\n.PP\n.nf\n.RS 2\n"
                    for l in e.input.split(separator: "\n") { out += roff("stmt> " + l) + "\n" }
                    for l in e.output.split(separator: "\n", omittingEmptySubsequences: false) where !e.output.isEmpty { out += roff(String(l)) + "\n" }
                    out += ".RE\n.fi\n"
                }
                out += ".RE\n"
            }
        }
        out += ".SH SEE ALSO\n.BR stmt (1)\n"
        return out
    }

    static func paragraph(_ text: String) -> String { ".PP\n" + roff(text) + "\n" }

    /// Text made safe for roff: backslashes escaped, and a line never starts with a control character.
    static func roff(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "\\", with: "\\e")
        s = s.replacingOccurrences(of: "-", with: "\\-")
        if s.hasPrefix(".") || s.hasPrefix("'") { s = "\\&" + s }
        return s
    }
}
