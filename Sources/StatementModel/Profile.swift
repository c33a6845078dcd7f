import Foundation

/// Phase timings and resident memory on standard error when `STMT_PROFILE` is set; used to find
/// where loading a large model spends its time (docs/performance.md).
package enum Profile {
    package static let enabled = ProcessInfo.processInfo.environment["STMT_PROFILE"] != nil
    nonisolated(unsafe) static var last = DispatchTime.now().uptimeNanoseconds

    package static func note(_ text: String) {
        if enabled { OutputWriter.standardError.write("profile: \(text)\n") }
    }

    package static func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        OutputWriter.standardError.write("profile: \(phase): \((now > last ? now - last : 0) / 1_000_000) ms, peak rss \(usage.ru_maxrss >> 10) MiB\n")
        last = now
    }
}
