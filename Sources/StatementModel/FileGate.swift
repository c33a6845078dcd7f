import Foundation

/// The one gate every file access goes through: model files and folder entries, document sources,
/// scripts, `run`, `load`, `save`, transcript updates, the history file and completion's listings.
///
/// It resolves real paths (symlinks included) before it answers, reads regular files only (a FIFO,
/// a device or a folder is refused, never waited on), and writes by replacing a file atomically
/// while keeping its mode and owner. Safe mode is the gate's own state, fixed when it is made: a
/// gate made safe stays safe, and nothing can widen what it allows afterwards except the one file
/// the REPL keeps its history in, named by the environment rather than by any script.
public final class FileGate: @unchecked Sendable {
    /// What is asked of a path.
    public enum Access: Sendable {
        /// Read a file's bytes.
        case read
        /// List a folder.
        case list
        /// Create or replace a file.
        case write
    }

    /// Safe mode: no writes, and reads only under these real folders. Nil when unrestricted.
    public let safeRoots: [String]?
    private let lock = NSLock()
    private var ownFiles: Set<String> = []

    /// A gate that allows everything the operating system allows.
    public static let unrestricted = FileGate(safeRoots: nil)

    /// Makes a gate; with `safeRoots`, safe mode: reads under those folders only, no writes.
    public init(safeRoots: [String]?) {
        self.safeRoots = safeRoots.map { roots in
            var seen = Set<String>()
            return roots.map { FileGate.realPath($0) }.filter { seen.insert($0).inserted }
        }
    }

    /// Whether safe mode is on.
    public var isSafe: Bool { safeRoots != nil }

    /// Allows reading and writing one file whatever the mode: the REPL's history, whose path comes
    /// from the environment (`STMT_HISTORY`, `XDG_STATE_HOME`), never from a script or a model.
    public func allowOwnFile(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        ownFiles.insert(FileGate.realPath(path))
    }

    // MARK: decisions

    /// The real path of `path` (absolute, symlinks resolved); for a path that does not exist yet,
    /// its folder's real path and its name.
    public static func realPath(_ path: String) -> String {
        var absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let r = realpath(absolute, nil) {
            defer { free(r) }
            return String(cString: r)
        }
        // Not there yet: a dangling symlink names the file it would create, so its chain is
        // followed by hand (at most 40 links, as the kernel does); a loop ends on a link.
        for _ in 0..<40 {
            var st = stat()
            guard lstat(absolute, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else { break }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(absolute, &buffer, Int(PATH_MAX))
            guard n > 0 else { break }
            let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            absolute = target.hasPrefix("/") ? target : PathText.folder(of: absolute) + "/" + target
        }
        let url = URL(fileURLWithPath: absolute).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        guard parent != url.path, let r = realpath(parent, nil) else { return url.path }
        defer { free(r) }
        let base = String(cString: r)
        return (base == "/" ? "" : base) + "/" + url.lastPathComponent
    }

    /// Answers whether `access` to `path` is allowed; the refusal names the rule.
    public func check(_ access: Access, _ path: String) throws(FileAccessError) {
        guard let roots = safeRoots else { return }
        let real = FileGate.realPath(path)
        lock.lock()
        let own = ownFiles.contains(real)
        lock.unlock()
        if own { return }
        if access == .write {
            throw FileAccessError(.refused(rule: "safe mode: no command may write files"), path: path,
                                  hint: "run without --safe to write files")
        }
        if !roots.contains(where: { real == $0 || real.hasPrefix($0 == "/" ? "/" : $0 + "/") }) {
            throw FileAccessError(.refused(rule: "safe mode: only files under the script's folder and the model's folder may be read"),
                                  path: path, hint: "the allowed folders are: " + roots.joined(separator: ", "))
        }
    }

    // MARK: reading

    /// What kind of thing is at a path (following symlinks), or nil when nothing is.
    public static func kind(of path: String) -> FileKind? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileKind(mode: st.st_mode)
    }

    /// Why ``kind(of:)`` found nothing at `path`: not there, a link that leads to itself, or what
    /// the system said (a loop of links was reported as "no such file").
    public static func missing(_ path: String) -> FileAccessError {
        var st = stat()
        if stat(path, &st) == 0 { return FileAccessError(.notFound, path: path, hint: nil) }
        let e = errno
        if e == ENOENT {
            // A link to nothing: the name is there, the file it names is not.
            if lstat(path, &st) == 0 { return FileAccessError(.notFound, path: path, hint: "it is a symbolic link to a file that is not there") }
            return FileAccessError(.notFound, path: path, hint: nil)
        }
        return FileAccessError(.io(errno: e), path: path, hint: nil)
    }

