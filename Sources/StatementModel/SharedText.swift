/// Text kept either as a string of its own, or as a slice of a larger byte buffer shared by many
/// records (a document's text for anchors; the model's content column for statements), so a
/// million records do not each hold a separate allocation.
enum SharedText: Sendable {
    case literal(String)
    case slice([UInt8], Int32, Int32)
    /// A slice of a document's text (which a restored model reads in place from its snapshot).
    case text(TextBytes, Int32, Int32)

    var string: String {
        switch self {
        case .literal(let s): return s
        case .slice(let bytes, let a, let b): return String(decoding: bytes[Int(a)..<Int(b)], as: UTF8.self)
        case .text(let bytes, let a, let b):
            return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(a)..<Int(b)]), as: UTF8.self) }
        }
    }

    /// Calls `body` with the text's UTF-8 bytes, without making a string of a slice.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch self {
        case .literal(var s): return s.withUTF8(body)
        case .slice(let bytes, let a, let b): return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(a)..<Int(b)])) }
        case .text(let bytes, let a, let b): return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(a)..<Int(b)])) }
        }
    }
}
