import Foundation
import Testing

@Suite("forma validate: streaming JSON Lines")
struct JSONLStreamingTests {
    /// A valid person whose name pads the line to about `bytes` bytes.
    static func longPerson(bytes: Int, age: Int) -> String {
        Fixtures.person(String(repeating: "n", count: max(1, bytes - 30)), age: age)
    }

    @Test("lines longer than the read chunk grow the buffer", arguments: [16, 64, 1000])
    func linesLongerThanChunk(chunk: Int) throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let lines = [
            Self.longPerson(bytes: 5000, age: 1),
            Fixtures.person("A", age: 2),
            Self.longPerson(bytes: 20000, age: -1),
            Self.longPerson(bytes: 300, age: 4),
        ]
        let data = try dir.write("long.jsonl", lines.joined(separator: "\n") + "\n")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, "--chunk-bytes", String(chunk), data])
        #expect(outcome.status == 1)
        #expect(outcome.outputLines.count == 1)
        #expect(Fixtures.located(outcome.outputLines.first, "\(data):3:", "/age: "))
        #expect(outcome.standardError.contains("3 valid, 1 invalid"))
    }

    @Test("a line over the size limit is reported and skipped; later lines still count")
    func oversizedLine() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let lines = [
            Fixtures.person("A", age: 1),
            Self.longPerson(bytes: 5000, age: 1),
            Fixtures.person("B", age: -2),
            Fixtures.person("C", age: 3),
        ]
        let data = try dir.write("big.jsonl", lines.joined(separator: "\n") + "\n")
        let outcome = try FormaProcess.run([
            "validate", "--schema", schema, "--chunk-bytes", "64", "--max-instance-bytes", "1000", data,
        ])
        #expect(outcome.status == 1)
        #expect(outcome.outputLines.count == 2)
        #expect(outcome.outputLines.first == "\(data):2:1: instance is longer than the limit of 1000 bytes; skipped")
        #expect(Fixtures.located(outcome.outputLines.last, "\(data):3:", "/age: "))
        #expect(outcome.standardError.contains("2 valid, 2 invalid"))
    }

    @Test("the last line needs no line feed; CRLF endings and a byte order mark are accepted")
    func lineEndings() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let text = "\u{FEFF}" + Fixtures.person("A", age: 1) + "\r\n" + Fixtures.person("B", age: 2) + "\r\n"
            + Fixtures.person("C", age: -3)
        let data = try dir.write("crlf.jsonl", text)
        for chunk in ["8", "1048576"] {
            let outcome = try FormaProcess.run(["validate", "--schema", schema, "--chunk-bytes", chunk, data])
            #expect(outcome.status == 1)
            #expect(outcome.outputLines.count == 1)
            #expect(Fixtures.located(outcome.outputLines.first, "\(data):3:", "/age: "))
            #expect(outcome.standardError.contains("2 valid, 1 invalid"))
        }
    }

    @Test("an empty JSON Lines file has no instances and exits 0")
    func emptyFile() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        let data = try dir.write("empty.jsonl", "")
        let outcome = try FormaProcess.run(["validate", "--schema", schema, data])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("0 valid, 0 invalid"))
    }

    @Test("many lines across tiny chunks count every instance exactly once")
    func chunkBoundaries() throws {
        let dir = try TemporaryDirectory()
        let schema = try dir.write("person.schema.json", Fixtures.personSchema)
        var text = ""
        for line in 1...500 { text += Fixtures.person("P\(line)", age: line % 50 == 0 ? -1 : line) + "\n" }
        let data = try dir.write("boundaries.jsonl", text)
        for chunk in ["7", "33", "100", "4096"] {
            let outcome = try FormaProcess.run(["validate", "--schema", schema, "--chunk-bytes", chunk, data])
            #expect(outcome.status == 1)
            #expect(outcome.outputLines.count == 10)
            #expect(outcome.standardError.contains("490 valid, 10 invalid"), "chunk \(chunk)")
        }
    }
}
