// swift-tools-version: 6.2
import CompilerPluginSupport
import PackageDescription

/// Upcoming language features every Swift target gets (see ARCHITECTURE.md).
let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Forma",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Forma", targets: ["Forma"]),
        .library(name: "FormaJSON", targets: ["FormaJSON"]),
        .library(name: "FormaSchema", targets: ["FormaSchema"]),
        .library(name: "FormaDocuments", targets: ["FormaDocuments"]),
        .library(name: "FormaClient", targets: ["FormaClient"]),
        .executable(name: "forma", targets: ["FormaCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // A range that other macro packages can share (built here with 600.0.1, 602.0.0 and 603.0.1).
        .package(url: "https://github.com/swiftlang/swift-syntax", "600.0.0"..<"604.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // SHA-256 of batch input files (Together's upload names the file by its checksum).
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        // `swift package generate-documentation` (scripts/docs); a plugin, never linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        // libyaml (its C module only: FormaDocuments reads YAML events for positions and
        // applies the YAML 1.2 core schema itself).
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-macro-testing", from: "0.7.0"),
        // Named so the macro tests may import SnapshotTesting directly (swift-macro-testing
        // depends on it; this resolves to the same version).
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
    ],
    targets: [
        // C libraries, wrapped by typed shims (see shim.h in each).
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),

        // Platform calls Swift's Glibc module does not expose (pthread_getattr_np, mallopt).
        .target(name: "CFormaSystem"),

        // Library modules, in dependency order (ARCHITECTURE.md).
        .target(name: "FormaJSON"),
        .target(name: "FormaSchema", dependencies: ["FormaJSON", "CPCRE2", "CFormaSystem"]),
        // JSONC, JSON5, YAML and TOML documents with the source position of every value.
        .target(name: "FormaDocuments", dependencies: ["FormaJSON", .product(name: "Yams", package: "Yams")]),
        .macro(
            name: "FormaMacros",
            dependencies: [
                "FormaJSON",
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftSyntaxMacros", package: "swift-syntax"),
                .product(name: "SwiftSyntaxBuilder", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftCompilerPlugin", package: "swift-syntax"),
                .product(name: "SwiftDiagnostics", package: "swift-syntax"),
            ]
        ),
        .target(
            name: "FormaClient",
            dependencies: ["FormaJSON", "FormaSchema", "CCurl", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "Forma",
            dependencies: [
                "FormaJSON", "FormaSchema", "FormaClient", "FormaMacros", .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The command-line tool (product `forma`; the folder name must not differ from a
        // library's only in case, or it clashes on case-insensitive file systems).
        .executableTarget(
            name: "FormaCLI",
            dependencies: [
                "CFormaSystem",
                "Forma",
                "FormaJSON",
                "FormaSchema",
                "FormaClient",
                "FormaDocuments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Example extraction types whose schemas are checked in under Schemas/.
        .target(name: "FormaExamples", dependencies: ["Forma"]),
        // A loopback HTTP server speaking the Together wire format, for tests.
        .target(name: "FormaTestServer", dependencies: ["FormaJSON"]),

        .testTarget(name: "FormaJSONTests", dependencies: ["FormaJSON"]),
        .testTarget(name: "FormaDocumentsTests", dependencies: ["FormaDocuments", "FormaJSON"]),
        .testTarget(
            name: "FormaSchemaTests",
            dependencies: ["FormaSchema", "FormaJSON", "CFormaSystem"],
            exclude: ["Conformance/known-failures.json"]
        ),
        .testTarget(
            name: "FormaMacrosTests",
            dependencies: [
                "FormaMacros",
                "Forma",
                "FormaExamples",
                "FormaJSON",
                "FormaSchema",
                .product(name: "MacroTesting", package: "swift-macro-testing"),
                .product(name: "SwiftSyntaxBuilder", package: "swift-syntax"),
                .product(name: "SwiftSyntaxMacroExpansion", package: "swift-syntax"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ]
        ),
        .testTarget(name: "FormaTests", dependencies: ["Forma", "FormaTestServer", "FormaJSON", "FormaSchema", "FormaClient"]),
        .testTarget(name: "FormaClientTests", dependencies: ["FormaClient", "FormaTestServer", "FormaJSON", "FormaSchema"]),
        .testTarget(name: "FormaTestServerTests", dependencies: ["FormaTestServer", "FormaJSON"]),
        .testTarget(name: "FormaCLITests", dependencies: ["FormaJSON", "FormaSchema", "FormaTestServer"]),

        // Benchmarks (run by hand or by Benchmarks/*/run.sh; never part of the tests).
        .executableTarget(
            name: "ClientBenchmark",
            dependencies: ["FormaClient"],
            path: "Benchmarks/ClientBenchmark",
            exclude: ["run.sh", "openai_bench.py", "README.md"]
        ),
        .executableTarget(
            name: "TypedDecodeBenchmark",
            dependencies: ["Forma", "FormaExamples", "FormaJSON"],
            path: "Benchmarks/typed-decode",
            exclude: ["run.sh", "pydantic_bench.py", "README.md"]
        ),
        .executableTarget(
            name: "BatchServer",
            dependencies: ["FormaTestServer", "FormaJSON"],
            path: "Benchmarks/BatchServer"
        ),
        .executableTarget(
            name: "TextCheckBenchmark",
            dependencies: ["FormaSchema", "FormaJSON"],
            path: "Benchmarks/TextCheckBenchmark"
        ),
        .executableTarget(
            name: "StreamingBenchmark",
            dependencies: ["Forma", "FormaClient", "FormaJSON", "FormaTestServer"],
            path: "Benchmarks/StreamingBenchmark",
            exclude: ["run.sh", "partial_bench.py"]
        ),
        .executableTarget(
            name: "JSONParseBenchmark",
            dependencies: ["FormaJSON"],
            path: "Benchmarks/JSONParseBenchmark"
        ),
    ]
)

for target in package.targets where target.type != .system && target.name != "CFormaSystem" {
    target.swiftSettings = (target.swiftSettings ?? []) + upcomingFeatures
}
