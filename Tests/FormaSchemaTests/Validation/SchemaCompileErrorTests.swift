import FormaJSON
import FormaSchema
import Testing

@Suite("Schema compile errors")
struct SchemaCompileErrorTests {
    func compileError(_ text: String, registry: SchemaRegistry = SchemaRegistry()) throws -> SchemaError {
        let schema = try JSONSchema(parsing: text)
        do {
            _ = try Validator(schema: schema, registry: registry)
        } catch let error as SchemaError {
            return error
        }
        Issue.record("schema compiled: \(text)")
        throw CancellationError()
    }

    @Test func unresolvableReferenceNamesReferenceAndLocation() throws {
        let error = try compileError(#"{"properties": {"a": {"$ref": "https://example.com/missing.json"}}}"#)
        #expect(error.location.description == "/properties/a")
        #expect(error.description.contains("cannot resolve reference \"https://example.com/missing.json\""))
    }

    @Test func missingLocalPointerIsUnresolvable() throws {
        let error = try compileError(##"{"$ref": "#/$defs/nope"}"##)
        #expect(error.description.contains("#/$defs/nope"))
    }

    @Test func invalidRegexIsACompileError() throws {
        let error = try compileError(#"{"properties": {"a": {"pattern": "([a-z"}}}"#)
        #expect(error.location.description == "/properties/a/pattern")
        #expect(error.description.contains("invalid regular expression"))
    }

    @Test func invalidPatternPropertyKeyIsACompileError() throws {
        let error = try compileError(#"{"patternProperties": {"(": {}}}"#)
        #expect(error.location.description == "/patternProperties/(")
    }

    @Test(arguments: [
        (#"{"minLength": -1}"#, "/minLength"),
        (#"{"type": "integr"}"#, "/type"),
        (#"{"required": "a"}"#, "/required"),
        (#"{"multipleOf": 0}"#, "/multipleOf"),
        (#"{"allOf": []}"#, "/allOf"),
        (#"{"properties": {"a": 3}}"#, "/properties/a"),
    ])
    func badKeywordValues(schema: String, location: String) throws {
        let error = try compileError(schema)
        #expect(error.location.description == location)
    }

    @Test func nonSchemaDocumentIsRejected() throws {
        #expect(throws: SchemaError.self) { try JSONSchema(parsing: "[1, 2]") }
    }

    @Test func registeredDocumentsResolve() throws {
        var registry = SchemaRegistry()
        try registry.register(try JSONParser.parse(#"{"$defs": {"id": {"type": "integer"}}}"#), as: "https://example.com/common.json")
        let v = try Validator(schema: JSONSchema(parsing: #"{"$ref": "https://example.com/common.json#/$defs/id"}"#), registry: registry)
        #expect(v.isValid(3))
        #expect(!v.isValid("3"))
    }

    @Test func metaschemaCheckFindsBadSchemas() throws {
        let bad = try JSONSchema(parsing: #"{"type": 12, "properties": {"a": {"minLength": "x"}}}"#)
        let result = Validator.checkSchema(bad)
        #expect(!result.isValid)
        let locations = Set(result.errors.map(\.instanceLocation.description))
        #expect(locations.contains("/type"))
        #expect(locations.contains("/properties/a/minLength"))
        #expect(Validator.checkSchema(try JSONSchema(parsing: #"{"type": "object"}"#)).isValid)
        let draft7 = try JSONSchema(parsing: #"{"$schema": "http://json-schema.org/draft-07/schema#", "items": [{"type": "string"}]}"#)
        #expect(Validator.checkSchema(draft7).isValid)
    }
}
