/// An act: the verbatim cue, its normalized force and an optional CAMEO event code.
public struct Act: Sendable, Hashable {
    /// The words as they appear in the source, e.g. `called on`.
    public var cue: String
    /// The normalized force name, e.g. `call`.
    public var force: String
    /// A CAMEO event code kept as a string so that `"0243"` rolls up to root `"02"`.
    public var cameo: String?

    /// Makes an act.
    public init(cue: String, force: String, cameo: String? = nil) {
        self.cue = cue
        self.force = force
        self.cameo = cameo
    }

    /// The CAMEO root (first two digits), when a code is given.
    public var cameoRoot: String? { cameo.map { String($0.prefix(2)) } }
}
