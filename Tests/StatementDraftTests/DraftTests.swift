import Foundation
import StatementModel
import Testing
@testable import StatementDraft

/// Drafts a text (after a one-line title) and returns the draft.
func draft(_ body: String, header: String = "A title", model: Model? = nil) -> Draft {
    var d = Drafter(reusing: model)
    return d.draft(DraftText(header + "\n\n" + body), name: "test")
}

/// The draft written inline and loaded, so anchors are resolved exactly as `stmt check` would.
func loaded(_ d: Draft, with model: (yaml: String, name: String)? = nil) throws -> Model {
    let yaml = DraftWriter(placement: .inline, fileName: "test.txt", header: model == nil).yaml(d)
    var sources = [(file: "draft.yaml", bytes: Array(yaml.utf8), base: "")]
    if let m = model { sources.insert((file: m.name, bytes: Array(m.yaml.utf8), base: ""), at: 0) }
    return try ModelLoader().load(sources: sources, defaultName: "draft", origin: "<test>")
}

func speakerNames(_ d: Draft, _ s: DraftStatement) -> [String] { s.speakers.map { d.entities[$0].name } }

@Suite struct CueTableTests {
    @Test(arguments: CueTable.entries.map { ($0.lemma, $0.example.sentence, $0.example.cue) })
    func eachEntrysExampleIsFound(_ lemma: String, _ sentence: String, _ cue: String) throws {
        let d = draft(sentence)
        #expect(d.statements.contains { $0.cue == cue }, "\(lemma): \(d.statements.map(\.cue)) in \(sentence)")
        #expect(try loaded(d).statements.count == d.statements.count)
    }

    /// docs/drafting.md shows the table between `<!-- cue table -->` markers, generated from the code.
    @Test func theDocsShowTheTableAsItIs() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/drafting.md")
        let doc = try String(contentsOf: url, encoding: .utf8)
        var parts = doc.components(separatedBy: "<!-- cue table -->\n")
        #expect(parts.count == 3, "docs/drafting.md needs the table between two `<!-- cue table -->` lines")
        // STMT_UPDATE_DOCS=1 swift test --filter theDocsShowTheTableAsItIs rewrites the copy.
        if parts.count == 3, ProcessInfo.processInfo.environment["STMT_UPDATE_DOCS"] != nil {
            parts[1] = CueTable.markdown
            try parts.joined(separator: "<!-- cue table -->\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        if parts.count == 3 {
            #expect(parts[1] == CueTable.markdown, "docs/drafting.md's cue table is stale: STMT_UPDATE_DOCS=1 swift test --filter theDocsShowTheTableAsItIs")
        }
    }

