import StatementModel

/// A file format written by another module (DOT, SVG, HTML): `save` finds it by the path's
/// extension and hands it the value. The shell registers them on the session, so the language
/// knows no format it does not own.
public struct Exporter: Sendable {
    /// The extensions it writes, lower-case, without the dot.
    public let extensions: [String]
    /// One line for `help save`: what the format holds.
    public let summary: String
    /// The bytes of the file at `path` for a value; a diagnostic at `span` when it cannot write this value.
    public let write: @Sendable (_ value: Value, _ session: Session, _ path: String, _ span: SourceSpan) throws -> [UInt8]

    /// Declares a format.
    public init(extensions: [String], summary: String,
                write: @escaping @Sendable (_ value: Value, _ session: Session, _ path: String, _ span: SourceSpan) throws -> [UInt8]) {
        self.extensions = extensions
        self.summary = summary
        self.write = write
    }
}
