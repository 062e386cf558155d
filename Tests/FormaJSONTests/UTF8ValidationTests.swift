import Testing
@testable import FormaJSON

@Suite("JSONParser — UTF-8 validation")
struct UTF8ValidationTests {
    /// The bytes of a JSON string literal whose content is `content`.
    static func quoted(_ content: [UInt8]) -> [UInt8] { [0x22] + content + [0x22] }

    struct Bad: Sendable, CustomTestStringConvertible {
        var name: String
        var content: [UInt8]
        /// Offset of the bad sequence's first byte inside the content.
        var at: Int = 0
        var testDescription: String { name }
    }

    static let invalid: [Bad] = [
        Bad(name: "overlong 2-byte slash", content: [0xC0, 0xAF]),
        Bad(name: "overlong 2-byte C1", content: [0xC1, 0xBF]),
        Bad(name: "overlong 3-byte", content: [0xE0, 0x80, 0xAF]),
        Bad(name: "overlong 3-byte U+07FF", content: [0xE0, 0x9F, 0xBF]),
        Bad(name: "overlong 4-byte", content: [0xF0, 0x80, 0x80, 0xAF]),
        Bad(name: "overlong 4-byte U+FFFF", content: [0xF0, 0x8F, 0xBF, 0xBF]),
        Bad(name: "encoded high surrogate U+D800", content: [0xED, 0xA0, 0x80]),
        Bad(name: "encoded low surrogate U+DFFF", content: [0xED, 0xBF, 0xBF]),
        Bad(name: "above U+10FFFF", content: [0xF4, 0x90, 0x80, 0x80]),
        Bad(name: "lead F5", content: [0xF5, 0x80, 0x80, 0x80]),
        Bad(name: "byte FE", content: [0xFE]),
        Bad(name: "byte FF", content: [0xFF]),
        Bad(name: "lone continuation 80", content: [0x80]),
        Bad(name: "lone continuation BF after ASCII", content: [0x61, 0x62, 0xBF], at: 2),
        Bad(name: "truncated 2-byte", content: [0xC3]),
        Bad(name: "truncated 3-byte", content: [0xE2, 0x82]),
        Bad(name: "truncated 4-byte", content: [0xF0, 0x9F, 0x98]),
        Bad(name: "bad second byte", content: [0xC3, 0x28]),
        Bad(name: "bad third byte", content: [0xE2, 0x82, 0x28]),
        Bad(name: "bad fourth byte", content: [0xF0, 0x9F, 0x98, 0x41]),
        Bad(name: "after 16 ASCII bytes", content: Array("0123456789abcdef".utf8) + [0xC0, 0x80], at: 16),
        Bad(name: "after an escape", content: Array(#"\n"#.utf8) + [0xED, 0xA0, 0x80], at: 2),
    ]

    @Test(arguments: invalid)
    func rejects(_ bad: Bad) throws {
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse(Self.quoted(bad.content)) }
        #expect(error.kind == .invalidUTF8)
        #expect(error.byteOffset == 1 + bad.at)
    }

    @Test func invalidUTF8InAKey() throws {
        let bytes = Array(#"{""#.utf8) + [0xC3] + Array(#"":1}"#.utf8)
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        #expect(error.kind == .invalidUTF8)
        #expect(error.byteOffset == 2)
    }

    @Test func truncatedSequenceAtEndOfInput() throws {
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xF0, 0x9F]) }
        #expect(error.kind == .invalidUTF8)
        #expect(error.byteOffset == 1)
    }

    @Test(arguments: [
        ([0xC2, 0x80] as [UInt8], "\u{80}"),
        ([0xDF, 0xBF], "\u{7FF}"),
        ([0xE0, 0xA0, 0x80], "\u{800}"),
        ([0xED, 0x9F, 0xBF], "\u{D7FF}"),
        ([0xEE, 0x80, 0x80], "\u{E000}"),
        ([0xEF, 0xBF, 0xBF], "\u{FFFF}"),
        ([0xF0, 0x90, 0x80, 0x80], "\u{10000}"),
        ([0xF4, 0x8F, 0xBF, 0xBF], "\u{10FFFF}"),
        ([0x7F], "\u{7F}"),
    ])
    func acceptsBoundaryScalars(_ content: [UInt8], _ expected: String) throws {
        #expect(try JSONParser.parse(Self.quoted(content)) == .string(expected))
        // Also with a preceding escape, which takes the slow path.
        #expect(try JSONParser.parse(Self.quoted(Array(#"\t"#.utf8) + content)) == .string("\t" + expected))
    }

    @Test func nonASCIIOutsideStringsIsUnexpected() throws {
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse([0x5B, 0xC3, 0xA9, 0x5D]) }
        #expect(error.kind == .unexpectedCharacter)
        #expect(error.byteOffset == 1)
    }

    @Test func mixedScriptsRoundTrip() throws {
        let text = "\"Grüße, 世界! 🚀 Ω≈ç√ — ok\""
        #expect(try JSONParser.parse(text) == .string("Grüße, 世界! 🚀 Ω≈ç√ — ok"))
    }
}
