import FormaDocuments
import FormaJSON
import Testing

@Suite("JSON, JSONC and JSON5 with positions")
struct JSONTextReaderTests {
    private func pointer(_ tokens: String...) -> JSONPointer { JSONPointer(tokens: tokens) }

    @Test("JSON values and keys have 1-based lines and columns counted in scalars")
    func positions() throws {
        let text = "{\n  \"é😀\": [1,\n    {\"b\": true}],\n  \"c\": \"x\"\n}"
        let document = try #require(try DocumentReader.read(text, format: .json).first)
        #expect(document.position(of: .root) == SourcePosition(line: 1, column: 1))
        #expect(document.keyPosition(of: pointer("é😀")) == SourcePosition(line: 2, column: 3))
        #expect(document.position(of: pointer("é😀")) == SourcePosition(line: 2, column: 9))
        #expect(document.position(of: pointer("é😀", "0")) == SourcePosition(line: 2, column: 10))
        #expect(document.position(of: pointer("é😀", "1")) == SourcePosition(line: 3, column: 5))
        #expect(document.position(of: pointer("é😀", "1", "b")) == SourcePosition(line: 3, column: 11))
        #expect(document.position(of: pointer("c")) == SourcePosition(line: 4, column: 8))
        // A missing member falls back to its parent.
        #expect(document.position(of: pointer("é😀", "1", "missing")) == SourcePosition(line: 3, column: 5))
        #expect(document.value["c"] == .string("x"))
    }

    @Test("JSONC: comments and trailing commas are read, positions stay right")
    func jsonc() throws {
        let text = """
            // settings
            {
              /* block
                 comment */ "a": 1, // trailing
              "b": [2, 3,],
            }
            """
        let document = try #require(try DocumentReader.read(text, format: .jsonc).first)
        #expect(document.value == ["a": 1, "b": [2, 3]])
        #expect(document.position(of: pointer("a")) == SourcePosition(line: 4, column: 22))
        #expect(document.position(of: pointer("b", "1")) == SourcePosition(line: 5, column: 12))
        #expect(throws: DocumentError.self) { try DocumentReader.read(text, format: .json) }
    }

    @Test("vertical tab, form feed and no-break space are whitespace in JSON5 only", arguments: ["\u{0B}", "\u{0C}", "\u{A0}"])
    func json5OnlyWhitespace(space: String) throws {
        // A `case 0x0B, 0x0C where json5` once let a vertical tab through in JSON and JSONC.
        let text = "\(space)[1,\(space)2]"
        for format in [DocumentFormat.json, .jsonc] {
            let error = #expect(throws: DocumentError.self) { try DocumentReader.read(text, format: format) }
            #expect(error?.position == SourcePosition(line: 1, column: 1))
        }
        #expect(try DocumentReader.read(text, format: .json5).first?.value == [1, 2])
    }

    @Test("an unterminated /* comment is an error at its start")
    func unterminatedComment() {
        let error = #expect(throws: DocumentError.self) { try DocumentReader.read("{\"a\": 1 /* never closed\n", format: .jsonc) }
        #expect(error?.position == SourcePosition(line: 1, column: 9))
        #expect(error?.message.contains("unterminated") == true)
    }

    @Test("JSON5: unquoted keys, single quotes, hex, leading and trailing points, + sign")
    func json5() throws {
        let text = "{unquoted: 'single \\'q\\'', hex: 0x1F, lead: .5, trail: 5., plus: +3, s: 'a\\\nb',}"
        let document = try #require(try DocumentReader.read(text, format: .json5).first)
        #expect(document.value["unquoted"] == .string("single 'q'"))
        #expect(document.value["hex"] == .number(JSONNumber(31)))
        #expect(document.value["lead"] == .number(JSONNumber(parsing: "0.5")!))
        #expect(document.value["trail"] == .number(JSONNumber(5)))
        #expect(document.value["plus"] == .number(JSONNumber(3)))
        #expect(document.value["s"] == .string("ab"))
        #expect(document.keyPosition(of: pointer("hex")) == SourcePosition(line: 1, column: 28))
        let error = #expect(throws: DocumentError.self) { try DocumentReader.read("{a: Infinity}", format: .json5) }
        #expect(error?.kind == .unsupportedValue)
    }

    @Test("duplicate keys, invalid UTF-8 and deep nesting are located errors")
    func hostile() {
        let duplicate = #expect(throws: DocumentError.self) { try DocumentReader.read("{\"a\": 1,\n \"a\": 2}", format: .json) }
        #expect(duplicate?.kind == .duplicateKey)
        #expect(duplicate?.position == SourcePosition(line: 2, column: 2))
        let utf8 = #expect(throws: DocumentError.self) { try DocumentReader.read([0x7B, 0x0A, 0x22, 0xFF, 0x22], format: .jsonc) }
        #expect(utf8?.kind == .invalidUTF8)
        #expect(utf8?.position.line == 2)
        let deep = String(repeating: "[", count: 100_000)
        let tooDeep = #expect(throws: DocumentError.self) { try DocumentReader.read(deep, format: .json5) }
        #expect(tooDeep?.kind == .tooDeep)
    }
}

@Suite("JSONPositionScanner agrees with the positional reader")
struct JSONPositionScannerTests {
    @Test("values, keys, array items, escaped keys and missing members")
    func agrees() throws {
        let text = "{\"a\": [1, {\"b\\n\": \"x\", \"c\": [true, null, {\"d\": -1.5e3}]}],\n \"e\\u00e9\": {\"f\": \"é😀\", \"g\": 2}}"
        let document = try #require(try DocumentReader.read(text, format: .json).first)
        let pointers: [[String]] = [
            [], ["a"], ["a", "0"], ["a", "1"], ["a", "1", "b\n"], ["a", "1", "c", "2", "d"], ["eé"], ["eé", "g"],
            ["eé", "missing"], ["a", "9"],
        ]
        var utf8 = Array(text.utf8)
        for tokens in pointers {
            let pointer = JSONPointer(tokens: tokens)
            let value = utf8.withUnsafeMutableBytes { JSONPositionScanner.position(of: pointer, in: UnsafeRawBufferPointer($0)) }
            #expect(value == document.position(of: pointer), "\(pointer)")
            let key = utf8.withUnsafeMutableBytes { JSONPositionScanner.position(of: pointer, key: true, in: UnsafeRawBufferPointer($0)) }
            #expect(key == document.keyPosition(of: pointer), "\(pointer) key")
        }
    }
}