    @Test func everyForceIsOneTheModelKnows() {
        for e in CueTable.entries { #expect(Force.named(e.force) != nil, "\(e.lemma): \(e.force)") }
        for (_, n) in CueTable.nominal { #expect(Force.named(n.force) != nil) }
    }

    @Test func inflectionsOfRegularVerbs() {
        #expect(CueEntry.inflections(of: "urge") == ["urge", "urges", "urged", "urging"])
        #expect(CueEntry.inflections(of: "deny") == ["deny", "denies", "denied", "denying"])
        #expect(CueEntry.inflections(of: "stress") == ["stress", "stresses", "stressed", "stressing"])
        #expect(CueEntry.inflections(of: "call") == ["call", "calls", "called", "calling"])
    }
}

@Suite struct ConstructionTests {
    @Test func postposedQuotation() throws {
        let d = draft("“We need to see how that clarifies,” Osundina said.")
        let s = try #require(d.statements.first)
        #expect(s.cue == "said" && s.mode == "direct")
        #expect(s.content == "We need to see how that clarifies")
        #expect(speakerNames(d, s) == ["Osundina"])
    }

    @Test func invertedQuotationWithTitle() throws {
        let d = draft("\"We are so many in the camp,\" said Burundian refugee Niyibigira Goreth, a community leader.")
        let s = try #require(d.statements.first)
        #expect(s.mode == "direct" && speakerNames(d, s) == ["Niyibigira Goreth"])
        #expect(d.entities[s.speakers[0]].kind == .person)
        #expect(d.entities[s.speakers[0]].roles == ["Burundian refugee"])
    }

    @Test func accordingTo() throws {
        let d = draft("According to Yonhap News Agency, the call commemorates the release of the report.")
        let s = try #require(d.statements.first)
        #expect(s.cue == "According to" && speakerNames(d, s) == ["Yonhap News Agency"])
        #expect(s.content == "the call commemorates the release of the report")
        #expect(d.entities[s.speakers[0]].kind == .media)
    }

    @Test func ownVoiceIsTheIssuers() throws {
        let d = draft("We urge both parties to implement the agreement fully.",
                      header: "A statement | U.S. Department of State, Office of the Spokesperson | May 2, 2024 | https://example.org")
        let s = try #require(d.statements.first)
        #expect(speakerNames(d, s) == ["U.S. Department of State"])
        #expect(s.addressees.map { d.entities[$0].name } == ["both parties"])
        #expect(d.date?.value == "2024-05-02")
        let yaml = DraftWriter(placement: .inline, fileName: "t.txt").yaml(d)
        #expect(yaml.contains("reported: {mode: indirect}"), "the issuer's own words are not reported by it")
    }

    @Test func aDatelineDateIsStated() throws {
        let d = draft("Washington, D.C., November 20, 2009 – The Voice of America (VOA) condemns the shooting.", header: "VOA Condemns Shooting")
        #expect(d.date?.value == "2009-11-20" && d.date?.printed == "November 20, 2009")
        #expect(draft("GENEVA, 3 March 2024 — The panel said the talks failed.").date?.value == "2024-03-03")
        #expect(draft("The panel said the talks failed in 2024.").date == nil, "a year alone in a sentence is not the document's date")
    }

    @Test func coordinatedCuesOfOneSubject() throws {
        let d = draft("Secretary Blinken condemned the indiscriminate fighting and urged both military leaders to implement a ceasefire.")
        #expect(d.statements.map(\.cue) == ["condemned", "urged"])
        #expect(d.statements.allSatisfy { speakerNames(d, $0) == ["Blinken"] })
        #expect(d.statements[1].addressees.map { d.entities[$0].name } == ["both military leaders"])
        #expect(d.statements[0].content == "the indiscriminate fighting")
    }

    @Test func nestedReportIsViaTheOuterStatement() throws {
        let d = draft("""
        VOA Director Danforth W. Austin said the shooting is unacceptable. He said VOA joins the Committee to Protect \
        Journalists and Reporters Without Borders in calling for a thorough investigation.
        """)
        #expect(d.statements.map(\.cue) == ["said", "said", "calling for"])
        let inner = d.statements[2]
        #expect(inner.via == 1)
        #expect(speakerNames(d, inner).contains("VOA"))
        #expect(speakerNames(d, d.statements[1]) == ["Danforth W. Austin"], "He is the director")
        #expect(d.entities[d.statements[0].speakers[0]].roles == ["VOA Director"])
    }

    @Test func quotationAcrossSentencesIsOneStatement() throws {
        let text = "\"We are many here,\" said Niyibigira Goreth. \"So, now, all of them are here. It is a big problem.\""
        let d = draft(text)
        #expect(d.statements.count == 1)
        let s = try #require(d.statements.first)
        #expect(d.text.slice(s.anchor).hasSuffix("It is a big problem.\""))
        let m = try loaded(d)
        #expect(m.statements[0].anchors[0].status == .found)
    }

    @Test func pronounsAndDocumentSubjects() throws {
        let d = draft("""
        South Korea, the United States, and Japan jointly called on North Korea to stop. The statement urged the DPRK to \
        honor its obligations. It highlighted policies that harm people. Matthew Miller, spokesperson for the U.S. State \
        Department, emphasized the commitment. He also urged member states to act.
        """)
        #expect(d.statements.map(\.cue) == ["called on", "urged", "highlighted", "emphasized", "urged"])
        let group = d.statements[0].speakers
        #expect(d.statements[1].speakers == group && d.statements[2].speakers == group)
        #expect(d.entities[group[0]].members.count == 3)
        #expect(speakerNames(d, d.statements[4]) == ["Matthew Miller"])
        #expect(d.statements[4].comments.contains { $0.contains("\"He\"") })
    }

    @Test func whatIsNotAReport() {
        #expect(draft("The U.N.'s role in ensuring stability ahead of the election highlights the urgency of resolving this issue.").statements.isEmpty)
        #expect(draft("The shooting came the day journalists met to discuss tensions with the police.").statements.isEmpty)
        #expect(draft("Expanded defense cooperation was perceived as an integral aspect of the ties.").statements.isEmpty)
        #expect(draft("The government responded to a U.N. appeal and reversed its decision.").statements.isEmpty)
        #expect(draft("New taxes would have added $339,000 to the monthly costs.").statements.isEmpty)
        #expect(draft("They discussed policies encouraging greater integration.").statements.map(\.cue) == ["discussed"])
        #expect(draft("Trade between the United States and India grew.").statements.isEmpty)
        #expect(draft("\"We wholeheartedly condemn this act,\" Simmons said.").statements.map(\.cue) == ["said"],
                "a cue inside a quotation is part of the quotation")
    }

    @Test func postposedAttributionWithoutQuotation() throws {
        let d = draft("According to analysts at Meridian Freight, 40 vessels wait. Some importers have begun rerouting cargo, the firm said.")
        #expect(d.statements.map(\.cue) == ["According to", "said"])
        #expect(speakerNames(d, d.statements[0]) == ["analysts at Meridian Freight"])
        #expect(d.statements[1].content == "Some importers have begun rerouting cargo")
    }

    @Test func conditionsAreNotReports() {
        let d = draft("He added that the government would appoint a mediator if the parties requested one.")
        #expect(d.statements.map(\.cue) == ["added"])
    }

    @Test func shortNamesFindTheirEntity() throws {
        let d = draft("""
        The Halden Port Authority rejected that charge. In a statement, the authority said its offer was fair. \
        President Amara Diallo of Westmark and Prime Minister Kenji Sato of Eastland met today. The leaders condemned \
        the attacks. President Diallo emphasized the need for calm. \
        Foreign Minister Ingrid Halvorsen spoke by telephone with her counterpart. She offered full support and said \
        that a team would arrive.
        """)
        let by = Dictionary(d.statements.map { ($0.cue, speakerNames(d, $0)) }, uniquingKeysWith: { a, _ in a })
        #expect(by["rejected"] == ["Halden Port Authority"] && by["said"] == ["Halden Port Authority"])
        #expect(by["condemned"] == ["President Amara Diallo of Westmark and Prime Minister Kenji Sato of Eastland"])
        #expect(by["emphasized"] == ["Amara Diallo"])
        #expect(by["offered full support"] == ["Ingrid Halvorsen"])
        let diallo = try #require(d.entities.first { $0.name == "Amara Diallo" })
        #expect(diallo.roles == ["President of Westmark"] && diallo.kind == .person)
        #expect(d.statements.last.map { speakerNames(d, $0) } == ["Ingrid Halvorsen"], "said after 'and' has her as subject")
    }

    @Test func rulesFromABlindMeasurement() throws {
        // A postposed "according to": the clause before is the content.
        var d = draft("More than 12,000 people have fled their homes, according to the Department of Disaster Management Affairs.")
        #expect(d.statements.map(\.cue) == ["according to"])
        #expect(d.statements.first?.content == "More than 12,000 people have fled their homes")
        // A title described first and the name in apposition: the name speaks.
        d = draft("In Accra, the Minister for Foreign Affairs, Kwame Asante, underscored Ghana's support.")
        #expect(d.statements.first.map { speakerNames(d, $0) } == ["Kwame Asante"])
        // A second verb joins the earlier verb of its own form, not a nested one.
        d = draft("Ghana welcomes the call of the Commission, which demanded a halt, and supports its mediation.")
        #expect(d.statements.map(\.cue) == ["welcomes", "demanded", "supports"])
        #expect(d.statements[2].speakers == d.statements[0].speakers)
        // A quotation split by its attribution is one statement.
        d = draft("\"These are isolated incidents,\" he said, \"and the situation is calm.\"")
        #expect(d.statements.first?.content == "These are isolated incidents and the situation is calm.")
        // A participle after a noun describes it; "committed" reports only as "committed to".
        #expect(draft("Armed groups linked to al-Qaeda also committed serious abuses documented by the panel.").statements.isEmpty)
        // "The Prime Minister" is the latest person with that title; "leaders" and "Both leaders" one group.
        d = draft("Prime Minister Laila Sorensen spoke with President Okello. The Prime Minister underlined the ties. The two leaders discussed trade. Both leaders agreed to meet.")
        #expect(speakerNames(d, d.statements[0]) == ["Laila Sorensen"])
        #expect(d.statements[1].speakers == d.statements[2].speakers)
    }

    @Test func passiveWithAnAgentReports() throws {
        let d = draft("Miller reinforced the call for reforms as recommended by the COI report.")
        #expect(d.statements.map(\.cue) == ["reinforced the call", "recommended"])
        #expect(speakerNames(d, d.statements[1]) == ["COI"])
    }
}

@Suite struct AnchorAndEntityTests {
    @Test func repeatedWordsGetAPrefixThatMakesThemUnique() throws {
        let d = draft("Officials said the stock is low. Donors were told. Officials said the stock is low.")
        #expect(d.statements.count == 2)
        let yaml = DraftWriter(placement: .inline, fileName: "t.txt").yaml(d)
        #expect(yaml.contains("prefix:"))
        let m = try loaded(d)
        #expect(m.statements.allSatisfy { $0.anchors.allSatisfy { $0.status == .found } })
        #expect(Set(m.statements.map { $0.anchors[0].start }).count == 2)
    }

