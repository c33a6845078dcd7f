// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "stmt",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "stmt", targets: ["stmt"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // libedit, reached natively through histedit.h with small wrappers for its variadic calls.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The REPL's terminal and signal state (one C file, so it exists once) and libedit's read function.
        .target(name: "CTerminal", dependencies: ["CEditLine"]),
        // Types, anchoring and loading of statement models; the seed model is compiled in.
        .target(
            name: "StatementModel",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [
                .embedInCode("Seed/article.txt"),
                .embedInCode("Seed/seed.stmt.yaml"),
            ]
        ),
        // Drafting a model from raw text: sentences, reporting cues, speakers, entities, coverage.
        .target(name: "StatementDraft", dependencies: ["StatementModel"]),
        // Snapshots: a loaded model written as a binary image in the user's cache, read back without parsing.
        .target(name: "StatementSnapshot", dependencies: ["StatementModel"]),
        // The command language: syntax, evaluation, commands and rendering.
        .target(name: "StatementQuery", dependencies: ["StatementModel"]),
        // Pictures of a model: graphs (DOT, drawn by Graphviz) and HTML pages (the report, tables).
        .target(name: "StatementPictures", dependencies: ["StatementQuery"]),
        // The REPL, the line editor, completion and the script runner.
        .target(name: "StatementShell", dependencies: ["StatementQuery", "StatementPictures", "StatementDraft", "StatementSnapshot", "CEditLine", "CTerminal"]),
        // Thin main: argument parsing and dispatch.
        .executableTarget(
            name: "stmt",
            dependencies: [
                "StatementShell",
                "StatementPictures",
                "StatementDraft",
                "StatementSnapshot",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["BuildInfo"]
        ),
        // Writes the git commit into the build, for `stmt --version`.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        // Benchmarks (Benchmarks/run): completion timing on large models.
        .executableTarget(name: "stmt-bench", dependencies: ["StatementShell"], path: "Benchmarks/stmt-bench"),
        .testTarget(name: "StatementModelTests", dependencies: ["StatementModel"], exclude: ["Golden"]),
        // A session harness the test targets share.
        .target(name: "StatementTestSupport", dependencies: ["StatementQuery"], path: "Tests/Support"),
        .testTarget(name: "StatementDraftTests", dependencies: ["StatementDraft"]),
        .testTarget(name: "StatementSnapshotTests", dependencies: ["StatementSnapshot", "StatementTestSupport"]),
        .testTarget(name: "StatementQueryTests", dependencies: ["StatementQuery", "StatementTestSupport"]),
        .testTarget(name: "StatementPicturesTests", dependencies: ["StatementPictures", "StatementTestSupport"], exclude: ["Golden"]),
        // forkpty + exec in one C call, for end-to-end REPL tests through a pseudo-terminal.
        .target(name: "CPseudoTerminal", path: "Tests/CPseudoTerminal"),
        .testTarget(name: "StatementShellTests", dependencies: ["StatementShell", "CPseudoTerminal"]),
        // The installed program: scripts/install into a temporary prefix, man pages, shell completion.
        .testTarget(name: "stmtTests", dependencies: ["StatementModel"]),
    ]
)
