import FormaJSON
import FormaSchema
import Testing

/// Lint and the strict transform read one table per backend, so they cannot disagree.
@Suite("Schema backends: one table for lint and strict")
struct SchemaBackendTests {
    static let schema = #"""
        {
          "type": "object",
          "$comment": "a note",
          "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 80, "default": "x"},
            "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true, "contains": {"const": "a"}},
            "price": {"type": "number", "multipleOf": 0.01, "minimum": 0},
            "site": {"type": "string", "format": "uri"},
            "pick": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
            "when": {"if": {"type": "string"}, "then": {"minLength": 2}, "else": {"type": "null"}},
            "extra": {"type": "object", "patternProperties": {"^x-": {"type": "string"}}, "minProperties": 1}
          },
          "required": ["name"]
        }
        """#

    @Test(arguments: SchemaBackend.all)
    func theStrictFormHasNothingTheBackendRejects(_ backend: SchemaBackend) throws {
        let original = try JSONSchema(parsing: Self.schema)
        let strict = original.strict(for: backend)
        let rejected = ProviderLint.lint(strict, targets: [backend]).filter { $0.support == .rejected }
        #expect(rejected.isEmpty, "\(backend): \(rejected.map(\.description))")
        // It still compiles as a schema.
        _ = try Validator(schema: strict)
    }

    @Test func openAIStrictRemovesAndDescribesWhatItRejects() throws {
        let strict = try JSONSchema(parsing: Self.schema).strict(for: .openAIStrict).value
        let name = try #require(strict["properties"]?["name"])
        #expect(name["minLength"] == nil && name["default"] == nil)
        #expect(name["description"]?.string?.contains("At most 80 characters.") == true)
        // `pick` is optional, so it is wrapped as nullable; inside, oneOf became anyOf.
        let pick = try #require(strict["properties"]?["pick"]?["anyOf"]?[0])
        #expect(pick["oneOf"] == nil)
        #expect(pick["anyOf"] == [["type": "string"], ["type": "integer"]])
        #expect(strict["$comment"] == nil)
        // OpenAI does not take format "uri": removed and described.
        let site = try #require(strict["properties"]?["site"])
        #expect(site["format"] == nil)
        #expect(site["description"]?.string?.contains("Format: uri.") == true)
    }

    @Test func ignoredKeywordsAreKeptAndDescribed() throws {
        let strict = try JSONSchema(parsing: Self.schema).strict(for: .together).value
        let tags = try #require(strict["properties"]?["tags"])
        #expect(tags["uniqueItems"] == true)
        #expect(tags["description"]?.string?.contains("Items must be unique.") == true)
        let pick = try #require(strict["properties"]?["pick"]?["anyOf"]?[0])
        #expect(pick["oneOf"] != nil)
        #expect(pick["description"] == "Must match exactly one of the alternatives.")
    }

    @Test func llamaCppReportsWhatItsConverterLeavesOut() throws {
        let lines = ProviderLint.lint(try JSONSchema(parsing: Self.schema), targets: [.llamaCpp]).map(\.description)
        #expect(lines.contains { $0.hasPrefix("llamacpp /properties/tags/uniqueItems: ignored") })
        #expect(lines.contains { $0.hasPrefix("llamacpp /properties/extra/patternProperties: ignored") })
        #expect(lines.contains { $0.hasPrefix(#"llamacpp /properties/site/format: ignored"#) && $0.contains("\"uri\"") })
        #expect(lines.contains { $0.hasPrefix("llamacpp /properties/price/minimum: ignored") && $0.contains("integer") })
        #expect(lines.contains { $0.hasPrefix("llamacpp /properties/when/if: ignored") })
        // Integer bounds are enforced.
        let integer = try JSONSchema(parsing: #"{"type":"integer","minimum":0}"#)
        #expect(ProviderLint.lint(integer, targets: [.llamaCpp]).isEmpty)
    }

    @Test func backendsAreFoundByName() {
        #expect(SchemaBackend(name: "openai-strict") == .openAIStrict)
        #expect(SchemaBackend(name: "LLAMACPP") == .llamaCpp)
        #expect(SchemaBackend(name: "nope") == nil)
        #expect(SchemaBackend.all.map(\.name) == ["together", "openai-strict", "xgrammar", "llguidance", "outlines", "llamacpp"])
        #expect(SchemaBackend.xgrammar.support(for: "multipleOf") == .ignored)
        #expect(SchemaBackend.openAIStrict.support(for: "allOf") == .rejected)
        #expect(SchemaBackend.openAIStrict.support(for: "type") == nil)
    }
}
