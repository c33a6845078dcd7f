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
        // The headline's name for the group is one alias, not four (a quoted flow-list item).
        #expect(group.aliases == ["the three countries", "South Korea, U.S., and Japan"])
        #expect(m.entities(named: "South Korea") == [entity("kor")])
        #expect(m.entities(named: "U.S.") == [entity("usa")])
    }

    @Test func aliasesCoverEveryNameTheArticleUsesAndNoDocument() {
        for name in ["North Korea", "DPRK", "Democratic People's Republic of Korea", "U.S.", "United States", "Japan",
                     "South Korea", "Yonhap News Agency", "Matthew Miller", "Miller", "U.S. State Department", "COI",
                     "U.N.", "Workers' Party", "the three countries", "member states"] {
            #expect(!m.entities(named: name).isEmpty, "\(name)")
        }
        // Names of documents are not names of entities.
        for name in ["the joint statement", "the article", "the statement"] { #expect(m.entities(named: name).isEmpty, "\(name)") }
        #expect(m.entities.allSatisfy { $0.id != "un-experts" })
    }

    @Test func theJointCallIsOneActFramedTwiceByTheReporter() throws {
        let s1 = try statement("s1")
        #expect(s1.act.force == "urge" && s1.act.cue == "urged")
        #expect(s1.framings.map(\.act.cue) == ["Demand", "jointly called on"])
        #expect(s1.framings.map(\.act.force) == ["demand", "call"])
        #expect(s1.framings.map { $0.anchor?.line } == [1, 3])
        #expect(s1.framings.allSatisfy { $0.by == entity("reporter") })
        #expect(m.record(id: "s3") == nil && m.record(id: "s2") == nil)
        #expect(m.statementsByForce["urge"]?.contains(try #require(m.statementIds["s1"])) == true)
    }

    @Test func onlyWhatTheArticleCreditsToYonhapComesViaYonhap() throws {
        let r1 = try statement("r1")
        #expect(m.entities[r1.speakers[0]].id == "yonhap" && r1.reported?.by == entity("reporter"))
        let viaYonhap = m.statements.filter { $0.reported?.via == m.statementIds["r1"] }.map(\.id)
        #expect(viaYonhap == ["f1"])
        for id in ["s1", "s4", "s5", "s6", "s7"] {
            let s = try statement(id)
            #expect(s.reported?.via == nil && s.reported?.by == entity("reporter"), "\(id)")
        }
        let f1 = try statement("f1")
        let work = try #require(f1.document)
        #expect(f1.reported?.mode == .mixed && m.documents[work].id == "coi-2014")
    }

    @Test func findingsAndRecommendationsSayOnlyWhatTheTextSays() throws {
        for id in ["f1", "f2", "f3", "c1", "c2"] {
            let s = try statement(id)
            #expect(m.entities[s.speakers[0]].id == "coi", "\(id)")
            #expect(m.documents[try #require(s.document)].id == "coi-2014", "\(id)")
        }
        // f2's words are the finding alone; the participle is a statement of its own, with a note.
        #expect(try !statement("f2").anchors[0].exact.contains("emphasizing"))
        #expect(try statement("f3").act.cue == "emphasizing" && statement("f3").note != nil)
        let c1 = try statement("c1")
        #expect(c1.act.force == "recommend" && c1.content.contains("included") && c1.content.contains("such as"))
        #expect(try statement("c2").reported?.via == m.statementIds["m1"])
    }

    @Test func theSpokespersonsActsKeepTheirPrintedForce() throws {
        for id in ["m1", "m2", "m3", "m4"] {
            let s = try statement(id)
            #expect(s.onBehalfOf == [entity("state-dept")], "\(id)")
            #expect(m.entities[s.speakers[0]].roles == ["spokesperson for the U.S. State Department"])
        }
        #expect(try statement("m2").act.force == "emphasize" && statement("m2").act.cue == "emphasized")
        #expect(try !statement("m3").content.contains("together"))
        #expect(m.entities[entity("member-states")].affiliation == nil)
        let rels = m.relations.filter { $0.from == m.record(id: "m1") && $0.type == "reinforces" }
        #expect(rels.map { m.id(of: $0.to) } == ["s1"])
    }

    @Test func relationsHaveABasisInTheText() throws {
        #expect(!m.relations.contains { $0.type == "restates" })
        #expect(!m.relations.contains { $0.type == "links" })
        #expect(!m.relations.contains { $0.type == "cites" }, "cites is a field of statements, not a relation")
        #expect(m.relations.allSatisfy { $0.note != nil }, "each relation says what in the text it rests on")
        #expect(try statement("s5").act.force == "link")
        #expect(try statement("s6").topics.contains("forced labor"))
    }

    @Test func anniversaryDateIsInferredWithItsBasis() throws {
        let d = try #require(try statement("s1").date)
        #expect(d.value == PartialDate(year: 2024) && d.basis == .inferred)
        #expect(d.note?.contains("10th anniversary") == true)
        #expect(m.documents.first { $0.id == "coi-2014" }?.date?.basis == .stated)
        #expect(try statement("m1").date == nil)
    }
}
