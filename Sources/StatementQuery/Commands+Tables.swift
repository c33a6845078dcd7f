import StatementModel

extension Commands {
    static func modelTable(_ name: String, _ summary: String, _ help: String, _ example: Example,
                           rows: @escaping @Sendable (Model) -> [Value]) -> CommandSpec {
        CommandSpec(name: name, synopsis: name, summary: summary, help: help, examples: [example], role: .source, shape: .none) { inv in
            let columns = Fields.defaultColumns[name]!
            if name == "statements" { return .value(.table(Table(allStatements: inv.session.model.statements.count, columns: columns))) }
            return .value(.table(Table(kind: name, columns: columns, rows: rows(inv.session.model))))
        }
    }

    static let tables: [CommandSpec] = [
        modelTable("statements", "every statement of the model",
                   "One row per statement. Fields: \(Fields.statement.joined(separator: ", ")).\n`act` is the normalized force, `cue` the verbatim words, `framing`/`framed_as` the reporter's word for the act.",
                   Example("count the statements", "statements | count", "15")) { m in m.statements.indices.map(Value.statement) },
        modelTable("entities", "every entity: states, organizations, offices, people, groups, media",
                   "One row per entity. Fields: \(Fields.entity.joined(separator: ", ")).",
                   Example("entities of one kind", "entities | where kind = \"state\" | select id, name", """
                   id  │ name
                   ────┼──────────────
                   kor │ South Korea
                   usa │ United States
                   jpn │ Japan
                   prk │ North Korea
                   (4 rows)
                   """)) { m in m.entities.indices.map(Value.entity) },
        modelTable("documents", "the source texts and the works they cite",
                   "One row per document. Fields: \(Fields.document.joined(separator: ", ")).",
                   Example("documents with a date", "documents | where date != null | select id, date, date_basis", """
                   id              │ date │ date_basis
                   ────────────────┼──────┼───────────
                   article         │ 2024 │ inferred
                   joint-statement │ 2024 │ inferred
                   coi-2014        │ 2014 │ stated
                   (3 rows)
                   """)) { m in m.documents.indices.map(Value.document) },
        modelTable("relations", "typed links between statements and documents",
                   "One row per relation. Fields: \(Fields.relation.joined(separator: ", ")). Types: \(Relation.types.map(\.name).joined(separator: ", ")).",
                   Example("what reinforces what", "relations | where type = \"reinforces\"", """
                   id   │ type       │ from │ to │ note
                   ─────┼────────────┼──────┼────┼─────────────────────────────────
                   rel4 │ reinforces │ m1   │ s1 │ "separately reinforced the call"
                   (1 row)
                   """)) { m in m.relations.indices.map(Value.relation) },
        CommandSpec(name: "quotes", synopsis: "quotes", summary: "every anchor: document, line, column, owner and exact text",
                    help: "One row per anchor (statement anchors, framing, narrative and residue). Fields: \(Fields.quote.joined(separator: ", ")).",
                    examples: [Example("page residue", "quotes | where role = \"residue\" | select document, line, text", """
                    document │ line │ text
                    ─────────┼──────┼──────────────
                    article  │ 15   │ scroll to top
                    (1 row)
                    """)], role: .source, shape: .none) { inv in .value(.table(Fields.quotes(inv.session.model))) },
    ]

    @Sendable static func readVariable(_ inv: Invocation) throws -> Output {
        guard case .variable(let name, let span) = inv.arguments else { return .none }
        return .value(try inv.evaluator.variable(name, span))
    }

    @Sendable static func runSubpipeline(_ inv: Invocation) throws -> Output {
        guard case .subpipeline(let p) = inv.arguments else { return .none }
        return try inv.evaluator.run(p)
    }
}