    /// The error for a path given where nothing can be read: "no WHAT at 'p'" when nothing is
    /// there, else what stands in the way (a loop of links, a link to nothing, a closed folder).
    public static func nothingAt(_ path: String, what: String, hint: String) -> Diagnostic {
        let e = missing(path)
        if case .notFound = e.reason, e.hint == nil { return Diagnostic("no \(what) at '\(path)'", hint: hint, category: .io) }
        return e.diagnostic("read \(what)", at: nil)
    }

    /// Reads a regular file, at most `limit` bytes; anything else (a folder, a FIFO, a device) is
    /// refused without being opened for reading, so nothing blocks and nothing endless is read.
    public func read(_ path: String, limit: Int = Int.max) throws(FileAccessError) -> [UInt8] {
        try check(.read, path)
        let fd = try openRegular(path)
        defer { close(fd) }
        var st = stat()
        fstat(fd, &st)
        if Int(st.st_size) > limit {
            throw FileAccessError(.tooLarge(size: Int(st.st_size), limit: limit), path: path,
                                  hint: "split it into smaller files")
        }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var done = 0
        while true {
            if done == bytes.count {
                // A file may grow while it is read; what is past the size seen is read too, up to the limit.
                if done >= limit { break }
                bytes.append(contentsOf: repeatElement(0, count: min(1 << 16, limit - done)))
            }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileAccessError(.io(errno: errno), path: path, hint: nil)
            }
            if n == 0 { break }
            done += n
        }
        bytes.removeSubrange(done...)
        return bytes
    }

    /// Opens a regular file for reading in chunks (JSON Lines streaming); the caller closes it.
    public func openForReading(_ path: String) throws(FileAccessError) -> FileHandle {
        try check(.read, path)
        return FileHandle(fileDescriptor: try openRegular(path), closeOnDealloc: true)
    }

    /// Maps a regular file into memory read-only (a snapshot): nothing is copied until it is read.
    public func map(_ path: String) throws(FileAccessError) -> MappedFile {
        try check(.read, path)
        let fd = try openRegular(path)
        defer { close(fd) }
        var st = stat()
        fstat(fd, &st)
        let size = Int(st.st_size)
        if size == 0 { return MappedFile(base: nil, count: 0) }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw FileAccessError(.io(errno: errno), path: path, hint: nil)
        }
        return MappedFile(base: UnsafeRawPointer(p), count: size)
    }

    /// Deletes a regular file (a cache entry); anything else is refused.
    public func remove(_ path: String) throws(FileAccessError) {
        try check(.write, path)
        guard let kind = FileGate.kind(of: path) else { throw FileGate.missing(path) }
        guard kind == .regular else { throw FileAccessError(.notRegular(kind), path: path, hint: nil) }
        if unlink(path) != 0 { throw FileAccessError(.io(errno: errno), path: path, hint: nil) }
    }

    /// Sets a file's modification time to now (a cache entry marked as just used).
    public func touch(_ path: String) throws(FileAccessError) {
        try check(.write, path)
        if utimes(path, nil) != 0 { throw FileAccessError(.io(errno: errno), path: path, hint: nil) }
    }

    /// Deletes a regular file or a symbolic link itself (never what the link points to): a cache's stray entries.
    public func removeEntry(_ path: String) throws(FileAccessError) {
        try check(.write, PathText.folder(of: path) + "/")
        var st = stat()
        guard lstat(path, &st) == 0 else { throw FileAccessError(.notFound, path: path, hint: nil) }
        let kind = FileKind(mode: st.st_mode)
        guard kind == .regular || kind == .symlink else { throw FileAccessError(.notRegular(kind), path: path, hint: nil) }
        if unlink(path) != 0 { throw FileAccessError(.io(errno: errno), path: path, hint: nil) }
    }

    /// Opens without blocking (a FIFO would wait for a writer), then makes sure it is a regular file.
    private func openRegular(_ path: String) throws(FileAccessError) -> Int32 {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            if e == ENOENT { throw FileAccessError(.notFound, path: path, hint: nil) }
            if e == ENXIO, let k = FileGate.kind(of: path) { throw FileAccessError(.notRegular(k), path: path, hint: nil) }
            throw FileAccessError(.io(errno: e), path: path, hint: nil)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else { close(fd); throw FileAccessError(.io(errno: errno), path: path, hint: nil) }
        let kind = FileKind(mode: st.st_mode)
        guard kind == .regular else { close(fd); throw FileAccessError(.notRegular(kind), path: path, hint: nil) }
        // Back to blocking reads for a regular file.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// The names in a folder, sorted, hidden ones included; only folders the gate lets be read.
    public func list(_ path: String) throws(FileAccessError) -> [String] {
        try check(.list, path)
        guard FileGate.kind(of: path) == .directory else {
            if let k = FileGate.kind(of: path) { throw FileAccessError(.notRegular(k), path: path, hint: nil) }
            throw FileGate.missing(path)
        }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw FileAccessError(.io(errno: EACCES), path: path, hint: nil)
        }
    }

    // MARK: writing

    /// Creates the folder a file will be written in (and its parents), as writing the file would be checked.
    /// `mode` is given to the folders made (a private cache: 0700).
    public func createFolder(for file: String, mode: Int? = nil) throws(FileAccessError) {
        try check(.write, file)
        let folder = PathText.folder(of: file)
        var walk = folder
        while !walk.isEmpty && walk != "/" {
            if let kind = FileGate.kind(of: walk), kind != .directory {
                throw FileAccessError(.io(errno: ENOTDIR), path: walk, hint: "it is \(kind.rawValue) where a folder should be; move it away")
            }
            walk = PathText.folder(of: walk)
        }
        let attributes: [FileAttributeKey: Any]? = mode.map { [.posixPermissions: $0] }
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: attributes) } catch {
            throw FileAccessError(.io(errno: EACCES), path: folder, hint: "check the permissions of its parent folder")
        }
    }

    /// Replaces (or creates) a file atomically: a reader sees the old content or the new, never a
    /// half-written file. A symlink is written through (the link stays, its target changes); the
    /// replaced file's mode and owner are kept; a folder, FIFO or device is never replaced.
    ///
    /// `durable: false` skips the flush to disk (a cache, whose loss costs only a rebuild).
    public func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(FileAccessError) {
        try writeStreaming(to: path, durable: durable) { out throws(FileAccessError) in
            let failure: FileAccessError? = bytes.withUnsafeBytes { raw in
                do throws(FileAccessError) { try out.append(raw); return nil } catch { return error }
            }
            if let failure { throw failure }
        }
    }

    /// ``write(_:to:durable:)`` for content made piece by piece (a snapshot of a large model), so it
    /// never has to be held whole in memory: `produce` appends to the stream and may patch bytes
    /// already written (a header known only at the end). Nothing replaces the file unless `produce`
    /// returns normally.
    ///
    /// A cache entry passes `replacingLinks` (a symlink at `path` is replaced by the file, never
    /// written through) and `mode` (the file gets exactly this mode, whatever it replaces).
    public func writeStreaming(to path: String, durable: Bool = true, replacingLinks: Bool = false, mode: mode_t? = nil,
                               _ produce: (FileStream) throws(FileAccessError) -> Void) throws(FileAccessError) {
        try check(.write, path)
        // `x.csv/` names a folder: writing the file `x.csv` instead would not be what was asked.
        if path.hasSuffix("/") {
            throw FileAccessError(.io(errno: EISDIR), path: path, hint: "a path ending in '/' names a folder; write to a file name without it")
        }
        let target = replacingLinks ? path : FileGate.realPath(path)
        var existing = stat()
        let exists = (replacingLinks ? lstat(target, &existing) : stat(target, &existing)) == 0
        let replacingALink = replacingLinks && exists && FileKind(mode: existing.st_mode) == .symlink
        // Links are written through; one that cannot be (a loop of links) is never replaced.
        var linkCheck = stat()
        if !replacingLinks, lstat(target, &linkCheck) == 0, FileKind(mode: linkCheck.st_mode) == .symlink {
            throw FileAccessError(.io(errno: ELOOP), path: path, hint: "the symbolic link leads to itself; point it at a file, or write elsewhere")
        }
        if exists, !replacingALink, FileKind(mode: existing.st_mode) != .regular {
            throw FileAccessError(.notRegular(FileKind(mode: existing.st_mode)), path: path,
                                  hint: "stmt only replaces regular files; choose another name")
        }
        // A rename needs only the folder's permission: the file's own is checked here, and a
        // read-only file is kept even for root. (A file we may write but do not own is replaced,
        // keeping its group and mode: a shared project folder works as before.)
        if exists, !replacingALink, mode == nil, existing.st_mode & 0o222 == 0 || access(target, W_OK) != 0 {
            throw FileAccessError(.io(errno: EACCES), path: path, hint: "the file is read-only; stmt does not replace a file it may not write")
        }
        let folder = PathText.folder(of: target)
        guard FileGate.kind(of: folder.isEmpty ? "/" : folder) == .directory else {
            throw FileAccessError(.missingFolder(folder), path: path, hint: "create the folder first, or save elsewhere")
        }
        var template = Array((folder + "/." + (target as NSString).lastPathComponent + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw FileAccessError(.io(errno: errno), path: path, hint: "check that the folder '\(folder)' is writable") }
        let tmp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        var closed = false
        defer {
            if !closed { close(fd) }
            if !ok { unlink(tmp) }
        }
        try produce(FileStream(fd: fd, path: path))
        if let mode {
            fchmod(fd, mode)
        } else if exists {
            fchmod(fd, existing.st_mode & 0o7777)
            _ = fchown(fd, existing.st_uid, existing.st_gid)   // keeps the group; EPERM for another owner is fine
        } else {
            let mask = umask(0); umask(mask)
            fchmod(fd, 0o666 & ~mask)
        }
        if durable, fsync(fd) != 0 { throw FileAccessError(.io(errno: errno), path: path, hint: nil) }
        close(fd)
        closed = true
        if rename(tmp, target) != 0 { throw FileAccessError(.io(errno: errno), path: path, hint: nil) }
        ok = true
    }
}

