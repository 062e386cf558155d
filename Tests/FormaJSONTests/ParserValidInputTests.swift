import Testing
@testable import FormaJSON

@Suite("JSONParser — valid inputs")
struct ParserValidInputTests {
    @Test func scalars() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse("true") == .bool(true))
        #expect(try JSONParser.parse("false") == .bool(false))
        #expect(try JSONParser.parse("42") == .number(JSONNumber(42)))
        #expect(try JSONParser.parse("-7") == .number(JSONNumber(-7)))
        #expect(try JSONParser.parse("\"hi\"") == .string("hi"))
        #expect(try JSONParser.parse("\"\"") == .string(""))
    }

    @Test func surroundingWhitespaceIsAllowed() throws {
        #expect(try JSONParser.parse(" \t\r\n[1 , 2 ]\n\r\t ") == [1, 2])
        #expect(try JSONParser.parse("\n{ \"a\" :\t1 }\n") == ["a": 1])
    }

    @Test func emptyContainers() throws {
        #expect(try JSONParser.parse("[]") == .array([]))
        #expect(try JSONParser.parse("{}") == .object(JSONObject()))
        #expect(try JSONParser.parse("[ ]") == .array([]))
        #expect(try JSONParser.parse("{ \n }") == .object(JSONObject()))
        #expect(try JSONParser.parse("[[],{},[[]]]") == [[], [:], [[]]])
    }

    @Test func nestedDocument() throws {
        let text = #"""
            {"invoice": "INV-1", "total": 19.99, "paid": false, "note": null,
             "lineItems": [{"sku": "A", "qty": 2}, {"sku": "B", "qty": 1, "tags": ["x", "y"]}]}
            """#
        let value = try JSONParser.parse(text)
        #expect(value["invoice"] == "INV-1")
        #expect(value["total"]?.number == JSONNumber(parsing: "19.99"))
        #expect(value["paid"] == false)
        #expect(value["note"] == .null)
        #expect(value["lineItems"]?[1]?["tags"]?[1] == "y")
        #expect(value["lineItems"]?.array?.count == 2)
        #expect(value.object?.keys == ["invoice", "total", "paid", "note", "lineItems"])
    }

    @Test func objectKeepsInsertionOrder() throws {
        let value = try JSONParser.parse(#"{"z": 1, "a": 2, "m": 3}"#)
        #expect(value.object?.keys == ["z", "a", "m"])
    }

    @Test func duplicateKeysLastValueWinsFirstPositionKept() throws {
        let value = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.object?.keys == ["a", "b"])
        #expect(value["a"] == 3)
        #expect(value.object?.count == 2)
    }

    @Test func duplicateKeysInLargeObject() throws {
        // More members than JSONObject's index threshold, so the hashed path is used too.
        var text = "{"
        for i in 0..<30 { text += "\"k\(i)\": \(i), " }
        text += "\"k3\": \"again\", \"k29\": null}"
        let object = try #require(try JSONParser.parse(text).object)
        #expect(object.count == 30)
        #expect(object["k3"] == "again")
        #expect(object["k29"] == .null)
        #expect(object.keys[3] == "k3")
        #expect(object["k17"] == 17)
    }

    @Test func entryPointsAgree() throws {
        let text = #"{"a": [1, "é", true]}"#
        let expected: JSONValue = ["a": [1, "é", true]]
        let bytes = Array(text.utf8)
        #expect(try JSONParser.parse(text) == expected)
        #expect(try JSONParser.parse(Substring(text)) == expected)
        #expect(try JSONParser.parse(bytes) == expected)
        #expect(try JSONParser.parse(bytes[...]) == expected)
        #expect(try bytes.withUnsafeBytes { try JSONParser.parse($0) } == expected)
        #expect(try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) } == expected)
        // A non-contiguous collection is copied first.
        #expect(try JSONParser.parse(bytes.lazy.map { $0 }) == expected)
    }

    @Test func sliceOffsetsCountFromTheSliceStart() throws {
        let bytes = Array("xxxx[1,}".utf8)
        let error = try #require(throws: JSONParseError.self) { try JSONParser.parse(bytes[4...]) }
        #expect(error.byteOffset == 3)
    }

    @Test func substringOfLargerString() throws {
        let line = "ignored {\"a\":1} ignored"
        let start = try #require(line.firstIndex(of: "{"))
        let end = try #require(line.firstIndex(of: "}"))
        #expect(try JSONParser.parse(line[start...end]) == ["a": 1])
    }

    @Test func longStringsCrossWordBoundaries() throws {
        // Strings of every length around the 8-byte fast path, with the special byte last.
        for n in 0..<40 {
            let plain = String(repeating: "a", count: n)
            #expect(try JSONParser.parse("\"\(plain)\"") == .string(plain))
            #expect(try JSONParser.parse("\"\(plain)é\"") == .string(plain + "é"))
            #expect(try JSONParser.parse("\"\(plain)\\n\"") == .string(plain + "\n"))
        }
    }

    @Test func deepButAllowedNesting() throws {
        let depth = 512
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONParser.parse(text)
        var levels = 0
        while let inner = value.array {
            levels += 1
            value = inner.first ?? .null
        }
        #expect(levels == depth)
    }

    @Test func nonASCIIKeysAndValues() throws {
        let value = try JSONParser.parse(#"{"名前": "Ada 🚀", "ü": "ß"}"#)
        #expect(value["名前"] == "Ada 🚀")
        #expect(value["ü"] == "ß")
    }
}
