import Foundation

/// `stmt check --fix`: gives each AMBIGUOUS anchor the shortest prefix or suffix that makes it
/// unique, editing the model file in place — only the anchor's own text, so comments, order and
/// formatting stay — and writing it atomically through the gate. Which occurrence was meant is
/// chosen from the statement's other anchors (the nearest one), else the first; each change says
/// which it chose, so a person can check it. ORPHANED anchors are left for a person: `check`
/// shows them against their closest passage with the differences marked.
public struct AnchorRepair {
    /// What one run did.
    public struct Report: Sendable {
        /// One line per anchor changed or left, and a summary.
        public var text: String
        /// Whether a file could not be written.
        public var failed: Bool
        /// Why each file that was not written was not (for standard error).
        public var errors: [Diagnostic] = []
    }

    /// An AMBIGUOUS anchor as the loader met it.
    struct Found {
        var anchor: Anchor
        var document: Int
        var text: SourceText
        /// Where the statement's other anchors in the same document start (bytes).
        var context: [Int]
    }

    /// Filled by the loader's resolver (on several threads).
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var found: [Found] = []
        /// The load's files, to edit.
        var files: SourceFiles?
        /// Byte ranges other anchors already quote, by document text identity (its first bytes' address).
        private(set) var claimed: [Int: [Range<Int>]] = [:]
        func add(_ f: Found) { lock.lock(); found.append(f); lock.unlock() }
        func claim(_ document: Int, _ range: Range<Int>) { lock.lock(); claimed[document, default: []].append(range); lock.unlock() }
    }

    let gate: FileGate

    /// A repair writing through a gate.
    public init(gate: FileGate) { self.gate = gate }

    /// Repairs the model at a path (a file or a folder).
    public func repair(path: String) -> Report {
        let collector = Collector()
        var loader = ModelLoader(gate: gate)
        loader.repairs = collector
        _ = try? loader.load(path: path)
        guard let files = collector.files, !collector.found.isEmpty else { return Report(text: "", failed: false) }
        var edits: [Int32: [(at: Int, remove: Int, insert: String)]] = [:]
        var lines: [String] = []
        for f in collector.found.sorted(by: { ($0.anchor.mark?.file ?? 0, $0.anchor.mark?.line ?? 0) < ($1.anchor.mark?.file ?? 0, $1.anchor.mark?.line ?? 0) }) {
            guard let mark = f.anchor.mark else { continue }
            let place = "\(files.name(Int(mark.file))):\(mark.line):\(mark.column)"
            let matches = Self.matches(f.anchor, in: f.text)
            guard matches.count > 1 else { continue }
            let (chosen, why) = Self.choose(matches, context: f.context, claimed: collector.claimed[f.document] ?? [])
            // Two ambiguous anchors with the same words are two places, not one place twice.
            collector.claim(f.document, chosen..<(chosen + f.anchor.exact.utf8.count))
            guard let fix = Self.shortestContext(for: chosen, among: matches, length: f.anchor.exact.utf8.count, anchor: f.anchor, in: f.text) else {
                lines.append("\(place): AMBIGUOUS \"\(f.anchor.exact)\" left as it is: no prefix or suffix of up to 200 characters tells its \(matches.count) places apart\n")
                continue
            }
            let lc = f.text.lineColumn(ofByte: chosen)
            let fileText = files.text(Int(mark.file))
            guard let edit = Self.edit(fileText, at: mark, exact: f.anchor.exact, fix: fix, json: files.name(Int(mark.file)).hasSuffix(".json") || files.name(Int(mark.file)).hasSuffix(".jsonl")) else {
                lines.append("\(place): AMBIGUOUS \"\(f.anchor.exact)\": add `\(fix.key): \(Self.quoted(fix.value))` by hand (this anchor is not written on one line)\n")
                continue
            }
            edits[mark.file, default: []].append(edit)
            lines.append("\(place): AMBIGUOUS \"\(f.anchor.exact)\" → \(fix.key) \(Self.quoted(fix.value)) (the one at line \(lc.line), column \(lc.column): \(why))\n")
        }
        var failed = false
        var errors: [Diagnostic] = []
        var written = 0, unwrittenFiles = 0
        for (file, list) in edits {
            let name = files.name(Int(file))
            let known = files.text(Int(file))
            // The edits are made on the file's own bytes, so its byte-order mark and line ends stay.
            // A YAML or JSON file was read decoded (offsets need the layout); JSON Lines as it is.
            guard let original = try? gate.read(name) else {
                errors.append(Diagnostic("cannot read '\(name)' again to edit it; nothing written to it", hint: "check that it is still there and readable", category: .io))
                failed = true
                unwrittenFiles += 1
                continue
            }
            let layout: TextLayout
            if known.utf8.elementsEqual(original) {
                layout = TextLayout([])
            } else if (try? TextDecoder.decode(original, name: name)) == known.string {
                layout = TextLayout(original)
            } else {
                errors.append(Diagnostic("'\(name)' changed while it was being read; nothing written to it", hint: "run check --fix again", category: .io))
                failed = true
                unwrittenFiles += 1
                continue
            }
            // libyaml reads .json with surrogate pairs rewritten shorter (\\U…): its columns are
            // not the file's, so such a file is left for a hand edit.
            if name.hasSuffix(".json"), ModelLoader.joiningSurrogatePairs(known.string) != known.string {
                lines.append("\(name): holds \\u surrogate pairs, so its anchors are fixed by hand (the lines above say how); nothing written to it\n")
                failed = true
                unwrittenFiles += 1
                continue
            }
            let lineEnd = layout.usesCRLF ? "\r\n" : layout.usesCR ? "\r" : "\n"
            var bytes = original
            for e in list.sorted(by: { $0.at > $1.at }) {
                let start = layout.fileOffset(ofDecoded: e.at), end = layout.fileOffset(ofDecoded: e.at + e.remove)
                let insert = lineEnd == "\n" ? e.insert : e.insert.replacingOccurrences(of: "\n", with: lineEnd)
                bytes.replaceSubrange(start..<end, with: Array(insert.utf8))
            }
            do {
                try gate.write(bytes, to: name)
                written += list.count
            } catch {
                errors.append(error.diagnostic("write", at: nil))
                failed = true
                unwrittenFiles += 1
            }
        }
        let changed = edits.values.map(\.count).reduce(0, +)
        let unwritten = changed - written
        lines.append("\(path): \(written) anchor\(written == 1 ? "" : "s") made unique"
                     + (unwritten == 0 ? "" : "; \(unwritten) not: \(unwrittenFiles) file\(unwrittenFiles == 1 ? "" : "s") could not be written") + "\n")
        return Report(text: lines.joined(), failed: failed, errors: errors)
    }

    static func matches(_ a: Anchor, in text: SourceText) -> [Int] {
        let needle = Array(a.exact.utf8), prefix = Array((a.prefix ?? "").utf8), suffix = Array((a.suffix ?? "").utf8)
        return AnchorResolver.occurrences(of: needle, in: text.utf8).filter { start in
            (prefix.isEmpty || (start >= prefix.count && text.utf8[(start - prefix.count)..<start].elementsEqual(prefix)))
                && (suffix.isEmpty || (start + needle.count + suffix.count <= text.utf8.count
                    && text.utf8[(start + needle.count)..<(start + needle.count + suffix.count)].elementsEqual(suffix)))
        }
    }

    /// The occurrence meant: the only one no other anchor quotes; else the nearest to the
    /// statement's other anchors; else the first.
    static func choose(_ matches: [Int], context: [Int], claimed: [Range<Int>]) -> (Int, String) {
        let free = matches.filter { m in !claimed.contains { $0.contains(m) } }
        if free.count == 1 { return (free[0], "the only one no other anchor quotes") }
        guard !context.isEmpty else { return (free.first ?? matches[0], "the first; no other anchor of the statement to go by — check it") }
        let best = (free.isEmpty ? matches : free).min { a, b in
            context.map { abs($0 - a) }.min()! < context.map { abs($0 - b) }.min()!
        }!
        return (best, "the nearest to the statement's other anchor")
    }

    /// The shortest prefix or suffix (grown to whole words) that only the chosen occurrence has;
    /// an anchor that already has one gets it extended.
    static func shortestContext(for chosen: Int, among matches: [Int], length: Int, anchor: Anchor, in text: SourceText) -> (key: String, value: String)? {
        let b = text.utf8
        func prefix(_ k: Int, at p: Int) -> Slice<TextBytes>? { p - k >= 0 ? b[(p - k)..<p] : nil }
        func suffix(_ k: Int, at p: Int) -> Slice<TextBytes>? { p + length + k <= b.count ? b[(p + length)..<(p + length + k)] : nil }
        func search(_ take: (Int, Int) -> Slice<TextBytes>?, grow: (Int) -> Int) -> String? {
            var k = 1
            while k <= 200 {
                let k2 = grow(k)
                guard let mine = take(k2, chosen) else { return nil }
                if matches.allSatisfy({ $0 == chosen || take(k2, $0).map { !$0.elementsEqual(mine) } ?? true }) {
                    return String(decoding: mine, as: UTF8.self)
                }
                k = k2 + 1
            }
            return nil
        }
        // Whole words: a prefix grows back to a space, a suffix forward to one.
        let pre = anchor.suffix == nil ? search(prefix, grow: { k in
            var k = k
            while chosen - k > 0 && b[chosen - k - 1] != 32 && b[chosen - k - 1] != 10 && k < 200 { k += 1 }
            while chosen - k > 0 && b[chosen - k] & 0xC0 == 0x80 { k += 1 }
            return k
        }) : nil
        let suf = anchor.prefix == nil ? search(suffix, grow: { k in
            var k = k
            let end = chosen + length
            while end + k < b.count && b[end + k] != 32 && b[end + k] != 10 && k < 200 { k += 1 }
            return k
        }) : nil
        switch (pre, suf) {
        case let (p?, s?): return p.count <= s.count ? ("prefix", p) : ("suffix", s)
        case let (p?, nil): return ("prefix", p)
        case let (nil, s?): return ("suffix", s)
        default: return nil
        }
    }

    static func quoted(_ s: String) -> String { QuotedString.json(s) }

    /// The edit that adds the prefix or suffix to the anchor written at `mark`: a bare scalar
    /// becomes `{exact: …, prefix: …}`; a mapping's `exact:` gets a sibling. Nil when the anchor
    /// is not written on one line (a block scalar, a folded string).
    static func edit(_ file: SourceText, at mark: FileMark, exact: String, fix: (key: String, value: String), json: Bool) -> (at: Int, remove: Int, insert: String)? {
        let line = Int(mark.line)
        guard line >= 1, line <= file.lineStarts.count else { return nil }
        let lineStart = file.lineStarts[line - 1]
        let lineEnd = line < file.lineStarts.count ? file.lineStarts[line] - 1 : file.utf8.count
        let chars = Array(String(decoding: file.utf8[lineStart..<lineEnd], as: UTF8.self))
        let col = Int(mark.column) - 1
        guard col >= 0, col < chars.count, let end = tokenEnd(chars, from: col) else { return nil }
        let token = String(chars[col..<end])
        let before = String(chars[..<col])
        let startByte = lineStart + before.utf8.count
        let key = { (k: String) in json ? "\"\(k)\"" : k }
        // `exact: …` inside a mapping: add a sibling after the value.
        if before.trimmingCharacters(in: .whitespaces).hasSuffix(json ? "\"exact\":" : "exact:") {
            let flow = before.contains("{")
            if flow { return (startByte + token.utf8.count, 0, ", \(key(fix.key)): \(quoted(fix.value))") }
            let indent = String(before.prefix { $0 == " " || $0 == "-" }.map { $0 == "-" ? " " : $0 })
            return (lineEnd, 0, "\n\(indent)\(key(fix.key)): \(quoted(fix.value))")
        }
        guard !token.hasPrefix("|"), !token.hasPrefix(">") else { return nil }
        // A plain scalar is its words exactly; one that goes on to the next line is not on one line.
        if let first = token.first, first != "\"", first != "'", !json, token != exact { return nil }
        return (startByte, token.utf8.count, "{\(key("exact")): \(token), \(key(fix.key)): \(quoted(fix.value))}")
    }

    /// Where a scalar token that starts at `i` ends on its line: a quoted one at its closing quote,
    /// a plain one before ` #`, or (in a flow collection) before `,` `]` `}`. Nil when a quote is
    /// not closed on the line.
    static func tokenEnd(_ c: [Character], from i: Int) -> Int? {
        if c[i] == "\"" {
            var k = i + 1
            while k < c.count {
                if c[k] == "\\" { k += 2; continue }
                if c[k] == "\"" { return k + 1 }
                k += 1
            }
            return nil
        }
        if c[i] == "'" {
            var k = i + 1
            while k < c.count {
                if c[k] == "'" { if k + 1 < c.count && c[k + 1] == "'" { k += 2; continue }; return k + 1 }
                k += 1
            }
            return nil
        }
        let inFlow = c[..<i].contains("[") || c[..<i].contains("{")
        var k = i
        while k < c.count {
            if c[k] == "#" && k > i && c[k - 1] == " " { break }
            if inFlow && (c[k] == "," || c[k] == "]" || c[k] == "}") { break }
            k += 1
        }
        while k > i && c[k - 1] == " " { k -= 1 }
        return k
    }
}
