// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Parallax",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "parallax", targets: ["parallax"]),
        .library(name: "ParallaxCore", targets: ["ParallaxCore"]),
        .library(name: "ParallaxStore", targets: ["ParallaxStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The model: ingest, clean, metadata, actors, events, compare, query. No terminal, no database.
        .target(
            name: "ParallaxCore",
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
        .executableTarget(
            name: "parallax",
            dependencies: [
                "ParallaxCore",
                "ParallaxStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Generates corpora of 1k/10k/100k articles and measures the index (release build).
        .executableTarget(
            name: "parallax-bench",
            dependencies: ["ParallaxCore", "ParallaxStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "ParallaxCoreTests", dependencies: ["ParallaxCore"]),
        .testTarget(name: "ParallaxStoreTests", dependencies: ["ParallaxStore", "ParallaxCore"]),
    ],
    swiftLanguageModes: [.v6]
)
