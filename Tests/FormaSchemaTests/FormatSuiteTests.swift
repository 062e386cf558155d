import Foundation
import Testing
import FormaJSON
@testable import FormaSchema

/// Runs every string instance of the official JSON-Schema-Test-Suite `optional/format`
/// files (draft 2020-12 and draft-07) through ``FormatChecker``.
@Suite("Format checkers against JSON-Schema-Test-Suite")
struct FormatSuiteTests {
    /// Suite cases known to fail, keyed by `format|data`, each with the reason.
    /// A case listed here that starts passing is reported too, so the list stays exact.
    static let knownFailures: [String: String] = [:]

    static let drafts = ["draft2020-12", "draft7"]

    /// `../shared/JSON-Schema-Test-Suite` beside the package, or `FORMA_JSON_SCHEMA_TEST_SUITE`.
    static func suiteRoot() -> URL {
        if let override = ProcessInfo.processInfo.environment["FORMA_JSON_SCHEMA_TEST_SUITE"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/JSON-Schema-Test-Suite")
    }

    struct SuiteCase {
        let file: String
        let description: String
        let format: String
        let data: String
        let valid: Bool
        var key: String { "\(format)|\(data)" }
    }

    static func loadCases(root: URL) throws -> [SuiteCase] {
        var cases: [SuiteCase] = []
        for draft in drafts {
            let directory = root.appendingPathComponent("tests/\(draft)/optional/format")
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            for name in names where name.hasSuffix(".json") {
                let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
                guard case .array(let groups) = try JSONParser.parse(Array(bytes)) else { continue }
                for group in groups {
                    guard case .object(let groupObject) = group,
                          case .object(let schema)? = groupObject["schema"],
                          case .string(let format)? = schema["format"],
                          case .array(let tests)? = groupObject["tests"]
                    else { continue }
                    for test in tests {
                        guard case .object(let testObject) = test,
                              case .string(let data)? = testObject["data"],
                              case .bool(let valid)? = testObject["valid"],
                              case .string(let description)? = testObject["description"]
                        else { continue }
                        cases.append(SuiteCase(file: "\(draft)/\(name)", description: description,
                                               format: format, data: data, valid: valid))
                    }
                }
            }
        }
        return cases
    }

    @Test func everyStringCasePassesOrIsAllowlisted() throws {
        let root = Self.suiteRoot()
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("tests").path) else {
            print("SKIPPED: suite not found at \(root.path) (set FORMA_JSON_SCHEMA_TEST_SUITE)")
            return
        }
        let cases = try Self.loadCases(root: root)
        #expect(cases.count > 1000, "expected the full optional/format suites, found \(cases.count) cases")
        var failingKeys: Set<String> = []
        for suiteCase in cases {
            let verdict = FormatChecker.check(format: suiteCase.format, value: suiteCase.data) ?? true
            guard verdict != suiteCase.valid else { continue }
            failingKeys.insert(suiteCase.key)
            if Self.knownFailures[suiteCase.key] == nil {
                Issue.record("""
                    \(suiteCase.file): \(suiteCase.description): format \(suiteCase.format) \
                    data \(suiteCase.data.debugDescription) expected \(suiteCase.valid ? "valid" : "invalid")
                    """)
            }
        }
        for (key, reason) in Self.knownFailures where !failingKeys.contains(key) {
            Issue.record("allowlisted case now passes, remove it: \(key.debugDescription) (\(reason))")
        }
        print("format suite: \(cases.count) string cases, \(failingKeys.count) allowlisted failures")
    }
}
