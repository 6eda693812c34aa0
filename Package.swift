// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Parallax",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "parallax", targets: ["parallax"]),
        .library(name: "ParallaxCore", targets: ["ParallaxCore"]),
        .library(name: "ParallaxTUI", targets: ["ParallaxTUI"]),
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
        // App state, pure update, layout, keymap and views into an in-memory cell grid. Never imports ncurses.
        .target(name: "ParallaxTUI", dependencies: ["ParallaxCore"]),
        // The wide-character ncurses C API, wrapped by a tiny shim (see shared NCURSES.md).
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),
        // The only code that talks to ncurses: init/teardown, grid → screen, keys → messages, signals.
        .target(name: "ParallaxTerminal", dependencies: ["ParallaxTUI", "CNCursesW"]),
        .executableTarget(
            name: "parallax",
            dependencies: [
                "ParallaxCore",
                "ParallaxTUI",
                "ParallaxTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzzing: a seeded mutation harness by default; a libFuzzer target when built by scripts/fuzz.
        .executableTarget(name: "parallax-fuzz", dependencies: ["ParallaxCore", "ParallaxTUI"]),
        // Timing of the events stage and the comparison on a large corpus (release build).
        .executableTarget(name: "parallax-bench", dependencies: ["ParallaxCore"]),
        .testTarget(name: "ParallaxCoreTests", dependencies: ["ParallaxCore"]),
        .testTarget(name: "ParallaxTUITests", dependencies: ["ParallaxTUI", "ParallaxCore"]),
    ],
    swiftLanguageModes: [.v6]
)
