import Foundation
import StatementModel

/// Where snapshots live and how they are used: after a model loads cleanly it is written as a
/// snapshot; the next open of the same path, with every file unchanged, reads the snapshot instead
/// of parsing. A snapshot that is stale, cut short, damaged, foreign or of another version is
/// ignored with one line on standard error, the model is read afresh, and the snapshot rewritten.
///
/// The folder is `$XDG_CACHE_HOME/stmt` (or `~/.cache/stmt`). Snapshots are written atomically
/// through the file gate; past ``limitBytes`` the least recently used are dropped.
public struct SnapshotCache: Sendable {
    /// The folder of the snapshots.
    public var folder: String
    /// The most the folder may hold; the least recently used snapshots go first.
    public var limitBytes: Int
    /// Models whose files add up to less than this are not worth a snapshot (they parse faster).
    public var minimumModelBytes: Int
    /// The gate snapshots are read, written and removed through.
    public var gate: FileGate
    /// Where the one line about an ignored snapshot goes.
    public var report: @Sendable (String) -> Void
    /// Whether a new snapshot is written on another thread while the session starts; the process
    /// waits for it before it exits (``waitForPendingWrites()``).
    public var writesInBackground = false

    /// Snapshots being written in the background.
    private static let pending = DispatchGroup()

    /// Waits until every background snapshot is written (called on the way out of the process).
    public static func waitForPendingWrites() { pending.wait() }

    /// The default limit on the folder's size: 4 GiB.
    public static let defaultLimit = 4 << 30
    /// The default smallest model worth a snapshot: 1 MiB of files.
    public static let defaultMinimum = 1 << 20

    /// A cache in a given folder.
    public init(folder: String, limitBytes: Int = SnapshotCache.defaultLimit, minimumModelBytes: Int = SnapshotCache.defaultMinimum,
                gate: FileGate = .unrestricted,
                report: @escaping @Sendable (String) -> Void = { OutputWriter.standardError.write("stmt: " + $0 + "\n") }) {
        self.folder = folder
        self.limitBytes = limitBytes
        self.minimumModelBytes = minimumModelBytes
        self.gate = gate
        self.report = report
    }

