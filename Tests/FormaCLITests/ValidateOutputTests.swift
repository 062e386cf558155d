import FormaJSON
import Foundation
import Testing

@Suite("forma validate: results and output formats")
struct ValidateOutputTests {
    @Test("valid JSON Lines exit 0, print nothing on stdout and a summary on stderr")
    func validLines() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let data = try dir.write("people.jsonl", Fixtures.validPeople)
        let outcome = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "")
        #expect(outcome.standardError.contains("3 valid, 0 invalid"))
    }

    @Test("invalid instances exit 1 with FILE:LINE:COLUMN: POINTER: message, root shown as /")
    func invalidLines() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let data = try dir.write("people.jsonl", """
            {"name": "Ada", "age": 36}
            {"name": "Bob", "age": -1}
            {"name": "Eve"}
            {"name": "", "age": 3}

            """)
        let outcome = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(outcome.status == 1)
        let lines = outcome.outputLines
        #expect(lines.count == 3)
        #expect(Fixtures.located(lines.first, "\(data):2:", "/age: "))
        #expect(Fixtures.located(lines.dropFirst().first, "\(data):3:", "/: "))
        #expect(lines.dropFirst().first?.contains("age") == true)
        #expect(Fixtures.located(lines.last, "\(data):4:", "/name: "))
        #expect(outcome.standardError.contains("1 valid, 3 invalid"))
    }

    @Test("--output json writes one parseable record per instance, in order")
    func jsonOutput() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let data = try dir.write("people.jsonl", """
            {"name": "Ada", "age": 36}
            {"name": "Bob", "age": -1}
            {"name": "Carl", "age": 2,
            """)
        let outcome = try FormaProcess.run(["validate", "--schema", schema, "--output", "json", data])
        #expect(outcome.status == 1)
        let records = try outcome.outputLines.map { try JSONParser.parse($0) }
        try #require(records.count == 3)
        #expect(records.map { $0["line"]?.number?.intValue } == [1, 2, 3])
        #expect(records.map { $0["valid"]?.bool } == [true, false, false])
        #expect(records.allSatisfy { $0["file"]?.string == data })
        #expect(records[0]["errors"]?.array?.isEmpty == true)
        let error = try #require(records[1]["errors"]?.array?.first)
        #expect(error["instanceLocation"]?.string == "/age")
        #expect(error["keywordLocation"]?.string == "/properties/age/minimum")
        #expect(error["keyword"]?.string == "minimum")
        #expect(error["message"]?.string?.isEmpty == false)
        let parseError = try #require(records[2]["errors"]?.array?.first)
        #expect(parseError["message"]?.string?.hasPrefix("invalid JSON at line 3, column") == true)
        #expect(parseError["line"]?.number?.intValue == 3)
    }

    @Test("a malformed line is reported with line:column and the run goes on")
    func malformedLineContinues() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let data = try dir.write("people.jsonl", """
            {"name": "Ada", "age": 36}
            {"name": "Bob", "age": 1 x}
            {"name": "Eve", "age": -2}
            {"name": "Alan", "age": 41}

            """)
        let outcome = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(outcome.status == 1)
        #expect(outcome.outputLines.first?.hasPrefix("\(data):2:26: invalid JSON: ") == true)
        #expect(Fixtures.located(outcome.outputLines.last, "\(data):3:", "/age: "))
        #expect(outcome.standardError.contains("2 valid, 2 invalid"))
    }

    @Test("a .json document is one instance; its errors are at the value's line and column")
    func jsonDocument() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let good = try dir.write("good.json", "{\n  \"name\": \"Ada\",\n  \"age\": 36\n}\n")
        let bad = try dir.write("bad.json", "{\n  \"name\": \"Ada\",\n  \"age\": \"old\"\n}\n")
        let broken = try dir.write("broken.json", "{\n  \"name\": \"Ada\",\n  \"age\": 36,\n}\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, good, bad, broken])
        #expect(outcome.status == 1)
        #expect(outcome.outputLines.count == 2)
        #expect(outcome.outputLines.first?.hasPrefix("\(bad):3:10: /age: ") == true)
        #expect(outcome.outputLines.last?.hasPrefix("\(broken):4:1: invalid JSON: ") == true)
        #expect(outcome.standardError.contains("1 valid, 2 invalid"))
    }

    @Test("format is asserted unless --no-format-assertion")
    func formatAssertion() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let data = try dir.write("people.jsonl", #"{"name": "Ada", "age": 36, "email": "not an email"}"# + "\n")
        let annotated = try FormaProcess.run(["validate", "--schema", schema, "--no-format-assertion", data])
        #expect(annotated.status == 0)
        let asserted = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(asserted.status == 1)
        #expect(Fixtures.located(asserted.outputLines.first, "\(data):1:", "/email: "))
    }

    @Test("output follows input order across parallel batches", arguments: [1, 2, 4])
    func orderAcrossBatches(jobs: Int) throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        var text = ""
        var expected: [Int] = []
        for line in 1...3000 {
            let invalid = line % 7 == 0
            if invalid { expected.append(line) }
            text += Fixtures.person("P\(line)", age: invalid ? -line : line) + "\n"
        }
        let data = try dir.write("many.jsonl", text)
        let outcome = try FormaProcess.run([
            "validate", "--schema", schema, "--jobs", String(jobs), "--chunk-bytes", "4096", data,
        ])
        #expect(outcome.status == 1)
        let reported = outcome.outputLines.compactMap { line -> Int? in
            let fields = line.split(separator: ":")
            return fields.count > 1 ? Int(fields[1]) : nil
        }
        #expect(reported == expected)
        #expect(outcome.standardError.contains("\(3000 - expected.count) valid, \(expected.count) invalid"))
    }
}
