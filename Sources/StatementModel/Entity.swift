/// Someone or something that speaks, is addressed, or is talked about.
public struct Entity: Sendable, Hashable {
    /// The kinds of entity the model distinguishes.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A sovereign state.
        case state
        /// An international or domestic organization, party or body.
        case organization
        /// An office or department (e.g. the State Department, a leader's post).
        case office
        /// A natural person.
        case person
        /// Several entities acting or named together.
        case group
        /// A news organization or publisher.
        case media
    }

    /// Unique id across the model.
    public var id: String
    /// The kind.
    public var kind: Kind
    /// The preferred name.
    public var name: String
    /// Every other way a document names it.
    public var aliases: [String]
    /// Codes by scheme, e.g. `iso3166: PRK`, `cameo: PRK`.
    public var codes: [String: String]
    /// Roles, e.g. `spokesperson of the U.S. State Department`.
    public var roles: [String]
    /// For groups: the members (entity indexes).
    public var members: [Int]
    /// The entity this one belongs to (a person's office, an office's state), as an index.
    public var affiliation: Int?
    /// Free-text note.
    public var note: String?
    /// `draft` when `stmt draft` proposed it and no person has confirmed it yet; else nil.
    public var status: String?
    /// Where it was defined.
    public var span: SourceSpan?

    /// Makes an entity.
    public init(id: String, kind: Kind, name: String, aliases: [String] = [], codes: [String: String] = [:],
                roles: [String] = [], members: [Int] = [], affiliation: Int? = nil, note: String? = nil,
                span: SourceSpan? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.codes = codes
        self.roles = roles
        self.members = members
        self.affiliation = affiliation
        self.note = note
        self.span = span
    }

    /// The id, the name and every alias: all the strings that name this entity.
    public var allNames: [String] { [id, name] + aliases }
}
