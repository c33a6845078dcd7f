/// The normalized illocutionary force of a statement, from a small documented vocabulary.
///
/// The verbatim cue ("called on", "urged") is kept beside it on ``Act``; the force is what lets
/// `where act = "urge"` find every urging however it was worded. Forces roll up into classes
/// (Searle's), the way CAMEO codes roll up by their root.
public struct Force: Sendable, Hashable {
    /// The name used in model files and queries, e.g. `urge`.
    public let name: String
    /// The class it rolls up to: assertive, directive, commissive, expressive or declarative.
    public let family: String
    /// One line on when to use it.
    public let summary: String

    /// Every force the model accepts, in documentation order.
    public static let vocabulary: [Force] = [
        Force(name: "assert", family: "assertive", summary: "states something as true"),
        Force(name: "report", family: "assertive", summary: "relays what someone else said or did"),
        Force(name: "find", family: "assertive", summary: "states a conclusion of an inquiry or investigation"),
        Force(name: "note", family: "assertive", summary: "points something out in passing"),
        Force(name: "emphasize", family: "assertive", summary: "stresses or underscores a point"),
        Force(name: "link", family: "assertive", summary: "asserts a connection between two things"),
        Force(name: "deny", family: "assertive", summary: "rejects a claim"),
        Force(name: "call", family: "directive", summary: "calls on someone to act"),
        Force(name: "urge", family: "directive", summary: "presses someone to act"),
        Force(name: "demand", family: "directive", summary: "requires an action, with insistence"),
        Force(name: "recommend", family: "directive", summary: "advises a course of action"),
        Force(name: "advocate", family: "directive", summary: "argues publicly for a course of action"),
        Force(name: "request", family: "directive", summary: "asks for something"),
        Force(name: "commit", family: "commissive", summary: "binds the speaker to a course of action"),
        Force(name: "pledge", family: "commissive", summary: "promises something"),
        Force(name: "commemorate", family: "expressive", summary: "marks an occasion or anniversary"),
        Force(name: "condemn", family: "expressive", summary: "expresses strong disapproval"),
        Force(name: "welcome", family: "expressive", summary: "expresses approval"),
        Force(name: "reinforce", family: "expressive", summary: "backs up another speaker's act"),
        Force(name: "declare", family: "declarative", summary: "changes a state of affairs by saying so"),
    ]

    private static let byName: [String: Force] = Dictionary(uniqueKeysWithValues: vocabulary.map { ($0.name, $0) })

    /// The force with this name, if it is in the vocabulary.
    public static func named(_ name: String) -> Force? { byName[name] }

    /// All force names, for hints and completion.
    public static var names: [String] { vocabulary.map(\.name) }
}
