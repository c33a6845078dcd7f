/// The documented exit codes of `stmt`.
public enum ExitCode: Int32, Sendable {
    /// Everything ran and every check held.
    case success = 0
    /// A command or an assertion failed (or a transcript did not match).
    case failure = 1
    /// The script or the model has a syntax or validation error; nothing ran.
    case syntax = 2
    /// Bad usage: unknown flag, missing file, bad parameter.
    case usage = 64
}
