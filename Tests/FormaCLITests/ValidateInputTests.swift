import Foundation
import Testing

@Suite("forma validate: inputs and references")
struct ValidateInputTests {
    @Test("- reads one document from stdin")
    func stdinDocument() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let valid = try FormaProcess.run(["validate", "--schema", schema, "-"], input: "{\"name\": \"Ada\",\n \"age\": 36}")
        #expect(valid.status == 0)
        #expect(valid.standardError.contains("1 valid, 0 invalid"))
        let invalid = try FormaProcess.run(["validate", "--schema", schema, "-"], input: #"{"name": "Ada"}"#)
        #expect(invalid.status == 1)
        #expect(Fixtures.located(invalid.outputLines.first, "<stdin>:1:", "/: "))
    }

    @Test("- with --jsonl reads JSON Lines from stdin")
    func stdinLines() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let input = Fixtures.person("Ada", age: 1) + "\n" + Fixtures.person("Bob", age: -1) + "\n"
        let outcome = try FormaProcess.run(["validate", "--schema", schema, "--jsonl", "-"], input: input)
        #expect(outcome.status == 1)
        #expect(Fixtures.located(outcome.outputLines.first, "<stdin>:2:", "/age: "))
        #expect(outcome.standardError.contains("1 valid, 1 invalid"))
    }

    @Test("blank lines are skipped but still counted for line numbers")
    func blankLines() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let data = try dir.write("gaps.ndjson", "\n  \n" + Fixtures.person("Ada", age: 1) + "\n\t\r\n\n" + Fixtures.person("Bob", age: -1) + "\n\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(outcome.status == 1)
        #expect(outcome.outputLines.count == 1)
        #expect(Fixtures.located(outcome.outputLines.first, "\(data):6:", "/age: "))
        #expect(outcome.standardError.contains("1 valid, 1 invalid"))
    }

    @Test("a missing input exits 2, names it, and the other inputs are still validated")
    func missingInput() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let missing = dir.path("absent.jsonl")
        let data = try dir.write("people.jsonl", Fixtures.person("Bob", age: -1) + "\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, missing, data])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(missing))
        #expect(Fixtures.located(outcome.outputLines.first, "\(data):1:", "/age: "))
        #expect(outcome.standardError.contains("0 valid, 1 invalid, 1 unreadable file"))
    }

    @Test("--ref maps a URI prefix to a directory")
    func referenceMapping() throws {
        let dir = try TemporaryDirectory()
        try dir.write("shared/address.json", #"""
            {"type": "object", "required": ["city"], "properties": {"city": {"type": "string", "minLength": 2}}}
            """#)
        let schema = try dir.write("order.schema.json", #"""
            {"type": "object", "properties": {"shipTo": {"$ref": "https://schemas.example.com/common/address.json"}}}
            """#)
        let data = try dir.write("orders.jsonl", """
            {"shipTo": {"city": "Lyon"}}
            {"shipTo": {"city": "L"}}

            """)
        let mapping = "https://schemas.example.com/common/=\(dir.path("shared"))"
        let outcome = try FormaProcess.run(["validate", "--schema", schema, "--ref", mapping, data])
        #expect(outcome.status == 1)
        #expect(outcome.outputLines.count == 1)
        #expect(Fixtures.located(outcome.outputLines.first, "\(data):2:", "/shipTo/city: "))
        let unmapped = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(unmapped.status == 2)
        #expect(unmapped.standardError.contains("https://schemas.example.com/common/address.json"))
    }

    @Test("a relative $ref to a sibling file resolves through the schema's own path")
    func siblingReference() throws {
        let dir = try TemporaryDirectory()
        try dir.write("schemas/defs/money.json", #"{"type": "number", "minimum": 0}"#)
        let schema = try dir.write("schemas/invoice.json", #"""
            {"type": "object", "properties": {"total": {"$ref": "defs/money.json"}}}
            """#)
        let data = try dir.write("invoices.jsonl", "{\"total\": 3}\n{\"total\": -3}\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(outcome.status == 1)
        #expect(outcome.outputLines.count == 1)
        #expect(Fixtures.located(outcome.outputLines.first, "\(data):2:", "/total: "))
    }

    @Test("a relative schema path works from the working directory")
    func relativePaths() throws {
        let dir = try TemporaryDirectory()
        try dir.write("defs/age.json", #"{"type": "integer", "minimum": 0}"#)
        try dir.write("s.json", #"{"properties": {"age": {"$ref": "defs/age.json"}}}"#)
        try dir.write("d.jsonl", "{\"age\": 1}\n{\"age\": 1.5}\n")
        let outcome = try FormaProcess.run(["validate", "--schema", "s.json", "d.jsonl"], in: dir.url)
        #expect(outcome.status == 1)
        #expect(Fixtures.located(outcome.outputLines.first, "d.jsonl:2:", "/age: "))
    }
}
