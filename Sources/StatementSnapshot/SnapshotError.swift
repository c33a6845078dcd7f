/// Why a snapshot was not used. Every case is answered the same way — the model is read afresh and
/// the snapshot rewritten — so the reason only goes into the one line that says so.
public enum SnapshotError: Error, Equatable, Sendable {
    /// Not a stmt snapshot at all.
    case foreign
    /// Written by another format version of stmt.
    case otherVersion(UInt32)
    /// Shorter or longer than its header says.
    case truncated
    /// The checksum does not match: bytes changed on disk.
    case corrupt
    /// A model file or source text changed since the snapshot was made (which one).
    case stale(String)
    /// Damaged in a way the checksum did not catch (what was wrong).
    case damaged(String)

    /// The reason, lower-case, for "ignoring the snapshot of …: REASON".
    public var reason: String {
        switch self {
        case .foreign: return "not a stmt snapshot"
        case .otherVersion(let v): return "written in snapshot format \(v), this stmt reads format \(SnapshotFormat.version)"
        case .truncated: return "the file is cut short"
        case .corrupt: return "its checksum does not match (damaged on disk)"
        case .stale(let file): return "'\(file)' changed since it was made"
        case .damaged(let what): return "damaged: \(what)"
        }
    }
}
