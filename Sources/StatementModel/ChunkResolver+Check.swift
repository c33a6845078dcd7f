extension ChunkResolver {
    /// Reads JSON Lines `lines` twice after a `head` of entities and documents: with the statements
    /// resolved on the reading thread straight from their scan, and through raw records and the
    /// resolver. Describes each result — records, statements field by field (content as text,
    /// wherever it is kept), anchors, problems — so the two can be held equal: by the tests, and
    /// by the jsonl fuzzer on any bytes.
    package static func readBothWays(head: String, lines: [UInt8]) -> (direct: String, raw: String) {
        func read(direct: Bool) -> String {
            var chunk = parse(head: head, lines: lines, direct: direct)
            chunk.snapshot.resolve(&chunk.parsed)
            return describe(chunk.parsed)
        }
        return (read(direct: true), read(direct: false))
    }

    /// How many statements of `lines` were resolved straight from their scan, after `head`.
    package static func directCount(head: String, lines: [UInt8]) -> Int {
        parse(head: head, lines: lines, direct: true).parsed.resolved.count
    }

    /// `lines` read as one chunk after `head`'s entities and documents are registered, as the
    /// builder registers them before it hands out a chunk; `direct`: resolving from the scan.
    private static func parse(head: String, lines: [UInt8], direct: Bool) -> (parsed: ParsedChunk, snapshot: ReferenceSnapshot) {
        var builder = ModelBuilder(loader: ModelLoader())
        builder.addJSONLines(file: builder.sources.add("head.jsonl", SourceText(head)), base: "")
        let snapshot = ReferenceSnapshot(resolver: builder.resolver.referenceSnapshot(), texts: builder.documentTexts)
        let file = builder.sources.add("lines.jsonl", SourceText(bytes: lines))
        let chunk = RecordReader().parseChunk(lines, file: file, firstLine: 1, base: "", maxDepth: 64, sources: builder.sources,
                                              snapshot: direct ? snapshot : nil)
        return (chunk, snapshot)
    }

    private static func describe(_ chunk: ParsedChunk) -> String {
        var out = ""
        for r in chunk.records {
            switch r {
            case .resolvedStatement(let id, let mark, let index, let problems):
                guard let s = chunk.resolved[index] else { out += "missing statement \(index)\n"; continue }
                dump((id, mark, problems.map { "\($0.message) @\($0.span?.line ?? 0):\($0.span?.column ?? 0)" }), to: &out)
                dump((s.id, s.speakers, s.onBehalfOf, s.addressees, s.targets, s.act, s.content, s.date, s.place, s.topics,
                      s.reported, s.cites, s.document, s.status, s.note, s.confidence, s.framings.count), to: &out)
                dump(s.anchors, to: &out)
            default: dump(r, to: &out)
            }
        }
        for d in chunk.diagnostics { out += "\(d.message) @\(d.span?.line ?? 0):\(d.span?.column ?? 0)\n" }
        return out + "failed: \(chunk.failed)"
    }
}
