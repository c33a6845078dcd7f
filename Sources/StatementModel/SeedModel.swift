/// The seed model compiled into the executable, so `stmt` opens it from any directory.
public enum SeedModel {
    /// The file name the seed model gives for its article.
    public static let articleFile = "000_9d8e6eba5efc7262.txt"

    /// The seed model's YAML text.
    public static var yaml: String { String(decoding: PackageResources.seed_stmt_yaml, as: UTF8.self) }

    /// The article text, verbatim.
    public static var article: String { String(decoding: PackageResources.article_txt, as: UTF8.self) }

    /// Loads the embedded seed model.
    public static func load() throws(DiagnosticList) -> Model { try load(adding: [], gate: .unrestricted) }

    /// Loads the embedded seed with more model files in memory (a draft that reuses its entities);
    /// their source texts are read through `gate`.
    public static func load(adding extra: [(file: String, bytes: [UInt8], base: String)], gate: FileGate) throws(DiagnosticList) -> Model {
        var loader = ModelLoader(gate: gate)
        // The seed reads no files: its article is compiled in too.
        let readOther = loader.readText
        loader.readText = { path throws(FileAccessError) in
            guard path == articleFile else {
                if extra.isEmpty { throw FileAccessError(.notFound, path: path, hint: nil) }
                return try readOther(path)
            }
            return PackageResources.article_txt
        }
        return try loader.load(sources: [(file: "seed.stmt.yaml", bytes: PackageResources.seed_stmt_yaml, base: "")] + extra,
                               defaultName: "seed", origin: "<embedded seed>")
    }
}