/// What a path is.
public enum FileKind: String, Sendable {
    /// A regular file.
    case regular = "a regular file"
    /// A folder.
    case directory = "a folder"
    /// A named pipe.
    case fifo = "a named pipe (FIFO)"
    /// A character or block device.
    case device = "a device"
    /// A socket.
    case socket = "a socket"
    /// A symbolic link (seen only where links are not followed).
    case symlink = "a symbolic link"
    /// Anything else.
    case other = "not a regular file"

    package init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFCHR, S_IFBLK: self = .device
        case S_IFSOCK: self = .socket
        case S_IFLNK: self = .symlink
        default: self = .other
        }
    }
}

/// Why the gate or the file system refused an access; turned into a located diagnostic by the caller.
public struct FileAccessError: Error, Sendable {
    /// The kinds of failure.
    public enum Reason: Sendable {
        /// A rule of the gate (safe mode) refused it.
        case refused(rule: String)
        /// Nothing is at the path.
        case notFound
        /// Something other than a regular file is there.
        case notRegular(FileKind)
        /// The file is over a size limit.
        case tooLarge(size: Int, limit: Int)
        /// The folder to write into does not exist.
        case missingFolder(String)
        /// The operating system said no.
        case io(errno: Int32)
    }

    /// Why.
    public var reason: Reason
    /// The path as the user gave it.
    public var path: String
    /// What to do about it, when there is something particular to say.
    public var hint: String?

