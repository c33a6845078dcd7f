/// A place in some input: a file (or `<input>`), a 1-based line and column, and a length in characters.
///
/// The text of the line is captured when the span is made so that a diagnostic can be rendered
/// long after the input that produced it is gone.
public struct SourceSpan: Sendable, Hashable, Codable {
    /// The file name as the user gave it, or a pseudo-name such as `<input>`.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, counted in characters.
    public var column: Int
    /// How many characters the span covers on its line (at least 1 when rendered).
    public var length: Int
    /// The full text of the line the span starts on, without its newline.
    public var lineText: String

    /// Makes a span.
    public init(file: String, line: Int, column: Int, length: Int = 1, lineText: String = "") {
        self.file = file
        self.line = line
        self.column = column
        self.length = length
        self.lineText = lineText
    }

    /// `file:line:col`.
    public var location: String { "\(file):\(line):\(column)" }
}
