import FormaJSON
import FormaSchema
import Testing

/// `Validator.quickCheck(json:)` / `isValid(json:)`: checking text while reading it. The
/// conformance suite compares it with the tree evaluator on every case; these cover what
/// the suite's data cannot hold (repeated keys, escapes as written, malformed text).
@Suite("Checking JSON text while reading it")
struct StreamingValidationTests {
    static let contact: JSONValue = [
        "type": "object",
        "properties": [
            "name": ["type": "string", "minLength": 1, "maxLength": 5],
            "email": ["type": "string", "format": "email"],
            "code": ["type": "string", "pattern": "^[A-Z]{2}$"],
            "tags": ["type": "array", "items": ["enum": ["a", "b"]], "uniqueItems": true],
            "age": ["type": "integer", "minimum": 0],
        ],
        "required": ["name"],
        "additionalProperties": false,
    ]

    func check(_ text: String, _ schema: JSONValue = contact) throws -> (quick: Validator.QuickCheck, exact: Bool, tree: Bool?) {
        let validator = try Validator(schema: schema, options: .init(formatAssertion: true))
        let bytes = Array(text.utf8)
        let quick = bytes.withUnsafeBytes { validator.quickCheck(json: $0) }
        let exact = bytes.withUnsafeBytes { validator.isValid(json: $0) }
        let tree = (try? JSONParser.parse(text)).map { validator.isValid($0) }
        return (quick, exact, tree)
    }

    @Test(arguments: [
        (#"{"name": "Ada", "email": "ada@example.org", "code": "GB", "tags": ["a", "b"], "age": 36}"#, true),
        (#"{"name": "Ada"}"#, true),
        (#"{"name": ""}"#, false),
        (#"{"name": "Adalbert"}"#, false),
        (#"{"name": "Ada", "email": "not an address"}"#, false),
        (#"{"name": "Ada", "code": "gb"}"#, false),
        (#"{"name": "Ada", "tags": ["a", "a"]}"#, false),
        (#"{"name": "Ada", "tags": ["c"]}"#, false),
        (#"{"name": "Ada", "age": 3.5}"#, false),
        (#"{"name": "Ada", "age": 3.0}"#, true),
        (#"{"name": "Ada", "extra": 1}"#, false),
        (#"{"email": "ada@example.org"}"#, false),
        (#"{"name": "Ad\u0061", "c\u006fde": "\u0047B"}"#, true),
        (#"{"name": "Zoë"}"#, true),
        (#"{"name": "ÅÅÅÅÅÅ"}"#, false),
    ])
    func decidesWithoutTheTreeAndAgreesWithIt(_ text: String, _ expected: Bool) throws {
        let result = try check(text)
        #expect(result.quick == (expected ? .valid : .invalid))
        #expect(result.exact == expected)
        #expect(result.tree == expected)
    }

    @Test(arguments: [
        #"{"name": "Ada""#, #"{"name": "Ada"} x"#, #"{"name": "Ada",}"#, #"{"name": "\ud800"#, "", "nul",
        #"{"name": "A\u{01}"}"#,
    ])
    func malformedTextIsNotValid(_ text: String) throws {
        let result = try check(text)
        #expect(result.quick == .invalid)
        #expect(!result.exact)
        #expect(result.tree == nil)
    }

    @Test func repeatedKeysAreLeftToTheTree() throws {
        // The tree keeps the last value; each verdict must match it.
        let lastValid = try check(#"{"name": "Adalbert", "name": "Ada"}"#)
        #expect(lastValid.tree == true)
        #expect(lastValid.quick == .undecided)
        #expect(lastValid.exact == true)
        let lastInvalid = try check(#"{"name": "Ada", "name": ""}"#)
        #expect(lastInvalid.tree == false)
        #expect(lastInvalid.exact == false)
        let open: JSONValue = ["type": "object", "additionalProperties": ["type": "integer"]]
        let repeatedExtra = try check(#"{"n": "x", "n": 1}"#, open)
        #expect(repeatedExtra.tree == true)
        #expect(repeatedExtra.quick == .undecided)
        #expect(repeatedExtra.exact == true)
    }

    @Test func schemasThatNeedAnnotationsUseTheTree() throws {
        let schema: JSONValue = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "properties": ["a": true], "unevaluatedProperties": false,
        ]
        let valid = try check(#"{"a": 1}"#, schema)
        #expect(valid.quick == .undecided)
        #expect(valid.exact == true)
        let invalid = try check(#"{"a": 1, "b": 2}"#, schema)
        #expect(invalid.exact == false)
    }

    @Test func applicatorsReadTheValueAgain() throws {
        let schema: JSONValue = [
            "$defs": ["positive": ["type": "number", "exclusiveMinimum": 0]],
            "type": "object",
            "properties": [
                "n": ["allOf": [["$ref": "#/$defs/positive"], ["maximum": 10]]],
                "s": ["oneOf": [["type": "string"], ["type": "integer"]]],
                "x": ["not": ["type": "null"]],
                "k": ["if": ["type": "string"], "then": ["minLength": 2], "else": ["type": "array", "minItems": 1]],
            ],
        ]
        #expect(try check(#"{"n": 5, "s": "a", "x": 1, "k": "ab"}"#, schema).quick == .valid)
        #expect(try check(#"{"n": 11}"#, schema).quick == .invalid)
        #expect(try check(#"{"n": -1}"#, schema).quick == .invalid)
        #expect(try check(#"{"s": 1.5}"#, schema).quick == .invalid)
        #expect(try check(#"{"x": null}"#, schema).quick == .invalid)
        #expect(try check(#"{"k": "a"}"#, schema).quick == .invalid)
        #expect(try check(#"{"k": [{"deep": [1, {"a": null}]}]}"#, schema).quick == .valid)
        #expect(try check(#"{"k": []}"#, schema).quick == .invalid)
    }

    @Test func hostileNestingEndsWithoutACrash() throws {
        let recursive: JSONValue = ["items": ["$ref": "#"]]
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let result = try check(deep, recursive)
        #expect(!result.exact)  // deeper than the parser's limit of 512: malformed for both
        let fine = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let nested = try check(fine, recursive)
        #expect(nested.exact == true)
        #expect(nested.quick == .undecided)  // past the text evaluator's own depth: the tree decides
    }
}
