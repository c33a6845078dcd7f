import Foundation

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

    /// Whether an entry should be saved: not blank, not starting with a space.
    public static func shouldSave(_ entry: String) -> Bool {
        !entry.hasPrefix(" ") && !entry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
