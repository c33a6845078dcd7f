import Foundation
import StatementModel
import StatementQuery

/// Context-aware completion, from the same command table as `help` and the model's own names:
/// commands at the start and after `|`; field names after `where`, `select`, `sort`, `count by`;
/// entity names and aliases where an entity is compared; statement ids after `show`, `quote`,
/// `trace`; force names after `act =`; settings after `set`; paths after `load`, `run`, `save`.
public struct Completer {
    /// The answer: how many characters before the cursor to replace, and the candidates.
    public struct Result: Sendable, Equatable {
        /// Characters before the cursor that the candidate replaces.
        public var replaceLength: Int
        /// What could go there.
        public var candidates: [String]
    }

    let session: Session

    /// Makes a completer over a session.
    public init(session: Session) { self.session = session }

    static let entityFields: Set<String> = ["speakers", "on_behalf_of", "addressees", "targets", "members", "affiliation",
                                            "framed_by", "authors", "publisher"]
    static let keywords = ["and", "or", "not", "in", "has", "matches"]

    /// Function names with their opening parenthesis, for expression positions.
    var functionNames: [String] { Functions.table.all.filter { !$0.aggregate }.map { $0.name + "(" } }
    /// At most this many candidates are offered (a large model has a million ids).
    static let maxCandidates = 200

    /// Completes the text before the cursor.
    public func complete(_ before: String) -> Result {
        // The word being typed: from an open quote, or from the last separator.
        var word = ""
        var quoteOpen = false
        var inQuote: Character? = nil
        var wordStart = before.startIndex
        var i = before.startIndex
        while i < before.endIndex {
            let c = before[i]
            if let q = inQuote { if c == q { inQuote = nil } }
            else if c == "\"" || c == "'" { inQuote = c; wordStart = i }
            else if " |([,=<>~;\t\n".contains(c) { wordStart = before.index(after: i) }
            i = before.index(after: i)
        }
        if inQuote != nil { quoteOpen = true }
        word = String(before[wordStart...])
        let prefixText = String(before[..<wordStart])
        let tokens = Self.roughTokens(prefixText)
        let needle = word.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
        // `$a` completes the session's variables, wherever it stands.
        let candidates = !quoteOpen && word.hasPrefix("$") ? session.variables.keys.sorted().map { "$" + $0 }
            : candidatesFor(tokens: tokens, word: word, quoteOpen: quoteOpen, needle: needle)
        let matches = candidates.filter { c in
            c.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased().hasPrefix(needle)
        }
        var seen = Set<String>()
        return Result(replaceLength: word.count, candidates: Array(matches.filter { seen.insert($0).inserted }.prefix(Self.maxCandidates)))
    }

