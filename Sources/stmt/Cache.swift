import ArgumentParser
import Foundation
import StatementModel
import StatementShell
import StatementSnapshot

/// `stmt cache`: the snapshots of large models kept in the user's cache folder.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or clear the snapshots of large models ($XDG_CACHE_HOME/stmt, or ~/.cache/stmt).",
        discussion: """
            After a model of 1 MiB or more loads, stmt keeps a binary snapshot of it; the next start on the same, \
            unchanged files reads the snapshot instead of parsing. A snapshot whose files changed, or that is damaged, \
            is ignored with one line on standard error and rewritten. The folder is kept under STMT_CACHE_LIMIT \
            (default 4G; e.g. 512M), least recently used first. `--no-cache` on any command that takes --model skips it; \
            --safe never uses it.
            """,
        subcommands: [Show.self, Clear.self],
        defaultSubcommand: Show.self)

    /// The cache of this environment, or a usage error.
    static func cache() throws -> SnapshotCache {
        guard let cache = SnapshotCache.standard() else {
            report([Diagnostic("no cache folder: neither XDG_CACHE_HOME nor HOME is an absolute path",
                               hint: "set XDG_CACHE_HOME=/some/folder", category: .io)])
            throw ExitCode(StatementShell.ExitCode.usage.rawValue)
        }
        // A cache folder that is something else holds no snapshots, and none can be written there.
        if let kind = FileGate.kind(of: cache.folder), kind != .directory {
            report([Diagnostic("the cache folder '\(cache.folder)' is \(kind.rawValue)", hint: "move it away, or set XDG_CACHE_HOME to a folder",
                               category: .io, severity: .warning)])
        }
        return cache
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the snapshots: size and last use, most recent first.")

        func run() throws {
            let cache = try CacheCommand.cache()
            let entries = cache.entries()
            let total = entries.reduce(0) { $0 + $1.bytes }
            let size = SnapshotCache.size
            var out = "\(cache.folder): \(ModelSummary.count(entries.count, "snapshot")), \(size(total)) of \(size(cache.limitBytes))\n"
            let format = DateFormatter()
            format.dateFormat = "yyyy-MM-dd HH:mm"
            for e in entries {
                out += "  \(size(e.bytes).padding(toLength: 10, withPad: " ", startingAt: 0)) \(format.string(from: e.used))  \((e.path as NSString).lastPathComponent)\n"
            }
            let left = cache.leftovers()
            if !left.isEmpty {
                out += "  and \(ModelSummary.count(left.count, "leftover")) (\(size(left.reduce(0) { $0 + $1.bytes }))): "
                    + "half-written snapshots of interrupted runs or links; `stmt cache clear` removes them\n"
            }
            OutputWriter.standardOutput.write(out)
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove every snapshot; the next start on each model parses it again.")

        func run() throws {
            let cache = try CacheCommand.cache()
            do {
                let gone = try cache.clear()
                OutputWriter.standardOutput.write("removed \(ModelSummary.count(gone.count, "snapshot")) (\(SnapshotCache.size(gone.bytes))) from \(cache.folder)\n")
            } catch {
                report([error.diagnostic("remove", at: nil)])
                throw ExitCode(StatementShell.ExitCode.failure.rawValue)
            }
        }
    }
}
