/// Small word lists the drafter's rules consult, kept together so a reader sees them at once.
public enum Lexicon {
    /// Determiners and possessives: a reporting word after one is a noun ("the call", "its report").
    public static let determiners: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
        "her", "our", "my", "your", "whose", "any", "each", "every", "no", "some"]
    /// Prepositions, after which a reporting word is a noun or a gerund object.
    public static let prepositions: Set<String> = ["of", "for", "with", "about", "from", "into", "by", "at", "after", "before",
        "without", "under", "over", "against", "among", "between", "through", "during"]
    /// Forms of "be" (passives and progressives).
    public static let be: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "am", "'s"]
    /// Auxiliaries and modals that may stand between a subject and its verb.
    public static let auxiliaries: Set<String> = ["has", "have", "had", "will", "would", "shall", "should", "must", "can",
        "could", "may", "might", "did", "does", "do", "is", "are", "was", "were", "also", "jointly", "separately", "again",
        "both", "all", "then", "further", "publicly", "repeatedly", "once", "not", "never", "previously", "earlier", "later",
        "today", "yesterday", "hereby", "together", "likewise", "similarly", "reportedly", "still", "already", "recently",
        "immediately", "strongly", "firmly", "remain", "remains", "remained", "stand", "stands", "deeply", "fully", "warmly"]
    /// Personal pronouns that may be a speaker.
    public static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]
    /// Noun phrases that stand for a document's author ("The statement urged …").
    public static let documentNouns: Set<String> = ["statement", "report", "readout", "release", "announcement", "communique",
        "communiqué", "declaration", "letter", "resolution", "document", "study", "survey", "notice", "message"]
    /// Words that open an adverbial phrase before a subject ("In September, …", "However, …").
    public static let adverbialOpeners: Set<String> = ["in", "with", "as", "however", "after", "before", "on", "at", "during",
        "last", "this", "earlier", "later", "meanwhile", "separately", "also", "but", "and", "so", "yet", "still", "since",
        "while", "although", "though", "when", "despite", "following", "amid", "under", "for", "from", "by", "speaking",
        "moreover", "furthermore", "additionally", "instead", "today", "yesterday", "now", "then", "once", "over", "within",
        "according", "overall", "finally", "first", "second", "thus", "therefore", "indeed", "nevertheless", "nonetheless",
        "previously", "recently", "similarly", "likewise", "elsewhere", "here", "there", "ahead", "throughout", "upon",
        "last", "next", "each", "every", "to"]
    /// Titles before a person's name ("Secretary Blinken", "VOA Director Danforth W. Austin").
    public static let titles: Set<String> = ["president", "prime", "minister", "secretary", "director", "spokesperson", "spokesman",
        "spokeswoman", "ambassador", "general", "gen.", "commander", "chairperson", "chairman", "chairwoman", "chair", "senator",
        "sen.", "representative", "rep.", "governor", "gov.", "mayor", "king", "queen", "prince", "chancellor", "envoy",
        "deputy", "chief", "mr.", "mrs.", "ms.", "dr.", "professor", "prof.", "judge", "justice", "commissioner", "administrator",
        "undersecretary", "under", "assistant", "principal", "foreign", "defense", "defence", "finance", "interior", "vice",
        "colonel", "col.", "captain", "lieutenant", "officer", "pope", "bishop", "cardinal", "sheikh", "emir", "sultan",
        "leader", "head", "coordinator", "adviser", "advisor", "counselor", "attorney", "refugee", "premier"]
    /// Words that make a name an organization's.
    public static let organizationWords: Set<String> = ["committee", "commission", "council", "program", "programme", "organization",
        "organisation", "union", "association", "agency", "fund", "bank", "board", "service", "group", "forces", "force", "army",
        "police", "party", "court", "institute", "foundation", "network", "federation", "alliance", "coalition", "movement",
        "nations", "watch", "international", "center", "centre", "society", "mission", "delegation", "authority", "authorities",
        "company", "corporation", "inc.", "ltd.", "university", "church", "front", "congress", "parliament", "assembly",
        "secretariat", "office", "department", "ministry", "government", "administration", "cabinet", "embassy", "bureau",
        "borders", "reporters", "journalists", "protect"]
    /// Words that make an organization an office of a state.
    public static let officeWords: Set<String> = ["house", "department", "ministry", "office", "embassy", "bureau", "cabinet", "secretariat",
        "administration", "government"]
    /// Words that make an organization a medium.
    public static let mediaWords: Set<String> = ["news", "radio", "times", "post", "television", "tv", "press", "broadcasting",
        "broadcast", "herald", "tribune", "journal", "gazette", "wire", "voa", "bbc", "cnn", "reuters", "yonhap", "afp",
        "xinhua", "kcna", "voice"]
    /// Plural nouns that make a descriptive phrase a group ("Government officials", "The two leaders").
    public static let groupNouns: Set<String> = ["officials", "leaders", "countries", "states", "nations", "refugees", "ministers",
        "governments", "authorities", "members", "residents", "sides", "parties", "donors", "delegates", "participants",
        "representatives", "experts", "witnesses", "activists", "groups", "organizations", "agencies", "diplomats", "lawmakers",
        "protesters", "citizens", "people", "community", "allies", "partners", "observers", "analysts", "sources", "reports",
        "critics", "journalists", "workers", "students", "doctors", "police", "families", "survivors", "nation", "population",
        "opposition", "public", "victims", "farmers", "teachers", "researchers", "scientists", "economists", "investigators"]
    /// Names that mean the same body, so "U.S." and "the United States" are one entity.
    public static let sameBody: [[String]] = [
        ["united states", "u.s.", "us", "usa", "u.s.a.", "united states of america", "america"],
        ["united nations", "u.n.", "un"],
        ["united kingdom", "u.k.", "uk", "britain", "great britain"],
        ["european union", "eu", "e.u."],
        ["north korea", "dprk", "democratic people's republic of korea"],
        ["south korea", "republic of korea", "rok"],
    ]
}
