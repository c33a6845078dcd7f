extension ModelResolver {

    /// Resolves every anchor against its document's text, reporting AMBIGUOUS and ORPHANED ones.
    mutating func resolveAnchors(_ documents: inout [Document], _ statements: inout [Statement]) {
        for d in documents.indices {
            documents[d].narrative = documents[d].narrative.map { resolve($0, documents) }
            documents[d].residue = documents[d].residue.map { resolve($0, documents) }
        }
        for s in statements.indices {
            statements[s].anchors = statements[s].anchors.map { resolve($0, documents) }
            if let a = statements[s].framing?.anchor { statements[s].framing?.anchor = resolve(a, documents) }
        }
    }

    mutating func resolve(_ anchor: Anchor, _ documents: [Document]) -> Anchor {
        guard let d = anchor.document else {
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
        let outcome = AnchorResolver.resolve(anchor, in: text)
        let preview = anchor.exact.count > 60 ? String(anchor.exact.prefix(57)) + "..." : anchor.exact
        switch outcome.anchor.status {
        case .ambiguous:
            let notes = outcome.matches.map { m -> Diagnostic in
                let lc = text.lineColumn(ofByte: m)
                let span = SourceSpan(file: documents[d].sourcePath ?? documents[d].id, line: lc.line, column: lc.column,
                                      length: anchor.exact.count, lineText: text.line(lc.line))
                return Diagnostic("matches here", at: span, category: .model, severity: .note)
            }
            error("AMBIGUOUS anchor: \"\(preview)\" occurs \(outcome.matches.count) times in '\(documents[d].id)'", anchor.mark,
                  hint: "add `prefix:` or `suffix:` with the words just before or after the intended one", notes: notes)
        case .orphaned:
            var hint = "the exact text must occur in '\(documents[d].id)' as written, including case and punctuation"
            if let c = outcome.closest { hint = "the closest passage, at line \(c.line), column \(c.column), is: \"\(c.text)\"" }
            error("ORPHANED anchor: \"\(preview)\" does not occur in '\(documents[d].id)'", anchor.mark, hint: hint)
        default:
            break
        }
        return outcome.anchor
    }
}
