import Foundation
import Testing
@testable import StatementModel

/// The seed model is complete and right about what the article says.
@Suite struct SeedModelTests {
    let m: Model

    init() throws { m = try SeedModel.load() }

    func statement(_ id: String) throws -> Statement {
        guard case .statement(let i)? = m.record(id: id) else { throw Diagnostic("no statement \(id)") }
        return m.statements[i]
    }
    func entity(_ id: String) -> Int { m.entities.firstIndex { $0.id == id }! }

    @Test func everyAnchorIsFoundAndEveryReferenceResolved() {
        let anchors = m.allAnchors
        #expect(anchors.count >= 18)
        for a in anchors { #expect(a.anchor.status == .found, "\(a.anchor.exact)") }
    }

    @Test func seedArticleIsTheSharedFileVerbatim() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let shipped = try String(contentsOf: here.appendingPathComponent("../../seeds/000_9d8e6eba5efc7262.txt"), encoding: .utf8)
        #expect(shipped == SeedModel.article)
        let article = try #require(m.documents.first { $0.id == "article" }?.text)
        #expect(article.string == shipped)
    }

    /// Every sentence, headline included, overlaps an anchor (statement, framing or narrative);
    /// the page residue is marked as not content.
    @Test func everySentenceIsCovered() throws {
        let d = try #require(m.documents.firstIndex { $0.id == "article" })
        let text = try #require(m.documents[d].text)
        let ranges = m.allAnchors.filter { $0.anchor.document == d && $0.role != "residue" }.compactMap(\.anchor.byteRange)
        var sentences: [Range<Int>] = []
        var start = 0
        let bytes = text.utf8
        for i in bytes.indices {
            let endOfSentence = bytes[i] == UInt8(ascii: "\n")
                || (bytes[i] == UInt8(ascii: ".") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: " ")
                    && !(i >= 1 && bytes[i - 1] == UInt8(ascii: "S")) && !(i >= 1 && bytes[i - 1] == UInt8(ascii: "N")))
            if endOfSentence {
                if i > start { sentences.append(start..<i) }
                start = i + 1
            }
        }
        if start < bytes.count { sentences.append(start..<bytes.count) }
        let residue = m.documents[d].residue.compactMap(\.byteRange)
        var covered = 0
        for s in sentences {
            let sentence = text.slice(s.lowerBound, s.upperBound).trimmingCharacters(in: .whitespaces)
            if sentence.isEmpty { continue }
            if residue.contains(where: { $0.overlaps(s) }) { continue }
            #expect(ranges.contains { $0.overlaps(s) }, "not covered: \(sentence)")
            covered += 1
        }
        #expect(covered >= 12)
        #expect(m.documents[d].residue.map(\.exact) == ["scroll to top"])
    }

    @Test func jointSpeakersAreAGroupOfThreeStates() throws {
        let s1 = try statement("s1")
        let group = m.entities[s1.speakers[0]]
        #expect(group.kind == .group)
        #expect(Set(group.members.map { m.entities[$0].id }) == ["kor", "usa", "jpn"])
        #expect(m.entity(s1.speakers[0], isNamed: "U.S."))
    }

    @Test func aliasesCoverEveryNameTheArticleUses() {
        for name in ["North Korea", "DPRK", "Democratic People's Republic of Korea", "U.S.", "United States", "Japan",
                     "South Korea", "Yonhap News Agency", "Matthew Miller", "Miller", "U.S. State Department", "COI",
                     "U.N.", "Workers' Party", "the three countries", "member states"] {
            #expect(!m.entities(named: name).isEmpty, "\(name)")
        }
    }

    @Test func reportedSpeechIsNestedNotFlattened() throws {
        // f1 (the COI's finding) <- s2 (the states' statement) <- r1 (Yonhap) <- the article's reporter.
        let f1 = try statement("f1")
        let s2 = m.statements[try #require(f1.reported?.via)]
        #expect(s2.id == "s2")
        let r1 = m.statements[try #require(s2.reported?.via)]
        #expect(r1.id == "r1" && m.entities[r1.speakers[0]].id == "yonhap")
        #expect(r1.reported?.by == entity("reporter"))
        #expect(m.documents[try #require(f1.document)].id == "coi-2014")
    }

    @Test func reporterFramingIsKeptApartFromTheSpeakersVerb() throws {
        let s1 = try statement("s1")
        #expect(s1.act.force == "call" && s1.act.cue == "jointly called on")
        #expect(s1.framing?.act.force == "demand" && s1.framing?.act.cue == "Demand")
        #expect(s1.framing?.anchor?.line == 1)
        #expect(try statement("s3").act.cue == "urged")
    }

    @Test func findingsAndRecommendationsBelongToTheCOIReport() throws {
        for id in ["f1", "f2", "c1"] {
            let s = try statement(id)
            #expect(m.entities[s.speakers[0]].id == "coi")
            #expect(m.documents[try #require(s.document)].id == "coi-2014")
        }
        #expect(try statement("c1").act.force == "recommend")
    }

    @Test func spokespersonSpeaksForTheDepartmentAndReinforcesTheJointCall() throws {
        let m1 = try statement("m1")
        #expect(m.entities[m1.speakers[0]].roles == ["spokesperson of the U.S. State Department"])
        #expect(m1.onBehalfOf == [entity("state-dept")])
        let rels = m.relations.filter { $0.from == m.record(id: "m1") && $0.type == "reinforces" }
        #expect(rels.map { m.id(of: $0.to) } == ["s1"])
    }

    @Test func abusesLinkToWeaponsThroughForcedLabour() throws {
        #expect(try statement("s5").act.force == "link")
        #expect(try statement("s6").topics.contains("forced labor"))
        #expect(m.relations.contains { $0.type == "links" && $0.from == m.record(id: "s6") })
        #expect(try statement("s4").topics.contains("freedom of movement"))
    }

    @Test func anniversaryDateIsInferredWithItsBasis() throws {
        let d = try #require(try statement("s1").date)
        #expect(d.value == PartialDate(year: 2024) && d.basis == .inferred)
        #expect(d.note?.contains("10th anniversary") == true)
        #expect(m.documents.first { $0.id == "coi-2014" }?.date?.basis == .stated)
    }
}