    /// The cache of this environment: `$XDG_CACHE_HOME/stmt`, else `$HOME/.cache/stmt`; the limit from
    /// `STMT_CACHE_LIMIT` (bytes, or with a K, M or G suffix). Nil when there is no home to put it in.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> SnapshotCache? {
        let base: String
        if let x = environment["XDG_CACHE_HOME"], x.hasPrefix("/") { base = x }
        else if let home = environment["HOME"], home.hasPrefix("/") { base = (home as NSString).appendingPathComponent(".cache") }
        else { return nil }
        var cache = SnapshotCache(folder: (base as NSString).appendingPathComponent("stmt"))
        if let text = environment["STMT_CACHE_LIMIT"] {
            if let limit = parseSize(text) { cache.limitBytes = limit } else {
                cache.report("STMT_CACHE_LIMIT='\(text)' is not a size (e.g. 512M, 1.5G, 4GiB); using \(size(cache.limitBytes))")
            }
        }
        return cache
    }

    /// "512M", "512MB", "1.5 GiB", "4g", "1000000" as bytes; nil when it is not a size (or is negative).
    public static func parseSize(_ text: String) -> Int? {
        var t = text.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: " ", with: "")
        for suffix in ["IB", "B"] where t.hasSuffix(suffix) && t.count > suffix.count { t.removeLast(suffix.count); break }
        let units: [Character: Double] = ["K": 1024, "M": 1024 * 1024, "G": 1024 * 1024 * 1024, "T": 1024 * 1024 * 1024 * 1024]
        var unit = 1.0
        if let last = t.last, let u = units[last] { unit = u; t.removeLast() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let n = Double(t), n >= 0 else { return nil }
        let bytes = n * unit
        return bytes < 9e18 ? Int(bytes) : nil
    }

    /// The snapshot file of a model path (one per absolute path).
    public func entry(for path: String) -> String {
        let absolute = Self.absolute(path)
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in absolute.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        let name = ((absolute as NSString).lastPathComponent as NSString).deletingPathExtension
        let safe = String(name.unicodeScalars.prefix(40).map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "-" })
        return (folder as NSString).appendingPathComponent(safe + "-" + String(h, radix: 16) + SnapshotFormat.fileExtension)
    }

    static func absolute(_ path: String) -> String {
        (PathText.absolute(path) as NSString).standardizingPath
    }

    /// How an open went, for tests and the profile.
    public enum Outcome: Equatable, Sendable {
        /// Read from the snapshot.
        case restored
        /// Read afresh; a snapshot was written.
        case written
        /// Read afresh; no snapshot (too small, or it could not be written).
        case skipped
        /// Read afresh; a snapshot is being written on another thread.
        case writing
    }

    /// Opens a model through the cache: the snapshot when it is current, else a fresh load (whose
    /// errors are thrown as the loader's) followed by a new snapshot.
    public func open(path: String, loader: ModelLoader) throws(DiagnosticList) -> (model: Model, outcome: Outcome) {
        let file = entry(for: path)
        if let kind = FileGate.kind(of: file) {
            // Something that is not a file where the snapshot goes is reported once, by the write below.
            if kind == .regular {
                do {
                    let model = try restore(file, path: path, loader: loader)
                    // Touched on use: the size limit drops the least recently used.
                    try? gate.touch(file)
                    return (model, .restored)
                } catch {
                    report("ignoring the snapshot of '\(path)': \(error.reason); reading the model afresh")
                }
            }
        }
        // The model files as they are before the load, and when it starts: a file that changes while
        // it is read must not leave a snapshot of what it was under the key of what it became.
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let before = currentModelFiles(path, loader).map { SnapshotKey.fingerprint($0, gate: loader.gate) }
        let fresh = try loader.loadRecordingInputs(path: path)
        let load = LoadRecord(path: path, modelFiles: fresh.modelFiles, sources: fresh.sources, before: before, started: now, gate: loader.gate)
        if writesInBackground {
            Self.pending.enter()
            let me = self
            Thread {
                defer { Self.pending.leave() }
                _ = me.store(fresh.model, load)
            }.start()
            return (fresh.model, .writing)
        }
        let written = store(fresh.model, load)
        return (fresh.model, written ? .written : .skipped)
    }

    /// What a fresh load read, and how its model files were before it began.
    struct LoadRecord: @unchecked Sendable {
        var path: String
        var modelFiles: [String]
        var sources: [String]
        var before: [SnapshotKey.Fingerprint?]
        var started: timespec
        var gate: FileGate
    }

    /// The model files of a path as a load would read them, absolute.
    func currentModelFiles(_ path: String, _ loader: ModelLoader) -> [String] {
        if FileGate.kind(of: path) == .directory { return ((try? loader.modelFiles(inFolder: path)) ?? []).map(Self.absolute) }
        return [Self.absolute(path)]
    }

    /// The model of a snapshot file, if it is current for `path`.
    func restore(_ file: String, path: String, loader: ModelLoader) throws(SnapshotError) -> Model {
        let mapped: MappedFile
        do { mapped = try gate.map(file) } catch { throw .damaged("it cannot be read (\(error.message("read")))") }
        let reader = SnapshotReader(buffer: mapped.bytes, owner: mapped)
        let (key, start) = try reader.key()
        guard key.origin == Self.absolute(path) else { throw .stale(path) }
        // The folder's model files now, as the loader would list them (a file added or removed makes it stale).
        let now = currentModelFiles(path, loader)
        guard now.count == key.modelFiles.count else { throw .stale((path as NSString).lastPathComponent) }
        for (was, name) in zip(key.modelFiles + key.sources, now + key.sources.map(\.path)) {
            guard was.path == name, let is_ = SnapshotKey.fingerprint(name, gate: loader.gate), is_ == was else {
                throw .stale((name as NSString).lastPathComponent)
            }
        }
        Profile.mark("snapshot key checked")
        try reader.verifyChecksum()
        Profile.mark("snapshot checksum")
        let model = try reader.model(from: start, origin: path, readFrom: (key.modelFiles.map(\.path), key.sources.map(\.path)))
        Profile.mark("snapshot read")
        return model
    }

    /// Writes a snapshot of a freshly loaded model; false when it is not worth one or cannot be written
    /// (said in one line: the model is loaded either way).
    func store(_ model: Model, _ load: LoadRecord) -> Bool {
        let path = load.path
        var prints: [[SnapshotKey.Fingerprint]] = [[], []]
        for (k, list) in [load.modelFiles, load.sources].enumerated() {
            for f in list {
                guard let p = SnapshotKey.fingerprint(Self.absolute(f), gate: load.gate) else { return false }
                prints[k].append(p)
            }
        }
        let key = SnapshotKey(origin: Self.absolute(path), modelFiles: prints[0], sources: prints[1])
        guard key.totalBytes >= Int64(minimumModelBytes) else { return false }
        // Changed while it was read: the files were different before, or changed after the load began.
        let changed = prints[0].count != load.before.count || zip(prints[0], load.before).contains { $0 != $1 }
            || (prints[0] + prints[1]).contains { ($0.changeSeconds, $0.changeNanoseconds) >= (Int64(load.started.tv_sec), Int64(load.started.tv_nsec)) }
        if changed {
            report("no snapshot of '\(path)': its files changed while it was read; the next start reads it afresh")
            return false
        }
        Profile.mark("fingerprints")
        defer { Profile.mark("snapshot written") }
        // Freed load buffers handed back before the writer's tables grow, or the first run's peak is
        // the load's peak plus the writer's.
        if FreedMemory.handBack() { Profile.mark("memory handed back") }
        guard model.contentStarts.count == model.statements.count + 1 else {
            report("no snapshot of '\(path)': its statements' contents add up to more than 2 GiB")
            return false
        }
        let file = entry(for: path)
        do {
            // Private: a snapshot holds every statement and source text of the model. A link at the
            // entry's name is replaced, never written through.
            try gate.createFolder(for: file, mode: 0o700)
            try gate.writeStreaming(to: file, durable: false, replacingLinks: true, mode: 0o600) { out throws(FileAccessError) in
                try SnapshotWriter.write(model, key: key, to: out)
            }
        } catch {
            report("could not write the snapshot of '\(path)': \(error.message("write")); the model is loaded, the next start reads it afresh")
            return false
        }
        // Written, then measured: a snapshot larger than the whole folder's limit is not kept.
        var st = stat()
        if stat(file, &st) == 0, Int(st.st_size) > limitBytes {
            try? gate.remove(file)
            report("no snapshot of '\(path)': it takes \(Self.size(Int(st.st_size))), over the cache's limit of \(Self.size(limitBytes)) (STMT_CACHE_LIMIT)")
            prune(keeping: "")
            return false
        }
        prune(keeping: file)
        return true
    }

    /// A size for people: "357.4 MiB".
    public static func size(_ n: Int) -> String {
        n >= 1 << 30 ? String(format: "%.1f GiB", Double(n) / Double(1 << 30))
            : n >= 1 << 20 ? String(format: "%.1f MiB", Double(n) / Double(1 << 20))
            : n >= 1 << 10 ? String(format: "%.1f KiB", Double(n) / 1024) : "\(n) B"
    }

    /// The snapshots in the folder: path, size, last use; most recently used first. Only stmt's:
    /// a file is counted (and ever removed) when its name has the entry's form and it starts with
    /// the snapshot magic.
    public func entries() -> [(path: String, bytes: Int, used: Date)] {
        var out: [(path: String, bytes: Int, used: Date)] = []
        for n in names() where !n.hasPrefix(".") {
            let p = (folder as NSString).appendingPathComponent(n)
            var st = stat()
            guard lstat(p, &st) == 0, FileKind(mode: st.st_mode) == .regular, isSnapshot(p) else { continue }
            out.append((p, Int(st.st_size), Date(timeIntervalSince1970: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)))
        }
        return out.sorted { $0.used > $1.used }
    }

    /// Half-written snapshots left by a process that was killed while writing (hidden files), and
    /// links or other things at an entry's name: path, size, age in seconds.
    public func leftovers() -> [(path: String, bytes: Int, age: Int)] {
        var out: [(path: String, bytes: Int, age: Int)] = []
        for n in names() {
            let p = (folder as NSString).appendingPathComponent(n)
            var st = stat()
            guard lstat(p, &st) == 0 else { continue }
            let kind = FileKind(mode: st.st_mode)
            let unfinished = n.hasPrefix(".") && kind == .regular
            let link = !n.hasPrefix(".") && kind == .symlink
            if unfinished || link { out.append((p, unfinished ? Int(st.st_size) : 0, time(nil) - st.st_mtim.tv_sec)) }
        }
        return out
    }

    /// Names in the folder that have the form of an entry (`NAME-HEX.snapshot`) or of its temporary file.
    private func names() -> [String] {
        ((try? gate.list(folder)) ?? []).filter { n in
            let visible = n.hasPrefix(".") ? String(n.dropFirst()) : n
            guard let dot = visible.range(of: SnapshotFormat.fileExtension) else { return false }
            let tail = visible[dot.upperBound...]
            // The entry itself, or its temporary file: ".NAME-HEX.snapshot.XXXXXX".
            return n.hasPrefix(".") ? tail.hasPrefix(".") && tail.count == 7 : tail.isEmpty
        }
    }

    private func isSnapshot(_ path: String) -> Bool {
        guard let h = try? gate.openForReading(path) else { return false }
        defer { try? h.close() }
        return (try? h.read(upToCount: 8)).map { [UInt8]($0) == SnapshotFormat.magic } ?? false
    }

    /// Drops the least recently used snapshots until the folder is within the limit, and the
    /// half-written files of a process killed while writing once they are an hour old.
    func prune(keeping kept: String) {
        for l in leftovers() where l.bytes > 0 && l.age > 3600 { try? gate.remove(l.path) }
        var total = 0
        for e in entries() {
            total += e.bytes
            if total > limitBytes && e.path != kept { try? gate.remove(e.path); total -= e.bytes }
        }
    }

    /// Removes every snapshot, half-written ones and links at an entry's name; says how many and how many bytes.
    public func clear() throws(FileAccessError) -> (count: Int, bytes: Int) {
        var count = 0, bytes = 0
        for e in entries() {
            try gate.remove(e.path)
            count += 1
            bytes += e.bytes
        }
        for l in leftovers() {
            try gate.removeEntry(l.path)
            count += 1
            bytes += l.bytes
        }
        return (count, bytes)
    }
}
