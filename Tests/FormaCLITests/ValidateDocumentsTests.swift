import FormaJSON
import Foundation
import Testing

/// The public schemas (SARIF, GitHub Action, pre-commit hooks) beside the checkout.
enum PublicSchemas {
    static let directory: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("shared/public-schemas").path
        return FileManager.default.fileExists(atPath: path + "/sarif-2.1.0.json") ? path : nil
    }()
}

@Suite("forma validate: YAML, TOML, JSONC, JSON5 with FILE:LINE:COLUMN")
struct ValidateDocumentsTests {
    @Test("YAML errors point at the value, a missing property at its object, an extra one at its key")
    func yamlPositions() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let data = try dir.write("people.yaml", """
            # two people
            name: Ada
            age: -1
            ---
            name: Bob
            age: 3
            extra: true
            ---
            age: 5

            """)
        let outcome = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(outcome.status == 1)
        #expect(outcome.outputLines.count == 3)
        #expect(outcome.outputLines.first?.hasPrefix("\(data):3:6: /age: ") == true)
        #expect(outcome.outputLines.dropFirst().first?.hasPrefix("\(data):7:1: /extra: ") == true)
        #expect(outcome.outputLines.last?.hasPrefix("\(data):9:1: /: ") == true)
        #expect(outcome.outputLines.last?.contains("name") == true)
        #expect(outcome.standardError.contains("0 valid, 3 invalid"))
    }

    @Test("TOML, JSONC (by extension and by --input-format) and JSON5 errors are located")
    func otherFormats() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let toml = try dir.write("p.toml", "# person\nname = \"Ada\"\nage   = \"old\"\n")
        let jsonc = try dir.write("p.jsonc", "{\n  // who\n  \"name\": \"Ada\",\n  \"age\": 1.5,\n}\n")
        let tsconfig = try dir.write("tsconfig.json", "{\n  /* c */ \"name\": \"\", \"age\": 2,\n}\n")
        let json5 = try dir.write("p.json5", "{name: 'Ada', age: +7, x: 0x1,}\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, toml, jsonc, json5])
        #expect(outcome.status == 1)
        try #require(outcome.outputLines.count == 3)
        #expect(outcome.outputLines[0].hasPrefix("\(toml):3:9: /age: "))
        #expect(outcome.outputLines[1].hasPrefix("\(jsonc):4:10: /age: "))
        #expect(outcome.outputLines[2].hasPrefix("\(json5):1:24: /x: "))
        let strict = try FormaProcess.run(["validate", "--schema", schema, tsconfig])
        #expect(strict.outputLines.first?.hasPrefix("\(tsconfig):2:3: invalid JSON: ") == true)
        let relaxed = try FormaProcess.run(["validate", "--schema", schema, "--input-format", "jsonc", tsconfig])
        #expect(relaxed.outputLines.first?.hasPrefix("\(tsconfig):2:19: /name: ") == true)
    }

    @Test("JSON and JSON Lines errors carry the value's column; syntax errors are located")
    func jsonColumns() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let lines = try dir.write("people.jsonl", "{\"name\": \"Ada\", \"age\": 36}\n{\"name\": \"Bob\", \"age\": -1}\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, lines])
        #expect(outcome.outputLines.first?.hasPrefix("\(lines):2:24: /age: ") == true)
        let yaml = try dir.write("bad.yaml", "name: Ada\n\tage: 1\n")
        let bad = try FormaProcess.run(["validate", "--schema", schema, yaml])
        #expect(bad.status == 1)
        #expect(bad.outputLines.first?.hasPrefix("\(yaml):2:") == true)
        #expect(bad.outputLines.first?.contains("invalid YAML") == true)
    }

    @Test("--output json adds line, column and the YAML document index")
    func jsonOutput() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let data = try dir.write("p.yaml", "name: Ada\nage: 1\n---\nname: Bob\nage: x\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, "--output", "json", data])
        let records = try outcome.outputLines.map { try JSONParser.parse($0) }
        #expect(records.count == 2)
        #expect(records[1]["document"] == 1)
        #expect(records[1]["line"] == 4)
        #expect(records[1]["errors"]?[0]?["line"] == 5)
        #expect(records[1]["errors"]?[0]?["column"] == 6)
        #expect(records[0]["valid"] == true)
    }

    @Test("--output github writes escaped workflow commands")
    func github() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.json", #"{"type": "object", "properties": {"a": {"const": "x,y"}}}"#)
        let data = try dir.write("a,b.yaml", "a: 1\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, "--output", "github", data])
        #expect(outcome.status == 1)
        let line = try #require(outcome.outputLines.first)
        let escapedFile = data.replacingOccurrences(of: ",", with: "%2C").replacingOccurrences(of: ":", with: "%3A")
        #expect(line.hasPrefix("::error file=\(escapedFile),line=1,col=4,title=forma validate%3A const::/a: "))
    }

    @Test("--output sarif is one log that validates against the SARIF 2.1.0 schema")
    func sarif() throws {
        let sarifSchema = try #require(PublicSchemas.directory, "shared/public-schemas is missing") + "/sarif-2.1.0.json"
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let yaml = try dir.write("p.yaml", "name: Ada\nage: -1\nextra: 1\n")
        let broken = try dir.write("q.toml", "name = \n")
        let lines = try dir.write("r.jsonl", "{\"name\": \"\", \"age\": 1}\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, "--output", "sarif", yaml, broken, lines])
        #expect(outcome.status == 1)
        let log = try JSONParser.parse(outcome.standardOutput)
        #expect(log["version"] == "2.1.0")
        let run = try #require(log["runs"]?[0])
        #expect(run["columnKind"] == "unicodeCodePoints")
        let results = try #require(run["results"]?.array)
        #expect(results.count == 4)
        let region = results[0]["locations"]?[0]?["physicalLocation"]?["region"]
        #expect(region?["startLine"] == 2)
        #expect(region?["startColumn"] == 6)
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.array)
        #expect(Set(rules.compactMap { $0["id"]?.string }) == ["minimum", "additionalProperties", "syntax", "minLength"])
        let logFile = try dir.write("log.sarif.json", outcome.standardOutput)
        let check = try FormaProcess.run(["validate", "--schema", sarifSchema, "--format-assertion", logFile])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
    }
}

