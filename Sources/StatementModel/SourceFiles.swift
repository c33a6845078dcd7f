/// The texts of the files of one load, so diagnostics can show the offending line. Shared by the
/// builder, its readers and its resolver.
final class SourceFiles {
    var names: [String] = []
    var texts: [SourceText] = []

    func add(_ name: String, _ text: SourceText) -> Int32 {
        names.append(name)
        texts.append(text)
        return Int32(names.count - 1)
    }

    /// A full span with the line's text, for a diagnostic.
    func span(_ m: FileMark) -> SourceSpan {
        let i = Int(m.file)
        guard i >= 0, i < names.count else { return SourceSpan(file: "?", line: Int(m.line), column: Int(m.column)) }
        var line = texts[i].line(Int(m.line))
        if line.hasSuffix("\r") { line.removeLast() }
        return SourceSpan(file: names[i], line: Int(m.line), column: Int(m.column), length: max(1, Int(m.length)), lineText: line)
    }

    /// A span without the line's text, kept on model records as where they were defined.
    func location(_ m: FileMark) -> SourceSpan {
        SourceSpan(file: names[Int(m.file)], line: Int(m.line), column: Int(m.column), length: max(1, Int(m.length)))
    }
}
