import Foundation

/// The layout of a snapshot file.
///
/// ```
/// offset  size  field
///      0     8  magic "STMTSNAP"
///      8     4  format version (little-endian)
///     12     4  reserved, 0
///     16     8  body length in bytes
///     24     8  checksum of the body (Checksum.of)
///     32     …  body: the key (which files, as they were), then the model
/// ```
///
/// The key comes first so a stale snapshot is recognised from its first few hundred bytes; the
/// checksum is verified only once the key matches.
public enum SnapshotFormat {
    /// Raised whenever the layout changes; a snapshot of another version is ignored and rewritten.
    public static let version: UInt32 = 1
    /// The file's first eight bytes.
    static let magic = Array("STMTSNAP".utf8)
    /// Bytes before the body.
    static let headerSize = 32
    /// What a snapshot file's name ends with.
    public static let fileExtension = ".snapshot"
}

/// A fast 64-bit checksum for catching damage on disk (not an adversary): four independent lanes
/// of multiply-rotate over 8-byte words, the halves of a large buffer summed on both cores.
enum Checksum {
    static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        let half = (buffer.count / 2) & ~31
        guard half >= 1 << 20 else { return lanes(buffer, seed: 0x5354_4D54) }
        // Each thread writes its own slot of a plain buffer (no Swift array shared between threads).
        let parts = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
        defer { parts.deallocate() }
        nonisolated(unsafe) let slots = parts
        nonisolated(unsafe) let buffer = buffer
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            let part = k == 0 ? UnsafeRawBufferPointer(rebasing: buffer[0..<half])
                              : UnsafeRawBufferPointer(rebasing: buffer[half...])
            (slots + k).initialize(to: lanes(part, seed: 0x5354_4D54 &+ UInt64(k)))
        }
        return parts[0] ^ (parts[1] &* 0x9E37_79B9_7F4A_7C15)
    }

    private static func lanes(_ b: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let k: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h0 = seed, h1 = seed &+ 1, h2 = seed &+ 2, h3 = seed &+ 3
        func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
            let x = (h ^ w) &* k
            return (x << 31) | (x >> 33)
        }
        let blocks = b.count / 32
        var i = 0
        for _ in 0..<blocks {
            h0 = mix(h0, b.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            h1 = mix(h1, b.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            h2 = mix(h2, b.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            h3 = mix(h3, b.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        var tail: UInt64 = UInt64(b.count)
        while i < b.count { tail = mix(tail, UInt64(b[i])); i += 1 }
        return mix(mix(mix(mix(h0, h1), h2), h3), tail)
    }
}
