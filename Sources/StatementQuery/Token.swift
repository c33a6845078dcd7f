/// A token of the command language.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case word          // identifiers, keywords, bare paths and ids: where, s3, demands.csv
        case string        // "…" or '…', unescaped
        case number
        case variable      // $name
        case op            // = != < <= > >= ~ | ; , ( ) [ ] .
        case newline
        case end
        case invalid       // text that is no token; the lexer's diagnostic says why
    }
    var kind: Kind
    var text: String
    var range: Range<String.Index>
}
