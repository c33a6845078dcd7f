/// One problem found in a model file, a command or a script: what, where, and what to do about it.
///
/// Diagnostics are values: loaders collect all of them in one pass, the evaluator throws one,
/// and ``DiagnosticRenderer`` is the single place that turns them into text.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The input cannot be used.
        case error
        /// The input can be used, but something looks wrong.
        case warning
        /// Extra information attached to another diagnostic.
        case note
    }

    /// Broad categories, so callers (and exit codes) can tell a syntax error from a failed check.
    public enum Category: String, Sendable, Hashable, Codable {
        /// The text could not be parsed (YAML or the command language).
        case syntax
        /// The model file parses but its content is invalid.
        case model
        /// A command was well-formed but failed while running.
        case evaluation
        /// An assertion or a transcript expectation did not hold.
        case check
        /// A file could not be read or written.
        case io
        /// The user asked for something the session forbids (safe mode).
        case refused
        /// The command was cancelled by the user.
        case cancelled
    }

    /// How bad it is.
    public var severity: Severity
    /// Which kind of problem it is.
    public var category: Category
    /// Lower-case message: what was expected and what was found.
    public var message: String
    /// Where it happened, when known.
    public var span: SourceSpan?
    /// What the user could do about it, e.g. `did you mean 'where'?`.
    public var hint: String?
    /// Further locations worth showing (e.g. every place an ambiguous anchor matched).
    public var notes: [Diagnostic]

    /// Makes a diagnostic.
    public init(
        _ message: String,
        at span: SourceSpan? = nil,
        hint: String? = nil,
        category: Category = .evaluation,
        severity: Severity = .error,
        notes: [Diagnostic] = []
    ) {
        self.severity = severity
        self.category = category
        self.message = message
        self.span = span
        self.hint = hint
        self.notes = notes
    }

    /// The diagnostic rendered without colour.
    public var description: String { DiagnosticRenderer(color: false).render(self) }
}

/// Several diagnostics thrown together, e.g. every problem in a model file.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Wraps a list of diagnostics.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// All diagnostics rendered without colour, one after another.
    public var description: String { DiagnosticRenderer(color: false).render(diagnostics) }
}
