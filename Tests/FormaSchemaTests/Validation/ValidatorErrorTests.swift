import Foundation
import FormaJSON
import FormaSchema
import Testing

@Suite("Validator errors: locations and messages")
struct ValidatorErrorTests {
    static let invoiceSchema = """
        {
          "type": "object",
          "required": ["number", "lineItems"],
          "additionalProperties": false,
          "properties": {
            "number": {"type": "string", "pattern": "^INV-[0-9]{4}$"},
            "currency": {"enum": ["EUR", "USD"]},
            "lineItems": {
              "type": "array", "minItems": 1,
              "items": {"$ref": "#/$defs/lineItem"}
            }
          },
          "$defs": {
            "lineItem": {
              "type": "object",
              "required": ["description", "price"],
              "properties": {
                "description": {"type": "string", "minLength": 1},
                "price": {"type": "number", "minimum": 0}
              }
            }
          }
        }
        """

    func validator(_ text: String = invoiceSchema, options: Validator.Options = .init()) throws -> Validator {
        try Validator(schema: JSONSchema(parsing: text), options: options)
    }

    @Test func validInstanceHasNoErrors() throws {
        let v = try validator()
        let instance = try JSONParser.parse(#"{"number":"INV-0001","lineItems":[{"description":"Tea","price":3.5}]}"#)
        #expect(v.isValid(instance))
        #expect(v.validate(instance) == .valid)
    }

    @Test func nestedErrorThroughRefIsLocated() throws {
        let v = try validator()
        let instance = try JSONParser.parse(
            #"{"number":"INV-0001","lineItems":[{"description":"a","price":1},{"description":"b","price":2},{"description":"c","price":-3}]}"#)
        #expect(!v.isValid(instance))
        let errors = v.validate(instance).errors
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.instanceLocation.description == "/lineItems/2/price")
        #expect(error.keywordLocation.description == "/properties/lineItems/items/$ref/properties/price/minimum")
        #expect(error.absoluteKeywordLocation == nil)
        #expect(error.keyword == "minimum")
        #expect(error.description == "at /lineItems/2/price: expected a number ≥ 0, got -3")
    }

    @Test func everyErrorIsListed() throws {
        let v = try validator()
        let instance = try JSONParser.parse(#"{"number":"X-1","currency":"GBP","extra":true,"lineItems":[]}"#)
        let messages = v.validate(instance).errors.map(\.description)
        #expect(messages.contains(#"at /number: expected a string matching /^INV-[0-9]{4}$/, got "X-1""#))
        #expect(messages.contains(#"at /currency: expected one of ["EUR", "USD"], got "GBP""#))
        #expect(messages.contains(#"at /extra: property "extra" is not allowed"#))
        #expect(messages.contains("at /lineItems: expected at least 1 items, got 0"))
        #expect(messages.count == 4)
    }

    @Test func missingRequiredNamesTheProperty() throws {
        let v = try validator()
        let errors = v.validate(try JSONParser.parse("{}")).errors
        #expect(errors.map(\.message) == [#"missing required property "number""#, #"missing required property "lineItems""#])
        #expect(errors.allSatisfy { $0.instanceLocation.isRoot && $0.keyword == "required" })
    }

    @Test func typeMismatchSaysWhatWasFound() throws {
        let v = try validator(#"{"type": ["integer", "null"]}"#)
        let errors = v.validate("12").errors
        #expect(errors.map(\.message) == [#"expected one of null, integer, got "12""#])
        #expect(v.isValid(12))
        #expect(v.isValid(try JSONParser.parse("12.0")))
        #expect(!v.isValid(try JSONParser.parse("12.5")))
    }

    @Test func anyOfReportsThePlausibleBranch() throws {
        let v = try validator(#"{"anyOf": [{"type": "null"}, {"type": "object", "required": ["a"]}]}"#)
        let errors = v.validate(try JSONParser.parse("{}")).errors
        #expect(errors.count == 2)
        #expect(errors.first?.keyword == "anyOf")
        #expect(errors.last?.message == #"missing required property "a""#)
        #expect(errors.last?.keywordLocation.description == "/anyOf/1/required")
    }

    @Test func absoluteLocationUsesTheResourceURI() throws {
        let v = try validator(#"{"$id": "https://example.com/s.json", "properties": {"a": {"maximum": 3}}}"#)
        let error = try #require(v.validate(["a": 4]).errors.first)
        #expect(error.absoluteKeywordLocation == "https://example.com/s.json#/properties/a/maximum")
    }

    @Test func exactDecimalsInMultipleOfAndBounds() throws {
        let v = try validator(#"{"multipleOf": 0.0001, "maximum": 0.3}"#)
        #expect(v.isValid(try JSONParser.parse("0.0075")))
        #expect(v.isValid(try JSONParser.parse("0.3")))
        #expect(!v.isValid(try JSONParser.parse("0.30000000000000004")))
        #expect(!v.isValid(try JSONParser.parse("0.00755")))
    }

    @Test func formatIsAnnotationUnlessAsserted() throws {
        let schema = #"{"format": "date"}"#
        #expect(try validator(schema).isValid("not a date"))
        let asserting = try validator(schema, options: .init(formatAssertion: true))
        #expect(!asserting.isValid("not a date"))
        #expect(asserting.isValid("2024-02-29"))
        #expect(asserting.validate("2023-02-29").errors.first?.message == #"expected a valid date, got "2023-02-29""#)
    }

    @Test func referenceCycleFailsInsteadOfCrashing() throws {
        let v = try validator(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##)
        #expect(!v.isValid(1))
        #expect(v.validate(1).errors.first?.message.contains("nested too deep") == true)
    }

    @Test func catastrophicPatternIsAnErrorNotAHang() throws {
        let v = try validator(#"{"pattern": "^(a+)+$"}"#)
        let hostile = JSONValue.string(String(repeating: "a", count: 10_000) + "!")
        #expect(!v.isValid(hostile))
        let message = try #require(v.validate(hostile).errors.first?.message)
        #expect(message.contains("could not match"))
    }

    @Test func deeplyNestedInstanceAgainstRecursiveSchema() throws {
        let v = try validator(##"{"type": ["array", "integer"], "items": {"$ref": "#"}}"##)
        var instance: JSONValue = 1
        for _ in 0..<400 { instance = .array([instance]) }
        var bad: JSONValue = "x"
        for _ in 0..<400 { bad = .array([bad]) }
        // 400 levels need more stack than a test thread has in debug builds: run on a
        // thread with a large stack, as the CLI does.
        let (good, failing) = (instance, bad)
        let (valid, errors) = try Self.onLargeStack { (v.isValid(good), v.validate(failing).errors) }
        #expect(valid)
        #expect(errors.first?.instanceLocation.tokens.count == 400)
    }

    @Test func hostileNestingIsAnErrorNotACrash() throws {
        let v = try validator(##"{"items": {"$ref": "#"}}"##)
        var instance: JSONValue = 1
        for _ in 0..<2_000 { instance = .array([instance]) }
        #expect(!v.isValid(instance))
        let message = try #require(v.validate(instance).errors.first?.message)
        #expect(message.contains("nested too deep"))
    }

    static func onLargeStack<T: Sendable>(_ body: @escaping @Sendable () -> T) throws -> T {
        let box = ResultBox<T>()
        let thread = Thread {
            box.value = body()
            box.done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
        box.done.wait()
        return try #require(box.value)
    }
}

/// Carries a result out of a thread. `@unchecked Sendable`: `value` is written once, before
/// `done` is signalled, and read only after waiting on it.
final class ResultBox<T>: @unchecked Sendable {
    var value: T?
    let done = DispatchSemaphore(value: 0)
}
