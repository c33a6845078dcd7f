/// A small, fast JSON parser for model files in JSON Lines form (one record per line), producing
/// ``ModelNode``s with line and column marks. Large corpora load through it; it never recurses
/// deeper than ``maxDepth``.
struct JSONLinesParser {
    let bytes: [UInt8]
    let file: Int32
    let maxDepth: Int
    /// The line number of the first line in `bytes` (when parsing a file chunk by chunk).
    var firstLine = 1

    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int
    }

    /// Calls `body` with each non-blank line's value, in order; stops at the first syntax error.
    /// With `statement`, a line the fast statement reader scans whole goes there first, as a
    /// ``StatementScan`` of the cursor's bytes (see `JSONLinesParser+Statements.swift`); when it
    /// does not take it (false), the line is read the general way.
    func forEachLine(statement: ((Cursor, StatementScan) -> Bool)? = nil, _ body: (ModelNode) -> Void) throws(Failure) {
        var scan = StatementScan()
        try bytes.withUnsafeBufferPointer { (b: UnsafeBufferPointer<UInt8>) throws(Failure) in
            var start = 0
            var line = firstLine
            while start < b.count {
                var end = start
                while end < b.count && b[end] != 10 { end += 1 }
                var cursor = Cursor(b: b, pos: start, end: end, lineStart: start, line: line, file: file, maxDepth: maxDepth)
                if let statement {
                    var fast = cursor
                    if fast.scanStatement(into: &scan) {
                        fast.skipSpace()
                        if fast.pos == end, statement(fast, scan) {
                            start = end + 1
                            line += 1
                            continue
                        }
                    }
                }
                cursor.skipSpace()
                if cursor.pos < end {
                    let node = try cursor.value(depth: 0)
                    cursor.skipSpace()
                    if cursor.pos < end { throw cursor.fail("expected the end of the line after a JSON value") }
                    body(node)
                }
                start = end + 1
                line += 1
            }
        }
    }

    struct Cursor {
        let b: UnsafeBufferPointer<UInt8>
        var pos: Int
        let end: Int
        let lineStart: Int
        let line: Int
        let file: Int32
        let maxDepth: Int

        func fail(_ message: String) -> Failure { Failure(message: message, line: line, column: pos - lineStart + 1) }

        func mark(_ at: Int, _ length: Int) -> FileMark {
            FileMark(file: file, line: Int32(line), column: Int32(at - lineStart + 1), length: Int32(max(1, length)))
        }

        mutating func skipSpace() {
            while pos < end, b[pos] == 32 || b[pos] == 9 || b[pos] == 13 { pos += 1 }
        }

        mutating func value(depth: Int) throws(Failure) -> ModelNode {
            guard depth < maxDepth else { throw fail("nesting deeper than \(maxDepth) levels") }
            skipSpace()
            guard pos < end else { throw fail("expected a value, found the end of the line") }
            let start = pos
            switch b[pos] {
            case UInt8(ascii: "{"):
                pos += 1
                var pairs: [ModelNode.Pair] = []
                var seen: Set<String> = []
                skipSpace()
                if pos < end && b[pos] == UInt8(ascii: "}") { pos += 1; return .mapping(pairs, mark(start, 1)) }
                while true {
                    skipSpace()
                    guard pos < end, b[pos] == UInt8(ascii: "\"") else { throw fail("expected a quoted field name") }
                    let keyStart = pos
                    let k = try string()
                    // A second value for a field would be dropped without a word (YAML files say so too).
                    // Past a few fields, a set: a line of 100,000 keys must not take 10^10 comparisons.
                    let name = k.string ?? ""
                    let duplicate: Bool
                    if pairs.count < 8 {
                        duplicate = pairs.contains { $0.key.string == name }
                    } else {
                        if seen.isEmpty { seen = Set(pairs.map { $0.key.string ?? "" }) }
                        duplicate = !seen.insert(name).inserted
                    }
                    if duplicate {
                        pos = keyStart
                        throw fail("duplicate key '\(k.string ?? "")' in a mapping")
                    }
                    skipSpace()
                    guard pos < end, b[pos] == UInt8(ascii: ":") else { throw fail("expected ':' after a field name") }
                    pos += 1
                    let v = try value(depth: depth + 1)
                    pairs.append(ModelNode.Pair(key: k, value: v))
                    skipSpace()
                    guard pos < end else { throw fail("expected ',' or '}', found the end of the line") }
                    if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    if b[pos] == UInt8(ascii: "}") { pos += 1; return .mapping(pairs, mark(start, 1)) }
                    throw fail("expected ',' or '}'")
                }
            case UInt8(ascii: "["):
                pos += 1
                var items: [ModelNode] = []
                skipSpace()
                if pos < end && b[pos] == UInt8(ascii: "]") { pos += 1; return .sequence(items, mark(start, 1)) }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard pos < end else { throw fail("expected ',' or ']', found the end of the line") }
                    if b[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    if b[pos] == UInt8(ascii: "]") { pos += 1; return .sequence(items, mark(start, 1)) }
                    throw fail("expected ',' or ']'")
                }
            case UInt8(ascii: "\""):
                return try string()
            default:
                while pos < end, !(b[pos] == UInt8(ascii: ",") || b[pos] == UInt8(ascii: "}") || b[pos] == UInt8(ascii: "]")
                                   || b[pos] == 32 || b[pos] == 9 || b[pos] == 13) { pos += 1 }
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<pos]), as: UTF8.self)
                guard text == "true" || text == "false" || text == "null" || Double(text) != nil else {
                    pos = start
                    throw fail("expected a JSON value, found '\(text.prefix(20))'")
                }
                return .scalar(text == "null" ? "" : text, plain: true, mark(start, text.count))
            }
        }

        /// The bytes that may follow a backslash in a JSON string.
        static let escapes: Set<UInt8> = Set("\"\\/bfnrtu".utf8)

        /// A quoted string at `pos`, with escapes decoded.
        mutating func string() throws(Failure) -> ModelNode {
            let s = try scanString()
            let raw = UnsafeBufferPointer(rebasing: b[(s.quote + 1)..<(s.end - 1)])
            let text = s.simple ? String(decoding: raw, as: UTF8.self) : try unescape(raw, at: s.quote + 1)
            return .scalar(text, plain: false, mark(s.quote, s.end - s.quote))
        }

        /// A quoted string at `pos`, checked (escapes, control characters, UTF-8) but not decoded.
        mutating func scanString() throws(Failure) -> ScannedString {
            let start = pos
            pos += 1
            var simple = true
            while pos < end && b[pos] != UInt8(ascii: "\"") {
                let c = b[pos]
                if c == UInt8(ascii: "\\") {
                    // JSON's escapes only: anything else after a backslash (`\q`, a byte of a
                    // multi-byte character) would be read as some other text without a word.
                    guard pos + 1 < end, Self.escapes.contains(b[pos + 1]) else {
                        throw fail(pos + 1 < end && b[pos + 1] >= 0x20 && b[pos + 1] < 0x80
                                   ? "unknown escape '\\\(Character(Unicode.Scalar(b[pos + 1])))' in a string"
                                   : "a backslash must be followed by one of \" \\ / b f n r t u")
                    }
                    simple = false
                    pos += 2
                    continue
                }
                if c < 0x20 { throw fail(c == 0 ? "unexpected NUL byte in a string" : "unexpected control character in a string (write it as \\u00\(String(format: "%02x", c)))") }
                if c >= 0x80 {
                    // Invalid UTF-8 is reported where it is, never replaced silently.
                    let n = TextDecoder.sequenceLength(b, pos)
                    if n == 0 { throw fail(String(format: "invalid UTF-8 (byte 0x%02X)", c)) }
                    pos += n
                    continue
                }
                pos += 1
            }
            guard pos < end else { pos = start; throw fail("unterminated string") }
            pos += 1
            return ScannedString(quote: start, end: pos, simple: simple)
        }

        func unescape(_ raw: UnsafeBufferPointer<UInt8>, at offset: Int) throws(Failure) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var i = 0
            while i < raw.count {
                let c = raw[i]
                guard c == UInt8(ascii: "\\"), i + 1 < raw.count else { out.append(c); i += 1; continue }
                let e = raw[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    guard i + 4 <= raw.count, var code = UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[i..<(i + 4)]), as: UTF8.self), radix: 16) else {
                        throw Failure(message: "bad \\u escape", line: line, column: offset + i - lineStart)
                    }
                    i += 4
                    if (0xD800...0xDBFF).contains(code), i + 6 <= raw.count, raw[i] == UInt8(ascii: "\\"), raw[i + 1] == UInt8(ascii: "u"),
                       let low = UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[(i + 2)..<(i + 6)]), as: UTF8.self), radix: 16),
                       (0xDC00...0xDFFF).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    // Half a surrogate pair is no character: an error, as in a .json file, not a silent U+FFFD.
                    guard let scalar = Unicode.Scalar(code) else {
                        throw Failure(message: "\\u\(String(code, radix: 16, uppercase: true)) is half of a surrogate pair, with no other half",
                                      line: line, column: offset + i - 6 - lineStart + 1)
                    }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: out.append(e)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
