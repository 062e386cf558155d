import Testing
@testable import FormaJSON

@Suite("JSONParser — escapes, surrogates and control characters")
struct EscapeTests {
    func parsedString(_ json: String) throws -> String? {
        try JSONParser.parse(json).string
    }

    func error(_ json: String) throws -> JSONParseError {
        try #require(throws: JSONParseError.self) { try JSONParser.parse(json) }
    }

    @Test func simpleEscapes() throws {
        #expect(try parsedString(#""\"\\\/\b\f\n\r\t""#) == "\"\\/\u{08}\u{0C}\n\r\t")
        #expect(try parsedString(#""a\nb""#) == "a\nb")
        #expect(try parsedString(#""\\""#) == "\\")
        #expect(try parsedString(#""x\"""#) == "x\"")
    }

    @Test func unicodeEscapes() throws {
        #expect(try parsedString(#""\u0041""#) == "A")
        #expect(try parsedString(#""\u00e9\u00E9""#) == "éé")
        #expect(try parsedString(#""\u20AC""#) == "€")
        #expect(try parsedString(#""\u0000""#) == "\u{0}")
        #expect(try parsedString(#""\u001f""#) == "\u{1F}")
        #expect(try parsedString(#""\uFFFF""#) == "\u{FFFF}")
        #expect(try parsedString(#""caf\u00e9 \u2014 ok""#) == "café — ok")
    }

    @Test func surrogatePairs() throws {
        #expect(try parsedString(#""\uD83D\uDE80""#) == "🚀")
        #expect(try parsedString(#""\ud83d\ude80""#) == "🚀")
        #expect(try parsedString(#""\uD800\uDC00""#) == "\u{10000}")
        #expect(try parsedString(#""\uDBFF\uDFFF""#) == "\u{10FFFF}")
        #expect(try parsedString(#""a\uD83D\uDE00b""#) == "a😀b")
    }

    @Test(arguments: [
        (#""\uD800""#, 1),
        (#""\uD800x""#, 1),
        (#""\uD800\n""#, 1),
        (#""\uD800\u0041""#, 1),
        (#""\uD800\uD800""#, 1),
        (#""\uDBFF\uE000""#, 1),
        (#""\uDC00""#, 1),
        (#""\uDFFF\uD800""#, 1),
        (#""ab\uDE80""#, 3),
        (#""\uD83D\uDE80\uDE80""#, 13),
    ])
    func loneSurrogates(_ json: String, _ offset: Int) throws {
        let e = try error(json)
        #expect(e.kind == .loneSurrogate)
        #expect(e.byteOffset == offset)
    }

    @Test(arguments: [#""\x""#, #""\U0041""#, #""\'""#, #""\a""#, #""\0""#, #""\ ""#])
    func invalidEscapes(_ json: String) throws {
        let e = try error(json)
        #expect(e.kind == .invalidEscape)
        #expect(e.byteOffset == 1)
    }

    @Test(arguments: [#""\u12""#, #""\u12G4""#, #""\uZZZZ""#, #""\u""#, #""\u-123""#])
    func invalidUnicodeEscapes(_ json: String) throws {
        let e = try error(json)
        #expect(e.kind == .invalidUnicodeEscape)
        #expect(e.byteOffset == 1)
    }

    @Test func invalidSecondHalfOfAPair() throws {
        let e = try error(#""\uD83D\uDE8""#)
        #expect(e.kind == .invalidUnicodeEscape)
        #expect(e.byteOffset == 7)
    }

    @Test func unterminatedEscape() throws {
        let e = try error(#""abc\"#)
        #expect(e.kind == .unexpectedEndOfInput)
        #expect(e.byteOffset == 5)
        let quoteEscaped = try error(#""abc\""#)
        #expect(quoteEscaped.kind == .unexpectedEndOfInput)
    }

    @Test(arguments: [UInt8(0x00), 0x01, 0x09, 0x0A, 0x0D, 0x1F])
    func rawControlCharactersAreRejected(_ byte: UInt8) throws {
        for bytes in [[0x22, 0x61, byte, 0x22], [0x22, 0x5C, 0x6E, byte, 0x22]] as [[UInt8]] {
            let e = try #require(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
            #expect(e.kind == .controlCharacterInString)
            #expect(e.byteOffset == bytes.count - 2)
        }
    }

    @Test func escapesInKeys() throws {
        let value = try JSONParser.parse(#"{"a\u0062": 1, "\n": 2, "a\/b": 3}"#)
        #expect(value["ab"] == 1)
        #expect(value["\n"] == 2)
        #expect(value["a/b"] == 3)
    }

    @Test func keysWithEscapesAndDuplicatesCollapse() throws {
        // "a" and "\u0061" are the same key once decoded.
        let value = try JSONParser.parse(#"{"a": 1, "\u0061": 2}"#)
        #expect(value.object?.count == 1)
        #expect(value["a"] == 2)
    }

    @Test func manyEscapedStringsReuseScratchCorrectly() throws {
        let value = try JSONParser.parse(#"["\u00e9x", "\ty", "plain", "\"long string with an escape at the end\n"]"#)
        #expect(value == ["éx", "\ty", "plain", "\"long string with an escape at the end\n"])
    }
}
