import Foundation
import FormaJSON
import FormaSchema
import Testing

@Suite("JSONSchema and JSONValue Codable")
struct JSONSchemaCodableTests {
    @Test func encodingASchemaGivesTheDocument() throws {
        let schema = try JSONSchema(parsing: #"{"type":"object","properties":{"b":{"type":"integer"},"a":{"const":null}},"required":["b"]}"#)
        let data = try JSONEncoder().encode(schema)
        let reparsed = try data.withUnsafeBytes { try JSONParser.parse($0) }
        #expect(reparsed == schema.value)
        #expect(try JSONDecoder().decode(JSONSchema.self, from: data) == schema)
    }

    @Test func decodingRejectsNonSchemas() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JSONSchema.self, from: Data("[1]".utf8)) }
    }

    @Test func jsonValueRoundTripsThroughCodable() throws {
        let value: JSONValue = ["s": "x", "n": 12, "d": 0.5, "b": true, "z": nil, "a": [1, "two", ["k": false]]]
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }
}
