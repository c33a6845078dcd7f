import CPseudoTerminal
import Foundation

/// A running `stmt` on a pseudo-terminal: type keys, read the screen (ANSI and `\r` stripped).
final class PseudoTerminal {
    let pid: pid_t
    let master: Int32
    private(set) var raw = ""

    init(arguments: [String] = [], environment: [String: String], executable: String = Binary.path) throws {
        var env = ["TERM=xterm", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "PATH=/usr/bin:/bin"]
        env += environment.map { "\($0.key)=\($0.value)" }
        let argv = [executable] + arguments
        var fd: Int32 = -1
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        pid = stmt_pty_spawn(executable, cArgs, cEnv, 40, 120, &fd)
        guard pid > 0 else { throw CocoaError(.executableLoad) }
        master = fd
    }

    deinit {
        kill(pid, SIGKILL)
        _ = stmt_pty_wait(pid, 1000)
        close(master)
    }

    /// Sends keys a few at a time, reading in between (libedit discards unread text on Ctrl-C).
    func type(_ text: String) {
        var chunk = ""
        for ch in text {
            chunk.append(ch)
            if chunk.utf8.count >= 4 {
                write(chunk)
                chunk = ""
            }
        }
        if !chunk.isEmpty { write(chunk) }
    }

    private func write(_ s: String) {
        _ = s.withCString { Foundation.write(master, $0, strlen($0)) }
        drain(milliseconds: 30)
    }

    /// Reads whatever arrives within the time.
    func drain(milliseconds: Int) {
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 20) > 0 {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { return }
                raw += String(decoding: buffer[0..<n], as: UTF8.self)
            }
        }
    }

    /// Waits until the (cleaned) screen text contains `text`, up to `seconds`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen.contains(text) { return true }
            drain(milliseconds: 50)
        }
        return screen.contains(text)
    }

    /// Everything printed, with escape sequences and carriage returns removed.
    var screen: String {
        var out = ""
        var it = raw.unicodeScalars.makeIterator()
        while let c = it.next() {
            if c == "\u{1B}" {
                guard let n = it.next() else { break }
                if n == "[" { while let d = it.next(), !(0x40...0x7E).contains(d.value) {} }
                continue
            }
            if c == "\r" || c == "\u{7}" { continue }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// Ctrl-D once the output has settled: typed while a command is still printing, the key could
    /// reach the terminal before the line editor reads again.
    func endInput() {
        var last = raw.count
        for _ in 0..<20 {
            drain(milliseconds: 100)
            if raw.count == last { break }
            last = raw.count
        }
        type("\u{4}")
    }

    /// Waits for the process to end; its exit status, or -1.
    func exitStatus(timeoutMilliseconds: Int32 = 5000) -> Int32 { stmt_pty_wait(pid, timeoutMilliseconds) }
}
