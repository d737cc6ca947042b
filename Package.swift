// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Jarya",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Jarya", targets: ["Jarya"]),
        .executable(name: "jarya", targets: ["jarya"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // System ICU (Debian: libicu-dev). Only ICUText may import it: see DESIGN.md, "ICU from Swift".
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]
        ),
        // Swift wrappers over ICU. Uses no Foundation, so the toolchain's _FoundationICU never meets CICU.
        // Library evolution makes its `internal import CICU` invisible to importers.
        .target(
            name: "ICUText",
            dependencies: ["CICU"],
            swiftSettings: [.unsafeFlags(["-enable-library-evolution"])]
        ),
        // The pipeline: Ingest → Normalize → Segment → Recognize → Assemble → Output.
        .target(name: "Jarya", dependencies: ["ICUText", .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(
            name: "jarya",
            dependencies: ["Jarya", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Benchmarks: a corpus generator and per-stage timings (not one of jarya's user commands).
        .executableTarget(
            name: "jarya-bench",
            dependencies: ["Jarya", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ICUTextTests", dependencies: ["ICUText"]),
        // Fixtures are read through #filePath, not bundled.
        .testTarget(name: "JaryaTests", dependencies: ["Jarya"], exclude: ["Fixtures"]),
        .testTarget(name: "jaryaTests", dependencies: ["jarya"], exclude: ["Fixtures"]),
    ]
)
