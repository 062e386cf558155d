// swift-tools-version: 6.0
import PackageDescription

/// Upcoming language features every Swift target gets (see ../shared/docs/style.md).
let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Forma",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "FormaJSON", targets: ["FormaJSON"]),
        .library(name: "FormaSchema", targets: ["FormaSchema"]),
        .executable(name: "forma", targets: ["forma"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
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
        .target(name: "FormaJSON"),
        .target(
            name: "FormaSchema",
            dependencies: ["FormaJSON", "CPCRE2"]
        ),
        .executableTarget(
            name: "forma",
            dependencies: [
                "FormaJSON",
                "FormaSchema",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FormaJSONTests", dependencies: ["FormaJSON"]),
        .testTarget(
            name: "FormaSchemaTests",
            dependencies: ["FormaSchema", "FormaJSON"],
            exclude: ["Conformance/known-failures.json"]
        ),
        .testTarget(name: "FormaCLITests", dependencies: ["FormaJSON"]),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + upcomingFeatures
}
