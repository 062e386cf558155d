import Foundation
import FormaJSON
import FormaSchema
import Testing

/// Runs the official JSON-Schema-Test-Suite (drafts 04, 06, 07, 2019-09 and 2020-12, required
/// and optional, formats and draft-07 content under assertion) through both evaluators — the
/// tree (`isValid`, `validate`) and the text (`quickCheck(json:)`, `isValid(json:)`) — and
/// fails on any result not listed with a reason in `known-failures.json`, and on any listed
/// entry that now passes, so the list stays true.
@Suite("JSON-Schema-Test-Suite conformance")
struct ConformanceTests {
    struct KnownFailure: Hashable {
        let draft: String
        let file: String
        let group: String
        let test: String
    }

    static func loadJSON(_ url: URL) throws -> JSONValue {
        let data = try Data(contentsOf: url)
        return try data.withUnsafeBytes { try JSONParser.parse($0) }
    }

    static func knownFailures() throws -> [KnownFailure: String] {
        let url = TestSuiteLocation.packageRoot.appendingPathComponent("Tests/FormaSchemaTests/Conformance/known-failures.json")
        guard case .array(let entries) = try loadJSON(url) else { return [:] }
        var out: [KnownFailure: String] = [:]
        for entry in entries {
            guard let draft = entry["draft"]?.string, let file = entry["file"]?.string,
                let group = entry["group"]?.string, let test = entry["test"]?.string,
                let reason = entry["reason"]?.string, !reason.isEmpty
            else {
                Issue.record("known-failures.json entry without draft/file/group/test/reason: \(entry.serialized())")
                continue
            }
            out[KnownFailure(draft: draft, file: file, group: group, test: test)] = reason
        }
        return out
    }

    /// Every file under `remotes/`, registered as `http://localhost:1234/<path>`.
    static func remoteRegistry() throws -> SchemaRegistry {
        var registry = SchemaRegistry()
        let remotes = TestSuiteLocation.suite.appendingPathComponent("remotes")
        guard let enumerator = FileManager.default.enumerator(at: remotes, includingPropertiesForKeys: nil) else {
            return registry
        }
        for case let url as URL in enumerator where url.pathExtension == "json" {
            let relative = url.path.dropFirst(remotes.path.count + 1)
            try registry.register(loadJSON(url), as: "http://localhost:1234/\(relative)")
        }
        return registry
    }