    @Test func entitiesOfAnExistingModelAreReused() throws {
        let existing = """
        format: 1
        model: base
        entities:
          - {id: prk, kind: state, name: North Korea, aliases: [DPRK]}
          - {id: usa, kind: state, name: United States, aliases: [U.S.]}
        """
        let model = try ModelLoader().load(sources: [(file: "base.yaml", bytes: Array(existing.utf8), base: "")], defaultName: "base", origin: "<test>")
        let d = draft("The U.S. urged the DPRK to release the detainees.", model: model)
        let s = try #require(d.statements.first)
        #expect(s.speakers.map { d.entities[$0].id } == ["usa"])
        #expect(s.addressees.map { d.entities[$0].id } == ["prk"])
        #expect(s.id.hasPrefix("d"), "ids clear of the model's")
        let yaml = DraftWriter(placement: .inline, fileName: "t.txt", header: false).yaml(d)
        #expect(!yaml.contains("name: North Korea"), "a reused entity is not written again")
        let joined = try loaded(d, with: (existing, "base.yaml"))
        #expect(joined.entities.count == 2 && joined.statements.count == 1)
    }

    @Test func readableIdsAndKinds() {
        var r = EntityRegistry()
        let coi = r.resolve("the 2014 U.N. Commission of Inquiry (COI) report")!
        #expect(r.entities[coi].id == "coi" && r.entities[coi].kind == .organization)
        #expect(r.resolve("The 2014 COI report") == coi)
        let p = r.resolve("Secretary of State Antony J. Blinken")!
        #expect(r.entities[p].id == "antony-j-blinken" && r.entities[p].kind == .person)
        let simmons = r.resolve("Steven J. Simmons of the Broadcasting Board of Governors (www.bbg.gov)")!
        #expect(r.entities[simmons].name == "Steven J. Simmons" && r.entities[simmons].kind == .person)
        #expect(r.entities[simmons].roles == ["of the Broadcasting Board of Governors"])
        let bank = r.resolve("Bank of America")!
        #expect(r.entities[bank].kind == .organization)
        #expect(r.entities[p].roles == ["Secretary of State"])
        #expect(r.resolve("Blinken") == p)
        #expect(r.resolve("Secretary Blinken") == p)
        #expect(r.resolve("The Secretary") == p)
        let us = r.resolve("the United States")!
        #expect(r.resolve("U.S.") == us && r.entities[us].kind == .state)
        for (name, kind) in [("the United Nations", Entity.Kind.organization), ("Government officials", .group),
                             ("U.S. State Department", .office), ("The White House", .office), ("Human Rights Watch", .organization)] {
            let i = r.resolve(name)!
            #expect(r.entities[i].kind == kind, "\(name)")
        }
    }
}

@Suite struct DraftInputTests {
    static func file(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "stmt-draft-" + UUID().uuidString + ".txt"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func emptyBinaryAndHugeTextsAreRefusedWithAReason() throws {
        let empty = try Self.file(Array("  \n\n".utf8))
        #expect(throws: Diagnostic.self) { try DraftSource.read(empty, gate: .unrestricted) }
        do { _ = try DraftSource.read(empty, gate: .unrestricted) } catch { #expect(error.message.contains("empty")) }
        let binary = try Self.file([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2])
        do { _ = try DraftSource.read(binary, gate: .unrestricted); Issue.record("binary accepted") } catch {
            #expect(error.message.contains("NUL"))
        }
        let huge = try Self.file(Array(String(repeating: "Officials said the stock is low. ", count: 320_000).utf8)) // ~10 MB
        do { _ = try DraftSource.read(huge, gate: .unrestricted); Issue.record("10 MB accepted") } catch {
            #expect(error.message.contains("MB"))
        }
        do { _ = try DraftSource.read("/nonexistent/x.txt", gate: .unrestricted); Issue.record("missing accepted") } catch {
            #expect(error.message.contains("/nonexistent/x.txt"))
        }
        for f in [empty, binary, huge] { try? FileManager.default.removeItem(atPath: f) }
    }

    @Test func charactersYAMLCannotHoldRawStillLoad() throws {
        for odd in ["\u{7F}", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{1B}[31m", "\t", "\r\n", "\u{1}\u{1A}"] {
            // In the text, and in a speaker's name that a `# ?` comment quotes.
            let d = draft("Officials said the stock\(odd) is low. He\(odd) said it was low, and the local\(odd) officials urged calm.")
            #expect(d.statements.count == 3)
            let m = try loaded(d)
            #expect(m.statements.allSatisfy { $0.anchors.allSatisfy { $0.status == .found } }, "\(odd.unicodeScalars.map(\.value))")
        }
    }

    /// Found by the draft fuzz target: a text titled "null" gave the document the id null.
    @Test func idsThatYAMLWouldReadAsSomethingElseAreQuoted() throws {
        for title in ["null", "yes", "No", "2024", "true"] {
            let d = draft("Officials said the stock is low.", header: title)
            let m = try loaded(d)
            #expect(m.documents.count == 1 && m.statements.count == 1, "\(title)")
        }
    }

    @Test func wordsThatRepeatEverywhereGetNoAnchorRatherThanAWrongOne() throws {
        let d = draft(String(repeating: "Officials said it is low. ", count: 60))
        let yaml = DraftWriter(placement: .inline, fileName: "t.txt").yaml(d)
        #expect(yaml.contains("anchor it by hand"))
        let m = try loaded(d)
        #expect(m.statements.allSatisfy { $0.anchors.allSatisfy { $0.status == .found } })
    }

    /// Inputs the draft fuzz target once failed on (Fuzz/seeds/draft-*): each drafts to a model that loads.
    @Test func fuzzFindingsDraftToModelsThatLoad() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fuzz/seeds").standardized.path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("draft-") }.sorted()
        #expect(files.count >= 2)
        for f in files {
            let text = DraftText(try String(contentsOfFile: dir + "/" + f, encoding: .utf8))
            var drafter = Drafter()
            let m = try loaded(drafter.draft(text, name: f))
            #expect(m.statements.allSatisfy { $0.anchors.allSatisfy { $0.status == .found } }, "\(f)")
            _ = Coverage.of(m)
        }
    }

    @Test func aLongTextDraftsInBoundedTime() throws {
        // ~1 MB of varied reporting: the work is linear in the text (each cue looks back a bounded way).
        let sentence = "Officials said the camp's food stock is expected to run out, and the minister urged donors to help. "
        let text = DraftText("A title\n\n" + String(repeating: sentence + "\"We are many,\" said Niyibigira Goreth.\n\n", count: 7_000))
        let start = Date()
        var drafter = Drafter()
        let d = drafter.draft(text, name: "long")
        #expect(d.statements.count == Drafter.maxStatements)
        #expect(Date().timeIntervalSince(start) < 60)
    }
}

@Suite struct SeedDraftTests {
    /// Every statement of the seed model whose cue is in the article is found by a draft of the article.
    @Test func draftOfTheSeedArticleRecoversEverySeedStatement() throws {
        let seed = try SeedModel.load()
        var drafter = Drafter()
        let d = drafter.draft(DraftText(SeedModel.article), name: "000_9d8e6eba5efc7262")
        var checked = 0
        for s in seed.statements {
            guard let a = s.anchors.first, let start = a.start,
                  let r = a.exact.range(of: s.act.cue, options: .caseInsensitive) else { continue }
            let cueStart = start + a.exact.unicodeScalars.distance(from: a.exact.unicodeScalars.startIndex, to: r.lowerBound.samePosition(in: a.exact.unicodeScalars)!)
            let cue = cueStart..<(cueStart + s.act.cue.unicodeScalars.count)
            checked += 1
            #expect(d.statements.contains { $0.cueRange.overlaps(cue) }, "seed \(s.id) (\(s.act.cue)) not drafted")
        }
        #expect(checked >= 14)
        #expect(try loaded(d).statements.count == d.statements.count)
    }

    @Test func coverageOfTheSeedIsComplete() throws {
        let c = Coverage.of(try SeedModel.load())
        #expect(c.count == 1 && c[0].gaps.isEmpty && c[0].sentences == 13)
    }

    @Test func coverageListsTheSentencesNoAnchorTouches() throws {
        let d = draft("Officials said the stock is low. The camp is full. Refugees said food ran out.")
        let m = try loaded(d)
        let c = Coverage.of(m)
        #expect(c[0].gaps.map(\.text) == ["A title", "The camp is full."])
        #expect(c[0].text().hasPrefix("title: 2 of 4 sentences covered (50.0%)"))
        #expect(c[0].gaps[1].line == 3)
    }
}
