import Foundation

/// Runs parsing and evaluation on one long-lived thread with a large stack.
///
/// The parser and the evaluator recurse once per nesting level of the input, and the input's
/// nesting is bounded (``Parser/maxLevel``), but a bound that is safe on the main thread's 8 MiB
/// in a release build is not in a debug build, and Dispatch's threads have far less. On this
/// thread the bound is far inside the stack whatever the build. Work already on it runs directly.
public final class DeepStack: @unchecked Sendable {
    /// The stack size: room for every nesting level the parser admits, many times over.
    public static let stackSize = 512 << 20

    /// The shared thread.
    public static let shared = DeepStack()

    private let lock = NSCondition()
    private var job: (() -> Void)?
    private var done = false
    private var thread: Thread?
    private let serial = NSLock()
    private var worker: pthread_t?

    private func onWorker() -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard let worker else { return false }
        return pthread_equal(worker, pthread_self()) != 0
    }

    /// Runs `body` on the deep-stack thread and returns its result (or rethrows its error).
    public func run<T>(_ body: () throws -> T) throws -> T {
        if onWorker() { return try body() }
        serial.lock(); defer { serial.unlock() }
        var result: Result<T, Error>?
        withoutActuallyEscaping(body) { escapable in
            let work = { result = Result { try escapable() } }
            lock.lock()
            startIfNeeded()
            job = work
            done = false
            lock.signal()
            while !done { lock.wait() }
            lock.unlock()
        }
        return try result!.get()
    }

    private func startIfNeeded() {
        guard thread == nil else { return }
        let t = Thread { [unowned self] in self.loop() }
        t.name = "stmt.deep-stack"
        t.stackSize = Self.stackSize
        thread = t
        t.start()
    }

    private func loop() {
        lock.lock()
        worker = pthread_self()
        lock.unlock()
        // Signals are for the main thread, which waits in read(2) for the line editor: a Ctrl-C
        // taken on this thread would set the flag but leave that read blocked.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGWINCH, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGPIPE] { sigaddset(&set, sig) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        while true {
            runOne()
            // Only now, with the job released, may the caller's non-escaping closure end.
            lock.lock()
            done = true
            lock.broadcast()
            lock.unlock()
        }
    }

    private func runOne() {
        lock.lock()
        while job == nil { lock.wait() }
        let work = job!
        job = nil
        lock.unlock()
        work()
    }
}
