import FormaDocuments
import FormaJSON
import Testing

@Suite("TOML 1.0 with positions")
struct TOMLReaderTests {
    private func pointer(_ tokens: String...) -> JSONPointer { JSONPointer(tokens: tokens) }

    @Test("tables, arrays of tables, dotted keys, inline tables, strings and numbers")
    func values() throws {
        let text = #"""
            title = "T"
            [project]
            name = 'forma'
            version.major = 1_000
            authors = [ { name = "Ada" }, ]
            [[bin]]
            path = """
            a\
              b"""
            [[bin]]
            flags = [0x10, 0o7, 0b11, -2.5e1, true]
            """#
        let document = try #require(try DocumentReader.read(text, format: .toml).first)
        #expect(document.value == [
            "title": "T",
            "project": ["name": "forma", "version": ["major": 1000], "authors": [["name": "Ada"]]],
            "bin": [["path": "ab"], ["flags": [16, 7, 3, .number(JSONNumber(-25)), true]]],
        ])
        #expect(document.position(of: pointer("project", "name")) == SourcePosition(line: 3, column: 8))
        #expect(document.keyPosition(of: pointer("project", "version", "major")) == SourcePosition(line: 4, column: 9))
        #expect(document.position(of: pointer("project", "authors", "0", "name")) == SourcePosition(line: 5, column: 22))
        #expect(document.position(of: pointer("bin", "1")) == SourcePosition(line: 10, column: 1))
        #expect(document.position(of: pointer("bin", "1", "flags", "3")) == SourcePosition(line: 11, column: 27))
    }

    @Test("datetimes become RFC 3339 strings; local dates and times stay as written")
    func datetimes() throws {
        let text = "a = 1979-05-27 07:32:00z\nb = 1979-05-27T00:32:00.999-07:00\nc = 1979-05-27\nd = 07:32:00\n"
        let document = try #require(try DocumentReader.read(text, format: .toml).first)
        #expect(document.value == [
            "a": "1979-05-27T07:32:00Z", "b": "1979-05-27T00:32:00.999-07:00", "c": "1979-05-27", "d": "07:32:00",
        ])
    }

    @Test("a table defined twice and a duplicate key are errors at the second definition")
    func duplicates() {
        let table = #expect(throws: DocumentError.self) { try DocumentReader.read("[a]\nx = 1\n[b]\n[a]\ny = 2\n", format: .toml) }
        #expect(table?.kind == .duplicateKey)
        #expect(table?.position == SourcePosition(line: 4, column: 1))
        let key = #expect(throws: DocumentError.self) { try DocumentReader.read("x = 1\n  x = 2\n", format: .toml) }
        #expect(key?.position == SourcePosition(line: 2, column: 3))
        let dotted = #expect(throws: DocumentError.self) { try DocumentReader.read("[a]\nb.c = 1\n[a.b]\n", format: .toml) }
        #expect(dotted?.kind == .duplicateKey)
        let inline = #expect(throws: DocumentError.self) { try DocumentReader.read("a = {b = 1}\n[a]\n", format: .toml) }
        #expect(inline?.kind == .duplicateKey)
    }

    @Test("inf/nan, invalid UTF-8, deep inline tables and bad syntax are located errors")
    func hostile() {
        let inf = #expect(throws: DocumentError.self) { try DocumentReader.read("x = inf\n", format: .toml) }
        #expect(inf?.kind == .unsupportedValue)
        let utf8 = #expect(throws: DocumentError.self) { try DocumentReader.read(Array("a = \"".utf8) + [0xFF, 0x22], format: .toml) }
        #expect(utf8?.kind == .invalidUTF8)
        let deep = String(repeating: "a = {", count: 1) + String(repeating: "b = {", count: 100_000)
        let tooDeep = #expect(throws: DocumentError.self) { try DocumentReader.read(deep, format: .toml) }
        #expect(tooDeep?.kind == .tooDeep)
        let syntax = #expect(throws: DocumentError.self) { try DocumentReader.read("a = 1\nb = [1, 2\n", format: .toml) }
        #expect(syntax?.kind == .syntax)
        let leadingZero = #expect(throws: DocumentError.self) { try DocumentReader.read("a = 012\n", format: .toml) }
        #expect(leadingZero?.position == SourcePosition(line: 1, column: 5))
    }

    /// Found by `scripts/fuzz toml`: `0xDE5AAAAAAAAAAAAA` was accepted (TOML integers are
    /// 64-bit signed) and its value did not survive a JSON round trip.
    @Test("integers beyond 64 bits are errors at the value; the 64-bit extremes and big floats are not",
          arguments: ["0xDE5AAAAAAAAAAAAA", "9223372036854775808", "-9223372036854775809", "0o1777777777777777777777", "+99999999999999999999"])
    func integersOutOfRange(literal: String) {
        let error = #expect(throws: DocumentError.self) { try DocumentReader.read("n = \(literal)\n", format: .toml) }
        #expect(error?.kind == .unsupportedValue)
        #expect(error?.position == SourcePosition(line: 1, column: 5))
        #expect(error?.message.contains("64 bits") == true)
    }

    @Test func integersAtTheLimits() throws {
        let document = try #require(try DocumentReader.read(
            "a = 9223372036854775807\nb = -9223372036854775808\nc = 0x7FFFFFFFFFFFFFFF\nd = 1e30\ne = 123456789012345678901.5\n",
            format: .toml).first)
        #expect(document.value["a"]?.number?.int64Value == .max)
        #expect(document.value["b"]?.number?.int64Value == .min)
        #expect(document.value["c"]?.number?.int64Value == .max)
        #expect(document.value["d"]?.number == JSONNumber(parsing: "1e30"))
        #expect(document.value["e"]?.number == JSONNumber(parsing: "123456789012345678901.5"))
    }

    /// Found by `scripts/fuzz toml`: each header and dotted key stayed under the depth limit
    /// while together they nested deeper than JSONParser (and the validator) accept.
    @Test("headers, dotted keys and values count toward one depth limit, as deep as JSON's")
    func depthAcrossHeadersAndDottedKeys() throws {
        let parts = { (count: Int) in Array(repeating: "a", count: count).joined(separator: ".") }
        let tooDeep = #expect(throws: DocumentError.self) {
            try DocumentReader.read("[\(parts(300))]\n\(parts(300)) = 1\n", format: .toml)
        }
        #expect(tooDeep?.kind == .tooDeep)
        #expect(tooDeep?.position.line == 2)
        let arrays = #expect(throws: DocumentError.self) {
            try DocumentReader.read("[\(parts(500))]\nx = [[[[[[[[[[[[1]]]]]]]]]]]]\n", format: .toml)
        }
        #expect(arrays?.kind == .tooDeep)
        // [[a]], [[a.a]], [[a.a.a]], …: each array of tables adds an array and an object.
        let tables = #expect(throws: DocumentError.self) {
            try DocumentReader.read((1...256).map { "[[\(parts($0))]]\n" }.joined(), format: .toml)
        }
        #expect(tables?.kind == .tooDeep)
        #expect(tables?.position.line == 256)
        // 511 tables under the root: the value of `x` sits 512 deep, what JSONParser accepts.
        let deepest = try #require(try DocumentReader.read("[\(parts(511))]\nx = 1\n", format: .toml).first)
        let text = deepest.value.serializedBytes()
        #expect(try text.withUnsafeBytes { try JSONParser.parse($0) } == deepest.value)
    }
}
