import FormaJSON
import FormaSchema
import Testing

@Suite("Strict schema transform")
struct StrictSchemaTests {
    static let contact = #"""
        {
          "type": "object",
          "required": ["name"],
          "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 80, "description": "Full name"},
            "email": {"type": "string", "format": "email"},
            "age": {"type": "integer", "minimum": 0},
            "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true},
            "role": {"enum": ["admin", "user"], "type": "string"},
            "address": {"$ref": "#/$defs/address"},
            "kind": {"oneOf": [{"const": "person"}, {"const": "company"}]}
          },
          "$defs": {
            "address": {"type": "object", "properties": {"city": {"type": "string"}}}
          }
        }
        """#

    @Test func openAIClosesObjectsAndRequiresEverything() throws {
        let strict = try JSONSchema(parsing: Self.contact).strict(for: .openAIStrict)
        let v = strict.value
        #expect(v["additionalProperties"] == false)
        #expect(v["required"] == ["name", "email", "age", "tags", "role", "address", "kind"])
        #expect(v["properties"]?["email"]?["type"] == ["string", "null"])
        #expect(v["properties"]?["name"]?["type"] == "string")
        #expect(v["properties"]?["role"]?["enum"] == ["admin", "user", nil])
        #expect(v["properties"]?["address"] == ["anyOf": [["$ref": "#/$defs/address"], ["type": "null"]]])
        #expect(v["$defs"]?["address"]?["additionalProperties"] == false)
        #expect(v["$defs"]?["address"]?["properties"]?["city"]?["type"] == ["string", "null"])
    }

    @Test func openAIMovesRejectedKeywordsIntoDescriptions() throws {
        let strict = try JSONSchema(parsing: Self.contact).strict(for: .openAIStrict).value
        let name = try #require(strict["properties"]?["name"])
        #expect(name["minLength"] == nil && name["maxLength"] == nil)
        #expect(name["description"] == "Full name. At least 1 characters. At most 80 characters.")
        let tags = try #require(strict["properties"]?["tags"])
        #expect(tags["uniqueItems"] == nil)
        #expect(tags["description"] == "Items must be unique.")
        let kind = try #require(strict["properties"]?["kind"])
        // oneOf became anyOf (exclusivity said in words), then the optional property was
        // made nullable by wrapping it.
        let alternatives = try #require(kind["anyOf"]?[0])
        #expect(alternatives["oneOf"] == nil)
        #expect(alternatives["anyOf"] == [["const": "person"], ["const": "company"]])
        #expect(alternatives["description"] == "Must match exactly one of the alternatives.")
        #expect(kind["anyOf"]?[1] == ["type": "null"])
    }

    @Test func togetherKeepsIgnoredKeywordsAndDescribesThem() throws {
        let strict = try JSONSchema(parsing: Self.contact).strict(for: .together).value
        let tags = try #require(strict["properties"]?["tags"])
        #expect(tags["uniqueItems"] == true)
        #expect(tags["description"] == "Items must be unique.")
        #expect(strict["properties"]?["name"]?["minLength"] == 1)
    }

    @Test func strictSchemaPassesTheOpenAILint() throws {
        let strict = try JSONSchema(parsing: Self.contact).strict(for: .openAIStrict)
        #expect(ProviderLint.lint(strict, targets: [.openAIStrict]).isEmpty)
        #expect(!ProviderLint.lint(try JSONSchema(parsing: Self.contact), targets: [.openAIStrict]).isEmpty)
    }

    @Test func replyToStrictSchemaStillValidatesAgainstOriginalWhenNullsAreDropped() throws {
        let original = try Validator(schema: JSONSchema(parsing: Self.contact))
        let strict = try Validator(schema: JSONSchema(parsing: Self.contact).strict(for: .openAIStrict))
        let reply = try JSONParser.parse(#"{"name":"Ada","email":null,"age":36,"tags":null,"role":"admin","address":null,"kind":"person"}"#)
        #expect(strict.isValid(reply))
        // The original schema does not allow null for optional properties: the extractor
        // drops nulls of optional properties before validating (decoding accepts both).
        #expect(!original.isValid(reply))
        guard case .object(var object) = reply else { return }
        for member in object.members where member.value == .null { object[member.key] = nil }
        #expect(original.isValid(.object(object)))
    }
}
