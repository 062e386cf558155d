import Foundation
import Testing

@Suite("forma lint")
struct LintCommandTests {
    @Test func reportsIgnoredAndRejectedKeywordsPerBackend() throws {
        let directory = try TemporaryDirectory()
        let schema = try directory.write("s.json", #"""
            {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string", "pattern": "(?=x)\\w+"}, "uniqueItems": true}},
             "required": ["tags"], "additionalProperties": false}
            """#)
        let result = try FormaProcess.run(["lint", schema, "--target", "xgrammar"])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("xgrammar /properties/tags/uniqueItems: ignored:"))
        #expect(result.standardOutput.contains("xgrammar /properties/tags/items/pattern: rejected:"))
        #expect(result.standardError.contains("1 ignored, 1 rejected (xgrammar)"))
    }

    @Test func cleanSchemaExitsZero() throws {
        let directory = try TemporaryDirectory()
        let schema = try directory.write("s.json", #"{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false}"#)
        let result = try FormaProcess.run(["lint", schema])
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("0 ignored, 0 rejected"))
    }

    @Test func invalidSchemaIsAUsageError() throws {
        let directory = try TemporaryDirectory()
        let schema = try directory.write("s.json", #"{"type": 12}"#)
        let result = try FormaProcess.run(["lint", schema])
        #expect(result.status == 2)
        #expect(result.standardError.contains("/type"))
        let missing = try FormaProcess.run(["lint", directory.path("missing.json")])
        #expect(missing.status == 2)
        let badTarget = try FormaProcess.run(["lint", schema, "--target", "nope"])
        #expect(badTarget.status == 2)
    }
}
