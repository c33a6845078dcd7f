/// Finding a byte string in another with glibc's `memmem` (SIMD two-way search), shared by the
/// anchor resolver and the content search.
package enum ByteSearch {
    /// Where `needle` starts in `haystack[from...]` first, or nil.
    package static func first(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
        guard let h = haystack.baseAddress, let n = needle.baseAddress, !needle.isEmpty,
              from >= 0, needle.count <= haystack.count - from else { return nil }
        guard let p = memmem(h + from, haystack.count - from, n, needle.count) else { return nil }
        return h.distance(to: UnsafeRawPointer(p))
    }

    /// Every place `needle` starts in `haystack`, overlapping ones included, in order.
    package static func all(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> [Int] {
        var out: [Int] = []
        var at = 0
        while let i = first(needle, in: haystack, from: at) {
            out.append(i)
            at = i + 1
        }
        return out
    }
}

/// glibc's `memmem` (a GNU extension the Glibc module leaves out): the first place a byte string occurs in another.
@_silgen_name("memmem")
package func memmem(_ haystack: UnsafeRawPointer, _ haystackCount: Int, _ needle: UnsafeRawPointer, _ needleCount: Int) -> UnsafeMutableRawPointer?
