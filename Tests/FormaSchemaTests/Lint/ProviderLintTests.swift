import FormaJSON
import FormaSchema
import Testing

@Suite("Provider lint")
struct ProviderLintTests {
    static let schema = #"""
        {
          "type": "object",
          "properties": {
            "tags": {"type": "array", "items": {"type": "string", "pattern": "^\\p{L}+$"}, "uniqueItems": true},
            "price": {"type": "number", "multipleOf": 0.01},
            "code": {"type": "string", "pattern": "(?<=x)\\d+\\b"},
            "when": {"type": "string", "format": "date"},
            "odd": {"type": "string", "format": "color"},
            "pick": {"oneOf": [{"type": "string"}, {"type": "integer"}]}
          },
          "additionalProperties": false,
          "required": ["tags", "price", "code", "when", "odd", "pick"]
        }
        """#

    func findings(_ target: SchemaBackend) throws -> [String] {
        ProviderLint.lint(try JSONSchema(parsing: Self.schema), targets: [target]).map(\.description)
    }

    @Test func xgrammarIgnoresUnenforcedKeywordsAndRejectsRegexFeatures() throws {
        let lines = try findings(.xgrammar)
        #expect(lines.contains("xgrammar /properties/tags/uniqueItems: ignored: xgrammar ignores it (with only a server-side warning)"))
        #expect(lines.contains("xgrammar /properties/price/multipleOf: ignored: xgrammar ignores it (with only a server-side warning)"))
        #expect(lines.contains("xgrammar /properties/pick/oneOf: ignored: xgrammar treats oneOf as anyOf: exclusivity is not enforced"))
        #expect(lines.contains { $0.hasPrefix("xgrammar /properties/tags/items/pattern: rejected") && $0.contains("Unicode properties") })
        #expect(lines.contains { $0.hasPrefix("xgrammar /properties/code/pattern: rejected") && $0.contains("lookaround") })
        #expect(lines.contains { $0.hasPrefix("xgrammar /properties/code/pattern: rejected") && $0.contains("word boundaries") })
        #expect(!lines.contains { $0.contains("/when") })
    }

    @Test func llguidanceRejectsUnknownFormatsAndLookaround() throws {
        let lines = try findings(.llguidance)
        #expect(lines.contains(#"llguidance /properties/odd/format: rejected: llguidance fails on unknown format "color""#))
        #expect(lines.contains { $0.hasPrefix("llguidance /properties/code/pattern: rejected") && $0.contains("lookaround") })
        #expect(!lines.contains { $0.contains("/tags/items/pattern") })
    }

    @Test func outlinesStripsAnchors() throws {
        let lines = try findings(.outlines)
        #expect(lines.contains { $0.hasPrefix("outlines /properties/tags/items/pattern: ignored") && $0.contains("anchors") })
        #expect(lines.contains("outlines /properties/price/multipleOf: ignored: outlines-core drops multipleOf"))
    }

    @Test func openAIStrictNeedsClosedRequiredObjects() throws {
        let open = try JSONSchema(parsing: #"{"type":"object","properties":{"a":{"type":"string","minLength":2}}}"#)
        let lines = ProviderLint.lint(open, targets: [.openAIStrict]).map(\.description)
        #expect(lines.contains { $0.hasPrefix("openai-strict /additionalProperties: rejected") })
        #expect(lines.contains { $0.hasPrefix("openai-strict /required: rejected") && $0.contains("missing: a") })
        #expect(lines.contains { $0.hasPrefix("openai-strict /properties/a/minLength: rejected") })
    }

    @Test func cleanSchemaHasNoFindings() throws {
        let clean = try JSONSchema(parsing: #"{"type":"object","properties":{"a":{"type":"string","maxLength":5}},"required":["a"],"additionalProperties":false}"#)
        for target in [SchemaBackend.xgrammar, .together, .llguidance, .outlines] {
            #expect(ProviderLint.lint(clean, targets: [target]).isEmpty, "\(target)")
        }
    }

    @Test func uniqueItemsFalseIsNotAFinding() throws {
        let schema = try JSONSchema(parsing: #"{"type":"array","uniqueItems":false}"#)
        #expect(ProviderLint.lint(schema, targets: [.xgrammar]).isEmpty)
    }
}
