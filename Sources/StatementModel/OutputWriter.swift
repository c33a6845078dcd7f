import Foundation

/// The one way text reaches standard output or standard error.
///
/// It writes with `write(2)`, whole strings, unbuffered (so output and errors interleave in the
/// order they happen), and a failed write — a full disk, a closed descriptor — is recorded instead
/// of trapping: the program then ends with an exit code that says so. After the first failure it
/// writes nothing more to that descriptor.
public final class OutputWriter: @unchecked Sendable {
    /// Standard output.
    public static let standardOutput = OutputWriter(descriptor: 1)
    /// Standard error.
    public static let standardError = OutputWriter(descriptor: 2)

    private let descriptor: Int32
    private let lock = NSLock()
    private var firstError: Int32?

    /// A writer for a file descriptor.
    public init(descriptor: Int32) { self.descriptor = descriptor }

    /// The `errno` of the first write that failed, if any did.
    public var failure: Int32? {
        lock.lock(); defer { lock.unlock() }
        return firstError
    }

    /// The failure as words, e.g. `no space left on device`.
    public var failureDescription: String? { failure.map { String(cString: strerror($0)).lowercased() } }

    /// Whether the descriptor is a terminal.
    public var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Writes the text, all of it, or records why it could not.
    public func write(_ text: String) {
        guard !text.isEmpty else { return }
        lock.lock(); defer { lock.unlock() }
        guard firstError == nil else { return }
        var copy = text
        copy.withUTF8 { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    firstError = errno
                    return
                }
                done += n
            }
        }
    }
}
