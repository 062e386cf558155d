import FormaJSON
import FormaSchema
import Testing

/// Every error of the schema layer has the same shape: a `kind` users can switch on, a
/// message and context, and a public initializer.
@Suite("Schema-layer errors: one shape")
struct ErrorShapeTests {
    @Test func schemaErrorsCarryAKindAndTheirContext() throws {
        let error = try #require(throws: SchemaError.self) {
            try Validator(schema: JSONSchema(parsing: ##"{"properties":{"a":{"$ref":"#/nowhere"}}}"##))
        }
        switch error.kind {
        case .unresolvableReference: break
        default: Issue.record("expected unresolvableReference, got \(error.kind)")
        }
        #expect(error.reference == "#/nowhere")
        #expect(error.location == JSONPointer(tokens: ["properties", "a"]))
        #expect(error.keyword == "$ref")
        #expect(error.description.hasPrefix("schema location /properties/a: cannot resolve reference"))

        let pattern = try #require(throws: SchemaError.self) {
            try Validator(schema: JSONSchema(parsing: #"{"pattern":"(a"}"#))
        }
        #expect(pattern.kind == .invalidPattern)
        #expect(pattern.pattern == "(a")
        #expect(pattern.keyword == "pattern")
    }

    @Test func usersCanBuildEachError() {
        let schema = SchemaError(kind: .invalidKeywordValue, message: "bad", location: JSONPointer(tokens: ["minLength"]), keyword: "minLength")
        #expect(schema.description == "schema location /minLength: bad")
        let regex = ECMARegexError(kind: .invalidPattern, pattern: "(", message: "missing )", offset: 1)
        #expect(regex.description == "invalid regular expression /(/ at offset 1: missing )")
        let pointer = JSONPointerError(kind: .invalidEscape, text: "/~2")
        #expect(pointer.message.contains("not followed by 0 or 1"))
        let decoding = JSONValueDecodingError()
        #expect(decoding.kind == .mismatch)
    }

    @Test func regexAndPointerErrorsAreSwitchable() throws {
        let regex = try #require(throws: ECMARegexError.self) { try ECMARegex("(a") }
        switch regex.kind {
        case .invalidPattern: break
        default: Issue.record("expected invalidPattern, got \(regex.kind)")
        }
        let pointer = try #require(throws: JSONPointerError.self) { try JSONPointer(parsing: "a") }
        #expect(pointer.kind == .missingLeadingSlash)
        #expect(pointer.text == "a")
    }
}
