import Foundation

/// Path arithmetic on text, done here rather than by `NSString`: swift-corelibs-foundation traps
/// (SIGILL) on `deletingLastPathComponent` of a one-character path such as `s`, which crashed
/// `stmt test s` and `stmt draft t -o y`.
public enum PathText {
    /// The folder part of a path, as `NSString.deletingLastPathComponent` gives it: `a/b` → `a`,
    /// `b` → `` (empty), `/b` → `/`, `a/b/` → `a`, `/` → `/`.
    public static func folder(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        var folder = p[..<slash]
        while folder.count > 1 && folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// The path against the working folder when it is relative (not normalized: `FileGate.realPath` does that).
    public static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
