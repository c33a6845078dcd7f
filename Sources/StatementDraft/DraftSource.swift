import Foundation
import StatementModel

/// Reads a text to draft from, through the session's file gate, and refuses what cannot be one: a
/// missing or special file, a binary, an empty text, or one too long to draft in bounded time.
public enum DraftSource {
    /// The largest text read, in bytes (a long report is ~1 MB).
    public static let maxBytes = 8 << 20

    /// The text at `path`, or a diagnostic that names the file and says what to do.
    public static func read(_ path: String, gate: FileGate) throws(Diagnostic) -> DraftText {
        let bytes: [UInt8]
        do { bytes = try gate.read(path, limit: maxBytes) } catch {
            if case .tooLarge = error.reason {
                throw Diagnostic("'\(path)' is over \(maxBytes >> 20) MB; `stmt draft` reads one document at a time",
                                 hint: "split the text into its documents and draft each", category: .io)
            }
            throw error.diagnostic("read the text", at: nil)
        }
        try TextDecoder.validate(bytes, name: path)
        let string = String(decoding: bytes, as: UTF8.self)
        if string.allSatisfy(\.isWhitespace) {
            throw Diagnostic("'\(path)' is empty: there is no text to draft from", hint: "give a plain-text file with the document's words",
                             category: .io)
        }
        let text = DraftText(string)
        if text.count > Drafter.maxScalars {
            throw Diagnostic("'\(path)' has \(text.count) characters, over the \(Drafter.maxScalars) `stmt draft` reads",
                             hint: "split the text into its documents and draft each", category: .io)
        }
        return text
    }
}
