// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Parallax",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "parallax", targets: ["parallax"]),
        .library(name: "ParallaxCore", targets: ["ParallaxCore"]),
        .library(name: "ParallaxStore", targets: ["ParallaxStore"]),
        .library(name: "ParallaxTUI", targets: ["ParallaxTUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The model: ingest, clean, metadata, actors, events, compare, query. No terminal, no database.
        .target(
            name: "ParallaxCore",
            dependencies: ["CLibXML2"],
            resources: [
                .copy("../../Resources/corpus"),
                .copy("../../Resources/data"),
            ]
        ),
        // The persistent index: SQLite through GRDB, FTS5, migrations, incremental re-indexing.
        .target(
            name: "ParallaxStore",
            dependencies: ["ParallaxCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The same store on a PostgreSQL server (postgres-nio), for a corpus a team shares; kept out of
        // ParallaxStore so that the embedded build does not carry the network stack.
        .target(
            name: "ParallaxStorePostgres",
            dependencies: ["ParallaxCore", "ParallaxStore", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // App state, pure update, layout, keymap and views into an in-memory cell grid. Never imports ncurses.
        .target(name: "ParallaxTUI", dependencies: ["ParallaxCore"]),
        // The TUI's corpus queries answered by the persistent index, for corpora too large to load.
        .target(name: "ParallaxBrowse", dependencies: ["ParallaxCore", "ParallaxStore", "ParallaxTUI"]),
        // libxml2's HTML parser, wrapped by a tiny shim; only ParallaxCore's HTMLTree uses it.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // The wide-character ncurses C API, wrapped by a tiny shim (see shared NCURSES.md).
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),
        // The only code that talks to ncurses: init/teardown, grid → screen, keys → messages, signals.
        .target(name: "ParallaxTerminal", dependencies: ["ParallaxTUI", "CNCursesW"]),
        .executableTarget(
            name: "parallax",
            dependencies: [
                "ParallaxCore",
                "ParallaxStore",
                "ParallaxStorePostgres",
                "ParallaxTUI",
                "ParallaxBrowse",
                "ParallaxTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Generates corpora of 1k/10k/100k articles and measures the index (release build).
        .executableTarget(
            name: "parallax-bench",
            dependencies: ["ParallaxCore", "ParallaxStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Opening an index to the first frame and every filter keystroke, store-backed or loaded (release build).
        .executableTarget(name: "parallax-bench-browse",
                          dependencies: ["ParallaxCore", "ParallaxStore", "ParallaxTUI", "ParallaxBrowse",
                                         .product(name: "GRDB", package: "GRDB.swift")]),
        // Fuzzing: a seeded mutation harness by default; a libFuzzer target when built by scripts/fuzz.
        .executableTarget(name: "parallax-fuzz", dependencies: ["ParallaxCore", "ParallaxTUI"]),
        // Timing of the events stage and the comparison on a large corpus (release build).
        // Times event grouping and every comparison on growing slices of a real corpus (release build).
        .executableTarget(name: "parallax-bench-events", dependencies: ["ParallaxCore"]),
        .testTarget(name: "ParallaxCoreTests", dependencies: ["ParallaxCore"]),
        .testTarget(name: "ParallaxStoreTests", dependencies: ["ParallaxStore", "ParallaxCore"]),
        // The conformance suite: the same cases against memory, SQLite and PostgreSQL (PARALLAX_TEST_PG_URL).
        .testTarget(name: "ParallaxStorePostgresTests",
                    dependencies: ["ParallaxStorePostgres", "ParallaxStore", "ParallaxCore"]),
        .testTarget(name: "ParallaxTUITests", dependencies: ["ParallaxTUI", "ParallaxCore"]),
        .testTarget(name: "ParallaxBrowseTests",
                    dependencies: ["ParallaxBrowse", "ParallaxStore", "ParallaxTUI", "ParallaxCore"]),
    ],
    swiftLanguageModes: [.v6]
)