@Suite("forma validate: many errors in one large JSON document")
struct ValidateLargeDocumentTests {
    @Test("every error of a large document is located, by one positional read")
    func manyErrors() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("s.json", #"{"type": "array", "items": {"type": "integer"}}"#)
        let items = (0..<40_000).map { $0 % 2 == 0 ? "1" : "\"x\(String(repeating: "y", count: 200))\"" }
        let data = try dir.write("big.json", "[\n" + items.joined(separator: ",\n") + "\n]\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(outcome.status == 1)
        #expect(outcome.outputLines.count == 20_000)
        #expect(outcome.outputLines.first?.hasPrefix("\(data):3:1: /1: ") == true)
        #expect(outcome.outputLines.last?.hasPrefix("\(data):40001:1: /39999: ") == true)
    }
}

@Suite("forma validate: a real GitHub workflow against the public workflow schema")
struct ValidateWorkflowTests {
    @Test("on: stays a string key, and a misspelt key is reported at its line and column")
    func workflow() throws {
        let schema = try #require(PublicSchemas.directory, "shared/public-schemas is missing") + "/github-workflow.json"
        let dir = try TemporaryDirectory()
        let good = try dir.write("ci.yml", """
            name: CI
            on:
              push:
                branches: [main]
              pull_request:
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: swift test

            """)
        let bad = try dir.write("bad.yml", "name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: x\n")
        let outcome = try FormaProcess.run(["validate", "--format-assertion", "--schema", schema, good, bad])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("1 valid, 1 invalid"))
        #expect(outcome.outputLines.contains("\(bad):6:5: /jobs/test/stepz: property \"stepz\" is not allowed"))
        #expect(outcome.outputLines.allSatisfy { $0.hasPrefix(bad + ":") })
    }
}
