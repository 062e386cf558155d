import Forma
import Foundation
import Testing

/// A number that must be even: custom `Decodable` the schema cannot express.
struct EvenNumber: Codable, Equatable, Sendable, SchemaRepresentable, PartiallyDecodable {
    var value: Int

    init(_ value: Int) { self.value = value }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = try container.decode(Int.self)
        guard value % 2 == 0 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(value) is odd")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    static var jsonSchema: JSONSchema { .type("integer") }
}

@Schema
struct EvenPair: Codable, Equatable, Sendable {
    var label: String
    var numbers: [EvenNumber]
}

@Schema
struct ShoutingNote: Codable, Equatable, Sendable {
    var text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text).uppercased()
    }

    enum CodingKeys: String, CodingKey { case text }
}

@Suite("Typed values through init(jsonValue:)")
struct FastDecodingTests {
    @Test func plainCodableMembersStillRunTheirOwnDecoding() throws {
        let decoder = try ReplyChecker(target: .type(EvenPair.self))
        #expect(try decoder.decode(#"{"label": "a", "numbers": [2, 4]}"#) == EvenPair(label: "a", numbers: [EvenNumber(2), EvenNumber(4)]))
        // The schema accepts 3; the member's own decoding rejects it, located by the
        // `Decodable` fallback.
        let error = #expect(throws: ExtractionError.self) { try decoder.decode(#"{"label": "a", "numbers": [2, 3]}"#) }
        let problem = try #require(error?.problems.first)
        #expect(problem.stage == .decoding)
        #expect(problem.location?.description == "/numbers/1")
        #expect(problem.message.contains("3 is odd"))
    }

    @Test func customInitFromInTheBodyIsNotBypassed() throws {
        let decoder = try ReplyChecker(target: .type(ShoutingNote.self))
        #expect(try decoder.decode(#"{"text": "hello"}"#).text == "HELLO")
    }
}
