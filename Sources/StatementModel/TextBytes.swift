import Foundation

/// UTF-8 bytes held as an array, or a range of a mapped file read in place. A restored model's
/// document texts and content column are the second kind, so reopening a model neither copies
/// them nor touches fresh memory for them; a loaded model's are its arrays, not copied either.
public struct TextBytes: RandomAccessCollection, @unchecked Sendable {
    /// Positions are byte offsets.
    public typealias Index = Int
    /// The positions of every byte.
    public typealias Indices = Range<Int>

    private enum Storage {
        case array([UInt8])
        /// `bytes` stay valid while `owner` (the mapped file) lives.
        case borrowed(AnyObject, UnsafeRawBufferPointer)
    }
    private let storage: Storage

    /// The bytes of an array (shared with it, not copied).
    public init(_ bytes: [UInt8]) { storage = .array(bytes) }

    /// Bytes read in place: `bytes` must stay valid while `owner` lives (a mapped file's range).
    package init(borrowing bytes: UnsafeRawBufferPointer, keptBy owner: AnyObject) {
        storage = .borrowed(owner, bytes)
    }

    /// The first position: 0.
    public var startIndex: Int { 0 }
    /// One past the last byte.
    public var endIndex: Int { count }
    /// The number of bytes.
    public var count: Int {
        switch storage {
        case .array(let a): return a.count
        case .borrowed(_, let b): return b.count
        }
    }

    /// The byte at `i`.
    public subscript(i: Int) -> UInt8 {
        switch storage {
        case .array(let a): return a[i]
        case .borrowed(_, let b):
            // Checked as an array's subscript is (a raw buffer checks only in debug builds).
            precondition(i >= 0 && i < b.count, "byte offset out of range")
            return b[i]
        }
    }

    /// Calls `body` with the bytes in one buffer.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case .array(let a): return try a.withUnsafeBufferPointer(body)
        case .borrowed(let owner, let b):
            return try withExtendedLifetime(owner) { try body(b.assumingMemoryBound(to: UInt8.self)) }
        }
    }

    /// Calls `body` with the bytes as raw memory.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
    }

    /// Calls `body` with the bytes' buffer (the collection's fast path for `elementsEqual`, `contains`, …).
    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try withUnsafeBufferPointer(body)
    }
}
