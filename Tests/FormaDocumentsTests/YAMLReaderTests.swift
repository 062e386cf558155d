import FormaDocuments
import FormaJSON
import Testing

@Suite("YAML 1.2 core schema with positions")
struct YAMLReaderTests {
    private func pointer(_ tokens: String...) -> JSONPointer { JSONPointer(tokens: tokens) }

    @Test("on/yes/no and dates stay strings; core-schema numbers, booleans and null resolve")
    func coreSchema() throws {
        let text = """
            on: push
            yes: no
            date: 2024-01-01
            int: 0x1F
            octal: 0o17
            float: 1.5e3
            bool: True
            nothing: ~
            quoted: "true"
            """
        let document = try #require(try DocumentReader.read(text, format: .yaml).first)
        #expect(document.value == [
            "on": "push", "yes": "no", "date": "2024-01-01", "int": 31, "octal": 15,
            "float": .number(JSONNumber(1500)), "bool": true, "nothing": .null, "quoted": "true",
        ])
    }

    @Test("positions of values and keys, 1-based, columns in scalars")
    func positions() throws {
        let text = "jobs:\n  build:\n    steps:\n      - run: é😀\n      - uses: x\n"
        let document = try #require(try DocumentReader.read(text, format: .yaml).first)
        #expect(document.position(of: pointer("jobs", "build", "steps", "1", "uses")) == SourcePosition(line: 5, column: 15))
        #expect(document.keyPosition(of: pointer("jobs", "build", "steps", "1", "uses")) == SourcePosition(line: 5, column: 9))
        #expect(document.position(of: pointer("jobs", "build", "steps", "0")) == SourcePosition(line: 4, column: 9))
        #expect(document.keyPosition(of: pointer("jobs", "build")) == SourcePosition(line: 2, column: 3))
    }

    @Test("each document of a stream is an instance with its own index and start line")
    func multiDocument() throws {
        let documents = try DocumentReader.read("a: 1\n---\nb: 2\n---\n- 3\n", format: .yaml)
        #expect(documents.count == 3)
        #expect(documents.map(\.index) == [0, 1, 2])
        #expect(documents[1].value == ["b": 2])
        #expect(documents[2].position(of: pointer("0")) == SourcePosition(line: 5, column: 3))
    }

    /// Found by `scripts/fuzz yaml`: libyaml ends a text without a final line break on a
    /// line that does not exist, where an empty last document was placed.
    @Test("an empty document at the end of a text without a final line break is placed on its last line",
          arguments: [("a: 1\n---", 2, 4), ("a: 1\n...\n---", 3, 4), ("a: 1\r\n---", 2, 4), ("---", 1, 4), ("x: é\n--- ", 2, 5)])
    func emptyLastDocument(text: String, line: Int, column: Int) throws {
        let documents = try DocumentReader.read(text, format: .yaml)
        #expect(documents.count == 2 || text == "---")
        let last = try #require(documents.last)
        #expect(last.value == .null)
        #expect(last.position(of: .root) == SourcePosition(line: line, column: column))
    }

    @Test("aliases and << merges expand; a billion-laughs file is refused quickly")
    func aliases() throws {
        let document = try #require(try DocumentReader.read("base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n", format: .yaml).first)
        #expect(document.value["derived"] == ["y": 3, "x": 1])
        var bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            bomb += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let started = ContinuousClock.now
        let error = #expect(throws: DocumentError.self) { try DocumentReader.read(bomb, format: .yaml) }
        #expect(error?.kind == .aliasBudget)
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test("the node budget bounds what aliases bring in, not the size of the document")
    func budget() throws {
        let options = DocumentReader.Options(maxNodes: 10)
        let plain = "[" + (0..<100).map(String.init).joined(separator: ", ") + "]"
        #expect(try DocumentReader.read(plain, format: .yaml, options: options)[0].value.array?.count == 100)
        let aliased = "a: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n"
        let error = #expect(throws: DocumentError.self) { try DocumentReader.read(aliased, format: .yaml, options: options) }
        #expect(error?.kind == .aliasBudget)
        #expect(error?.position == SourcePosition(line: 2, column: 13))
    }

    @Test("duplicate keys, unsupported tags, tab indentation, invalid UTF-8, deep nesting")
    func hostile() {
        let duplicate = #expect(throws: DocumentError.self) { try DocumentReader.read("a: 1\nb: 2\na: 3\n", format: .yaml) }
        #expect(duplicate?.kind == .duplicateKey)
        #expect(duplicate?.position == SourcePosition(line: 3, column: 1))
        let binary = #expect(throws: DocumentError.self) { try DocumentReader.read("a: !!binary aGVsbG8=\n", format: .yaml) }
        #expect(binary?.kind == .unsupportedValue)
        #expect(binary?.position == SourcePosition(line: 1, column: 4))
        let custom = #expect(throws: DocumentError.self) { try DocumentReader.read("a: !custom x\n", format: .yaml) }
        #expect(custom?.kind == .unsupportedValue)
        let tab = #expect(throws: DocumentError.self) { try DocumentReader.read("a:\n\tb: 1\n", format: .yaml) }
        #expect(tab?.position.line == 2)
        let utf8 = #expect(throws: DocumentError.self) { try DocumentReader.read([0x61, 0x3A, 0x20, 0xC3, 0x28], format: .yaml) }
        #expect(utf8?.kind == .invalidUTF8)
        let deep = #expect(throws: DocumentError.self) {
            try DocumentReader.read(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000), format: .yaml)
        }
        #expect(deep?.kind == .tooDeep)
    }
}
