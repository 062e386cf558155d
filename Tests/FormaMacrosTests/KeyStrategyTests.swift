@testable import FormaMacros
import Foundation
import Testing

/// `@Schema(keys: .snakeCase)` converts names at compile time; it must agree with
/// `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` at run time.
@Suite struct KeyStrategyTests {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// One value under `key`, so the encoder converts exactly that key.
    struct Single: Encodable {
        let key: String
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(0, forKey: Key(stringValue: key))
        }
    }

    static let names = [
        "name", "firstName", "imageURL", "URLValue", "myURLValue", "userID", "isHTTPSEnabled", "line2Address",
        "a", "A", "ABC", "aB", "_private", "trailing_", "__double", "already_snake", "HTTPServer2Go", "x1Y2", "_0",
        "camelCaseWithÄccent", "mixed_andCamel", "ID", "iOSVersion", "v2API",
    ]

    @Test(arguments: names) func matchesJSONEncoder(_ name: String) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let text = String(decoding: try encoder.encode(Single(key: name)), as: UTF8.self)
        let expected = try #require(text.split(separator: "\"").dropFirst().first.map(String.init))
        #expect(KeyStrategy.snakeCase.apply(name) == expected)
    }

    @Test func defaultKeysAreUnchanged() {
        #expect(KeyStrategy.useDefaultKeys.apply("imageURL") == "imageURL")
    }
}
