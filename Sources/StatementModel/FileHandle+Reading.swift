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
}
