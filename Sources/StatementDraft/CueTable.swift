/// The reporting words the drafter knows, with their forces and CAMEO codes: one table, so adding a
/// verb is one line (docs/drafting.md says how). Every entry carries an example the tests run.
public enum CueTable {
    /// Nouns a light verb like "express" takes to make a reporting phrase.
    static let feelings: Set<String> = ["concern", "concerns", "desire", "hope", "support", "regret", "condolences", "gratitude",
        "appreciation", "sympathy", "satisfaction", "interest", "commitment", "solidarity", "outrage", "alarm", "dismay", "confidence",
        "disappointment", "opposition", "thanks", "doubt", "doubts", "reservations", "determination", "resolve", "intention", "readiness",
        "sorrow", "grief", "sympathies", "frustration", "anger", "optimism", "pessimism", "surprise", "shock", "relief", "gratitude"]

    /// The table.
    public static let entries: [CueEntry] = [
        // Saying and asserting.
        CueEntry("say", force: "assert", cameo: "010", irregular: ["said"], example: ("Officials said the stock is low.", "said")),
        CueEntry("tell", force: "assert", cameo: "010", needsParticle: true, irregular: ["told"], example: ("Mr. Lee told reporters the talks failed.", "told reporters")),
        CueEntry("state", force: "assert", cameo: "010", needsReportingFollower: true, example: ("The ministry stated that it would respond.", "stated")),
        CueEntry("explain", force: "assert", cameo: "010", example: ("The minister explained that the fees apply.", "explained")),
        CueEntry("add", force: "assert", cameo: "010", needsReportingFollower: true, example: ("She added that the plan was ready.", "added")),
        CueEntry("announce", force: "assert", cameo: "010", example: ("The agency announced a new program.", "announced")),
        CueEntry("report", force: "report", cameo: "010", needsReportingFollower: true, example: ("The agency reported that aid had arrived.", "reported")),
        CueEntry("claim", force: "assert", cameo: "010", needsReportingFollower: true, example: ("The group claimed that it had won.", "claimed")),
        CueEntry("insist", force: "emphasize", cameo: "010", particles: ["on"], example: ("He insisted that the vote was fair.", "insisted")),
        CueEntry("argue", force: "assert", cameo: "010", needsReportingFollower: true, example: ("Critics argued that the tax was unfair.", "argued")),
        CueEntry("describe", force: "assert", cameo: "010", example: ("The report described the conditions as dire.", "described")),
        CueEntry("detail", force: "find", cameo: "010", example: ("The report detailed widespread abuses.", "detailed")),
        CueEntry("confirm", force: "assert", cameo: "010", example: ("The ministry confirmed the deaths.", "confirmed")),
        CueEntry("acknowledge", force: "assert", cameo: "015", example: ("The company acknowledged the delay.", "acknowledged")),
        CueEntry("deny", force: "deny", cameo: "016", example: ("The government denied the report.", "denied")),
        CueEntry("reject", force: "deny", cameo: "016", example: ("The ministry rejected the claims.", "rejected")),
        CueEntry("note", force: "note", cameo: "010", particles: ["with satisfaction", "with concern", "with appreciation"], example: ("The leaders noted with satisfaction that ties were close.", "noted with satisfaction")),
        CueEntry("observe", force: "note", cameo: "010", needsReportingFollower: true, example: ("The envoy observed that the talks had stalled.", "observed")),
        CueEntry("point", force: "note", cameo: "010", particles: ["to", "out"], needsParticle: true, example: ("The statement pointed to the link between the two.", "pointed to")),
        CueEntry("raise", force: "note", cameo: "010", objects: ["concern", "concerns", "issue", "issues", "importance", "question", "questions", "matter", "case", "need", "possibility", "prospect"], irregular: [], example: ("The Prime Minister raised the importance of free elections.", "raised the importance of")),
        CueEntry("inform", force: "assert", cameo: "010", needsReportingFollower: false, example: ("The minister informed parliament that the talks had failed.", "informed")),
        CueEntry("document", force: "find", cameo: "010", example: ("Investigators documented the use of armed drones.", "documented")),
        CueEntry("mention", force: "note", cameo: "010", example: ("She mentioned the new budget.", "mentioned")),
        CueEntry("stress", force: "emphasize", cameo: "010", example: ("The U.N. stressed that taxes would rise.", "stressed")),
        CueEntry("emphasize", force: "emphasize", cameo: "010", example: ("Miller emphasized the commitment.", "emphasized")),
        CueEntry("emphasise", force: "emphasize", cameo: "010", example: ("The minister emphasised the point.", "emphasised")),
        CueEntry("underscore", force: "emphasize", cameo: "010", example: ("The countries underscored that abuses continue.", "underscored")),
        CueEntry("underline", force: "emphasize", cameo: "010", example: ("The minister underlined the risks.", "underlined")),
        CueEntry("highlight", force: "emphasize", cameo: "010", example: ("The report highlighted the violations.", "highlighted")),
        CueEntry("reiterate", force: "emphasize", cameo: "010", example: ("The ministers reiterated their support.", "reiterated")),
        CueEntry("reaffirm", force: "emphasize", cameo: "010", example: ("The leaders reaffirmed their joint resolve.", "reaffirmed")),
        CueEntry("recognize", force: "assert", cameo: "010", needsReportingFollower: false, example: ("They recognized the importance of cooperation.", "recognized")),
        CueEntry("recognise", force: "assert", cameo: "010", example: ("They recognised the importance of trade.", "recognised")),
        CueEntry("find", force: "find", cameo: "010", needsReportingFollower: true, irregular: ["found"], example: ("The inquiry found that crimes had been committed.", "found")),
        CueEntry("conclude", force: "find", cameo: "010", example: ("The panel concluded that the vote was fair.", "concluded")),
        CueEntry("warn", force: "note", cameo: "010", example: ("Aid groups warned that food would run out.", "warned")),
        CueEntry("predict", force: "assert", cameo: "010", example: ("Economists predicted a slowdown.", "predicted")),
        CueEntry("link", force: "link", cameo: "010", example: ("The panel linked the abuses to the weapons program.", "linked")),
        CueEntry("discuss", force: "note", cameo: "040", example: ("The ministers discussed trade and security.", "discussed")),
        CueEntry("exchange", force: "note", cameo: "040", particles: ["thoughts on", "views on", "views about", "ideas on"], needsParticle: true, example: ("The leaders exchanged views on security.", "exchanged views on")),
        CueEntry("speak", force: "assert", cameo: "010", particles: ["with one voice about", "with one voice on", "about", "out against", "out"], needsParticle: true, irregular: ["spoke", "spoken"], example: ("The region is speaking with one voice about peace.", "speaking with one voice about")),
        CueEntry("express", force: "assert", cameo: "010", objects: feelings, example: ("The secretary expressed grave concern about the risk.", "expressed grave concern about")),
        CueEntry("voice", force: "assert", cameo: "010", objects: feelings, example: ("The envoy voiced concern over the delays.", "voiced concern over")),
        CueEntry("extend", force: "assert", cameo: "018", objects: ["condolences", "sympathies", "sympathy", "congratulations", "thanks", "gratitude", "invitation", "support"], example: ("We extend our condolences to the families.", "extend our condolences to")),
        CueEntry("offer", force: "pledge", cameo: "030", objects: ["support", "assistance", "help", "aid", "condolences", "sympathies", "prayers", "cooperation", "mediation"], example: ("She offered full support to the rescue teams.", "offered full support to")),
        // Agreeing and committing.
        CueEntry("agree", force: "commit", cameo: "019", particles: ["unanimously on", "unanimously to", "unanimously that", "on", "to", "upon"], example: ("The leaders agreed that peace was a priority.", "agreed")),
        CueEntry("pledge", force: "pledge", cameo: "030", example: ("The donors pledged $5 million.", "pledged")),
        CueEntry("promise", force: "pledge", cameo: "030", example: ("The minister promised a review.", "promised")),
        CueEntry("vow", force: "pledge", cameo: "030", example: ("Officials vowed to rebuild.", "vowed")),
        CueEntry("commit", force: "commit", cameo: "030", particles: ["to", "itself to", "themselves to", "himself to", "herself to"], needsParticle: true, irregular: ["committed", "committing"], example: ("The two sides committed to talks.", "committed to")),
        CueEntry("decide", force: "declare", cameo: "010", example: ("The council decided to extend the mission.", "decided")),
        CueEntry("declare", force: "declare", cameo: "010", example: ("The president declared a state of emergency.", "declared")),
        // Directing.
        CueEntry("urge", force: "urge", cameo: "020", directive: true, example: ("The statement urged the DPRK to honor its obligations.", "urged")),
        CueEntry("call", force: "call", cameo: "020", particles: ["on", "upon", "for"], needsParticle: true, directive: true, example: ("The three countries called on North Korea to stop.", "called on")),
        CueEntry("demand", force: "demand", cameo: "100", directive: true, example: ("Blinken demanded that the leaders heed that voice.", "demanded")),
        CueEntry("ask", force: "request", cameo: "020", directive: true, example: ("The minister asked donors to help.", "asked")),
        CueEntry("request", force: "request", cameo: "020", directive: true, example: ("The agency requested more funds.", "requested")),
        CueEntry("appeal", force: "request", cameo: "020", particles: ["for", "to"], directive: true, example: ("It appealed for $6.3 million.", "appealed for")),
        CueEntry("seek", force: "request", cameo: "023", particles: ["donations", "help", "aid", "assistance", "support", "funds"], needsParticle: true, irregular: ["sought"], example: ("Malawi is seeking donations to feed refugees.", "seeking donations")),
        CueEntry("recommend", force: "recommend", cameo: "020", directive: true, example: ("The panel recommended that the law be changed.", "recommended")),
        CueEntry("encourage", force: "urge", cameo: "020", directive: true, example: ("The envoy encouraged both sides to talk.", "encouraged")),
        CueEntry("press", force: "urge", cameo: "020", particles: ["for"], needsReportingFollower: false, directive: true, example: ("The envoy pressed Khartoum to act.", "pressed")),
        CueEntry("order", force: "demand", cameo: "100", directive: true, example: ("The authorities ordered the stations to stop.", "ordered")),
        CueEntry("instruct", force: "demand", cameo: "100", directive: true, example: ("The minister instructed officials to report.", "instructed")),
        CueEntry("invite", force: "request", cameo: "020", directive: true, example: ("The council invited the parties to attend.", "invited")),
        CueEntry("advocate", force: "advocate", cameo: "020", particles: ["for"], example: ("Miller spoke, advocating for global action.", "advocating for")),
        CueEntry("propose", force: "recommend", cameo: "020", example: ("The minister proposed a new tax.", "proposed")),
        CueEntry("suggest", force: "recommend", cameo: "020", needsReportingFollower: true, example: ("The study suggested that rates would fall.", "suggested")),
        // Expressing.
        CueEntry("welcome", force: "welcome", cameo: "051", example: ("They welcomed the recent agreement.", "welcomed")),
        CueEntry("praise", force: "welcome", cameo: "051", example: ("The ministers praised the deal.", "praised")),
        CueEntry("applaud", force: "welcome", cameo: "051", example: ("The United States applauds the decision.", "applauds")),
        CueEntry("commend", force: "welcome", cameo: "051", example: ("The envoy commended the mediators.", "commended")),
        CueEntry("thank", force: "welcome", cameo: "051", example: ("The minister thanked the donors.", "thanked")),
        CueEntry("congratulate", force: "welcome", cameo: "051", example: ("The president congratulated the winner.", "congratulated")),
        CueEntry("support", force: "welcome", cameo: "051", needsReportingFollower: true, example: ("The council supported, in a vote, the plan.", "supported")),
        CueEntry("condemn", force: "condemn", cameo: "111", example: ("VOA condemns the shooting of its stringer.", "condemns")),
        CueEntry("denounce", force: "condemn", cameo: "111", example: ("The group denounced the arrests.", "denounced")),
        CueEntry("criticize", force: "condemn", cameo: "111", example: ("Rights groups criticized the law.", "criticized")),
        CueEntry("criticise", force: "condemn", cameo: "111", example: ("Rights groups criticised the law.", "criticised")),
        CueEntry("deplore", force: "condemn", cameo: "111", example: ("The ministers deplored the violence.", "deplored")),
        CueEntry("accuse", force: "condemn", cameo: "112", example: ("The government accused the rebels of attacks.", "accused")),
        CueEntry("blame", force: "condemn", cameo: "112", example: ("Officials blamed the floods for the losses.", "blamed")),
        CueEntry("mourn", force: "commemorate", cameo: "018", example: ("The nation mourned the victims.", "mourned")),
        CueEntry("commemorate", force: "commemorate", cameo: "010", example: ("The leaders commemorated the anniversary.", "commemorated")),
        CueEntry("reinforce", force: "reinforce", cameo: "010", particles: ["the call", "the calls"], needsParticle: true, example: ("Miller reinforced the call for reforms.", "reinforced the call")),
        CueEntry("echo", force: "reinforce", cameo: "010", particles: ["the call", "the calls"], irregular: ["echoed", "echoes"], example: ("The minister echoed the call for calm.", "echoed the call")),
        CueEntry("renew", force: "reinforce", cameo: "010", particles: ["the call", "calls", "its call", "their call"], needsParticle: true, example: ("The group renewed calls for a ceasefire.", "renewed calls")),
    ]

