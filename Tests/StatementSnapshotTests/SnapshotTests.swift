import Foundation
import Testing
import StatementModel
import StatementTestSupport
@testable import StatementSnapshot

/// Snapshots give the same model as a fresh load, and any damage to one ends in a fresh load,
/// one line on standard error and a rewritten snapshot — never a crash or a wrong answer.
@Suite struct SnapshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    /// Generated corpora (Benchmarks/generate.py), made once: launching processes from many tests at
    /// once is what the suite avoids.
    static let large = generate(2000)
    static let small = generate(300)
    static let tiny = generate(30)

    static func generate(_ n: Int) -> String {
        let dir = root + "/.build/test-artifacts/snapshot-corpus-\(n)"
        try? FileManager.default.removeItem(atPath: dir)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", root + "/Benchmarks/generate.py", String(n), dir]
        p.standardOutput = FileHandle.nullDevice
        do { try p.run() } catch { return dir }
        p.waitUntilExit()
        return dir
    }

    /// A scratch folder with a copy of the seed (model + article) and a generated JSON Lines corpus.
    final class Scratch: @unchecked Sendable {
        let dir: String
        let cacheDir: String
        var lines: [String] = []
        private let lock = NSLock()

        init(statements: Int = 2000) throws {
            dir = NSTemporaryDirectory() + "stmt-snapshot-" + UUID().uuidString
            cacheDir = dir + "/cache"
            try FileManager.default.createDirectory(atPath: dir + "/seed", withIntermediateDirectories: true)
            for f in try FileManager.default.contentsOfDirectory(atPath: root + "/seeds") {
                try FileManager.default.copyItem(atPath: root + "/seeds/" + f, toPath: dir + "/seed/" + f)
            }
            try FileManager.default.copyItem(atPath: statements > 500 ? SnapshotTests.large : statements > 50 ? SnapshotTests.small : SnapshotTests.tiny,
                                             toPath: dir + "/gen")
        }

        var cache: SnapshotCache {
            SnapshotCache(folder: cacheDir, minimumModelBytes: 0, report: { [self] line in lock.lock(); lines.append(line); lock.unlock() })
        }

        deinit { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// Everything a model says, one line per fact, in a fixed order: two models are the same model
    /// when these are equal.
    static func facts(_ m: Model) -> [String] {
        var out = ["model \(m.name) \(m.title ?? "-") \(m.origin)"]
        func a(_ x: Anchor) -> String {
            "[\(x.exact)|\(x.prefix ?? "-")|\(x.suffix ?? "-")|\(x.status)|\(x.document ?? -1)|\(String(describing: x.byteRange))|\(x.start ?? -1)-\(x.end ?? -1)|\(x.line ?? -1):\(x.column ?? -1)]"
        }
        for e in m.entities {
            out.append("entity \(e.id) \(e.kind) \(e.name) \(e.aliases) \(e.codes.sorted { $0.key < $1.key }) \(e.roles) \(e.members) \(e.affiliation ?? -1) \(e.note ?? "-") \(e.status ?? "-") \(String(describing: e.span))")
        }
        for d in m.documents {
            out.append("document \(d.id) \(d.kind) \(d.title) \(d.text?.utf8.count ?? -1) \(d.text?.lineStarts.count ?? -1) \(d.sourcePath ?? "-") \(d.authors) \(d.publisher ?? -1) \(String(describing: d.date)) \(d.place ?? "-") \(d.narrative.map(a)) \(d.residue.map(a)) \(d.note ?? "-") \(d.status ?? "-") \(String(describing: d.span))")
            if let t = d.text { out.append(t.string) }
        }
        func statement(_ s: Statement) -> String {
            "statement \(s.id) \(s.speakers) \(s.onBehalfOf) \(s.addressees) \(s.targets) \(s.act) \(s.framings.map { "\($0.by ?? -1) \($0.act) \($0.anchor.map(a) ?? "-")" }) \(s.content) \(String(describing: s.date)) \(s.place ?? "-") \(s.topics) \(s.anchors.map(a)) \(String(describing: s.reported)) \(s.cites) \(s.document ?? -1) \(s.status) \(s.note ?? "-") \(s.confidence ?? -1)"
        }
        // First one by one and field by field (a restored model decodes each from its row), then all at once.
        let st = m.statements
        out.append("anchor statuses \(st.anchorStatusCounts().sorted { $0.key.rawValue < $1.key.rawValue })")
        // Ids looked up before the map of every id exists: a restored model builds a hash table over
        // its id column instead.
        out.append("not ids \(["", "nope", "s", "S0", "s0 ", st.isEmpty ? "x" : st.id(at: 0) + "x"].map { m.statementIndex(id: $0) ?? -1 })")
        for i in st.indices {
            let people = EntityListField.allCases.map { f in var l: [Int] = []; st.forEachEntity(in: f, of: i) { l.append($0) }; return l }
            out.append("one " + statement(st[i]) + " id \(st.id(at: i)) date \(String(describing: st.date(at: i))) people \(people)"
                       + " found at \(m.statementIndex(id: st.id(at: i)) ?? -1)")
        }

        for s in m.statements { out.append(statement(s)) }
        for r in m.relations { out.append("relation \(r.id) \(r.type) \(r.from) \(r.to) \(r.note ?? "-") \(String(describing: r.span))") }
        out.append("ids \(m.ids.sorted { $0.key < $1.key })")
        out.append("statementIds \(m.statementIds.sorted { $0.key < $1.key })")
        out.append("names \(m.entityNames.sorted { $0.key < $1.key })")
        out.append("bySpeaker \(m.statementsBySpeaker.sorted { $0.key < $1.key })")
        out.append("byTarget \(m.statementsByTarget.sorted { $0.key < $1.key })")
        out.append("byForce \(m.statementsByForce.sorted { $0.key < $1.key })")
        out.append("byTopic \(m.statementsByTopic.sorted { $0.key < $1.key })")
        out.append("relationsByRecord \(m.relationsByRecord.map { "\($0.key) \($0.value)" }.sorted())")
        out.append("groups \(m.groupsOfEntity.sorted { $0.key < $1.key })")
        out.append("content \(m.contentBytes.count) \(m.contentStarts) \(m.nonASCIIContent)")
        return out
    }

    /// The benchmark's questions and a few more, run on a model.
    static func answers(_ m: Model, show: String, target: String) throws -> [String] {
        let h = try Harness(model: m)
        return try [
            "statements | where act = \"urge\" and targets has \"\(target)\" | count",
            "statements | count by speakers",
            "statements | where content ~ \"harbour\" | count",
            "show \(show)",
            "statements | sort date desc | limit 10 | select id, date",
            "statements | where topics has \"sanctions\" | count by act",
            "entities | limit 5",
        ].map { try h.run($0) }
    }

    @Test func aSnapshotGivesTheSameModelAsAFreshLoad() throws {
        let s = try Scratch()
        for path in [s.dir + "/seed", s.dir + "/seed/seed.stmt.yaml", s.dir + "/gen/model.jsonl"] {
            let fresh = try ModelLoader().load(path: path)
            let first = try s.cache.open(path: path, loader: ModelLoader())
            #expect(first.outcome == .written)
            let again = try s.cache.open(path: path, loader: ModelLoader())
            #expect(again.outcome == .restored)
            // Restored statements stay rows until read.
            #expect(!again.model.statements.isDecoded)
            let want = Self.facts(fresh), got = Self.facts(again.model)
            #expect(want.count == got.count)
            for (w, g) in zip(want, got) where w != g { Issue.record("differs:\n  fresh:    \(w.prefix(400))\n  snapshot: \(g.prefix(400))"); break }
        }
        #expect(s.lines.isEmpty)
    }

    @Test func everyBenchmarkQuestionHasTheSameAnswer() throws {
        let s = try Scratch()
        let path = s.dir + "/gen/model.jsonl"
        let fresh = try ModelLoader().load(path: path)
        _ = try s.cache.open(path: path, loader: ModelLoader())
        let restored = try s.cache.open(path: path, loader: ModelLoader())
        #expect(restored.outcome == .restored)
        let q = try String(contentsOfFile: s.dir + "/gen/queries.txt", encoding: .utf8)
        func value(_ k: String) -> String { q.split(separator: "\n").first { $0.hasPrefix(k + "=") }.map { String($0.dropFirst(k.count + 1)) } ?? "" }
        let a = try Self.answers(fresh, show: value("show"), target: value("target"))
        let b = try Self.answers(restored.model, show: value("show"), target: value("target"))
        #expect(a == b)
        #expect(a[2] != "0" && a[1].split(separator: "\n").count > 10)   // they find something, so equal answers mean something
    }

    /// `find` on a restored model reads the anchors' places from the rows, decoding nothing: the
    /// same places and statements as on a fresh load.
    @Test func findReadsAnchorPlacesFromTheRows() throws {
        let s = try Scratch()
        let path = s.dir + "/gen/model.jsonl"
        let fresh = try ModelLoader().load(path: path)
        _ = try s.cache.open(path: path, loader: ModelLoader())
        let restored = try s.cache.open(path: path, loader: ModelLoader()).model
        var want: [String] = [], got: [String] = []
        fresh.statements.forEachAnchorPlace { want.append("\($0) \($1) \($2)") }
        restored.statements.forEachAnchorPlace { got.append("\($0) \($1) \($2)") }
        #expect(want == got && want.count >= fresh.statements.count)
        for word in ["harbour", "the talks", "zzzz"] {
            #expect(try Harness(model: fresh).run("find \"\(word)\"") == Harness(model: restored).run("find \"\(word)\""))
        }
        #expect(!restored.statements.isDecoded)
        #expect(try Harness(model: restored).run("find \"harbour\"").contains("harbour"))
    }

    /// Damages the snapshot in `how`, then opens again: one line naming the reason, a fresh load equal
    /// to the first, and a snapshot that works next time.
    func survives(_ s: Scratch, _ path: String, expect reason: String, _ how: (String) throws -> Void) throws {
        let cache = s.cache
        _ = try cache.open(path: path, loader: ModelLoader())
        let file = cache.entry(for: path)
        try how(file)
        s.lines = []
        let reopened = try cache.open(path: path, loader: ModelLoader())
        #expect(reopened.outcome == .written, "\(reason)")
        #expect(s.lines.count == 1, "\(reason): \(s.lines)")
        if !reason.isEmpty { #expect(s.lines.first?.contains(reason) == true, "expected '\(reason)' in \(s.lines)") }
        #expect(Self.facts(reopened.model) == Self.facts(try ModelLoader().load(path: path)))
        let next = try cache.open(path: path, loader: ModelLoader())
        #expect(next.outcome == .restored, "\(reason): the snapshot was not rewritten")
    }

    static func bytes(_ file: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: file))) }
    static func put(_ b: [UInt8], _ file: String) throws { try Data(b).write(to: URL(fileURLWithPath: file)) }

    @Test func aTruncatedSnapshotIsRebuilt() throws {
        let s = try Scratch(statements: 400)
        let path = s.dir + "/gen/model.jsonl"
        for keep in [0, 5, 20, 31, 32, 100, 5000] {
            try survives(s, path, expect: keep < 8 ? "not a stmt snapshot" : "cut short") { f in try Self.put(Array(try Self.bytes(f).prefix(keep)), f) }
        }
        try survives(s, path, expect: "cut short") { f in try Self.put(Array(try Self.bytes(f).dropLast(1)), f) }
        try survives(s, path, expect: "longer than its header says") { f in try Self.put(try Self.bytes(f) + [0], f) }
    }

    @Test func flippedBytesAnywhereAreCaught() throws {
        let s = try Scratch(statements: 400)
        let path = s.dir + "/gen/model.jsonl"
        var rng = SystemRandomNumberGenerator()
        let size = try Self.bytes(try { _ = try s.cache.open(path: path, loader: ModelLoader()); return s.cache.entry(for: path) }()).count
        // The header's fields, the key, and places spread over the body.
        var places = [0, 7, 8, 12, 16, 24, 31, 40, size / 3, size / 2, size - 9, size - 1]
        for _ in 0..<12 { places.append(Int.random(in: 32..<size, using: &rng)) }
        for at in places {
            let reasons = at < 8 ? "not a stmt snapshot" : at < 12 ? "format" : at < 16 ? "damaged" : ""
            try survives(s, path, expect: reasons) { f in
                var b = try Self.bytes(f)
                b[at] ^= 0x5A
                try Self.put(b, f)
            }
        }
    }

    /// Damage the checksum cannot see (the checksum rewritten to match): the reader still checks every
    /// reference, so it throws or returns a model — it never reads out of bounds or traps.
    @Test func damageBehindAMatchingChecksumNeverCrashes() throws {
        let s = try Scratch(statements: 200)
        let path = s.dir + "/seed"
        _ = try s.cache.open(path: path, loader: ModelLoader())
        let good = try Self.bytes(s.cache.entry(for: path))
        var rng = SystemRandomNumberGenerator()
        var refused = 0, accepted = 0, undecodable = 0
        for round in 0..<300 {
            var b = good
            for _ in 0..<(1 + round % 4) { b[Int.random(in: 32..<b.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            if round % 10 == 0 { b[Int.random(in: 32..<b.count, using: &rng)] = 0xFF; b[Int.random(in: 32..<b.count, using: &rng)] = 0x7F }
            let sum = b.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[32...])) }
            withUnsafeBytes(of: sum.littleEndian) { for k in 0..<8 { b[24 + k] = $0[k] } }
            b.withUnsafeBytes { raw in
                do {
                    let m = try SnapshotImage.model(raw, origin: path)
                    accepted += 1
                    // Statements are decoded when read: whatever would make that fail must have been refused on opening.
                    do { try SnapshotImage.decodeEveryStatement(of: m) } catch { undecodable += 1 }
                    _ = m.statements.all
                } catch { refused += 1 }
            }
        }
        #expect(refused > 0)
        #expect(accepted > 0)
        #expect(undecodable == 0)
    }

    @Test func aChangedModelOrSourceMakesItStale() throws {
        let s = try Scratch(statements: 400)
        let model = s.dir + "/seed/seed.stmt.yaml"
        // The same size, one letter changed, the time put back: the sampled hash still sees it.
        try survives(s, model, expect: "'seed.stmt.yaml' changed") { _ in
            var st = stat(); stat(model, &st)
            var b = try Self.bytes(model)
            let at = b.lastIndex(of: UInt8(ascii: "a"))!
            b[at] = UInt8(ascii: "b")
            try Self.put(b, model)
            var times = [timespec(tv_sec: st.st_atim.tv_sec, tv_nsec: st.st_atim.tv_nsec), st.st_mtim]
            _ = utimensat(AT_FDCWD, model, &times, 0)
        }
        // A document's source text (the article), touched.
        let article = try FileManager.default.contentsOfDirectory(atPath: s.dir + "/seed").first { $0.hasSuffix(".txt") }!
        try survives(s, s.dir + "/seed", expect: "'\(article)' changed") { _ in
            _ = utimes(s.dir + "/seed/" + article, nil)
        }
        // A file added to a folder model.
        try survives(s, s.dir + "/seed", expect: "changed") { _ in
            try "entities:\n  - {id: zz, kind: person, name: Zed Zee}\n".write(toFile: s.dir + "/seed/zz-extra.yaml", atomically: true, encoding: .utf8)
        }
    }

    /// Found by a hostile trial: a model edited while it was being read must not leave a snapshot of
    /// the old text under the new file's key.
    @Test func aFileThatChangesDuringTheLoadLeavesNoSnapshot() throws {
        let s = try Scratch(statements: 400)
        let path = s.dir + "/gen/model.jsonl"
        let model = try ModelLoader().load(path: path)
        var started = timespec()
        clock_gettime(CLOCK_REALTIME, &started)
        let stale = SnapshotCache.LoadRecord(path: path, modelFiles: [path], sources: [], before: [nil], started: started, gate: .unrestricted)
        #expect(s.cache.store(model, stale) == false)
        #expect(s.lines.count == 1 && s.lines[0].contains("changed while it was read"), "\(s.lines)")
        // Changed after the load began (its status-change time is later than the start).
        let before = [SnapshotKey.fingerprint(SnapshotCache.absolute(path), gate: .unrestricted)]
        _ = utimes(path, nil)
        let late = SnapshotCache.LoadRecord(path: path, modelFiles: [path], sources: [], before: before, started: started, gate: .unrestricted)
        s.lines = []
        #expect(s.cache.store(model, late) == false)
        #expect(s.cache.entries().isEmpty)
    }

    /// Found by a hostile trial: a link at the entry's name was written through (it could overwrite the
    /// model or any file); now it is replaced, and the snapshot is private (0600 in a 0700 folder).
    @Test func aLinkAtTheEntryIsReplacedAndSnapshotsArePrivate() throws {
        let s = try Scratch(statements: 400)
        let path = s.dir + "/gen/model.jsonl"
        let notes = s.dir + "/notes.txt"
        try "my notes\n".write(toFile: notes, atomically: true, encoding: .utf8)
        let entry = s.cache.entry(for: path)
        try FileManager.default.createDirectory(atPath: s.cacheDir, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: entry, withDestinationPath: notes)
        _ = try s.cache.open(path: path, loader: ModelLoader())
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes\n")
        var st = stat()
        #expect(lstat(entry, &st) == 0 && FileKind(mode: st.st_mode) == .regular && st.st_mode & 0o777 == 0o600)
        let fresh = try SnapshotTests.Scratch(statements: 400)
        _ = try fresh.cache.open(path: fresh.dir + "/gen/model.jsonl", loader: ModelLoader())
        #expect(stat(fresh.cacheDir, &st) == 0 && st.st_mode & 0o777 == 0o700)
    }

    /// Found by a hostile trial: an edit of the same size outside the sampled blocks, its time put back
    /// (`touch -r`), went unseen; the status-change time (which no user can set) shows it.
    @Test func anEditWithItsTimePutBackIsSeen() throws {
        let s = try Scratch(statements: 2000)
        let path = s.dir + "/gen/model.jsonl"
        _ = try s.cache.open(path: path, loader: ModelLoader())
        var st = stat(); stat(path, &st)
        var b = try Self.bytes(path)
        // A letter of a statement's content, between the sampled blocks.
        let key = Array("\"content\":\"".utf8)
        var at = b.count / 2 + 12_345
        while !b[at..<(at + key.count)].elementsEqual(key) { at += 1 }
        at += key.count
        b[at] = b[at] == UInt8(ascii: "Q") ? UInt8(ascii: "Z") : UInt8(ascii: "Q")
        try Data(b).write(to: URL(fileURLWithPath: path))
        var times = [timespec(tv_sec: st.st_atim.tv_sec, tv_nsec: st.st_atim.tv_nsec), st.st_mtim]
        _ = utimensat(AT_FDCWD, path, &times, 0)
        s.lines = []
        let reopened = try s.cache.open(path: path, loader: ModelLoader())
        #expect(reopened.outcome == .written)
        #expect(s.lines.count == 1 && s.lines[0].contains("changed"), "\(s.lines)")
    }

    /// Leftovers of killed runs are listed and cleared; a file that is not stmt's is never removed.
    @Test func leftoversAreClearedAndForeignFilesKept() throws {
        let s = try Scratch(statements: 30)
        let opened = try s.cache.open(path: s.dir + "/gen/model.jsonl", loader: ModelLoader())
        #expect(opened.outcome == .written, "\(s.lines)")
        let folder = s.cacheDir + "/"
        try Self.put([1, 2, 3], folder + ".model-abc.snapshot.Xy12Zq")
        try Self.put(Array("my vm image".utf8), folder + "myvm.snapshot")
        #expect(s.cache.leftovers().count == 1)
        #expect(s.cache.entries().count == 1)
        let gone = try s.cache.clear()
        #expect(gone.count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["myvm.snapshot"])
    }

    @Test func anotherFormatVersionOrAForeignFileIsIgnored() throws {
        let s = try Scratch(statements: 400)
        let path = s.dir + "/gen/model.jsonl"
        try survives(s, path, expect: "snapshot format 99") { f in
            var b = try Self.bytes(f)
            b[8] = 99; b[9] = 0; b[10] = 0; b[11] = 0
            try Self.put(b, f)
        }
        try survives(s, path, expect: "not a stmt snapshot") { f in try "hello\n".write(toFile: f, atomically: true, encoding: .utf8) }
        try survives(s, path, expect: "not a stmt snapshot") { f in try Self.put([UInt8](repeating: 0, count: 10_000), f) }
    }

    @Test func aModelThatDoesNotLoadKeepsItsErrorsAndWritesNothing() throws {
        let s = try Scratch(statements: 10)
        let bad = s.dir + "/bad.yaml"
        try "statements:\n  - id: s1\n    speakers: [nobody]\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticList.self) { try s.cache.open(path: bad, loader: ModelLoader()) }
        #expect(s.cache.entries().isEmpty)
    }

    @Test func smallModelsGetNoSnapshotAndTheFolderIsBounded() throws {
        let s = try Scratch(statements: 400)
        var cache = s.cache
        cache.minimumModelBytes = 1 << 20
        #expect(try cache.open(path: s.dir + "/seed", loader: ModelLoader()).outcome == .skipped)
        #expect(cache.entries().isEmpty)
        cache.minimumModelBytes = 0
        _ = try cache.open(path: s.dir + "/gen/model.jsonl", loader: ModelLoader())
        let big = cache.entries()[0].bytes
        // Room for one snapshot only: opening a second model drops the least recently used.
        cache.limitBytes = big + 10
        _ = try cache.open(path: s.dir + "/seed", loader: ModelLoader())
        #expect(cache.entries().map { ($0.path as NSString).lastPathComponent.hasPrefix("seed") } == [true])
        let cleared = try cache.clear()
        #expect(cleared.count == 1)
        #expect(cache.entries().isEmpty)
    }

    /// The writer checksums the body as it streams it out in pieces; the reader checksums the mapped
    /// file whole, on both cores: the two must agree for every size and every way of cutting it.
    @Test func theStreamedChecksumIsTheWholeChecksum() {
        var rng = SystemRandomNumberGenerator()
        for size in [0, 1, 31, 32, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 7 << 19, 5 << 20] {
            var bytes = [UInt8](repeating: 0, count: size)
            var x = UInt64.random(in: 1...UInt64.max, using: &rng)
            for i in 0..<size { x ^= x << 13; x ^= x >> 7; x ^= x << 17; bytes[i] = UInt8(truncatingIfNeeded: x) }
            let whole = bytes.withUnsafeBytes { Checksum.of($0) }
            var stream = Checksum.Stream()
            var at = 0
            while at < size {
                let n = min(size - at, Int.random(in: 1...(3 << 19), using: &rng))
                bytes.withUnsafeBytes { stream.add(UnsafeRawBufferPointer(rebasing: $0[at..<(at + n)])) }
                at += n
            }
            #expect(stream.finish() == whole, "size \(size)")
            if size > 0 {
                var flipped = bytes
                flipped[size / 2] ^= 1
                #expect(flipped.withUnsafeBytes { Checksum.of($0) } != whole)
            }
        }
    }

    /// The snapshot fuzz target starts from images of the seed and of a small corpus kept in
    /// Fuzz/seeds; they must be of the current format. `STMT_UPDATE_FUZZ_SEEDS=1 swift test --filter
    /// fuzzSeedsDecode` rewrites them after a format change.
    @Test func fuzzSeedsDecode() throws {
        let s = try Scratch(statements: 30)
        let seeds = Self.root + "/Fuzz/seeds/"
        let models = ["snapshot-seed.bin": s.dir + "/seed", "snapshot-corpus.bin": s.dir + "/gen/model.jsonl"]
        for (name, path) in models.sorted(by: { $0.key < $1.key }) {
            if ProcessInfo.processInfo.environment["STMT_UPDATE_FUZZ_SEEDS"] != nil {
                _ = try s.cache.open(path: path, loader: ModelLoader())
                try Self.put(try Self.bytes(s.cache.entry(for: path)), seeds + name)
            }
            let image = try Self.bytes(seeds + name)
            #expect(image.count <= 131_072, "\(name) is over the fuzz target's -max_len")
            let m = try image.withUnsafeBytes { raw throws(SnapshotError) in try SnapshotImage.model(raw, origin: "seed") }
            #expect(m.statements.count > 0, "\(name): regenerate with STMT_UPDATE_FUZZ_SEEDS=1 swift test --filter fuzzSeedsDecode")
        }
    }

    /// What the snapshot fuzz target found, kept as inputs: each is refused with an error, not a trap.
    /// 1: two index keys naming equal strings trapped in Dictionary(uniqueKeysWithValues:).
    @Test func fuzzFindingsAreRefused() throws {
        let seeds = Self.root + "/Fuzz/seeds/"
        let found = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasPrefix("snapshot-regression-") }
        #expect(!found.isEmpty)
        for name in found {
            let image = try Self.bytes(seeds + name)
            let refused: Bool = image.withUnsafeBytes { raw in
                do { _ = try SnapshotImage.model(raw, origin: "fuzz", verifyingChecksum: false); return false } catch { return true }
            }
            #expect(refused, "\(name) was read as a model")
        }
    }

    @Test func theStandardFolderFollowsXDG() {
        #expect(SnapshotCache.standard(environment: ["XDG_CACHE_HOME": "/x/c", "HOME": "/h"])?.folder == "/x/c/stmt")
        #expect(SnapshotCache.standard(environment: ["HOME": "/h"])?.folder == "/h/.cache/stmt")
        #expect(SnapshotCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"])?.folder == "/h/.cache/stmt")
        #expect(SnapshotCache.standard(environment: [:]) == nil)
        #expect(SnapshotCache.standard(environment: ["HOME": "/h", "STMT_CACHE_LIMIT": "512M"])?.limitBytes == 512 << 20)
        #expect(SnapshotCache.parseSize("2G") == 2 << 30)
        #expect(SnapshotCache.parseSize("512MB") == 512 << 20)
        #expect(SnapshotCache.parseSize("1.5G") == 3 << 29)
        #expect(SnapshotCache.parseSize("2 MiB") == 2 << 20)
        #expect(SnapshotCache.parseSize("lots") == nil)
        #expect(SnapshotCache.parseSize("-5") == nil)
        #expect(SnapshotCache.parseSize("1e3") == nil)
    }
}
