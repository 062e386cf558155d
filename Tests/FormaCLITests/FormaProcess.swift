import Foundation
import Testing

/// Runs the built `forma` executable as a subprocess and captures what it prints.
///
/// The binary is `$FORMA_BIN` when set; otherwise it is looked up beside the test runner
/// (SwiftPM puts every product of a build, `forma` included, in one products directory,
/// and `swift test` builds all products), then under `.build/debug` of the package.
struct FormaProcess {
    /// What one run printed and how it ended.
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String

        /// Standard output split into lines, without the final empty one.
        var outputLines: [String] {
            standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }

    /// The `forma` executable, or `nil` when it cannot be found.
    static let executable: URL? = {
        let fileManager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["FORMA_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var directories: [URL] = []
        if let runner = Bundle.main.executableURL { directories.append(runner.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        directories.append(packageRoot.appendingPathComponent(".build/debug"))
        for directory in directories {
            let candidate = directory.appendingPathComponent("forma")
            if fileManager.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// `environment` plus the sanitizer settings of the test process (`ASAN_OPTIONS` and the
    /// like), so a child started with an environment of its own runs as `scripts/sanitize`
    /// configured the others.
    static func withSanitizerOptions(_ environment: [String: String]) -> [String: String] {
        var environment = environment
        for name in ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "UBSAN_OPTIONS"] where environment[name] == nil {
            environment[name] = ProcessInfo.processInfo.environment[name]
        }
        return environment
    }

    /// Runs `forma` with `arguments`, feeding `input` on standard input.
    /// - Parameters:
    ///   - environment: The child's environment (the test process's own by default).
    /// - Throws: When the binary is missing or cannot be started.
    static func run(
        _ arguments: [String], input: String = "", in directory: URL? = nil, environment: [String: String]? = nil
    ) throws -> Outcome {
        let executable = try #require(
            executable, "forma binary not found: build it (swift build) or set FORMA_BIN")
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("forma-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputURL = scratch.appendingPathComponent("stdin")
        let outputURL = scratch.appendingPathComponent("stdout")
        let errorURL = scratch.appendingPathComponent("stderr")
        try Data(input.utf8).write(to: inputURL)
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = withSanitizerOptions(environment) }
        if let directory { process.currentDirectoryURL = directory }
        let stdin = try FileHandle(forReadingFrom: inputURL)
        let stdout = try FileHandle(forWritingTo: outputURL)
        let stderr = try FileHandle(forWritingTo: errorURL)
        defer {
            try? stdin.close()
            try? stdout.close()
            try? stderr.close()
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
            standardError: try String(contentsOf: errorURL, encoding: .utf8))
    }
}
