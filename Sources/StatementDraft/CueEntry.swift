/// One reporting word of the cue table: its forms, what may follow it, and what it means.
public struct CueEntry: Sendable {
    /// The base form ("urge", "call").
    public var lemma: String
    /// Every form that counts ("urge", "urges", "urged", "urging").
    public var forms: Set<String>
    /// The model's force for it.
    public var force: String
    /// Its CAMEO event code.
    public var cameo: String
    /// Words that may follow it as part of the cue ("on", "for", "with satisfaction"); the longest that matches is taken.
    public var particles: [[String]]
    /// It counts only with one of its particles ("called on", "pointed to"; a bare "called" is not reporting).
    public var needsParticle: Bool
    /// It counts only before one of these (a bare "added $339,000" is arithmetic, "added that" is reporting):
    /// "that", ",", ":", a quotation mark, or the end of the clause.
    public var needsReportingFollower: Bool
    /// A light verb: it counts only when one of these nouns comes within a few words ("expressed grave concern about").
    public var objects: Set<String>
    /// A directive: the words after it up to "to" are its addressee ("urged both leaders to …").
    public var directive: Bool
    /// A sentence that uses it, and the cue the drafter must find in it (checked by the tests).
    public var example: (sentence: String, cue: String)

    /// An entry; the forms are made from the lemma (regular inflection) plus any irregular ones given.
    public init(_ lemma: String, force: String, cameo: String, particles: [String] = [], needsParticle: Bool = false,
                needsReportingFollower: Bool = false, objects: Set<String> = [], directive: Bool = false,
                irregular: [String] = [], example: (String, String)) {
        self.lemma = lemma
        // An irregular past or participle replaces the regular one ("said", not "sayed"; "committing", not "commiting").
        var regular = Self.inflections(of: lemma)
        if irregular.contains(where: { !$0.hasSuffix("s") && !$0.hasSuffix("ing") }) { regular.removeAll { $0.hasSuffix("ed") || $0.hasSuffix("d") && $0 != lemma } }
        if irregular.contains(where: { $0.hasSuffix("ing") }) { regular.removeAll { $0.hasSuffix("ing") } }
        self.forms = Set(regular + irregular)
        self.force = force
        self.cameo = cameo
        self.particles = particles.map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }
        self.needsParticle = needsParticle
        self.needsReportingFollower = needsReportingFollower
        self.objects = objects
        self.directive = directive
        self.example = example
    }

    /// The regular forms of an English verb: base, -s, -ed, -ing.
    static func inflections(of verb: String) -> [String] {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if verb.hasSuffix("e") {
            let stem = String(verb.dropLast())
            return [verb, verb + "s", verb + "d", stem + "ing"]
        }
        if verb.hasSuffix("y"), let before = verb.dropLast().last, !vowels.contains(before) {
            let stem = String(verb.dropLast())
            return [verb, stem + "ies", stem + "ied", verb + "ing"]
        }
        if verb.hasSuffix("s") || verb.hasSuffix("sh") || verb.hasSuffix("ch") || verb.hasSuffix("x") {
            return [verb, verb + "es", verb + "ed", verb + "ing"]
        }
        return [verb, verb + "s", verb + "ed", verb + "ing"]
    }
}
