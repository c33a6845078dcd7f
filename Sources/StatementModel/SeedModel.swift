/// The seed model compiled into the executable, so `stmt` opens it from any directory.
public enum SeedModel {
    /// The file name the seed model gives for its article.
    public static let articleFile = "000_9d8e6eba5efc7262.txt"

    /// The seed model's YAML text.
    public static var yaml: String { String(decoding: PackageResources.seed_stmt_yaml, as: UTF8.self) }

    /// The article text, verbatim.
    public static var article: String { String(decoding: PackageResources.article_txt, as: UTF8.self) }

    /// Loads the embedded seed model.
    public static func load() throws(DiagnosticList) -> Model {
        var loader = ModelLoader()
        // The seed reads no files: its article is compiled in too.
        loader.readText = { path throws(FileAccessError) in
            guard path == articleFile else { throw FileAccessError(.notFound, path: path, hint: nil) }
            return PackageResources.article_txt
        }
        return try loader.load(sources: [(file: "seed.stmt.yaml", bytes: PackageResources.seed_stmt_yaml, base: "")],
                               defaultName: "seed", origin: "<embedded seed>")
    }
}
