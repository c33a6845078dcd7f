import Foundation

/// The texts of the files of one load, so diagnostics can show the offending line. Shared by the
/// builder, its readers and its resolver.
final class SourceFiles: @unchecked Sendable {
    // Worker threads render diagnostics while the loader adds files: every access takes the lock.
    private let lock = NSLock()
    var names: [String] = []
    var texts: [SourceText] = []
    /// Files whose bytes were let go after parsing, to be re-read if a diagnostic needs a line.
    var released: [Int: String] = [:]

    /// Lets a parsed file's bytes go; its lines are read again from `path` only if needed.
    func release(_ index: Int32, path: String) {
        lock.lock(); defer { lock.unlock() }
        texts[Int(index)] = SourceText(bytes: [])
        released[Int(index)] = path
    }

    func text(_ i: Int) -> SourceText {
        lock.lock(); defer { lock.unlock() }
        // Read again (the loader's gate allowed it once) only to show a line in a diagnostic.
        if let path = released[i], let bytes = try? FileGate.unrestricted.read(path) {
            texts[i] = SourceText(bytes: bytes)
            released[i] = nil
        }
        return texts[i]
    }

    func add(_ name: String, _ text: SourceText) -> Int32 {
        lock.lock(); defer { lock.unlock() }
        names.append(name)
        texts.append(text)
        return Int32(names.count - 1)
    }

    /// A full span with the line's text, for a diagnostic.
    func span(_ m: FileMark) -> SourceSpan {
        let i = Int(m.file)
        guard i >= 0, i < count else { return SourceSpan(file: "?", line: Int(m.line), column: Int(m.column)) }
        return SourceSpan(file: name(i), line: Int(m.line), column: Int(m.column), length: max(1, Int(m.length)), lineText: lineText(i, Int(m.line)))
    }

    /// The last line made for a span: the diagnostics of one line (thousands, in a minified JSON
    /// file of one line) share its text instead of copying the line once each.
    private var lastLine: (file: Int, line: Int, text: String)?

    private func lineText(_ i: Int, _ number: Int) -> String {
        lock.lock()
        if let last = lastLine, last.file == i, last.line == number { lock.unlock(); return last.text }
        lock.unlock()
        var line = text(i).line(number)
        if line.hasSuffix("\r") { line.removeLast() }
        lock.lock(); defer { lock.unlock() }
        lastLine = (i, number, line)
        return line
    }

    /// A span without the line's text, kept on model records as where they were defined.
    var count: Int { lock.lock(); defer { lock.unlock() }; return names.count }

    func name(_ i: Int) -> String { lock.lock(); defer { lock.unlock() }; return names[i] }

    func location(_ m: FileMark) -> SourceSpan {
        SourceSpan(file: name(Int(m.file)), line: Int(m.line), column: Int(m.column), length: max(1, Int(m.length)))
    }
}
