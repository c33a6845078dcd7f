import Foundation
import StatementModel

/// Renders DOT through Graphviz's `dot` program (Debian package `graphviz`), found on `PATH`.
/// The DOT goes in on standard input and the picture comes back on standard output, so `dot`
/// touches no file; a run that takes longer than ``timeout`` is stopped.
public struct Graphviz: Sendable {
    /// The formats `dot` is asked for, by file extension.
    public static let formats = ["svg", "png", "pdf"]

    /// Why a picture could not be made.
    public struct Failure: Error, Sendable {
        /// What went wrong, lower-case.
        public var message: String
        /// What to do about it.
        public var hint: String
    }

    /// The `dot` program, or nil when it is not installed.
    public let program: String?
    /// How long one rendering may take, in seconds.
    public var timeout: Double = 60

    /// Finds `dot` on a search path (the process's `PATH` by default).
    public init(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) {
        program = (searchPath ?? "").split(separator: ":").map { String($0) + "/dot" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether `dot` was found.
    public var isAvailable: Bool { program != nil }

    /// The error for a missing `dot`, naming the package.
    public static let missing = Failure(message: "cannot draw pictures: Graphviz's `dot` program is not installed",
                                        hint: "install the Debian package graphviz (apt install graphviz), or save the graph as .dot")

    /// The picture of `dot` text in `format` (svg, png or pdf). `isCancelled` (Ctrl-C) is asked
    /// while `dot` runs; when it says yes, `dot` is stopped and the render fails as cancelled.
    public func render(_ dot: String, format: String, isCancelled: () -> Bool = { false }) throws(Failure) -> [UInt8] {
        guard let program else { throw Self.missing }
        let child: Child
        do { child = try Child.spawn(program, arguments: ["-T" + format]) } catch {
            throw Failure(message: "cannot run \(program): \(String(cString: strerror(error.code)).lowercased())",
                          hint: "check that Graphviz is installed (apt install graphviz)")
        }
        // Standard input is written and both outputs are read on their own threads, so a large
        // graph cannot fill a pipe and stall both programs.
        let group = DispatchGroup()
        let collected = Collected()
        let bytes = Data(dot.utf8)
        group.enter()
        Thread { Self.feed(bytes, to: child.input); group.leave() }.start()
        DispatchQueue.global().async(group: group) { collected.setOut(child.output.readAllRetryingInterrupts()) }
        DispatchQueue.global().async(group: group) { collected.setErr(child.errors.readAllRetryingInterrupts()) }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32?
        while status == nil {
            status = child.exitStatus()
            guard status == nil else { break }
            if isCancelled() || Date() >= deadline {
                child.stop()
                _ = group.wait(timeout: .now() + 5)
                if isCancelled() { throw Failure(message: "cancelled", hint: "the picture was not made; the session goes on") }
                throw Failure(message: "dot took longer than \(Int(timeout)) s and was stopped",
                              hint: "draw fewer rows (`… | where … | graph`), or save as .dot and run dot yourself")
            }
            usleep(10_000)
        }
        _ = group.wait(timeout: .now() + 5)
        guard status == 0 else {
            if isCancelled() { throw Failure(message: "cancelled", hint: "the picture was not made; the session goes on") }
            let why = String(decoding: collected.err, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit \(status!)"
            throw Failure(message: "dot failed: \(why.lowercased())", hint: "save the graph as .dot to see what it was given")
        }
        return Array(collected.out)
    }
}

/// A child process with piped standard input, output and error, started by `posix_spawn` with the
/// signal mask emptied and the job-control and termination signals at their defaults: stmt blocks
/// some signals in its own threads, and a child that inherited that (Foundation's `Process` lets it)
/// could be neither interrupted by Ctrl-C nor killed with SIGTERM, and outlived stmt.
struct Child {
    let pid: pid_t
    let input: FileHandle
    let output: FileHandle
    let errors: FileHandle

    struct SpawnError: Error { var code: Int32 }

    /// The signals set back to their default action in the child.
    static let defaultSignals = [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD, SIGWINCH]

    static func spawn(_ program: String, arguments: [String]) throws(SpawnError) -> Child {
        var pipes: [[Int32]] = []
        for _ in 0..<3 {
            var p: [Int32] = [-1, -1]
            // Close-on-exec, so that only the three dup'd ends reach the child.
            guard pipe(&p) == 0 else {
                let e = errno
                for q in pipes { close(q[0]); close(q[1]) }
                throw SpawnError(code: e)
            }
            guard fcntl(p[0], F_SETFD, FD_CLOEXEC) == 0, fcntl(p[1], F_SETFD, FD_CLOEXEC) == 0 else {
                let e = errno
                for q in pipes + [p] { close(q[0]); close(q[1]) }
                throw SpawnError(code: e)
            }
            pipes.append(p)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0)
        posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2)
        // Nothing else of stmt's (or of whoever started it) reaches dot: files a caller opened
        // without close-on-exec would otherwise stay open, and a pipe's reader would not see its end.
        if let closeFrom = Self.addCloseFrom {
            _ = closeFrom(&actions, 3)
        } else {
            for fd in Self.openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }
        // A parent that left SIGCHLD ignored makes the kernel reap children at once, and waitpid
        // could never read dot's status: stmt reaps its own children, so the default is restored.
        signal(SIGCHLD, SIG_DFL)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in defaultSignals { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &actions, &attributes, argv, environ)
        close(pipes[0][0]); close(pipes[1][1]); close(pipes[2][1])
        guard rc == 0 else {
            close(pipes[0][1]); close(pipes[1][0]); close(pipes[2][0])
            throw SpawnError(code: rc)
        }
        return Child(pid: pid, input: FileHandle(fileDescriptor: pipes[0][1], closeOnDealloc: true),
                     output: FileHandle(fileDescriptor: pipes[1][0], closeOnDealloc: true),
                     errors: FileHandle(fileDescriptor: pipes[2][0], closeOnDealloc: true))
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc
    /// module does not export (it is declared for _GNU_SOURCE only).
    static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// This process's open file descriptors, from /proc (empty where it is not mounted).
    static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }

    /// The exit status once the child has ended (a signal counts as 128 + its number), else nil.
    func exitStatus() -> Int32? {
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == 0 { return nil }
        if r < 0 { return errno == EINTR ? nil : -1 }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Stops the child: SIGTERM, then SIGKILL if it is still there after 200 ms; reaps it.
    func stop() {
        kill(pid, SIGTERM)
        for _ in 0..<20 where exitStatus() == nil { usleep(10_000) }
        if exitStatus() == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
    }
}

extension Graphviz {
    /// Writes `bytes` to a pipe on the calling (dedicated) thread with SIGPIPE blocked: if `dot`
    /// stops reading (it failed, or was stopped), the write fails with EPIPE instead of the signal
    /// ending the whole process. The signal left pending for this thread is taken back before it ends.
    static func feed(_ bytes: Data, to handle: FileHandle) {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
        try? handle.write(contentsOf: bytes)
        try? handle.close()
        var now = timespec(tv_sec: 0, tv_nsec: 0)
        while sigtimedwait(&pipeSignal, nil, &now) == SIGPIPE {}
    }
}

/// Output gathered by reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var stdout = Data(), stderr = Data()
    var out: Data { lock.lock(); defer { lock.unlock() }; return stdout }
    var err: Data { lock.lock(); defer { lock.unlock() }; return stderr }
    func setOut(_ d: Data) { lock.lock(); stdout = d; lock.unlock() }
    func setErr(_ d: Data) { lock.lock(); stderr = d; lock.unlock() }
}
