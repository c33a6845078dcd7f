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
        if let text = environment["STMT_CACHE_LIMIT"], let limit = parseSize(text) { cache.limitBytes = limit }
        return cache
    }

    /// "512M", "4G", "1000000" as bytes; nil when it is not a size.
    public static func parseSize(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        if let last = t.last, let unit = units[last], let n = Int(t.dropLast()), n >= 0, n <= Int.max / unit { return n * unit }
        if let n = Int(t), n >= 0 { return n }
        return nil
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
        let full = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (full as NSString).standardizingPath
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
        if FileGate.kind(of: file) != nil {
            do {
                let model = try restore(file, path: path, loader: loader)
                // Touched on use: the size limit drops the least recently used.
                _ = utimes(file, nil)
                return (model, .restored)
            } catch {
                report("ignoring the snapshot of '\(path)': \(error.reason); reading the model afresh")
            }
        }
        let fresh = try loader.loadRecordingInputs(path: path)
        if writesInBackground {
            Self.pending.enter()
            let me = self
            Thread {
                defer { Self.pending.leave() }
                _ = me.store(fresh.model, path: path, modelFiles: fresh.modelFiles, sources: fresh.sources, gate: loader.gate)
            }.start()
            return (fresh.model, .writing)
        }
        let written = store(fresh.model, path: path, modelFiles: fresh.modelFiles, sources: fresh.sources, gate: loader.gate)
        return (fresh.model, written ? .written : .skipped)
    }

    /// The model of a snapshot file, if it is current for `path`.
    func restore(_ file: String, path: String, loader: ModelLoader) throws(SnapshotError) -> Model {
        let mapped: MappedFile
        do { mapped = try gate.map(file) } catch { throw .damaged("it cannot be read (\(error.message("read")))") }
        let reader = SnapshotReader(buffer: mapped.bytes)
        let (key, start) = try reader.key()
        guard key.origin == Self.absolute(path) else { throw .stale(path) }
        // The folder's model files now, as the loader would list them (a file added or removed makes it stale).
        var now: [String] = [path]
        if FileGate.kind(of: path) == .directory {
            guard let files = try? loader.modelFiles(inFolder: path) else { throw .stale(path) }
            now = files
        }
        guard now.count == key.modelFiles.count else { throw .stale(path) }
        for (was, name) in zip(key.modelFiles + key.sources, now + key.sources.map(\.path)) {
            guard was.path == name, let is_ = SnapshotKey.fingerprint(name, gate: loader.gate), is_ == was else {
                throw .stale((name as NSString).lastPathComponent)
            }
        }
        Profile.mark("snapshot key checked")
        try reader.verifyChecksum()
        Profile.mark("snapshot checksum")
        let model = try reader.model(from: start, origin: path)
        Profile.mark("snapshot read")
        withExtendedLifetime(mapped) {}
        return model
    }

    /// Writes a snapshot of a freshly loaded model; false when it is not worth one or cannot be written
    /// (said in one line: the model is loaded either way).
    func store(_ model: Model, path: String, modelFiles: [String], sources: [String], gate readGate: FileGate) -> Bool {
        var prints: [[SnapshotKey.Fingerprint]] = [[], []]
        for (k, list) in [modelFiles, sources].enumerated() {
            for f in list {
                guard let p = SnapshotKey.fingerprint(f, gate: readGate) else { return false }
                prints[k].append(p)
            }
        }
        let key = SnapshotKey(origin: Self.absolute(path), modelFiles: prints[0], sources: prints[1])
        guard key.totalBytes >= Int64(minimumModelBytes) else { return false }
        Profile.mark("fingerprints")
        defer { Profile.mark("snapshot written") }
        guard model.contentStarts.count == model.statements.count + 1 else {
            report("no snapshot of '\(path)': its statements' contents add up to more than 2 GiB")
            return false
        }
        let file = entry(for: path)
        do {
            try gate.createFolder(for: file)
            try gate.writeStreaming(to: file, durable: false) { out throws(FileAccessError) in
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
            return false
        }
        prune(keeping: file)
        return true
    }

    /// The snapshots in the folder: path, size, last use; most recently used first.
    public func entries() -> [(path: String, bytes: Int, used: Date)] {
        guard let names = try? gate.list(folder) else { return [] }
        var out: [(path: String, bytes: Int, used: Date)] = []
        for n in names where n.hasSuffix(SnapshotFormat.fileExtension) {
            let p = (folder as NSString).appendingPathComponent(n)
            var st = stat()
            guard lstat(p, &st) == 0, FileKind(mode: st.st_mode) == .regular else { continue }
            out.append((p, Int(st.st_size), Date(timeIntervalSince1970: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)))
        }
        return out.sorted { $0.used > $1.used }
    }

    /// Drops the least recently used snapshots until the folder is within the limit, and the
    /// half-written files of a process killed while writing (hidden, an hour old).
    func prune(keeping kept: String) {
        for n in (try? gate.list(folder)) ?? [] where n.hasPrefix(".") && n.contains(SnapshotFormat.fileExtension + ".") {
            let p = (folder as NSString).appendingPathComponent(n)
            var st = stat()
            if lstat(p, &st) == 0, FileKind(mode: st.st_mode) == .regular, time(nil) - st.st_mtim.tv_sec > 3600 { try? gate.remove(p) }
        }
        var total = 0
        for e in entries() {
            total += e.bytes
            if total > limitBytes && e.path != kept { try? gate.remove(e.path); total -= e.bytes }
        }
    }

    /// Removes every snapshot; says how many and how many bytes.
    public func clear() throws(FileAccessError) -> (count: Int, bytes: Int) {
        var count = 0, bytes = 0
        for e in entries() {
            try gate.remove(e.path)
            count += 1
            bytes += e.bytes
        }
        return (count, bytes)
    }
}
