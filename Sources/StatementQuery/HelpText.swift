/// Help and reference text generated from the command table.
public enum HelpText {
    /// `help NAME`: usage, explanation, examples.
    public static func detail(_ c: CommandSpec) -> String {
        var out = "\(c.synopsis)\n  \(c.summary)\n\n"
        out += c.help.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        if !c.aliases.isEmpty { out += "\n  also: \(c.aliases.joined(separator: ", "))\n" }
        for e in c.examples {
            out += "\n  # \(e.caption)\n"
            out += e.input.split(separator: "\n").map { "  > " + $0 }.joined(separator: "\n") + "\n"
            if !e.output.isEmpty { out += e.output.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n" }
        }
        return out
    }

    /// `docs/commands.md`: the whole reference, generated.
    public static func markdown(_ table: CommandTable) -> String {
        var out = "# Command reference\n\n<!-- generated from the command table by `stmt docs`; do not edit by hand -->\n\n"
        let groups: [(String, CommandRole)] = [("Sources: start a pipeline", .source), ("Stages: after `|`", .stage), ("Session commands", .command)]
        for (title, role) in groups {
            out += "## \(title)\n\n| command | summary |\n| --- | --- |\n"
            for c in table.all where c.role == role { out += "| [`\(c.synopsis)`](#\(c.name)) | \(c.summary) |\n" }
            out += "\n"
        }
        for c in table.all {
            out += "## \(c.name)\n\n`\(c.synopsis)` — \(c.summary)\n\n\(c.help)\n\n"
            if !c.aliases.isEmpty { out += "Also: \(c.aliases.map { "`\($0)`" }.joined(separator: ", ")).\n\n" }
            for e in c.examples {
                out += "Example — \(e.caption):\n\n```\n" + e.input.split(separator: "\n").map { "stmt> " + $0 }.joined(separator: "\n") + "\n"
                if !e.output.isEmpty { out += e.output + "\n" }
                out += "```\n\n"
            }
        }
        return out
    }
}
