import Foundation

/// The file a ``FileGate/writeStreaming(to:durable:_:)`` is writing: bytes appended in order, and
/// bytes already written patched in place.
public struct FileStream {
    let fd: Int32
    let path: String

    /// Appends bytes, retrying short writes and EINTR.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(FileAccessError) {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileAccessError(.io(errno: errno), path: path, hint: nil)
            }
            done += n
        }
    }

    /// Overwrites bytes at an offset already written (the append position does not move).
    public func patch(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(FileAccessError) {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw FileAccessError(.io(errno: errno), path: path, hint: nil)
            }
            done += n
        }
    }
}
