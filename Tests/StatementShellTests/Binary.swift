import Foundation
import StatementModel

/// The built `stmt` executable and the repository root, for tests that run it as a user would.
enum Binary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
    static var path: String {
        if let p = ProcessInfo.processInfo.environment["STMT_BINARY"] { return p }
        return root + "/.build/debug/stmt"
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs stmt (or another executable) with arguments and optional standard input, in `cwd`.
    static func run(_ args: [String], stdin: String? = nil, cwd: String? = nil, env: [String: String] = [:],
                    executable: String? = nil) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable ?? path)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        // Snapshots of the tests' models stay in the build folder, never in the user's cache.
        environment["XDG_CACHE_HOME"] = root + "/.build/test-artifacts/cache"
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Both pipes are drained at once: a child that fills one while the other is read would wait forever.
        nonisolated(unsafe) var e = Data()
        let done = DispatchSemaphore(value: 0)
        Thread { e = err.fileHandleForReading.readAllRetryingInterrupts(); done.signal() }.start()
        let o = out.fileHandleForReading.readAllRetryingInterrupts()
        done.wait()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func tempDir() throws -> String {
        let d = NSTemporaryDirectory() + "stmt-shell-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }
}