    /// Splits text into rough tokens: words, quoted strings and single punctuation.
    static func roughTokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quote: Character? = nil
        for c in text {
            if let q = quote {
                current.append(c)
                if c == q { out.append(current); current = ""; quote = nil }
                continue
            }
            if c == "\"" || c == "'" { if !current.isEmpty { out.append(current) }; current = String(c); quote = c; continue }
            if c.isWhitespace { if !current.isEmpty { out.append(current); current = "" }; continue }
            if "|()[],;".contains(c) || (("=<>~!".contains(c)) && !current.allSatisfy({ "=<>~!".contains($0) })) {
                if !current.isEmpty { out.append(current); current = "" }
                if "|()[],;".contains(c) { out.append(String(c)) } else { current = String(c) }
                continue
            }
            if !current.isEmpty && current.allSatisfy({ "=<>~!".contains($0) }) { out.append(current); current = "" }
            current.append(c)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    func candidatesFor(tokens: [String], word: String, quoteOpen: Bool, needle: String) -> [String] {
        let table = session.commands
        // The segment of the current pipeline stage.
        var segment: [String] = []
        var afterPipe = false
        var heads: [String] = []   // first word of each stage of this pipeline, for the table kind
        var depth = 0
        for t in tokens {
            switch t {
            case "|": heads.append(segment.first ?? ""); segment = []; afterPipe = true
            case ";": segment = []; heads = []; afterPipe = false
            case "(": depth += 1; segment.append(t)
            case ")": depth -= 1; segment.append(t)
            default: segment.append(t)
            }
        }
        // Inside "(" at the end: a new pipeline starts.
        if segment.last == "(" {
            // `len(` opens a call: its argument is a field; any other `(` a pipeline.
            if segment.count >= 2, Functions.table.lookup(segment[segment.count - 2]) != nil {
                return fields(heads.first ?? segment[0]) + functionNames
            }
            return table.starters.map(\.name)
        }
        if segment.isEmpty {
            return afterPipe ? table.stages.map(\.name) : table.starters.flatMap { [$0.name] + $0.aliases }
        }
        guard let command = table.lookup(segment[0]) else { return [] }
        let args = Array(segment.dropFirst())
        let source = heads.first ?? segment[0]
        switch command.completion {
        case .none: return []
        case .commands:
            // `let NAME = ⇥` offers what can start the pipeline; a bare command list otherwise.
            if case .binding = command.shape { return args.last == "=" ? table.starters.map(\.name) : [] }
            return args.isEmpty ? table.all.map(\.name) : []
        case .ids:
            guard args.isEmpty else { return [] }
            // Filtered here, not after: building a million-element list on every Tab is too slow.
            let m = session.model
            var out = statementIds(startingWith: needle)
            for e in m.entities where e.id.lowercased().hasPrefix(needle) { out.append(e.id) }
            for d in m.documents where out.count < 2 * Self.maxCandidates && d.id.lowercased().hasPrefix(needle) { out.append(d.id) }
            return out
        case .paths: return args.isEmpty ? paths(word) : []
        case .settings:
            if args.isEmpty { return Settings.choices.map(\.name) }
            if args.count == 1 { return Settings.choices.first { $0.name == args[0] }?.values ?? [] }
            return []
        case .fields:
            // What may follow is read off the argument shape the command declares.
            switch command.shape {
            case .countBy:
                guard let last = args.last else { return ["by"] }
                return last == "by" || last == "," ? fields(source) : []
            case .group:
                guard let last = args.last else { return ["by"] }
                if last == "by" { return fields(source) }
                if last == "aggregate" { return Functions.table.all.filter(\.aggregate).map { $0.name + "(" } }
                if last == "," { return args.contains("aggregate") ? Functions.table.all.filter(\.aggregate).map { $0.name + "(" } : fields(source) }
                if last == "as" || (args.count >= 2 && args[args.count - 2] == "as") { return [] }
                return args.contains("aggregate") ? ["as"] : ["aggregate"]
            case .columns:
                guard let last = args.last, last != "," else { return fields(source) + functionNames }
                if last == "as" || (args.count >= 2 && args[args.count - 2] == "as") { return [] }
                return ["as"]
            case .fields(let rename, let direction, _):
                guard let last = args.last, last != "," else { return fields(source) }
                if last == "as" || ["asc", "desc"].contains(last) { return [] }
                if args.count >= 2 && args[args.count - 2] == "as" { return [] }
                return (direction ? ["asc", "desc"] : []) + (rename ? ["as"] : [])
            default:
                return fields(source)
            }
        case .expression:
            return expressionCandidates(args: args, source: source, quoteOpen: quoteOpen, needle: needle)
        case .choices(let words, let thenPaths):
            if args.isEmpty { return words + (thenPaths && !needle.isEmpty ? paths(word) : []) }
            return thenPaths && args.count == 1 && words.contains(args[0]) ? paths(word) : []
        }
    }

    /// Statement ids that start with `needle` (lower-case), at most ``maxCandidates``: the model's
    /// folded id column is scanned byte by byte, so a Tab on a million statements allocates nothing per id.
    func statementIds(startingWith needle: String) -> [String] {
        let m = session.model
        let n = Array(needle.utf8)
        guard n.allSatisfy({ $0 < 0x80 }) else {
            return Array(m.statements.lazy.map(\.id).filter { $0.lowercased().hasPrefix(needle) }.prefix(Self.maxCandidates))
        }
        let column = m.foldedIdColumn
        var out: [String] = []
        column.bytes.withUnsafeBufferPointer { b in
            column.starts.withUnsafeBufferPointer { starts in
                var i = 0
                while i < starts.count - 1 && out.count < Self.maxCandidates {
                    let lo = Int(starts[i]), hi = Int(starts[i + 1])
                    if hi - lo >= n.count {
                        var k = 0
                        while k < n.count && b[lo + k] == n[k] { k += 1 }
                        if k == n.count { out.append(m.statements[i].id) }
                    }
                    i += 1
                }
            }
        }
        return out
    }

    func expressionCandidates(args: [String], source: String, quoteOpen: Bool, needle: String) -> [String] {
        let m = session.model
        guard let last = args.last else { return fields(source) + functionNames + ["not"] }
        let comparison: Set<String> = ["=", "!=", "~", "has", "in", "[", ",", "<", ">", "<=", ">="]
        if comparison.contains(last) {
            // The field compared: the nearest word before the operator (skipping list punctuation).
            let field = args.reversed().first { !comparison.contains($0) && !$0.hasPrefix("\"") } ?? ""
            let base = field.split(separator: ".").first.map(String.init) ?? field
            if last == "in" { return ["["] }
            if Self.entityFields.contains(base) {
                var names: [String] = []
                for e in m.entities { names += [e.name] + e.aliases }
                return names.map { "\"\($0)\"" }
            }
            switch base {
            case "act", "framed_as": return Force.names.map { "\"\($0)\"" }
            case "kind": return Entity.Kind.allCases.map { "\"\($0.rawValue)\"" }
            case "id", "via", "reported_by": return statementIds(startingWith: needle).map { "\"\($0)\"" }
            case "mode": return Reporting.Mode.allCases.map { "\"\($0.rawValue)\"" }
            case "status": return Statement.statuses.map { "\"\($0)\"" }
            case "topics": return Array(m.statementsByTopic.keys.sorted()).map { "\"\($0)\"" }
            case "type": return Relation.types.map { "\"\($0.name)\"" }
            default: return []
            }
        }
        if ["and", "or", "not", "(", "+", "-", "*", "/"].contains(last) { return fields(source) + functionNames }
        // After a complete operand: operators and connectives.
        return Self.keywords
    }

    /// Field names of the table a pipeline starts from.
    func fields(_ source: String) -> [String] {
        if source.hasPrefix("$"), case .table(let t)? = session.variables[String(source.dropFirst())] {
            return Fields.names(ofTable: t)
        }
        switch source {
        case "entities": return Fields.entity
        case "documents": return Fields.document
        case "relations": return Fields.relation
        case "quotes": return Fields.quote
        case "find": return ["in", "document", "line", "column", "excerpt", "statements"]
        default: return Fields.statement
        }
    }

    func paths(_ word: String) -> [String] {
        let typed = word.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        let dirPart = typed.contains("/") ? String(typed[..<typed.lastIndex(of: "/")!]) + "/" : ""
        let dir = session.resolve(path: dirPart.isEmpty ? "." : dirPart)
        // Through the gate: in safe mode only the allowed folders are listed.
        guard let names = try? session.gate.list(dir) else { return [] }
        return names.filter { !$0.hasPrefix(".") || typed.hasPrefix(dirPart + ".") }.prefix(Self.maxCandidates).compactMap { name in
            Self.typed(dirPart + name, folder: FileGate.kind(of: (dir as NSString).appendingPathComponent(name)) == .directory)
        }
    }

    /// A path as it must be typed: plain, or in quotes when it holds a space or a character of the
    /// language (`run my file.stmt` was two arguments, `run a;b.stmt` two commands); a folder's
    /// quote stays open for the rest of the path. Nil for a name with control characters, which
    /// no command line can type (it put raw escapes into the line).
    static func typed(_ path: String, folder: Bool) -> String? {
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }) { return nil }
        // Plain only when every character is one a bare word may hold (the lexer's rule).
        let plain = path.allSatisfy { c in c.isLetter || c.isNumber || "_-./@:".contains(c) || (!c.isASCII && !c.isWhitespace && !c.isPunctuation && !c.isSymbol) }
        if plain { return path + (folder ? "/" : "") }
        let escaped = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + escaped + (folder ? "/" : "\"")
    }

    /// The longest prefix all candidates share (case-sensitive).
    public static func commonPrefix(_ xs: [String]) -> String {
        guard var p = xs.first else { return "" }
        for x in xs.dropFirst() { while !x.hasPrefix(p) { p.removeLast() } }
        return p
    }

    /// Candidates laid out in columns across a width.
    public static func columns(_ xs: [String], width: Int) -> String {
        let w = (xs.map(\.count).max() ?? 0) + 2
        let per = max(1, width / w)
        var out = ""
        for (i, x) in xs.enumerated() {
            out += x.padding(toLength: w, withPad: " ", startingAt: 0)
            if (i + 1) % per == 0 || i == xs.count - 1 { out += "\n" }
        }
        return out
    }
}