    static func testFiles(draft: String) -> [(relative: String, formatAssertion: Bool)] {
        let base = TestSuiteLocation.suite.appendingPathComponent("tests/\(draft)")
        var out: [(String, Bool)] = []
        for sub in ["", "optional/", "optional/format/"] {
            let dir = base.appendingPathComponent(sub)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") {
                out.append((sub + name, sub == "optional/format/"))
            }
        }
        return out
    }

    /// The suite's folder names and the drafts they test.
    static let drafts: [String: SchemaDraft] = [
        "draft4": .draft4, "draft6": .draft6, "draft7": .draft7, "draft2019-09": .draft2019_09,
        "draft2020-12": .draft2020_12,
    ]

    @Test("official suite", arguments: ["draft2020-12", "draft2019-09", "draft7", "draft6", "draft4"])
    func suite(draft: String) throws {
        guard TestSuiteLocation.isPresent else {
            print(TestSuiteLocation.skipMessage)
            return
        }
        let known = try Self.knownFailures()
        let registry = try Self.remoteRegistry()
        let schemaDraft = try #require(Self.drafts[draft])
        var required = (passed: 0, failed: 0)
        var optional = (passed: 0, failed: 0)
        var unexpected: [String] = []
        var stillKnown = Set<KnownFailure>()
        var totalPassed = 0
        var streamDecided = 0
        var totalCount = 0
        for (file, formatAssertion) in Self.testFiles(draft: draft) {
            let groups = try Self.loadJSON(TestSuiteLocation.suite.appendingPathComponent("tests/\(draft)/\(file)"))
            var passed = 0
            var count = 0
            for group in groups.array ?? [] {
                let groupName = group["description"]?.string ?? "?"
                // The optional content tests are those of draft-07's opt-in content assertion.
                let options = Validator.Options(
                    formatAssertion: formatAssertion, contentAssertion: file == "optional/content.json",
                    defaultDraft: schemaDraft)
                let validator: Validator?
                var compileError: String?
                do {
                    validator = try Validator(schema: group["schema"] ?? .null, options: options, registry: registry)
                } catch {
                    validator = nil
                    compileError = "\(error)"
                }
                for test in group["tests"]?.array ?? [] {
                    let testName = test["description"]?.string ?? "?"
                    let expected = test["valid"]?.bool ?? false
                    let data = test["data"] ?? .null
                    count += 1
                    var ok = false
                    var detail = compileError.map { "schema did not compile: \($0)" } ?? ""
                    if let validator {
                        let fast = validator.isValid(data)
                        let full = validator.validate(data)
                        // The text as it would arrive, checked while read (no tree).
                        let text = Array(data.serialized().utf8)
                        let quick = text.withUnsafeBytes { validator.quickCheck(json: $0) }
                        let streamed = text.withUnsafeBytes { validator.isValid(json: $0) }
                        if quick != .undecided { streamDecided += 1 }
                        if fast != full.isValid {
                            detail = "isValid says \(fast) but validate says \(full.isValid)"
                        } else if streamed != fast || (quick == .valid) != fast && quick != .undecided {
                            detail = "isValid(json:) says \(streamed) (quick check \(quick)) but isValid says \(fast)"
                        } else if fast == expected {
                            ok = true
                        } else {
                            detail = expected ? "rejected: \(full.errors.map(\.description).joined(separator: "; "))" : "accepted an invalid instance"
                        }
                    }
                    if file.hasPrefix("optional/") {
                        if ok { optional.passed += 1 } else { optional.failed += 1 }
                    } else {
                        if ok { required.passed += 1 } else { required.failed += 1 }
                    }
                    let key = KnownFailure(draft: draft, file: file, group: groupName, test: testName)
                    let groupKey = KnownFailure(draft: draft, file: file, group: groupName, test: "*")
                    if ok {
                        passed += 1
                        if known[key] != nil { unexpected.append("listed as known failure but passes: \(file) | \(groupName) | \(testName)") }
                    } else if known[key] != nil {
                        stillKnown.insert(key)
                    } else if known[groupKey] != nil {
                        stillKnown.insert(groupKey)
                    } else {
                        unexpected.append("\(file) | \(groupName) | \(testName): \(detail)")
                    }
                }
            }
            totalPassed += passed
            totalCount += count
            print("[\(draft)] \(file): \(passed)/\(count) passed")
        }
        print("[\(draft)] total: \(totalPassed)/\(totalCount) passed, \(stillKnown.count) known-failure entries hit")
        print("[\(draft)] required: \(required.passed) passed, \(required.failed) failed; "
              + "optional: \(optional.passed) passed, \(optional.failed) failed")
        // Every required test passes through both evaluators; only optional ones may be listed.
        #expect(required.failed == 0, "\(required.failed) required tests of \(draft) fail")
        print("[\(draft)] checked while reading the text (no tree): \(streamDecided)/\(totalCount)")
        // Most of the suite uses keywords the stream evaluator handles; if it decided almost
        // nothing, the comparison above would be checking nothing.
        #expect(streamDecided * 2 > totalCount, "the stream evaluator decided only \(streamDecided) of \(totalCount) cases")
        for key in known.keys where key.draft == draft && !stillKnown.contains(key) && key.test == "*" {
            unexpected.append("known-failure group entry no longer fails: \(key.file) | \(key.group)")
        }
        for line in unexpected { Issue.record(Comment(rawValue: line)) }
    }
}
