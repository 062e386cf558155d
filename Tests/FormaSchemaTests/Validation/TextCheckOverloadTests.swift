import Foundation
import FormaJSON
import FormaSchema
import Testing

@Suite("Text checks: safe overloads agree with the raw-buffer ones")
struct TextCheckOverloadTests {
    let validator: Validator

    init() throws {
        validator = try Validator(schema: JSONSchema(parsing: #"{"type":"object","properties":{"n":{"type":"integer","minimum":0}},"required":["n"]}"#))
    }

    @Test(arguments: [#"{"n": 3}"#, #"{"n": -1}"#, #"{"m": 1}"#, #"{"n": 3"#, "", #"{"n": 3} x"#])
    func everyOverloadGivesTheSameVerdict(text: String) {
        let raw = Array(text.utf8).withUnsafeBytes { validator.isValid(json: $0) }
        #expect(validator.isValid(json: text) == raw)
        #expect(validator.isValid(json: Array(text.utf8)) == raw)
        #expect(validator.isValid(json: Data(text.utf8)) == raw)
        #expect(validator.isValid(json: text.utf8) == raw)
        // A non-contiguous collection is copied first.
        #expect(validator.isValid(json: text.utf8.reversed().reversed()) == raw)
        let quick = Array(text.utf8).withUnsafeBytes { validator.quickCheck(json: $0) }
        #expect(validator.quickCheck(json: text) == quick)
        #expect(validator.quickCheck(json: Array(text.utf8)) == quick)
    }

    @Test func verdictsAreTheExpectedOnes() {
        #expect(validator.isValid(json: #"{"n": 3}"#))
        #expect(!validator.isValid(json: #"{"n": -1}"#))
        #expect(!validator.isValid(json: #"{"n": 3"#))
        #expect(validator.quickCheck(json: #"{"n": 3}"#) == .valid)
        #expect(validator.quickCheck(json: #"{"n": "x"}"#) == .invalid)
    }
}
