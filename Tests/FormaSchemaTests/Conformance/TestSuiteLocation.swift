import Foundation

/// Where the official JSON-Schema-Test-Suite is: `FORMA_JSON_SCHEMA_TEST_SUITE`, or
/// `../shared/JSON-Schema-Test-Suite` beside the checkout.
enum TestSuiteLocation {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Conformance
            .deletingLastPathComponent()  // FormaSchemaTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    static var suite: URL {
        if let override = ProcessInfo.processInfo.environment["FORMA_JSON_SCHEMA_TEST_SUITE"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/JSON-Schema-Test-Suite")
    }

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: suite.appendingPathComponent("tests").path)
    }

    static let skipMessage = """
        SKIPPED: JSON-Schema-Test-Suite not found at \(suite.path). Clone \
        https://github.com/json-schema-org/JSON-Schema-Test-Suite beside the checkout as \
        ../shared/JSON-Schema-Test-Suite or set FORMA_JSON_SCHEMA_TEST_SUITE to its path.
        """
}
