import Foundation
import StatementModel

/// What a snapshot was made from: every file the load read (the model files, then the documents'
/// source texts), each with its size, modification time and a hash of sampled blocks. The next start
/// compares them with the files as they are now; any difference makes the snapshot stale.
struct SnapshotKey: Equatable {
    /// One file as it was read.
    struct Fingerprint: Equatable {
        var path: String
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64
        /// The status-change time: set by the system on every write and on every change of the
        /// modification time, so an edit whose time was put back (`touch -r`) still shows.
        var changeSeconds: Int64
        var changeNanoseconds: Int64
        /// The file's identity: a file replaced by another (renamed over, copied with `cp -p`) differs.
        var device: UInt64
        var inode: UInt64
        /// A hash of the first and last 64 KiB and sixteen blocks between (cheap even for 500 MB).
        var sample: UInt64
    }

    /// The path the model was opened by, absolute.
    var origin: String
    /// The model files, in load order.
    var modelFiles: [Fingerprint]
    /// The source texts the documents read.
    var sources: [Fingerprint]

    /// The total size of the files, for the "too small to be worth a snapshot" rule.
    var totalBytes: Int64 { (modelFiles + sources).reduce(0) { $0 + $1.size } }

    /// The fingerprint of a file now, or nil when it cannot be read.
    static func fingerprint(_ path: String, gate: FileGate) -> Fingerprint? {
        guard (try? gate.check(.read, path)) != nil else { return nil }
        var st = stat()
        guard stat(path, &st) == 0, FileKind(mode: st.st_mode) == .regular else { return nil }
        guard let handle = try? gate.openForReading(path) else { return nil }
        defer { try? handle.close() }
        let size = Int64(st.st_size)
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bitPattern: size)
        func absorb(_ data: Data?) {
            guard let data else { return }
            data.withUnsafeBytes { h ^= Checksum.of($0); h = h &* 0x100_0000_01B3 }
        }
        let block: Int64 = 64 << 10
        var offsets: [Int64] = [0]
        if size > 2 * block {
            for k in 1...16 { offsets.append(size * Int64(k) / 17) }
            offsets.append(size - block)
        }
        for o in offsets {
            do {
                try handle.seek(toOffset: UInt64(o))
                absorb(try handle.read(upToCount: Int(o == 0 || o == size - block ? block : 4096)))
            } catch { return nil }
        }
        return Fingerprint(path: path, size: size, seconds: Int64(st.st_mtim.tv_sec), nanoseconds: Int64(st.st_mtim.tv_nsec),
                           changeSeconds: Int64(st.st_ctim.tv_sec), changeNanoseconds: Int64(st.st_ctim.tv_nsec),
                           device: UInt64(st.st_dev), inode: UInt64(st.st_ino), sample: h)
    }

    func write(to w: inout ByteWriter) {
        w.string(origin)
        for list in [modelFiles, sources] {
            w.u64(UInt64(list.count))
            for f in list {
                w.string(f.path)
                w.i64(f.size)
                w.i64(f.seconds)
                w.i64(f.nanoseconds)
                w.i64(f.changeSeconds)
                w.i64(f.changeNanoseconds)
                w.u64(f.device)
                w.u64(f.inode)
                w.u64(f.sample)
            }
        }
    }

    static func read(from r: inout ByteReader) throws(SnapshotError) -> SnapshotKey {
        let origin = try r.string()
        var lists: [[Fingerprint]] = []
        for _ in 0..<2 {
            let n = try r.count(of: 72)
            var list: [Fingerprint] = []
            for _ in 0..<n {
                list.append(Fingerprint(path: try r.string(), size: try r.i64(), seconds: try r.i64(), nanoseconds: try r.i64(),
                                        changeSeconds: try r.i64(), changeNanoseconds: try r.i64(), device: try r.u64(), inode: try r.u64(),
                                        sample: try r.u64()))
            }
            lists.append(list)
        }
        return SnapshotKey(origin: origin, modelFiles: lists[0], sources: lists[1])
    }
}