    /// Nouns that report when a possessive names their speaker ("the COI report's recommendations").
    public static let nominal: [String: (force: String, cameo: String)] = [
        "recommendations": ("recommend", "020"), "recommendation": ("recommend", "020"), "call": ("call", "020"),
        "calls": ("call", "020"), "appeal": ("request", "020"), "demand": ("demand", "100"), "demands": ("demand", "100"),
        "findings": ("find", "010"), "conclusion": ("find", "010"), "conclusions": ("find", "010"), "warning": ("note", "010"),
    ]

    /// The table as Markdown, for docs/drafting.md (a test keeps the two the same).
    public static var markdown: String {
        var out = "| verb | forms | with | force | CAMEO | example |\n| --- | --- | --- | --- | --- | --- |\n"
        for e in entries {
            var with = e.particles.map { $0.joined(separator: " ") }
            if !e.objects.isEmpty { with.append("an object: " + e.objects.sorted().prefix(6).joined(separator: ", ") + (e.objects.count > 6 ? ", …" : "")) }
            var notes: [String] = []
            if e.lemma == "tell" { notes.append("only with its object: a name, reporters, a press conference, …") }
            else if e.needsParticle { notes.append("only with these") }
            if e.needsReportingFollower { notes.append("only before that, a comma or a quotation") }
            if e.directive { notes.append("directive: addressee before “to”") }
            let forms = e.forms.sorted().joined(separator: ", ")
            let withText = (with.joined(separator: "; ") + (notes.isEmpty ? "" : (with.isEmpty ? "" : " — ") + notes.joined(separator: "; ")))
            out += "| \(e.lemma) | \(forms) | \(withText) | \(e.force) | \(e.cameo) | \(e.example.sentence) |\n"
        }
        out += "\nNouns with a possessor: " + nominal.keys.sorted().map { "\($0) (\(nominal[$0]!.force))" }.joined(separator: ", ")
            + ". Fixed phrases: according to X (report), attributable to X (assert), X join(s) … in calling for (call).\n"
        return out
    }

    /// The entry for a word form, if it is one.
    public static func entry(for form: String) -> CueEntry? { byForm[form] }

    static let byForm: [String: CueEntry] = {
        var m: [String: CueEntry] = [:]
        for e in entries { for f in e.forms where m[f] == nil { m[f] = e } }
        return m
    }()
}
