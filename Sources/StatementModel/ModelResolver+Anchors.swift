import Foundation

extension ModelResolver {
    /// How many places an AMBIGUOUS anchor's diagnostic lists.
    static let maxListedMatches = 5

    /// Resolves every anchor against its document's text, reporting AMBIGUOUS and ORPHANED ones,
    /// and moves each statement's content into `column`. The statements whose content is not all
    /// ASCII, in order; nil when the load was cancelled part way (the column is then incomplete).
    mutating func resolveAnchors(_ documents: inout [Document], _ statements: inout [Statement],
                                 sharing column: ContentColumn?) -> [Int]? {
        for d in documents.indices {
            documents[d].narrative = documents[d].narrative.map { resolve($0, documents) }
            documents[d].residue = documents[d].residue.map { resolve($0, documents) }
            for a in documents[d].narrative + documents[d].residue { collectAmbiguous(a, context: [], documents) }
        }
        // Statements' anchors are independent: resolve them on every core, each part collecting its
        // own diagnostics, which are then added in statement order.
        let parts = statements.count < 10_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        let docs = documents
        let base = self
        nonisolated(unsafe) var found = Array(repeating: [Diagnostic](), count: parts)
        nonisolated(unsafe) var nonASCII = Array(repeating: [Int](), count: parts)
        nonisolated(unsafe) var stopped = Array(repeating: false, count: parts)
        statements.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let all = buffer
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var worker = base
                worker.diagnostics = []
                let lo = all.count * part / parts, hi = all.count * (part + 1) / parts
                for s in lo..<hi {
                    if s & 4095 == 0 && worker.loader.isCancelled() { stopped[part] = true; break }
                    if let column, column.move(&all[s], s) { nonASCII[part].append(s) }
                    // Those found while reading (``ReferenceSnapshot/findFoundAnchors(_:)``) are done.
                    if all[s].anchors.contains(where: { $0.status != .found }) {
                        all[s].anchors = all[s].anchors.map { $0.status == .found ? $0 : worker.resolve($0, docs) }
                    }
                    for k in all[s].framings.indices {
                        if let a = all[s].framings[k].anchor { all[s].framings[k].anchor = worker.resolve(a, docs) }
                    }
                    if let repairs = worker.loader.repairs {
                        let anchors = all[s].anchors + all[s].framings.compactMap(\.anchor)
                        for a in anchors where a.status == .found {
                            if let d = a.document, let r = a.byteRange { repairs.claim(d, r) }
                        }
                        for a in anchors where a.status == .ambiguous {
                            let context = anchors.filter { $0.status == .found && $0.document == a.document }.compactMap { $0.byteRange?.lowerBound }
                            worker.collectAmbiguous(a, context: context, docs)
                        }
                    }
                }
                found[part] = worker.diagnostics
            }
        }
        for d in found { diagnostics += d }
        return stopped.contains(true) ? nil : nonASCII.flatMap { $0 }
    }

    /// For `check --fix`: an AMBIGUOUS anchor, with its text and where the statement's other anchors are.
    func collectAmbiguous(_ a: Anchor, context: [Int], _ documents: [Document]) {
        guard let repairs = loader.repairs, a.status == .ambiguous, let d = a.document, let text = documents[d].text else { return }
        repairs.add(AnchorRepair.Found(anchor: a, document: d, text: text, context: context))
    }

    mutating func resolve(_ anchor: Anchor, _ documents: [Document]) -> Anchor {
        guard let d = anchor.document else {
            // With a document left out for its own errors, this is their echo, not news.
            if droppedDocuments > 0 { return anchor }
            error("anchor has no document to resolve in", anchor.mark,
                  hint: "give the statement a `source:` document, or the anchor a `document:`; no document in this file has a `source` text")
            return anchor
        }
        guard let text = documents[d].text else {
            if documents[d].sourcePath == nil {
                error("anchor points into document '\(documents[d].id)', which has no source text", anchor.mark,
                      hint: "anchor in a document that has `source: FILE`, or add one to '\(documents[d].id)'")
            }
            return anchor
        }
        if anchor.exact.isEmpty {
            error("empty anchor", anchor.mark, hint: "an anchor quotes the exact words of the source; write them between quotes")
            return anchor
        }
        let outcome = AnchorResolver.resolve(anchor, in: text)
        if outcome.anchor.status == .found { return outcome.anchor }
        // On one line: a line break inside the anchor is shown as ↵, not broken into the message.
        let flat = anchor.exact.flatteningLineBreaks()
        let preview = flat.count > 60 ? String(flat.prefix(57)) + "..." : flat
        let context = anchor.prefix != nil || anchor.suffix != nil
        switch outcome.anchor.status {
        case .ambiguous:
            // Where it matches: the first few, each with a short window of its line.
            var notes = outcome.matches.prefix(Self.maxListedMatches).map { m -> Diagnostic in
                let lc = text.lineColumn(ofByte: m)
                let span = SourceSpan(file: documents[d].sourcePath ?? documents[d].id, line: lc.line, column: lc.column,
                                      length: anchor.exact.count, lineText: text.line(lc.line))
                return Diagnostic("matches here", at: span, category: .model, severity: .note)
            }
            if outcome.matches.count > Self.maxListedMatches {
                notes.append(Diagnostic("and \(outcome.matches.count - Self.maxListedMatches) more places", category: .model, severity: .note))
            }
            error("AMBIGUOUS anchor: \"\(preview)\" occurs \(outcome.matches.count) times in '\(documents[d].id)'" + (context ? " with the given prefix/suffix" : ""),
                  anchor.mark, hint: "write it as `{exact: …, prefix: …}` or `{exact: …, suffix: …}` with the words just before or after the intended one; `stmt check --fix` does it", notes: notes)
        case .orphaned where context && outcome.exactCount > 0:
            error("ORPHANED anchor: \"\(preview)\" occurs \(outcome.exactCount) time\(outcome.exactCount == 1 ? "" : "s") in '\(documents[d].id)', but never with the given "
                  + [anchor.prefix.map { _ in "prefix" }, anchor.suffix.map { _ in "suffix" }].compactMap { $0 }.joined(separator: " and "),
                  anchor.mark, hint: "the prefix must end just before the words and the suffix start just after them, exactly as in the source")
        case .orphaned:
            var hint = "the exact text must occur in '\(documents[d].id)' as written, including case and punctuation"
            // Finding the closest passage costs an edit distance per candidate: only for the first few.
            if orphanBudget.take(), let c = AnchorResolver.closestPassage(to: anchor.exact, in: text) {
                let marked = c.comparison[2].contains("^")
                hint = "the closest passage, at line \(c.line), column \(c.column), is: \"\(c.text)\""
                    + (marked ? "\nit differs where marked (· is a space, ∅ nothing):\n  anchor: \(c.comparison[0])\n  text:   \(c.comparison[1])\n          \(c.comparison[2].trimmingTrailingSpaces())" : "")
            }
            error("ORPHANED anchor: \"\(preview)\" does not occur in '\(documents[d].id)'", anchor.mark, hint: hint)
        default:
            break
        }
        return outcome.anchor
    }
}
