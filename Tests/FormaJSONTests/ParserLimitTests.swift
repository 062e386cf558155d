import Testing
@testable import FormaJSON

@Suite("JSONParser — depth and size limits")
struct ParserLimitTests {
    @Test func hundredThousandNestedArraysFailCleanly() throws {
        let text = String(repeating: "[", count: 100_000)
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse(text) }
        #expect(error.kind == .depthLimitExceeded)
        #expect(error.byteOffset == 512)
        #expect(error.line == 1 && error.column == 513)
        #expect(clock.now - start < .seconds(5))
    }

    @Test func hundredThousandNestedObjectsFailCleanly() throws {
        let text = String(repeating: "{\"a\":", count: 100_000)
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse(text) }
        #expect(error.kind == .depthLimitExceeded)
        #expect(error.byteOffset == 512 * 5)
    }

    @Test func depthLimitIsExact() throws {
        let options = JSONParser.Options(maxDepth: 3)
        #expect(try JSONParser.parse("[[[1]]]", options: options) == [[[1]]])
        #expect(try JSONParser.parse("[{\"a\":[]}]", options: options) == [["a": []]])
        let error = try #require(throws: JSONParseError.self) {
            try JSONParser.parse("[[[[1]]]]", options: options)
        }
        #expect(error.kind == .depthLimitExceeded)
        #expect(error.byteOffset == 3)
        // Scalars need no depth at all.
        #expect(try JSONParser.parse("1", options: JSONParser.Options(maxDepth: 0)) == 1)
        #expect(throws: JSONParseError.self) { try JSONParser.parse("[]", options: JSONParser.Options(maxDepth: 0)) }
    }

    @Test func deepNestingWithinARaisedLimitDoesNotRecurse() throws {
        // The explicit stack handles 5,000 levels when the caller allows it.
        let depth = 5_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let value = try JSONParser.parse(text, options: JSONParser.Options(maxDepth: depth))
        #expect(value.array?.count == 1)
        var current = value
        var levels = 0
        while case .array(let inner) = current, let first = inner.first {
            current = first
            levels += 1
        }
        #expect(levels == depth - 1)
    }

    @Test func unlimitedDepthStillFailsCleanlyOnUnterminatedNesting() throws {
        let text = String(repeating: "[", count: 100_000)
        let error = try #require(throws: JSONParseError.self) {
            try JSONParser.parse(text, options: JSONParser.Options(maxDepth: .max))
        }
        #expect(error.kind == .unexpectedEndOfInput)
        #expect(error.byteOffset == 100_000)
    }

    @Test func sizeLimitIsCheckedBeforeParsing() throws {
        let options = JSONParser.Options(maxBytes: 10)
        #expect(try JSONParser.parse("[1,2,3,45]", options: options) == [1, 2, 3, 45])
        // Over the limit even though the text is also invalid: the size is checked first.
        let error = try #require(throws: JSONParseError.self) {
            try JSONParser.parse("[1,2,3,456", options: JSONParser.Options(maxBytes: 9))
        }
        #expect(error.kind == .sizeLimitExceeded)
        #expect(error.byteOffset == 0)
        #expect(error.message.contains("10 bytes"))
    }

    /// A 100 MB string value: one JSON line of `"aaaa…"`.
    static func hugeLine() -> [UInt8] {
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 100_000_000)
        bytes[0] = UInt8(ascii: "\"")
        bytes[bytes.count - 1] = UInt8(ascii: "\"")
        return bytes
    }

    @Test func hundredMegabyteLineExceedsTheDefaultLimit() throws {
        let bytes = Self.hugeLine()
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        #expect(error.kind == .sizeLimitExceeded)
        #expect(clock.now - start < .seconds(1))
    }

    @Test func hundredMegabyteLineParsesWithoutALimit() throws {
        let bytes = Self.hugeLine()
        let value = try JSONParser.parse(bytes, options: JSONParser.Options(maxBytes: .max))
        let string = try #require(value.string)
        #expect(string.utf8.count == 99_999_998)
        #expect(string.utf8.first == UInt8(ascii: "a") && string.utf8.last == UInt8(ascii: "a"))
    }

    @Test func defaultOptions() {
        let options = JSONParser.Options()
        #expect(options.maxDepth == 512)
        #expect(options.maxBytes == 64 << 20)
    }
}
