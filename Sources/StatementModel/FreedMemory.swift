import Foundation

/// Memory the allocator holds free, handed back to the system: a load's parse buffers, freed but
/// kept by glibc for reuse, would otherwise count in the peak of whatever grows next (the indexes,
/// a snapshot's tables) on top of the load's own.
package enum FreedMemory {
    /// Calls glibc's `malloc_trim` — looked up, as Swift's Glibc module does not declare it;
    /// elsewhere nothing happens. True when it ran.
    @discardableResult
    package static func handBack() -> Bool {
        guard let trim = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return false }
        _ = unsafeBitCast(trim, to: (@convention(c) (Int) -> Int32).self)(0)
        return true
    }
}
