/// Text kept either as a string of its own, or as a slice of a larger byte buffer shared by many
/// records (a document's text for anchors; the model's content column for statements), so a
/// million records do not each hold a separate allocation.
enum SharedText: Sendable {
    case literal(String)
    case slice([UInt8], Int32, Int32)

    var string: String {
        switch self {
        case .literal(let s): return s
        case .slice(let bytes, let a, let b): return String(decoding: bytes[Int(a)..<Int(b)], as: UTF8.self)
        }
    }
}
