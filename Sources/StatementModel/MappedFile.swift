import Foundation

/// A file mapped read-only into memory; unmapped when the last reference goes.
public final class MappedFile: @unchecked Sendable {
    /// The first byte, or nil for an empty file.
    public let base: UnsafeRawPointer?
    /// The number of bytes.
    public let count: Int

    init(base: UnsafeRawPointer?, count: Int) {
        self.base = base
        self.count = count
    }

    /// The bytes, valid while this object lives.
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    deinit { if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) } }
}
