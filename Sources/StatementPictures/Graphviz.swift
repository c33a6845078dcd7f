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

    /// The picture of `dot` text in `format` (svg, png or pdf).
    public func render(_ dot: String, format: String) throws(Failure) -> [UInt8] {
        guard let program else { throw Self.missing }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = ["-T" + format]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = errors
        do { try p.run() } catch {
            throw Failure(message: "cannot run \(program): \(error.localizedDescription)", hint: "check that Graphviz is installed (apt install graphviz)")
        }
        // Standard input is written and both outputs are read on their own threads, so a large
        // graph cannot fill a pipe and stall both programs.
        let group = DispatchGroup()
        let collected = Collected()
        let bytes = Data(dot.utf8)
        group.enter()
        Thread { Self.feed(bytes, to: input.fileHandleForWriting); group.leave() }.start()
        DispatchQueue.global().async(group: group) { collected.setOut(output.fileHandleForReading.readAllRetryingInterrupts()) }
        DispatchQueue.global().async(group: group) { collected.setErr(errors.fileHandleForReading.readAllRetryingInterrupts()) }
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning {
            p.terminate()
            usleep(200_000)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
            _ = group.wait(timeout: .now() + 5)
            throw Failure(message: "dot took longer than \(Int(timeout)) s and was stopped",
                          hint: "draw fewer rows (`… | where … | graph`), or save as .dot and run dot yourself")
        }
        p.waitUntilExit()
        _ = group.wait(timeout: .now() + 5)
        guard p.terminationStatus == 0 else {
            let why = String(decoding: collected.err, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit \(p.terminationStatus)"
            throw Failure(message: "dot failed: \(why.lowercased())", hint: "save the graph as .dot to see what it was given")
        }
        return Array(collected.out)
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
