import Testing
@testable import FormaJSON

@Suite("Round trip: parse → serialize → parse")
struct RoundTripTests {
    static let documents: [String] = [
        #"{"invoice":"INV-7","total":19.99,"lineItems":[{"sku":"A","qty":2,"price":0.0075}],"paid":false,"note":null}"#,
        #"[1,-0,1e308,12345678901234567890123,0.1,-1.5e-300,[],{},[[[]]]]"#,
        #"{"escapes":"\"\\\/\b\f\n\r\t\u0000\u001f\u00e9\ud83d\ude80","empty":"","unicode":"Grüße 世界"}"#,
        #"{"a":{"a":{"a":{"a":[true,false,null]}}}}"#,
        #""just a string""#,
        "  [ 1 , 2 ,\n 3 ]  ",
    ]

    @Test(arguments: documents)
    func roundTrips(_ text: String) throws {
        let value = try JSONParser.parse(text)
        for style in [JSONSerializationStyle.compact, .pretty, .compact.sortingKeys, .pretty.sortingKeys] {
            let again = try JSONParser.parse(value.serialized(style))
            #expect(again == value)
        }
        // Compact output is a fixed point.
        let compact = value.serialized()
        #expect(try JSONParser.parse(compact).serialized() == compact)
    }

    @Test func generatedValuesRoundTrip() throws {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let value = Self.randomValue(depth: 0, rng: &rng)
            #expect(try JSONParser.parse(value.serialized()) == value)
            #expect(try JSONParser.parse(value.serializedBytes(.pretty)) == value)
        }
    }

    static func randomValue(depth: Int, rng: inout SplitMix64) -> JSONValue {
        let pick = depth > 3 ? rng.next() % 5 : rng.next() % 7
        switch pick {
        case 0: return .null
        case 1: return .bool(rng.next() % 2 == 0)
        case 2: return .number(JSONNumber(Int64(bitPattern: rng.next()) >> Int(rng.next() % 60)))
        case 3:
            let literal = "\(rng.next() % 100_000).\(rng.next() % 1000)e\(Int(rng.next() % 40) - 20)"
            return JSONNumber(parsing: literal).map(JSONValue.number) ?? .null
        case 4:
            let alphabet: [Unicode.Scalar] = ["a", "Z", "\"", "\\", "/", "\n", "\u{0}", "\u{1F}", "é", "世", "🚀", " "]
            var s = ""
            for _ in 0..<(rng.next() % 12) { s.unicodeScalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            return .string(s)
        case 5:
            return .array((0..<(rng.next() % 5)).map { _ in randomValue(depth: depth + 1, rng: &rng) })
        default:
            var object = JSONObject()
            for _ in 0..<(rng.next() % 6) {
                object["k\(rng.next() % 8)"] = randomValue(depth: depth + 1, rng: &rng)
            }
            return .object(object)
        }
    }
}
