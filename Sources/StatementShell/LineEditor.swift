/// What the REPL needs from a line editor: read a line with a prompt, remember entries.
public protocol LineEditor: AnyObject {
    /// Reads one line without its newline; nil at end of input; throws ``LineEditorInterrupt`` on Ctrl-C.
    func readLine(prompt: String) throws -> String?
    /// Adds a complete (possibly multi-line) entry to the history and saves it.
    func addHistory(_ entry: String)
    /// The history, oldest first.
    func historyEntries() -> [String]
}

/// Ctrl-C while reading: the current input is dropped.
public struct LineEditorInterrupt: Error {}

/// SIGTERM or SIGHUP while reading: the REPL ends, restores the terminal, then dies of the signal.
public struct LineEditorTermination: Error {
    /// The signal received.
    public var signal: Int32
}

/// Reads plain lines when standard input is not a terminal: no prompt, no escape codes.
public final class PlainLineEditor: LineEditor {
    /// Makes a plain reader of standard input.
    public init() {}
    /// Reads a line from standard input.
    public func readLine(prompt: String) throws -> String? { Swift.readLine(strippingNewline: true) }
    /// Piped input keeps no history.
    public func addHistory(_ entry: String) {}
    /// None.
    public func historyEntries() -> [String] { [] }
}
