import Foundation
import Testing

@Suite("forma validate: schema problems exit 2")
struct ValidateSchemaErrorTests {
    @Test("with no FILE only the schema is checked")
    func schemaOnly() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let outcome = try FormaProcess.run(["validate", "--schema", schema])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("schema OK"))
        #expect(outcome.standardOutput == "")
    }

    @Test("a schema that is not JSON is reported with line:column")
    func schemaNotJSON() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("broken.schema.json", "{\n  \"type\": \"object\",,\n}\n")
        let data = try dir.write("people.jsonl", Fixtures.validPeople)
        let outcome = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("\(schema):2:20: invalid JSON: "))
        #expect(outcome.standardOutput == "")
    }

    @Test("a schema that breaks its meta-schema is reported at the keyword")
    func metaschemaFailure() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("bad.schema.json", #"{"type": 12}"#)
        let outcome = try FormaProcess.run(["validate", "--schema", schema, "-"], input: "{}")
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("\(schema): /type: "))
    }

    @Test("a schema that is neither an object nor a boolean exits 2")
    func schemaNotASchema() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("array.schema.json", "[1, 2]")
        let outcome = try FormaProcess.run(["validate", "--schema", schema])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("object or a boolean"))
    }

    @Test("an unresolvable $ref names the reference")
    func unresolvableReference() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("ref.schema.json", #"""
            {"type": "object", "properties": {"address": {"$ref": "https://example.com/missing.json"}}}
            """#)
        let outcome = try FormaProcess.run(["validate", "--schema", schema, "-"], input: "{}")
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("cannot resolve reference"))
        #expect(outcome.standardError.contains("https://example.com/missing.json"))
    }

    @Test("an invalid regular expression exits 2 and shows the pattern")
    func invalidPattern() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("regex.schema.json", #"{"type": "string", "pattern": "^(unclosed"}"#)
        let outcome = try FormaProcess.run(["validate", "--schema", schema])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("^(unclosed"))
    }

    @Test("a missing schema file exits 2 and names it")
    func missingSchema() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.path("nope.schema.json")
        let outcome = try FormaProcess.run(["validate", "--schema", missing])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(missing))
    }

    @Test("usage errors exit 2", arguments: [
        ["validate"],
        ["validate", "--schema", "s.json", "--output", "xml"],
        ["validate", "--schema", "s.json", "--ref", "no-equals-sign"],
        ["validate", "--schema", "s.json", "--ref", "https://x/=/definitely/not/a/dir"],
        ["validate", "--schema", "s.json", "--jobs", "0"],
    ])
    func usageErrors(arguments: [String]) throws {
        let outcome = try FormaProcess.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("Error"))
    }
}
