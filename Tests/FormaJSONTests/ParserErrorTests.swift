import Testing
@testable import FormaJSON

@Suite("JSONParser — errors with exact positions")
struct ParserErrorTests {
    /// The error that parsing `text` throws.
    func error(_ text: String, options: JSONParser.Options = .init()) throws -> JSONParseError {
        try #require(throws: JSONParseError.self) { try JSONParser.parse(text, options: options) }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var kind: JSONParseError.Kind
        var offset: Int
        var testDescription: String { text.debugDescription }
    }

    static let cases: [Case] = [
        Case(text: "", kind: .unexpectedEndOfInput, offset: 0),
        Case(text: "   ", kind: .unexpectedEndOfInput, offset: 3),
        Case(text: "[1, 2", kind: .unexpectedEndOfInput, offset: 5),
        Case(text: "{\"a\"", kind: .unexpectedEndOfInput, offset: 4),
        Case(text: "{\"a\":", kind: .unexpectedEndOfInput, offset: 5),
        Case(text: "\"abc", kind: .unexpectedEndOfInput, offset: 4),
        Case(text: "tru", kind: .unexpectedEndOfInput, offset: 3),
        Case(text: "trux", kind: .unexpectedCharacter, offset: 3),
        Case(text: "nul", kind: .unexpectedEndOfInput, offset: 3),
        Case(text: "True", kind: .unexpectedCharacter, offset: 0),
        Case(text: "[1,]", kind: .unexpectedCharacter, offset: 3),
        Case(text: "{\"a\":1,}", kind: .unexpectedCharacter, offset: 7),
        Case(text: "{\"a\" 1}", kind: .unexpectedCharacter, offset: 5),
        Case(text: "{a:1}", kind: .unexpectedCharacter, offset: 1),
        Case(text: "{'a':1}", kind: .unexpectedCharacter, offset: 1),
        Case(text: "[1 2]", kind: .unexpectedCharacter, offset: 3),
        Case(text: "{\"a\":1 \"b\":2}", kind: .unexpectedCharacter, offset: 7),
        Case(text: "[1}", kind: .unexpectedCharacter, offset: 2),
        Case(text: "{\"a\":1]", kind: .unexpectedCharacter, offset: 6),
        Case(text: "1 2", kind: .trailingContent, offset: 2),
        Case(text: "{} x", kind: .trailingContent, offset: 3),
        Case(text: "[]]", kind: .trailingContent, offset: 2),
        Case(text: "\"a\"\"b\"", kind: .trailingContent, offset: 3),
        Case(text: "// c\n1", kind: .unexpectedCharacter, offset: 0),
        Case(text: "[1 /* c */]", kind: .unexpectedCharacter, offset: 3),
        Case(text: "NaN", kind: .unexpectedCharacter, offset: 0),
        Case(text: "Infinity", kind: .unexpectedCharacter, offset: 0),
        Case(text: "-Infinity", kind: .invalidNumber, offset: 1),
        Case(text: "+1", kind: .unexpectedCharacter, offset: 0),
        Case(text: ".5", kind: .unexpectedCharacter, offset: 0),
        Case(text: "1.", kind: .invalidNumber, offset: 2),
        Case(text: "1.e5", kind: .invalidNumber, offset: 2),
        Case(text: "01", kind: .invalidNumber, offset: 1),
        Case(text: "-01", kind: .invalidNumber, offset: 2),
        Case(text: "00", kind: .invalidNumber, offset: 1),
        Case(text: "-", kind: .invalidNumber, offset: 1),
        Case(text: "- 1", kind: .invalidNumber, offset: 1),
        Case(text: "1e", kind: .invalidNumber, offset: 2),
        Case(text: "1e+", kind: .invalidNumber, offset: 3),
        Case(text: "1E-x", kind: .invalidNumber, offset: 3),
        Case(text: "0x10", kind: .trailingContent, offset: 1),
        Case(text: "[0x10]", kind: .unexpectedCharacter, offset: 2),
        Case(text: "1.5.2", kind: .trailingContent, offset: 3),
        Case(text: "\u{FEFF}1", kind: .unexpectedCharacter, offset: 0),
        Case(text: "\u{A0}1", kind: .unexpectedCharacter, offset: 0),
        Case(text: "\u{0C}1", kind: .unexpectedCharacter, offset: 0),
    ]

    @Test(arguments: cases)
    func rejects(_ c: Case) throws {
        let e = try error(c.text)
        #expect(e.kind == c.kind)
        #expect(e.byteOffset == c.offset)
    }

    @Test func descriptionNamesLineColumnAndByte() throws {
        let text = "{\n  \"a\": 1,\n  \"b\": 2 x\n}"
        let e = try error(text)
        #expect(e.kind == .unexpectedCharacter)
        #expect(e.byteOffset == 21)
        #expect(e.line == 3)
        #expect(e.column == 10)
        #expect(e.description == "line 3, column 10 (byte 21): expected ',' or '}' after object member, found 'x'")
    }

    @Test func columnCountsUnicodeScalarsNotBytes() throws {
        // "é" is two bytes and "🚀" four, but each is one column.
        let e = try error("[\"é🚀\", x]")
        #expect(e.byteOffset == 11)
        #expect(e.line == 1)
        #expect(e.column == 8)
    }

    @Test func lineBreaksIncludeCRLFAndLoneCR() throws {
        let crlf = try error("[\r\n1,\r\n\r\nx]")
        #expect(crlf.line == 4)
        #expect(crlf.column == 1)
        let cr = try error("[\r1,\rx]")
        #expect(cr.line == 3)
        #expect(cr.column == 1)
    }

    @Test func endOfInputPosition() throws {
        let e = try error("{\n\"a\": [1,\n")
        #expect(e.kind == .unexpectedEndOfInput)
        #expect(e.byteOffset == 11)
        #expect(e.line == 3)
        #expect(e.column == 1)
        #expect(e.description.hasSuffix("expected a value, found end of input"))
    }

    @Test func messagesDescribeWhatWasFound() throws {
        #expect(try error("[1,]").message == "expected a value, found ']'")
        #expect(try error("{\"a\" 1}").message == "expected ':' after object key, found '1'")
        #expect(try error("{1:2}").message == "expected a string key, found '1'")
        #expect(try error("[1\t2]").message == "expected ',' or ']' after array element, found '2'")
        #expect(try error("[\u{01}]").message == "expected a value, found byte 0x01")
        #expect(try error("1 x").message.contains("after the JSON value"))
        #expect(try error("01").message.contains("leading zeros"))
    }

    @Test func errorsAreEquatable() throws {
        #expect(try error("[1,]") == error("[1,]"))
        #expect(try error("[1,]") != error("[1,,]"))
        #expect(JSONParseError.Kind.invalidNumber.description == "invalidNumber")
    }
}
