import FormaJSON
import FormaSchema
import Testing

@Suite("JSONSchema model")
struct JSONSchemaModelTests {
    @Test func roundTripsUnknownKeywordsAndOrder() throws {
        let text = #"{"x-vendor":{"deep":[1,2.50,{"k":null}]},"type":"object","zeta":true,"properties":{"b":{},"a":false}}"#
        let schema = try JSONSchema(parsing: text)
        #expect(schema.value.serialized() == #"{"x-vendor":{"deep":[1,2.5,{"k":null}]},"type":"object","zeta":true,"properties":{"b":{},"a":false}}"#)
        #expect(schema["x-vendor"]?["deep"]?[1] == 2.5)
    }

    @Test func typedAccessors() throws {
        let schema = try JSONSchema(parsing: #"""
            {"$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://x/y", "title": "T",
             "description": "D", "type": ["string", "null"], "required": ["a"], "properties": {"a": {"type": "integer"}}}
            """#)
        #expect(schema.declaredDraft == .draft7)
        #expect(schema.id == "https://x/y")
        #expect(schema.title == "T")
        #expect(schema.description == "D")
        #expect(schema.type == ["string", "null"])
        #expect(schema.required == ["a"])
        #expect(schema.properties?.map(\.name) == ["a"])
    }

    @Test func settingAKeyword() throws {
        var schema = try JSONSchema(parsing: #"{"type": "string"}"#)
        schema["maxLength"] = 3
        #expect(schema.value.serialized() == #"{"type":"string","maxLength":3}"#)
        schema["type"] = nil
        #expect(schema.value.serialized() == #"{"maxLength":3}"#)
    }

    @Test func booleanSchemas() throws {
        #expect(try Validator(schema: .any).isValid(["anything": [1, 2]]))
        #expect(try !Validator(schema: .none).isValid(nil))
    }

    @Test func rejectsNonSchemas() {
        #expect(throws: SchemaError.self) { try JSONSchema(JSONValue.string("x")) }
        #expect(throws: (any Error).self) { try JSONSchema(parsing: "{") }
    }
}
