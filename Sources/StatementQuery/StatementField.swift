import StatementModel

/// A field of a statement row. Reading a field by its enum is a jump, where matching its name
/// against thirty string cases was most of `show`'s time; a name is looked up once in ``named``.
enum StatementField: String, CaseIterable, Sendable {
    case id, speakers
    case onBehalfOf = "on_behalf_of"
    case addressees, targets, act, cue, cameo, family, framing
    case framedAs = "framed_as"
    case framedBy = "framed_by"
    case content, date
    case dateBasis = "date_basis"
    case topics, quote, line, mode
    case reportedBy = "reported_by"
    case via, cites, work, source, status, confidence, note

    /// Every field by its name.
    static let named: [String: StatementField] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// The field's value in statement `s` (number `i` of model `m`).
    func value(_ s: Statement, _ i: Int, _ m: Model) -> Value {
        switch self {
        case .id: return .string(s.id)
        case .speakers: return Fields.ents(s.speakers)
        case .onBehalfOf: return Fields.ents(s.onBehalfOf)
        case .addressees: return Fields.ents(s.addressees)
        case .targets: return Fields.ents(s.targets)
        case .act: return .string(s.act.force)
        case .cue: return .string(s.act.cue)
        case .cameo: return Fields.opt(s.act.cameo)
        case .family: return Fields.opt(Force.named(s.act.force)?.family)
        case .framing: return .list(s.framings.map { .string($0.act.cue) })
        case .framedAs: return .list(s.framings.map { .string($0.act.force) })
        case .framedBy: return .list(s.framings.compactMap { $0.by.map(Value.entity) })
        case .content: return .string(s.content)
        case .date: return s.date.map { .date($0.value) } ?? .null
        case .dateBasis: return Fields.opt(s.date?.basis.rawValue)
        case .topics: return .list(s.topics.map(Value.string))
        case .quote: return .list(s.anchors.map { .string($0.exact) })
        case .line: return s.anchors.first?.line.map { .number(Double($0)) } ?? .null
        case .mode: return Fields.opt(s.reported?.mode.rawValue)
        case .reportedBy:
            if let v = s.reported?.via { return .statement(v) }
            return s.reported?.by.map(Value.entity) ?? .null
        case .via: return s.reported?.via.map(Value.statement) ?? .null
        case .cites: return .list(s.cites.map(Value.document))
        case .work: return s.document.map(Value.document) ?? .null
        case .source: return s.anchors.first?.document.map(Value.document) ?? .null
        case .status: return .string(s.status)
        case .confidence: return s.confidence.map(Value.number) ?? .null
        case .note: return Fields.opt(s.note)
        }
    }
}
