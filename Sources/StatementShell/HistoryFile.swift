import Foundation
import StatementModel

/// Where the REPL keeps its history: `$STMT_HISTORY`, else `$XDG_STATE_HOME/stmt/history`,
/// else `~/.local/state/stmt/history`.
public enum HistoryFile {
    /// Most entries kept.
    public static let capacity = 2000

    /// The path for this environment.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["STMT_HISTORY"], !p.isEmpty { return p }
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return state + "/stmt/history"
    }

    /// Why the file at `path` must not be loaded or rewritten, or nil when it may: it is missing
    /// (it will be created), empty, or a libedit history file that can be written.
    public static func problem(at path: String) -> String? {
        guard let kind = FileGate.kind(of: path) else { return nil }
        guard kind == .regular else { return "is \(kind.rawValue)" }
        guard let bytes = try? FileGate.unrestricted.read(path, limit: 1 << 26) else { return "cannot be read" }
        if !bytes.isEmpty && !bytes.starts(with: Array("_HiStOrY_V2_".utf8)) {
            return "is not a history file (it does not start with _HiStOrY_V2_); it is left as it is"
        }
        if access(path, W_OK) != 0 { return "is read-only" }
        return nil
    }

    /// Whether an entry should be saved: not blank, not starting with a space.
    public static func shouldSave(_ entry: String) -> Bool {
        !entry.hasPrefix(" ") && !entry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
