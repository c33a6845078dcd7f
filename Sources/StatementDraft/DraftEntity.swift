import StatementModel

/// An entity the drafter proposes, or one of an existing model that a draft reuses.
public struct DraftEntity: Sendable {
    /// Its id: readable, made from its name (`titus-osundina`, `coi`), or the existing model's.
    public var id: String
    /// Its name as the text first gives it.
    public var name: String
    /// The model's kind.
    public var kind: Entity.Kind
    /// Other names the text uses for it.
    public var aliases: [String] = []
    /// Roles the text gives it ("VOA Director").
    public var roles: [String] = []
    /// Member ids, for a group named as a list.
    public var members: [String] = []
    /// Whether it comes from the model given with `--model` (so the draft refers to it and does not write it).
    public var reused = false
    /// Why its kind was chosen, when the choice is a guess.
    public var comment: String?

    /// Its id, name and aliases.
    public var allNames: [String] { [id, name] + aliases }
}
