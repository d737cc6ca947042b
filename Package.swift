// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Jarya",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Jarya", targets: ["Jarya"]),
        .executable(name: "jarya", targets: ["JaryaCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // The shared archive on PostgreSQL (`--db postgres://…`).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // `jarya serve`: the web page and its JSON API (JaryaServe only).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // Property tests (JaryaTests only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
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
        // System libxml2 (Debian: libxml2-dev). Only HTMLText may import it, as with ICU.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        // HTML and XML → text blocks through libxml2, never fetching anything from the network.
        .target(
            name: "HTMLText",
            dependencies: ["CLibXML2"],
            swiftSettings: [.unsafeFlags(["-enable-library-evolution"])]
        ),
        // The pipeline: Ingest → Normalize → Segment → Analyze → Recognize → Assemble → Output.
        .target(
            name: "Jarya",
            dependencies: [
                "ICUText", "HTMLText",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // SQLite through GRDB: the incremental state of batch runs and the searchable archive;
        // PostgreSQL through postgres-nio: the same archive shared by several hosts.
        .target(
            name: "JaryaArchive",
            dependencies: [
                "Jarya",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        // `jarya serve`: Hummingbird routes, mustache templates and the page's script and style, all
        // compiled in as Swift strings (an installed binary carries no resource bundle).
        .target(
            name: "JaryaServe",
            dependencies: [
                "Jarya", "JaryaArchive",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]),
        .executableTarget(
            name: "JaryaCLI",
            dependencies: [
                "Jarya", "JaryaArchive", "JaryaServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: a corpus generator and per-stage timings (not one of jarya's user commands).
        .executableTarget(
            name: "jarya-bench",
            dependencies: ["Jarya", "JaryaArchive", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // libFuzzer targets (scripts/fuzz builds them with -sanitize=fuzzer -DJARYA_FUZZ into .build-fuzz);
        // a plain build makes a program that replays saved inputs through a target.
        .executableTarget(name: "jarya-fuzz", dependencies: ["Jarya"]),
        .testTarget(name: "ICUTextTests", dependencies: ["ICUText"]),
        .testTarget(name: "HTMLTextTests", dependencies: ["HTMLText"]),
        .testTarget(name: "JaryaArchiveTests", dependencies: ["JaryaArchive"]),
        // Fixtures are read through #filePath, not bundled.
        .testTarget(
            name: "JaryaTests",
            dependencies: ["Jarya", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "JaryaServeTests",
            dependencies: [
                "JaryaServe", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(name: "JaryaCLITests", dependencies: ["JaryaCLI"], exclude: ["Fixtures"]),
    ]
)
