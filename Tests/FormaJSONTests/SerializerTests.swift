import Testing
@testable import FormaJSON

@Suite("JSONValue serialization")
struct SerializerTests {
    let sample: JSONValue = [
        "name": "Ada", "age": 36, "ratio": 0.0075, "tags": ["math", "poetry"], "address": nil,
        "nested": ["b": true, "a": []], "empty": [:],
    ]

    @Test func compact() {
        #expect(sample.serialized() == #"{"name":"Ada","age":36,"ratio":0.0075,"tags":["math","poetry"],"address":null,"nested":{"b":true,"a":[]},"empty":{}}"#)
        #expect(sample.serialized(.compact) == sample.serialized())
        #expect(sample.description == sample.serialized())
    }

    @Test func pretty() {
        let expected = """
            {
              "name": "Ada",
              "age": 36,
              "ratio": 0.0075,
              "tags": [
                "math",
                "poetry"
              ],
              "address": null,
              "nested": {
                "b": true,
                "a": []
              },
              "empty": {}
            }
            """
        #expect(sample.serialized(.pretty) == expected)
    }

    @Test func sortedKeys() {
        let compactSorted = JSONSerializationStyle(pretty: false, sortedKeys: true)
        #expect(sample.serialized(compactSorted) == #"{"address":null,"age":36,"empty":{},"name":"Ada","nested":{"a":[],"b":true},"ratio":0.0075,"tags":["math","poetry"]}"#)
        let prettySorted = JSONSerializationStyle.pretty.sortingKeys
        #expect(prettySorted == JSONSerializationStyle(pretty: true, sortedKeys: true))
        #expect((["b": 1, "a": ["d": 1, "c": 2]] as JSONValue).serialized(prettySorted) == """
            {
              "a": {
                "c": 2,
                "d": 1
              },
              "b": 1
            }
            """)
    }

    @Test func sortedKeysUseCodePointOrder() {
        let value: JSONValue = ["é": 1, "z": 2, "Z": 3, "a": 4, "": 5, "aa": 6]
        #expect(value.serialized(JSONSerializationStyle(sortedKeys: true)) == #"{"":5,"Z":3,"a":4,"aa":6,"z":2,"é":1}"#)
    }

    @Test func scalars() {
        #expect(JSONValue.null.serialized() == "null")
        #expect(JSONValue.bool(true).serialized() == "true")
        #expect(JSONValue.bool(false).serialized(.pretty) == "false")
        #expect(JSONValue.string("x").serialized(.pretty) == "\"x\"")
        #expect(JSONValue.array([]).serialized(.pretty) == "[]")
    }

    @Test(arguments: [
        ("0", "0"), ("-0", "0"), ("-7", "-7"), ("9223372036854775807", "9223372036854775807"),
        ("-9223372036854775808", "-9223372036854775808"), ("1.0", "1"), ("1e2", "100"),
        ("12345678901234567890123", "1.2345678901234567890123e+22"), ("1e308", "1e+308"),
        ("-0.0075", "-0.0075"), ("10", "10"), ("1000", "1000"),
    ])
    func numbers(_ literal: String, _ expected: String) throws {
        let value = try JSONParser.parse(literal)
        #expect(value.serialized() == expected)
    }

    @Test func stringEscaping() {
        #expect(JSONValue.string("a\"b\\c").serialized() == #""a\"b\\c""#)
        #expect(JSONValue.string("\n\r\t\u{08}\u{0C}").serialized() == #""\n\r\t\b\f""#)
        #expect(JSONValue.string("\u{0}\u{1}\u{1F}\u{7F}").serialized() == "\"\\u0000\\u0001\\u001f\u{7F}\"")
        #expect(JSONValue.string("a/b").serialized() == #""a/b""#)
        #expect(JSONValue.string("café 🚀 世界").serialized() == "\"café 🚀 世界\"")
        #expect(JSONValue.string("").serialized() == #""""#)
        #expect((["k\"ey\n": "v"] as JSONValue).serialized() == #"{"k\"ey\n":"v"}"#)
    }

    @Test func bytesMatchString() {
        #expect(sample.serializedBytes() == Array(sample.serialized().utf8))
        #expect(sample.serializedBytes(.pretty) == Array(sample.serialized(.pretty).utf8))
        #expect(JSONValue.string("é").serializedBytes() == [0x22, 0xC3, 0xA9, 0x22])
    }

    @Test func insertionOrderIsStable() throws {
        let text = #"{"z":1,"a":2,"m":{"y":1,"b":2}}"#
        #expect(try JSONParser.parse(text).serialized() == text)
    }
}

@Suite("JSONValue serialization — numbers match JSONNumber.description")
struct SerializerNumberTests {
    @Test func randomDecimalsMatchDescription() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            let sign = rng.next() % 2 == 0 ? "-" : ""
            let digits = String(rng.next() >> Int(rng.next() % 64))
            let literal = "\(sign)\(digits)e\(Int(rng.next() % 70) - 35)"
            let number = try #require(JSONNumber(parsing: literal))
            #expect(JSONValue.number(number).serialized() == number.description, "\(literal)")
        }
    }

    @Test(arguments: ["0.0075", "19.99", "1.5e-3", "1e+21", "1.5e+300", "0.000001", "1.5e-7", "-123.456", "1e-7", "100000000000000000000"])
    func layouts(_ literal: String) throws {
        let number = try #require(JSONNumber(parsing: literal))
        #expect(JSONValue.number(number).serialized() == number.description)
        #expect(try JSONParser.parse(JSONValue.number(number).serialized()).number == number)
    }
}
