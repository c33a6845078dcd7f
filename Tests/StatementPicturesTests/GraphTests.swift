import Foundation
import StatementModel
import StatementQuery
import Testing
@testable import StatementPictures

/// `graph`: the seed's graphs, edge by edge; a small model's DOT against a golden file; DOT
/// escaping; rendering through Graphviz and its absence.
@Suite struct GraphTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

    func edges(_ g: Graph) -> Set<String> { Set(g.adjacencyLines()) }

    @Test func theSeedsActorsHaveOneEdgePerSpeakerForceAndTarget() throws {
        let g = try picturesHarness().graph("graph")
        let lines = edges(g)
        // The joint call and Miller's urging are the two "urge" edges; the three states are one cluster.
        #expect(lines.contains("South Korea, the United States, and Japan —urge (1)→ North Korea"))
        #expect(lines.contains("South Korea, the United States, and Japan —emphasize (2)→ North Korea"))
        #expect(lines.contains("U.N. Commission of Inquiry —find (2)→ North Korea"))
        #expect(lines.contains("Matthew Miller —urge (1)→ member states"))
        #expect(lines.contains("Matthew Miller —on behalf of (4)→ U.S. State Department"))
        // An act addressed to no one keeps its speaker.
        #expect(lines.contains("Yonhap News Agency —report (1)"))
        #expect(g.clusters.map(\.label) == ["South Korea, the United States, and Japan"])
        #expect(g.clusters.first?.members == ["e:kor", "e:usa", "e:jpn"])
        // Every statement is counted once per addressee or target (once when it has none).
        let model = try SeedModel.load()
        let expected = model.statements.map { s in max(1, Set(s.addressees + s.targets).count) }.reduce(0, +)
        let acts = g.edges.filter { $0.label != "on behalf of" && $0.listed }
        #expect(acts.map(\.count).reduce(0, +) == expected)
        #expect(Set(acts.flatMap(\.records)).count == 15)
    }

    @Test func aStageDrawsOnlyItsRows() throws {
        let h = try picturesHarness()
        let miller = try h.graph("statements | where speakers has \"Miller\" | graph")
        #expect(miller.adjacencyLines().allSatisfy { $0.hasPrefix("Matthew Miller —") })
        #expect(miller.edges.filter(\.listed).count == 6)
        let chain = try h.graph("statements | where id = \"f1\" | graph chain")
        #expect(edges(chain) == [
            "f1 —part of→ coi-2014", "f1 —in→ article", "r1 —reports (mixed)→ f1", "r1 —part of→ yonhap-report",
            "r1 —cites→ coi-2014", "r1 —in→ article", "the article's reporter —reports (indirect)→ r1",
        ])
        let relations = try h.graph("relations | graph")
        #expect(edges(relations) == ["s1 —commemorates→ coi-2014", "r1 —reports→ s1", "s6 —elaborates→ s5", "m1 —reinforces→ s1"])
        // From statements, the relations that touch them.
        #expect(edges(try h.graph("statements | where id = \"s6\" | graph relations")) == ["s6 —elaborates→ s5"])
    }

    @Test func graphRefusesWhatItCannotDraw() throws {
        let h = try picturesHarness()
        let entities = try #require(h.error("entities | graph"))
        #expect(entities.message == "'graph' draws statements or relations; found kor, not a statement")
        #expect(h.error("graph people")?.hint == "the kinds are: actors, chain, relations")
        #expect(h.error("graph acters")?.hint == "did you mean 'actors'?")
        #expect(h.error("relations | graph chain")?.message == "a graph of chain is drawn from statements; these rows are relations")
        let table = try #require(h.error("statements | save /tmp/stmt-not-a-graph.svg"))
        #expect(table.message == "only a graph can be saved as a picture; this is a table")
        #expect(h.error("graph | save /tmp/x.gif")?.hint?.contains(".svg") == true)
    }

    @Test func theSmallModelsDOTMatchesItsGoldenFile() throws {
        let model = try ModelLoader().load(path: Self.here + "/Golden/small.yaml")
        let g = GraphBuilder.graph(.actors, of: Array(model.statements.indices), in: model)
        let dot = DOTWriter.dot(g, title: model.title ?? model.name)
        let golden = try String(contentsOfFile: Self.here + "/Golden/small.dot", encoding: .utf8)
        #expect(dot == golden, "regenerate with: stmt Tests/StatementPicturesTests/Golden/small.yaml -c 'graph | save Tests/StatementPicturesTests/Golden/small.dot'")
        // Joint speakers meet at a point; the group acts from its cluster; the act with no addressee sits on its speaker.
        #expect(dot.contains("\"e:a\" -> \"j:a+b\" [arrowhead=none, style=dotted];"))
        #expect(dot.contains("subgraph \"cluster_g:council\""))
        #expect(g.adjacencyLines().contains("A–B Council —note (1)"))
    }

    @Test func dotEscapesEveryName() {
        #expect(DOTWriter.quoted("say \"hi\"") == "\"say \\\"hi\\\"\"")
        #expect(DOTWriter.quoted("Aid\\Net") == "\"Aid\\\\Net\"")   // `\N` would be the node's name in a label
        #expect(DOTWriter.quoted("two\nlines\r") == "\"two\\nlines\"")
        #expect(DOTWriter.quoted("bell\u{7}tab\tdel\u{7F}") == "\"bell tab del \"")
        #expect(DOTWriter.quoted("Kovač — 北朝鮮") == "\"Kovač — 北朝鮮\"")
        #expect(DOTWriter.quoted("a\"; b [label=x]; \"c") == "\"a\\\"; b [label=x]; \\\"c\"")
    }

    @Test(.enabled(if: Graphviz().isAvailable, "Graphviz's dot is installed by scripts/setup"))
    func graphvizDrawsEveryNameItIsGiven() throws {
        // Names that would break a naive writer: dot must read the file and draw every label.
        let model = try ModelLoader().load(path: Self.here + "/Golden/small.yaml")
        let g = GraphBuilder.graph(.actors, of: Array(model.statements.indices), in: model)
        let svg = String(decoding: try Graphviz().render(DOTWriter.dot(g, title: "t"), format: "svg"), as: UTF8.self)
        #expect(svg.contains("<svg"))
        for label in ["the &quot;Ministry&quot;", "Aid\\Net", "Ana Kovač", "A–B Council"] {
            #expect(svg.contains(label), "\(label)")
        }
        let dir = try scratchFolder()
        let h = try picturesHarness()
        #expect(try h.run("graph | save \(dir)/seed.svg; graph | save \(dir)/seed.png; graph | save \(dir)/seed.pdf; graph | save \(dir)/seed.dot")
                == ["svg", "png", "pdf", "dot"].map { "saved a graph of 17 edges to \(dir)/seed.\($0)" }.joined(separator: "\n"))
        let png = try Data(contentsOf: URL(fileURLWithPath: dir + "/seed.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = try Data(contentsOf: URL(fileURLWithPath: dir + "/seed.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    @Test func aMissingDotIsAClearErrorNamingThePackage() {
        let none = Graphviz(searchPath: "/nonexistent")
        #expect(!none.isAvailable)
        #expect(throws: Graphviz.Failure.self) { try none.render("digraph { a -> b }", format: "svg") }
        #expect(Graphviz.missing.message == "cannot draw pictures: Graphviz's `dot` program is not installed")
        #expect(Graphviz.missing.hint.contains("graphviz"))
    }

    @Test(.enabled(if: Graphviz().isAvailable, "Graphviz's dot is installed by scripts/setup"))
    func aDotThatStopsReadingDoesNotEndTheProcess() throws {
        // dot rejects the format at once and closes its input while megabytes are still being
        // written: the write must fail quietly (EPIPE), not raise SIGPIPE in this test process.
        let huge = "digraph { " + String(repeating: "a -> b; ", count: 400_000) + "}"
        do {
            _ = try Graphviz().render(huge, format: "no-such-format")
            Issue.record("dot accepted an unknown format")
        } catch {
            #expect(error.message.hasPrefix("dot failed: "))
        }
    }

    @Test(.enabled(if: Graphviz().isAvailable, "Graphviz's dot is installed by scripts/setup"))
    func aRunawayDotIsStopped() throws {
        var slow = Graphviz()
        slow.timeout = 0.05
        // A thousand nodes each joined to the next hundred: far more than dot draws in 50 ms.
        var dot = "digraph { "
        for i in 0..<1000 { for j in 1...100 { dot += "n\(i) -> n\((i + j) % 1000); " } }
        dot += "}"
        let started = Date()
        do {
            _ = try slow.render(dot, format: "svg")
            Issue.record("dot finished within 50 ms")
        } catch {
            #expect(error.message.hasPrefix("dot took longer than"))
        }
        #expect(Date().timeIntervalSince(started) < 10)
    }
}

/// `dot` as a child process: it starts with no signal blocked whatever the thread that starts it
/// blocks (Foundation's Process passed stmt's mask on, so Ctrl-C and SIGTERM could not stop it),
/// and a cancelled render stops it at once.
@Suite struct GraphvizChildTests {
    @Test func theChildStartsWithNoSignalBlocked() throws {
        var blocked = sigset_t(), old = sigset_t()
        sigemptyset(&blocked)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&blocked, s) }
        pthread_sigmask(SIG_BLOCK, &blocked, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        let child = try Child.spawn("/bin/sleep", arguments: ["5"])
        defer { child.stop() }
        let status = try String(contentsOfFile: "/proc/\(child.pid)/status", encoding: .utf8)
        let mask = status.split(separator: "\n").first { $0.hasPrefix("SigBlk:") }.map { $0.split(separator: "\t").last.map(String.init) ?? "" }
        #expect(mask == "0000000000000000", "\(mask ?? "none")")
    }

    /// Only the three pipes reach the child: a descriptor stmt (or its parent) opened without
    /// close-on-exec stayed open in dot.
    @Test func theChildGetsNoOtherDescriptor() throws {
        let leaked = open("/dev/null", O_RDONLY)
        #expect(leaked > 2)
        defer { close(leaked) }
        #expect(Child.openDescriptors().contains(leaked))
        #expect(Child.addCloseFrom != nil, "glibc 2.34 or later has posix_spawn_file_actions_addclosefrom_np")
        let child = try Child.spawn("/bin/sleep", arguments: ["5"])
        defer { child.stop() }
        let fds = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(child.pid)/fd").sorted()
        #expect(fds == ["0", "1", "2"], "\(fds)")
    }

    @Test func aCancelledRenderStopsDot() throws {
        let graphviz = Graphviz()
        guard graphviz.isAvailable else { return }
        // Thousands of crossing edges: dot lays them out for a long time.
        var dot = "digraph g {\n"
        for i in 0..<4_000 { dot += "n\(i % 1_500) -> n\((i * 7 + 1) % 1_500);\n" }
        dot += "}\n"
        let started = Date()
        do {
            _ = try graphviz.render(dot, format: "svg", isCancelled: { Date().timeIntervalSince(started) > 0.5 })
            Issue.record("the render was not cancelled (it finished in \(Date().timeIntervalSince(started)) s)")
        } catch {
            #expect(error.message == "cancelled" && Date().timeIntervalSince(started) < 5)
        }
    }
}
