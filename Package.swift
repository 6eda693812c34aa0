// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Parallax",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "parallax", targets: ["parallax"]),
        .library(name: "ParallaxCore", targets: ["ParallaxCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        .executableTarget(
            name: "parallax",
            dependencies: [
                "ParallaxCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzzing: a seeded mutation harness by default; a libFuzzer target when built by scripts/fuzz.
        .executableTarget(name: "parallax-fuzz", dependencies: ["ParallaxCore"]),
        .testTarget(name: "ParallaxCoreTests", dependencies: ["ParallaxCore"]),
    ],
    swiftLanguageModes: [.v6]
)