    /// Makes an error.
    public init(_ reason: Reason, path: String, hint: String?) {
        self.reason = reason
        self.path = path
        self.hint = hint
    }

    /// Whether a safe-mode rule refused it (as opposed to the file system).
    public var isRefusal: Bool { if case .refused = reason { return true }; return false }

    /// A lower-case message naming the path: what went wrong.
    public func message(_ verb: String) -> String {
        switch reason {
        case .refused:
            // "read script" → "reading script"
            var words = verb.split(separator: " ").map(String.init)
            if let first = words.first { words[0] = first.hasSuffix("e") ? first.dropLast() + "ing" : first + "ing" }
            return "safe mode: \(words.joined(separator: " ")) '\(path)' is refused"
        case .notFound: return "cannot \(verb) '\(path)': no such file"
        case .notRegular(let k): return "cannot \(verb) '\(path)': it is \(k.rawValue), not a regular file"
        case .tooLarge(let size, let limit): return "cannot \(verb) '\(path)': it is \(size) bytes, over the limit of \(limit)"
        case .missingFolder(let f): return "cannot \(verb) '\(path)': the folder '\(f)' does not exist"
        case .io(let e): return "cannot \(verb) '\(path)': " + String(cString: strerror(e)).lowercased()
        }
    }

    /// The hint: the rule that refused it, or what to check.
    public var fullHint: String? {
        if case .refused(let rule) = reason { return "rule: " + rule + (hint.map { "; " + $0 } ?? "") }
        if hint != nil { return hint }
        switch reason {
        case .notFound: return "check the path"
        case .io(let e) where e == EACCES || e == EPERM: return "check the permissions of the file and its folder"
        case .notRegular(.directory): return "name a file in it"
        case .notRegular: return "name a regular file (pipes, devices and sockets are not read)"
        case .tooLarge: return "split it, or give a smaller file"
        case .missingFolder: return "create the folder first, or check the path"
        case .io(let e) where e == ENOSPC || e == EDQUOT: return "free some space on the disk, or write elsewhere"
        case .io(let e) where e == EROFS: return "the file system is mounted read-only; write elsewhere"
        case .io(let e) where e == ELOOP: return "a symbolic link on the path leads back to itself; point it at a file"
        case .io(let e) where e == EFBIG: return "the file would pass the size limit for files (ulimit -f)"
        case .io: return "check the path and the disk"
        case .refused: return nil
        }
    }

    /// As a diagnostic at a span: `verb` says what was attempted ("read", "write", "load").
    public func diagnostic(_ verb: String, at span: SourceSpan?) -> Diagnostic {
        Diagnostic(message(verb), at: span, hint: fullHint, category: isRefusal ? .refused : .io)
    }
}
