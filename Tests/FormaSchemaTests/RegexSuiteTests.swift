import Foundation
import Testing
import FormaJSON
import FormaSchema

/// Runs the regex-related files of the official JSON-Schema-Test-Suite straight through
/// ``ECMARegex``: `pattern` with ``ECMARegex/matches(_:)``, `format: "regex"` with
/// ``ECMARegex/validateSyntax(_:)``, `patternProperties` with a tiny evaluator for the few
/// subschema shapes those files use.
@Suite("ECMARegex against JSON-Schema-Test-Suite")
struct RegexSuiteTests {
    static let files = [
        "optional/ecmascript-regex.json", "optional/non-bmp-regex.json", "optional/format/regex.json",
        "optional/format/ecmascript-regex.json", "pattern.json", "patternProperties.json",
    ]

    /// `../shared/JSON-Schema-Test-Suite` beside the package root, or `FORMA_JSON_SCHEMA_TEST_SUITE`.
    static func suiteRoot() -> URL {
        if let override = ProcessInfo.processInfo.environment["FORMA_JSON_SCHEMA_TEST_SUITE"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/JSON-Schema-Test-Suite")
    }

    /// A schema shape this test cannot evaluate.
    struct Unsupported: Error, CustomStringConvertible {
        let description: String
    }

    @Test(arguments: ["draft2020-12", "draft7"])
    func regexCasesPass(draft: String) throws {
        let root = Self.suiteRoot().appendingPathComponent("tests/\(draft)")
        guard FileManager.default.fileExists(atPath: root.path) else {
            print("SKIPPED: JSON-Schema-Test-Suite not found at \(root.path) (set FORMA_JSON_SCHEMA_TEST_SUITE)")
            return
        }
        var checked = 0
        for file in Self.files {
            let url = root.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            guard case .array(let groups) = try JSONParser.parse(Array(try Data(contentsOf: url))) else {
                Issue.record("\(draft)/\(file) is not an array")
                continue
            }
            for case .object(let group) in groups {
                guard case .object(let schema)? = group["schema"], case .array(let tests)? = group["tests"] else {
                    continue
                }
                for case .object(let test) in tests {
                    guard let data = test["data"], case .bool(let valid)? = test["valid"] else { continue }
                    let label = "\(draft)/\(file): \(group["description"].map(String.init(describing:)) ?? "")"
                        + " / \(test["description"].map(String.init(describing:)) ?? "")"
                    do {
                        let verdict = try Self.evaluate(schema, data)
                        #expect(verdict == valid, "\(label)")
                    } catch {
                        Issue.record("\(label): \(error)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 100, "expected the regex test files, checked \(checked) cases")
        print("\(draft): checked \(checked) regex suite cases")
    }

    /// Evaluates the keywords these files use; anything else throws ``Unsupported``.
    static func evaluate(_ schema: JSONObject, _ instance: JSONValue) throws -> Bool {
        var valid = true
        for member in schema {
            switch (member.key, member.value) {
            case ("$schema", _), ("additionalProperties", _):
                continue
            case ("type", .string(let type)):
                valid = valid && hasType(instance, type)
            case ("pattern", .string(let pattern)):
                if case .string(let text) = instance {
                    let found = try ECMARegex(pattern).matches(text)
                    valid = valid && found
                }
            case ("format", .string("regex")):
                if case .string(let text) = instance {
                    valid = valid && ((try? ECMARegex.validateSyntax(text)) != nil)
                }
            case ("maximum", .number(let maximum)):
                if case .number(let number) = instance { valid = valid && number <= maximum }
            case ("patternProperties", .object(let patterns)):
                let accepted = try patternProperties(patterns, schema["additionalProperties"], instance)
                valid = valid && accepted
            default:
                throw Unsupported(description: "keyword \(member.key) is not supported by this test")
            }
        }
        return valid
    }

    static func patternProperties(_ patterns: JSONObject, _ additional: JSONValue?, _ instance: JSONValue) throws -> Bool {
        guard case .object(let object) = instance else { return true }
        for member in object {
            var matched = false
            for entry in patterns where try ECMARegex.cached(entry.key).matches(member.key) {
                matched = true
                if try !subschemaAccepts(entry.value, member.value) { return false }
            }
            if !matched, case .bool(false)? = additional { return false }
        }
        return true
    }

    static func subschemaAccepts(_ schema: JSONValue, _ instance: JSONValue) throws -> Bool {
        switch schema {
        case .bool(let accepts): return accepts
        case .object(let object): return try evaluate(object, instance)
        default: throw Unsupported(description: "subschema \(schema) is not supported by this test")
        }
    }

    static func hasType(_ instance: JSONValue, _ type: String) -> Bool {
        switch (type, instance) {
        case ("string", .string), ("object", .object), ("array", .array), ("boolean", .bool),
             ("null", .null), ("number", .number):
            return true
        case ("integer", .number(let number)):
            return number.isInteger
        default:
            return false
        }
    }
}
