import Foundation
@testable import FormaJSON
import Testing

@Suite("JSONValueDecoder")
struct JSONValueDecoderTests {
    struct LineItem: Codable, Equatable {
        var sku: String
        var quantity: Int
        var price: Decimal
    }

    enum Status: String, Codable { case draft, paid }

    enum Payment: Codable, Equatable {
        case card(last4: String)
        case cash
    }

    struct Invoice: Codable, Equatable {
        var number: String
        var issued: Date
        var status: Status
        var items: [LineItem]
        var note: String?
        var tags: Set<String>
        var extra: [String: Int]
        var payment: Payment
        var website: URL?
        var attachment: Data?
        var ratio: Float
        var small: Int8
    }

    static let text = #"""
        {"number":"INV-1","issued":"2024-05-01T12:30:00.250Z","status":"paid",
         "items":[{"sku":"A","quantity":2,"price":0.0075},{"sku":"B","quantity":1,"price":19.99}],
         "note":null,"tags":["x","y"],"extra":{"a":1},"payment":{"card":{"last4":"4242"}},
         "website":"https://example.com/a","attachment":"aGVsbG8=","ratio":0.5,"small":-8}
        """#

    @Test func decodesLikeJSONDecoder() throws {
        let value = try JSONParser.parse(Self.text)
        let ours = try JSONValueDecoder().decode(Invoice.self, from: value)
        let foundation = JSONDecoder()
        foundation.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            return try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
        }
        let theirs = try foundation.decode(Invoice.self, from: Data(Self.text.utf8))
        #expect(ours == theirs)
        #expect(ours.items[0].price == Decimal(string: "0.0075"))
        #expect(ours.attachment == Data("hello".utf8))
        #expect(ours.note == nil)
    }

    @Test func datesWithoutFractionalSeconds() throws {
        let date = try JSONValueDecoder().decode(Date.self, from: "2024-05-01T12:30:00Z")
        #expect(date.timeIntervalSince1970 == 1_714_566_600)
    }

    @Test func errorsCarryTheCodingPath() throws {
        let value = try JSONParser.parse(#"{"sku":"A","quantity":"two","price":1}"#)
        do {
            _ = try JSONValueDecoder().decode(LineItem.self, from: value)
            Issue.record("decoded a string as Int")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["quantity"])
        }
        let missing = try JSONParser.parse(#"{"sku":"A","price":1}"#)
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(LineItem.self, from: missing) }
    }

    @Test func integerRangesAreChecked() throws {
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Int8.self, from: 300) }
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Int.self, from: 1.5) }
        #expect(try JSONValueDecoder().decode(Int.self, from: try JSONParser.parse("2.0")) == 2)
        #expect(try JSONValueDecoder().decode(UInt64.self, from: try JSONParser.parse("18446744073709551615")) == .max)
    }

    @Test func snakeCaseKeys() throws {
        struct Person: Decodable, Equatable { var firstName: String; var homeURL: String? }
        var decoder = JSONValueDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let person = try decoder.decode(Person.self, from: ["first_name": "Ada"])
        #expect(person == Person(firstName: "Ada", homeURL: nil))
    }

    @Test func jsonValueFieldsPassThrough() throws {
        struct Wrapper: Decodable { var any: JSONValue }
        let wrapper = try JSONValueDecoder().decode(Wrapper.self, from: ["any": ["deep": [1, nil]]])
        #expect(wrapper.any == ["deep": [1, nil]])
    }
}

@Suite("JSONValueDecoder snake_case keys")
struct JSONValueDecoderSnakeCaseTests {
    struct Key: Encodable {
        let name: String
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            try container.encode(0, forKey: AnyKey(stringValue: name))
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    @Test(arguments: ["name", "firstName", "imageURL", "URLValue", "myURLValue", "userID", "isHTTPSEnabled",
                      "line2Address", "a", "ABC", "aB", "_private", "trailing_", "HTTPServer2Go", "iOSVersion", "v2API"])
    func lookupMatchesJSONEncoder(_ name: String) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let encoded = try JSONParser.parse(Array(encoder.encode(Key(name: name))))
        #expect(encoded.object?.keys == [SnakeCase.toSnakeCase(name)])
    }

    @Test func acronymPropertiesDecodeFromWhatTheEncoderWrites() throws {
        struct Profile: Codable, Equatable { var avatarURL: String; var userID: Int; var displayName: String? }
        let value = Profile(avatarURL: "https://x/a.png", userID: 7, displayName: "Ada")
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = try JSONParser.parse(Array(encoder.encode(value)))
        var decoder = JSONValueDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try decoder.decode(Profile.self, from: json) == value)
    }
}
