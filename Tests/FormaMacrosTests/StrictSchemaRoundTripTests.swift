import FormaJSON
import Foundation
@testable import Forma
import FormaExamples
import Testing

/// The strict-mode decoding path: a model constrained by `T.jsonSchema.strict(for:)` sends
/// every property, `null` for the ones it has no value for. Such replies must validate
/// against the strict schema, decode into `T`, and — after the extractor prunes those
/// nulls — validate against the original schema.
@Suite("Strict schemas of annotated types")
struct StrictSchemaRoundTripTests {
    /// The reply a strict model would send for `value`: its encoding with `null` added for
    /// every property the strict schema requires and the encoding left out.
    static func strictReply(for json: JSONValue, validator: Validator) -> JSONValue {
        var reply = json
        for _ in 0..<32 {
            let missing = validator.validate(reply).errors.filter { $0.keyword == "required" }
            guard !missing.isEmpty else { break }
            for error in missing {
                guard let name = error.message.split(separator: "\"").dropFirst().first else { continue }
                reply = reply.setting(.null, at: error.instanceLocation.appending(String(name)))
            }
        }
        return reply
    }

    func check<T: Codable & SchemaRepresentable & Equatable & Sendable>(_ value: T, target: SchemaBackend) throws {
        let (json, _) = try validate(value)
        let strict = try Validator(schema: T.jsonSchema.strict(for: target))
        let reply = Self.strictReply(for: json, validator: strict)
        #expect(strict.validate(reply).isValid, "\(reply.serialized())")
        let decoded = try JSONValueDecoder().decode(T.self, from: reply)
        #expect(decoded == value)
        let original = try Validator(schema: T.jsonSchema)
        #expect(original.validate(NullPruning.prune(reply, validator: original)).isValid)
    }

    @Test(arguments: SchemaBackend.all)
    func invoices(_ target: SchemaBackend) throws {
        for invoice in ExampleSchemaTests.invoices { try check(invoice, target: target) }
    }

    @Test(arguments: SchemaBackend.all)
    func meetingsAndVoiceNotes(_ target: SchemaBackend) throws {
        for meeting in ExampleSchemaTests.meetings { try check(meeting, target: target) }
        for note in ExampleSchemaTests.voiceNotes { try check(note, target: target) }
    }

    @Test(arguments: SchemaBackend.all)
    func reviewsAndSentiments(_ target: SchemaBackend) throws {
        for review in ExampleSchemaTests.reviews { try check(review, target: target) }
        for sentiment in ExampleSchemaTests.sentiments { try check(sentiment, target: target) }
    }
}

extension JSONValue {
    /// This value with `newValue` at `pointer` (intermediate members must exist).
    func setting(_ newValue: JSONValue, at pointer: JSONPointer) -> JSONValue {
        guard let first = pointer.tokens.first else { return newValue }
        let rest = JSONPointer(tokens: Array(pointer.tokens.dropFirst()))
        switch self {
        case .object(var object):
            let child = object[first] ?? .null
            object[first] = child.setting(newValue, at: rest)
            return .object(object)
        case .array(var array):
            guard let index = JSONPointer.arrayIndex(first), index < array.count else { return self }
            array[index] = array[index].setting(newValue, at: rest)
            return .array(array)
        default:
            return self
        }
    }
}
