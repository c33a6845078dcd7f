import Foundation

extension FileHandle {
    /// Everything up to the end, read with `read(2)` and retried on EINTR. Foundation's
    /// `readDataToEndOfFile()` traps when a signal (SIGCHLD of another child, SIGWINCH, Ctrl-C) interrupts it.
    public func readAllRetryingInterrupts() -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                break
            }
            if n == 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        return data
    }

    /// `prefix` followed by up to `count` more bytes read with `read(2)` (EINTR retried), in one new
    /// buffer; nil when reading fails. Fewer than `count` new bytes means the end of the file.
    func read(after prefix: [UInt8], upTo count: Int) -> [UInt8]? {
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: prefix.count + count) { buffer, initialized in
            _ = buffer.initialize(from: prefix)
            var n = prefix.count
            while n < buffer.count {
                let r = Glibc.read(fileDescriptor, buffer.baseAddress! + n, buffer.count - n)
                if r < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    failed = true
                    break
                }
                if r == 0 { break }
                n += r
            }
            initialized = n
        }
        return failed ? nil : out
    }
}
