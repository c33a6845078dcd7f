import Foundation
import Testing
@testable import StatementModel

/// The JSON Lines path: same records and diagnostics as YAML, read in chunks on several threads.
@Suite struct JSONLinesTests {
    static func corpus(statements n: Int, badForceAt bad: Int? = nil) -> String {
        var lines = [#"{"record": "model", "format": 1, "model": "lines"}"#,
                     #"{"record": "entity", "id": "e1", "kind": "state", "name": "Kakin", "aliases": ["KAK"]}"#,
                     #"{"record": "entity", "id": "e2", "kind": "person", "name": "Lomar Vel"}"#]
        // Twenty statements to a document, as in real corpora, so each anchor searches a short text.
        for d in 0..<((n + 19) / 20) {
            let text = (d * 20..<min(n, d * 20 + 20)).map { "Kakin urged Lomar Vel to act, item \($0) of the padded series of statements." }
            lines.append(#"{"record": "document", "id": "d\#(d)", "title": "Doc", "text": ""# + text.joined(separator: "\\n") + #""}"#)
        }
        for i in 0..<n {
            let force = i == bad ? "urgee" : "urge"
            lines.append(#"{"record": "statement", "id": "s\#(i)", "speakers": ["e1"], "targets": ["e2"], "act": {"cue": "urged", "force": "\#(force)"}, "content": "Lomar Vel should act (\#(i)).", "source": "d\#(i / 20)", "anchors": [{"exact": "item \#(i) of", "suffix": " the"}]}"#)
        }
        lines.append(#"{"record": "relation", "type": "elaborates", "from": "s1", "to": "s0"}"#)
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func smallFileLoads() throws {
        let f = try Fixture(["m.jsonl": Self.corpus(statements: 3)])
        let m = try f.load("m.jsonl").get()
        #expect(m.name == "lines" && m.statements.count == 3 && m.relations.count == 1)
        #expect(m.statements[2].anchors[0].status == .found && m.statements[2].anchors[0].line == 3)
        #expect(m.documents.count == 1)
        #expect(m.entity(m.statements[0].speakers[0], isNamed: "kak"))
    }

    /// More than one 4 MiB chunk, so statements are resolved on reading threads; a problem late in
    /// the file is still reported at its own line and column.
    @Test func largeFileResolvesAcrossChunksAndLocatesProblems() throws {
        let n = 30_000   // about 9 MiB: three chunks
        let f = try Fixture(["big.jsonl": Self.corpus(statements: n, badForceAt: 25_000)])
        let size = try FileManager.default.attributesOfItem(atPath: f.path("big.jsonl"))[.size] as! Int
        #expect(size > 8 << 20)
        let d = f.diagnostics("big.jsonl")
        #expect(d.count == 1)
        #expect(d.first?.message == "unknown force 'urgee'")
        #expect(d.first?.span?.line == 3 + 1_500 + 25_000 + 1)
        #expect(d.first?.span?.lineText.contains("\"s25000\"") == true)
        let ok = try Fixture(["big.jsonl": Self.corpus(statements: n)])
        let m = try ok.load("big.jsonl").get()
        #expect(m.statements.count == n)
        #expect(m.statements.map(\.id) == (0..<n).map { "s\($0)" })
        #expect(m.statements.allSatisfy { $0.anchors[0].status == .found && $0.speakers == [0] })
        #expect(m.statementsByForce["urge"]?.count == n)
    }

    /// The content column is made after reading, in the anchor pass: each statement's content is a
    /// slice of it (the bytes themselves, not a copy), and the statements with bytes outside ASCII
    /// are listed in order — across chunks, and for statements resolved on either thread.
    @Test func theContentColumnHoldsEachContentOnce() throws {
        let n = 30_000
        var text = Self.corpus(statements: n)
        for i in stride(from: 7, to: n, by: 1_000) { text = text.replacingOccurrences(of: "should act (\(i)).", with: "should act (\(i)) é.") }
        let m = try Fixture(["big.jsonl": text]).load("big.jsonl").get()
        #expect(m.contentStarts.count == n + 1)
        var nonASCII: [Int] = [], inPlace = 0
        m.contentBytes.withUnsafeBufferPointer { column in
            for i in m.statements.indices {
                let content = m.statements[i].content
                let slice = UnsafeBufferPointer(rebasing: column[Int(m.contentStarts[i])..<Int(m.contentStarts[i + 1])])
                #expect(Array(slice) == Array(content.utf8), "\(i)")
                if m.statements[i].withContentUTF8({ $0.baseAddress == slice.baseAddress }) { inPlace += 1 }
                if content.utf8.contains(where: { $0 >= 0x80 }) { nonASCII.append(i) }
            }
        }
        #expect(inPlace == n)
        #expect(m.nonASCIIContent == nonASCII && nonASCII.count == n / 1_000)
    }

    @Test func syntaxErrorNamesLineAndColumn() throws {
        let f = try Fixture(["m.jsonl": #"{"record": "model", "model": "x"}"# + "\n" + #"{"record": "entity", "id": "e1" "kind": "state"}"# + "\n"])
        let d = f.diagnostics("m.jsonl")
        #expect(d.first?.message == "json: expected ',' or '}'")
        let line = #"{"record": "entity", "id": "e1" "kind": "state"}"#
        let column = line.distance(from: line.startIndex, to: line.range(of: "\"kind\"")!.lowerBound) + 1
        #expect(d.first?.span?.line == 2 && d.first?.span?.column == column)
    }

    /// Statement lines the fast reader takes, and lines it must leave to the general reader.
    static let fastLines = [
        #"{"record":"statement","id":"s0","speakers":["e1","e2"],"targets":["e2"],"act":{"cue":"said","force":"assert","cameo":"019"},"content":"Kakin should act.","date":"2011-06-24","topics":["Arms Control","sanctions"],"anchors":["Kakin said"],"source":"d0","reported":{"by":"e2","mode":"paraphrase"}}"#,
        #"  { "record" : "statement" , "id" : "s1", "speakers" : "e1", "on_behalf_of": ["e2"], "addressees": [], "act": {"force": "urge", "cue": "urged"}, "content": "Tab\tand \"quotes\", caf\u00e9, ünïcödé \ud83d\ude00", "place": "", "note": "a note", "status": "confirmed", "confidence": "0.5", "cites": ["d0"], "work": "d0", "anchors": [{"exact": "urged", "prefix": "Kakin ", "suffix": " Lomar", "document": "d0"}, "Kakin"], "reported": {"via": "s0", "by": "e1", "in": "d0", "mode": "direct"}}   "#,
        #"{"content":"Last field first.","act":{"cue":"said","force":"assert"},"speakers":[],"id":"s2","record":"statement"}"#,
    ]
    static let generalLines = [
        #"{"record":"entity","id":"e1","kind":"state","name":"Kakin"}"#,
        #"{"record":"statement","id":"s3","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","framing":{"cue":"demand","force":"demand"}}"#,
        #"{"record":"statement","id":"s3","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","date":{"value":"2011","basis":"stated"}}"#,
        #"{"record":"statement","id":"s3","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","place":null}"#,
        #"{"record":"statement","id":5,"speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x"}"#,
        #"{"record":"statement","id":"s3","speakers":["e1"],"act":{"cue":"said"},"content":"x"}"#,
        #"{"record":"statement","id":"s3","speakers":["e1"],"act":{"cue":"said","force":"assert"}}"#,
        #"{"record":"statement","id":"s3","id":"s4","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x"}"#,
        #"{"record":"statement","i\u0064":"s3","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x"}"#,
        #"{"record":"statement","id":"s3","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","colour":"red"}"#,
        #"{"record":"statement","id":"s3","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","anchors":"x"}"#,
        #"{"record":"statement","id":"s3","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","reported":{"by":"e1"}}"#,
        #"{"record":"statement","id":"s3","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x"} trailing"#,
        #"{"record":"statement","id":"s3","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"bad \u12 escape"}"#,
        #"{"record":"statement","id":"s3","speakers":["e1",],"act":{"cue":"said","force":"assert"},"content":"x"}"#,
        #"{"id":"s3","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x"}"#,
        #"{"record":"statement","id":"s3","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"unterminated}"#,
    ]

    /// Everything a raw statement holds, marks included, as text: the two readers must agree on all of it.
    static func fingerprint(_ chunk: ParsedChunk) -> String {
        var out = ""
        for r in chunk.records { dump(r, to: &out) }
        for d in chunk.diagnostics { out += "\(d.message) @\(d.span?.line ?? 0):\(d.span?.column ?? 0)\n" }
        return out + "failed: \(chunk.failed)"
    }

    static func parse(_ text: String, fast: Bool) -> ParsedChunk {
        let sources = SourceFiles()
        let file = sources.add("m.jsonl", SourceText(text))
        return RecordReader().parseChunk(Array(text.utf8), file: file, firstLine: 1, base: "", maxDepth: 64, sources: sources, fast: fast)
    }

    /// The fast statement reader returns what the general reader returns, value for value and mark
    /// for mark; a line it cannot take (another record, a field it does not read, any problem) it
    /// leaves to the general reader, so the diagnostics are the same too.
    @Test(arguments: fastLines + generalLines)
    func fastReaderAgreesWithGeneralReader(_ line: String) {
        let text = #"{"record":"entity","id":"e0","kind":"state","name":"K"}"# + "\n\n" + line + "\n"
        let fast = Self.parse(text, fast: true), general = Self.parse(text, fast: false)
        #expect(Self.fingerprint(fast) == Self.fingerprint(general))
        #expect(!Self.fingerprint(general).isEmpty)
        // Which reader read it: the fast one takes exactly the plain statement lines.
        var cursor = Self.cursor(line)
        var taken = false
        if cursor.fastStatement() != nil { cursor.skipSpace(); taken = cursor.pos == cursor.end }
        #expect(taken == Self.fastLines.contains(line), "\(line)")
    }

    /// Statement lines for the resolver on the reading thread: ones it takes (every field, escapes,
    /// lists of one, two and three) and ones it must leave to the raw record (an unknown id, a bad
    /// value, a `via`, no source), whose problems the resolver then reports.
    static let directLines = fastLines + generalLines + [
        #"{"record":"statement","id":"t0","speakers":["e1","e2","e3"],"targets":["e1","e2"],"addressees":["e3"],"act":{"cue":"said","force":"assert"},"content":"Line\none","source":"d1","topics":["ÉCONOMIE","x","Y"],"anchors":[{"exact":"Kakin","document":"d0"}],"cites":["d0","d1"],"reported":{"in":"d0","mode":"indirect"},"date":"2019-02","status":"draft","confidence":"1"}"#,
        #"{"record":"statement","id":"t1","speakers":["e9"],"act":{"cue":"said","force":"assert"},"content":"x","source":"d0"}"#,
        #"{"record":"statement","id":"t2","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","source":"d9"}"#,
        #"{"record":"statement","id":"t3","speakers":["e1"],"act":{"cue":"said","force":"asert"},"content":"x","source":"d0"}"#,
        #"{"record":"statement","id":"t4","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","source":"d0","date":"2019-13"}"#,
        #"{"record":"statement","id":"t5","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","source":"d0","status":"sure"}"#,
        #"{"record":"statement","id":"t6","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","source":"d0","confidence":"2"}"#,
        #"{"record":"statement","id":"t7","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","source":"d0","reported":{"by":"e1","mode":"rumour"}}"#,
        #"{"record":"statement","id":"t8","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","source":"d0","anchors":[{"exact":"x","document":"d7"}]}"#,
        #"{"record":"statement","id":"t9","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","source":"d0","reported":{"by":"e8","mode":"direct"}}"#,
        #"{"record":"statement","id":"t10","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","source":"d0","cites":["d0","d5"]}"#,
        #"{"record":"statement","id":"t11","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","source":"d0","work":"d6"}"#,
        #"{"record":"statement","id":"t12","speakers":[],"act":{"cue":"said","force":"assert"},"content":"x","source":"d0"}"#,
        #"{"record":"statement","id":"t13","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"bad \u12 escape","source":"d0"}"#,
        #"{"record":"statement","id":"t14","speakers":["e1"],"act":{"cue":"said","force":"assert"},"content":"x","source":"d0","note":"bad \uZZZZ"}"#,
    ]

    /// A statement line resolved on its reading thread straight from the scan (``ChunkResolver``)
    /// is the statement the raw record and the resolver make of it, field for field and mark for
    /// mark, with the same problems (none: a line that has any is left to them).
    @Test(arguments: directLines)
    func directAndRawStatementsAgree(_ line: String) throws {
        let lines = Array((line + "\n").utf8)
        let (direct, raw) = ChunkResolver.readBothWays(head: Self.directHead, lines: lines)
        #expect(direct == raw)
        #expect(direct.count > 10)
        // Taken straight from the scan: exactly the plain lines that need no word and no builder.
        let plain = [#""id":"s0""#, #""id":"t0""#].contains { line.contains($0) }
        #expect(ChunkResolver.directCount(head: Self.directHead, lines: lines) == (plain ? 1 : 0), "\(line)")
    }

    /// Entities and documents, registered before the lines are read, as the builder registers them before handing out a chunk.
    static let directHead = [#"{"record":"entity","id":"e1","kind":"state","name":"Kakin"}"#,
                             #"{"record":"entity","id":"e2","kind":"person","name":"Lomar Vel"}"#,
                             #"{"record":"entity","id":"e3","kind":"person","name":"Oru"}"#,
                             #"{"record":"document","id":"d0","title":"Doc","text":"Kakin said Kakin urged Lomar Vel to act."}"#,
                             #"{"record":"document","id":"d1","title":"Doc","text":"Line one, by Kakin."}"#].joined(separator: "\n")

    static func cursor(_ line: String) -> JSONLinesParser.Cursor {
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: line.utf8.count)   // lives as long as the test process
        _ = bytes.initialize(from: line.utf8)
        return JSONLinesParser.Cursor(b: UnsafeBufferPointer(bytes), pos: 0, end: bytes.count, lineStart: 0, line: 1, file: 0, maxDepth: 64)
    }

    /// A whole corpus loads to the same model either way (the larger test above reads it fast).
    @Test func fastAndGeneralLoadsAgree() throws {
        let text = Self.corpus(statements: 200)
        let fast = Self.parse(text, fast: true), general = Self.parse(text, fast: false)
        #expect(Self.fingerprint(fast) == Self.fingerprint(general))
        #expect(fast.records.count == 200 + 3 + 10 + 1)
    }

    /// Anchors found on the reading threads (in documents read before their chunk) are what the
    /// anchor pass finds; those not found there (ambiguous, orphaned) are still reported by it.
    @Test func anchorsFoundWhileReadingAreTheSameAsFoundAfter() throws {
        let n = 30_000
        let m = try Fixture(["big.jsonl": Self.corpus(statements: n)]).load("big.jsonl").get()
        var shared = 0
        for s in m.statements {
            for a in s.anchors {
                let fresh = Anchor(exact: a.exact, prefix: a.prefix, suffix: a.suffix, document: a.document)
                let want = AnchorResolver.resolve(fresh, in: m.documents[a.document!].text!).anchor
                #expect(want.status == .found && a.status == .found && a.byteRange == want.byteRange && a.start == want.start
                        && a.end == want.end && a.line == want.line && a.column == want.column, "\(s.id)")
                if a.sharedRange != nil { shared += 1 }
            }
        }
        #expect(shared == n)
        // One ambiguous anchor late in the file (its document's text has the words 20 times).
        var lines = Self.corpus(statements: n).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let bad = lines.firstIndex { $0.contains(#""id": "s26000""#) }!
        lines[bad] = lines[bad].replacingOccurrences(of: #"[{"exact": "item 26000 of", "suffix": " the"}]"#, with: #"["of the padded"]"#)
        let d = try Fixture(["big.jsonl": lines.joined(separator: "\n")]).diagnostics("big.jsonl")
        #expect(d.count == 1 && d.first?.message.contains("AMBIGUOUS") == true && d.first?.span?.line == bad + 1, "\(d.map(\.message))")
    }

    /// JSON that a lenient reader would turn into other text or drop without a word is refused where
    /// it is: an escape JSON does not have, a backslash before a multi-byte character, a field given
    /// twice (also in an object of many fields, found with a set).
    @Test func unknownEscapesAndDuplicateKeysAreLocated() throws {
        let entity = #"{"record": "entity", "id": "e1", "kind": "state", "name": "K"}"#
        func first(_ line: String) throws -> Diagnostic? {
            try Fixture(["m.jsonl": entity + "\n" + line + "\n"]).diagnostics("m.jsonl").first
        }
        // The column of the backslash (all bytes before it are ASCII).
        let backslash = Array(#"{"record": "entity", "id": "e2", "kind": "state", "name": "a"#.utf8).count + 1
        let q = try first(#"{"record": "entity", "id": "e2", "kind": "state", "name": "a\qb"}"#)
        #expect(q?.message == "json: unknown escape '\\q' in a string" && q?.span?.line == 2 && q?.span?.column == backslash)
        let multi = try first(#"{"record": "entity", "id": "e2", "kind": "state", "name": "a\é"}"#)
        #expect(multi?.message.contains("a backslash must be followed by one of") == true && multi?.span?.column == backslash)
        let twice = try first(#"{"record": "entity", "id": "e2", "id": "e3", "kind": "state", "name": "K"}"#)
        #expect(twice?.message == "json: duplicate key 'id' in a mapping" && twice?.span?.column == 34)
        let codes = (0..<20_000).map { #""c\#($0)": "x""# }.joined(separator: ", ")
        let many = try first(#"{"record": "entity", "id": "e2", "kind": "state", "name": "K", "codes": {"# + codes + #", "c7": "y"}}"#)
        #expect(many?.message == "json: duplicate key 'c7' in a mapping")
        let fine = try Fixture(["m.jsonl": entity + "\n" + #"{"record": "entity", "id": "e2", "kind": "state", "name": "a\"\\\/\b\f\n\r\t\u00e9"}"# + "\n"]).load("m.jsonl").get()
        #expect(fine.entities[1].name == "a\"\\/\u{8}\u{c}\n\r\té")
    }
}
