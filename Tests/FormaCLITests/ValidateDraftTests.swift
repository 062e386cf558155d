import Foundation
import Testing

@Suite("forma validate: drafts, content and format options")
struct ValidateDraftTests {
    @Test("each meta-schema error is printed once")
    func metaschemaErrorOnce() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.json", #"{"items":[{"type":"string"}]}"#)
        let outcome = try FormaProcess.run(["validate", "--schema", schema])
        #expect(outcome.status == 2)
        let lines = outcome.standardError.split(separator: "\n").filter { $0.hasPrefix("\(schema): /items: ") }
        #expect(lines.count == 1, "\(outcome.standardError)")
    }

    @Test("$schema draft-04 with id, boolean exclusiveMaximum and an items array is honoured")
    func draft4Schema() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.json", #"""
            {"$schema": "http://json-schema.org/draft-04/schema#", "id": "http://example.com/s.json#",
             "definitions": {"x": {"type": "number", "maximum": 5, "exclusiveMaximum": true}},
             "properties": {"a": {"$ref": "http://example.com/s.json#/definitions/x"},
                            "b": {"items": [{"type": "string"}]}}}
            """#)
        let data = try dir.write("d.jsonl", #"{"a": 4, "b": ["x"]}"# + "\n" + #"{"a": 5}"# + "\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.outputLines == ["\(data):2:7: /a: expected a number < 5, got 5"])
    }

    @Test("an unknown $schema is an unsupported-draft error")
    func unsupportedDraft() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.json", #"{"$schema": "http://json-schema.org/draft-03/schema#", "type": "string"}"#)
        let outcome = try FormaProcess.run(["validate", "--schema", schema])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("unsupported draft \"http://json-schema.org/draft-03/schema#\""))
    }

    @Test("--default-draft chooses the draft of a schema without $schema")
    func defaultDraft() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.json", #"{"maximum": 5, "exclusiveMaximum": true}"#)
        let data = try dir.write("d.json", "5")
        let asDraft4 = try FormaProcess.run(["validate", "--default-draft", "4", "--schema", schema, data])
        #expect(asDraft4.status == 1)
        // As 2020-12 (the default) a boolean exclusiveMaximum breaks the meta-schema.
        let asDefault = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(asDefault.status == 2)
        #expect(asDefault.standardError.contains("/exclusiveMaximum"))
        let bad = try FormaProcess.run(["validate", "--default-draft", "3", "--schema", schema, data])
        #expect(bad.status == 64 || bad.status == 2)
        #expect(bad.standardError.contains("2019-09"))
    }

    @Test("draft-07 content is asserted only with --content-assertion")
    func contentAssertion() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.json", #"{"$schema": "http://json-schema.org/draft-07/schema#", "contentMediaType": "application/json"}"#)
        let data = try dir.write("d.json", #""{not json""#)
        #expect(try FormaProcess.run(["validate", "--schema", schema, data]).status == 0)
        let asserted = try FormaProcess.run(["validate", "--content-assertion", "--schema", schema, data])
        #expect(asserted.status == 1)
    }

    @Test("format is asserted by default; --no-format-assertion makes it an annotation")
    func formatByDefault() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.json", #"{"type": "string", "format": "date"}"#)
        let data = try dir.write("d.json", #""2026-02-30""#)
        #expect(try FormaProcess.run(["validate", "--schema", schema, data]).status == 1)
        #expect(try FormaProcess.run(["validate", "--format-assertion", "--schema", schema, data]).status == 1)
        #expect(try FormaProcess.run(["validate", "--no-format-assertion", "--schema", schema, data]).status == 0)
    }
}
