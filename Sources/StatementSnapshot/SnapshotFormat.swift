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
///     32     …  body: the key (which files, as they were), then the model's sections, then
///               a directory: each section's offset in the body, their count, the magic reversed
/// ```
///
/// The key comes first so a stale snapshot is recognised from its first few hundred bytes; the
/// checksum is verified only once the key matches. Sections are written in the order they are
/// made (statements stream to the file as they are encoded; the string table is complete only at
/// the end), and the directory lets the reader take them in the order it needs.
public enum SnapshotFormat {
    /// Raised whenever the layout changes; a snapshot of another version is ignored and rewritten.
    /// 4: a lone CR ends a line in a source text, so anchors' line numbers in such texts changed.
    public static let version: UInt32 = 4
    /// The file's first eight bytes.
    static let magic = Array("STMTSNAP".utf8)
    /// Bytes before the body.
    static let headerSize = 32
    /// What a snapshot file's name ends with.
    public static let fileExtension = ".snapshot"
}

/// A fast 64-bit checksum for catching damage on disk (not an adversary): the body in 1 MiB
/// blocks, each hashed by four independent lanes of multiply-rotate over 8-byte words, the block
/// hashes folded in order. Blocks make it computable as the body is written (``Stream``) and on
/// both cores when it is read.
enum Checksum {
    static let block = 1 << 20
    private static let k: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The checksum of a whole body.
    static func of(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        let blocks = (buffer.count + block - 1) / block
        let hashes = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(1, blocks))
        defer { hashes.deallocate() }
        nonisolated(unsafe) let out = hashes
        nonisolated(unsafe) let buffer = buffer
        let parts = blocks < 4 ? 1 : 2
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            for b in (blocks * part / parts)..<(blocks * (part + 1) / parts) {
                let slice = UnsafeRawBufferPointer(rebasing: buffer[(b * block)..<min(buffer.count, (b + 1) * block)])
                (out.baseAddress! + b).initialize(to: lanes(slice, seed: UInt64(b)))
            }
        }
        return fold(UnsafeBufferPointer(rebasing: hashes[0..<blocks]), total: buffer.count)
    }

    static func fold(_ hashes: UnsafeBufferPointer<UInt64>, total: Int) -> UInt64 {
        var h: UInt64 = 0x5354_4D54
        for x in hashes { h = mix(h, x) }
        return mix(h, UInt64(total))
    }

    /// The checksum of bytes given piece by piece: each full block is hashed as it completes.
    struct Stream {
        private var hashes: [UInt64] = []
        private var pending: [UInt8] = []
        private var total = 0

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            total += bytes.count
            var rest = bytes
            while !rest.isEmpty {
                let take = min(rest.count, block - pending.count)
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[0..<take]))
                rest = UnsafeRawBufferPointer(rebasing: rest[take...])
                if pending.count == block { flush() }
            }
        }

        private mutating func flush() {
            let seed = UInt64(hashes.count)
            hashes.append(pending.withUnsafeBytes { lanes($0, seed: seed) })
            pending.removeAll(keepingCapacity: true)
        }

        mutating func finish() -> UInt64 {
            if !pending.isEmpty { flush() }
            return hashes.withUnsafeBufferPointer { fold($0, total: total) }
        }
    }

    @inline(__always)
    private static func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
        let x = (h ^ w) &* k
        return (x << 31) | (x >> 33)
    }

    private static func lanes(_ b: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var h0 = seed, h1 = seed &+ 1, h2 = seed &+ 2, h3 = seed &+ 3
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
