import FormaJSON
@testable import FormaSchema
import Testing

/// Drafts 04, 06 and 2019-09 beside 07 and 2020-12, and the bugs found on real schemas.
@Suite("Drafts")
struct DraftTests {
    func validator(_ text: String, _ options: Validator.Options = .init()) throws -> Validator {
        try Validator(schema: JSONSchema(parsing: text), options: options)
    }

    /// Both evaluators agree with `expected`: the tree and the text.
    func expectValid(_ validator: Validator, _ instance: String, _ expected: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let value = try JSONParser.parse(instance)
        #expect(validator.isValid(value) == expected, "tree: \(instance)", sourceLocation: sourceLocation)
        #expect(validator.validate(value).isValid == expected, "tree, collecting: \(instance)", sourceLocation: sourceLocation)
        #expect(validator.isValid(json: instance) == expected, "text: \(instance)", sourceLocation: sourceLocation)
    }

    @Test func namesAndURIs() {
        #expect(SchemaDraft(dialectURI: "http://json-schema.org/draft-04/schema#") == .draft4)
        #expect(SchemaDraft(dialectURI: "https://json-schema.org/draft-06/schema#") == .draft6)
        #expect(SchemaDraft(dialectURI: "https://json-schema.org/draft/2019-09/schema") == .draft2019_09)
        #expect(SchemaDraft(dialectURI: "http://json-schema.org/draft-03/schema#") == nil)
        #expect(SchemaDraft(name: "draft-04") == .draft4)
        #expect(SchemaDraft(name: "2019-09") == .draft2019_09)
        #expect(SchemaDraft(name: "7") == .draft7)
        #expect(SchemaDraft(name: "3") == nil)
        #expect(SchemaDraft.allCases.allSatisfy { SchemaDraft(name: $0.name) == $0 })
    }

    @Test("draft-04 id names the document its $ref points into")
    func draft4IdResolution() throws {
        let inProperty = try validator(#"""
            {"$schema": "http://json-schema.org/draft-04/schema#", "id": "http://example.com/s.json#",
             "definitions": {"x": {"type": "integer"}},
             "properties": {"a": {"$ref": "http://example.com/s.json#/definitions/x"}}}
            """#)
        try expectValid(inProperty, #"{"a": 1}"#, true)
        try expectValid(inProperty, #"{"a": "one"}"#, false)
        #expect(inProperty.draft == .draft4)
        // Beside the root's own `$ref` (which otherwise hides its siblings before 2019-09).
        let atRoot = try validator(#"""
            {"$schema": "http://json-schema.org/draft-04/schema#", "id": "http://example.com/s.json#",
             "definitions": {"x": {"type": "integer"}}, "$ref": "http://example.com/s.json#/definitions/x"}
            """#)
        try expectValid(atRoot, "3", true)
        try expectValid(atRoot, "3.5", false)
        // `$id` means nothing in draft-04.
        #expect(throws: SchemaError.self) {
            _ = try validator(#"""
                {"$schema": "http://json-schema.org/draft-04/schema#", "$id": "http://example.com/t.json",
                 "properties": {"a": {"$ref": "http://example.com/t.json#/definitions/x"}}, "definitions": {"x": {}}}
                """#)
        }
    }

    @Test("draft-04 exclusiveMaximum/exclusiveMinimum are booleans")
    func draft4ExclusiveBounds() throws {
        let v = try validator(#"""
            {"$schema": "http://json-schema.org/draft-04/schema#",
             "maximum": 5, "exclusiveMaximum": true, "minimum": 1, "exclusiveMinimum": false}
            """#)
        try expectValid(v, "5", false)
        try expectValid(v, "4.99", true)
        try expectValid(v, "1", true)
        let error = try #require(throws: SchemaError.self) {
            _ = try validator(#"{"$schema": "http://json-schema.org/draft-04/schema#", "exclusiveMaximum": 5}"#)
        }
        #expect(error.kind == .invalidKeywordValue)
        // The same schema under `--default-draft 4`.
        let byDefault = try validator(#"{"maximum": 5, "exclusiveMaximum": true}"#, .init(defaultDraft: .draft4))
        try expectValid(byDefault, "5", false)
    }

    @Test("draft-04 dependencies: property arrays and schemas")
    func draft4Dependencies() throws {
        let v = try validator(#"""
            {"$schema": "http://json-schema.org/draft-04/schema#",
             "dependencies": {"card": ["billing"], "gift": {"required": ["to"]}}}
            """#)
        try expectValid(v, #"{"card": 1, "billing": 2}"#, true)
        try expectValid(v, #"{"card": 1}"#, false)
        try expectValid(v, #"{"gift": 1}"#, false)
        try expectValid(v, #"{"gift": 1, "to": "Ada"}"#, true)
    }

    @Test("draft-06 has const, contains, propertyNames but not if/then/else; draft-04 none of them")
    func draft6Keywords() throws {
        let text = #"{"const": 1, "if": {"const": 1}, "then": false}"#
        let six = try validator(#"{"$schema": "http://json-schema.org/draft-06/schema#", "#
            + #""contains": {"const": 2}, "propertyNames": {"maxLength": 2}, "examples": [[2]]}"#)
        try expectValid(six, "[1, 2]", true)
        try expectValid(six, "[1]", false)
        try expectValid(six, #"{"abc": 1}"#, false)
        let sixConst = try validator(text, .init(defaultDraft: .draft6))
        try expectValid(sixConst, "1", true)  // `then: false` is not applied
        try expectValid(sixConst, "2", false)
        let four = try validator(text, .init(defaultDraft: .draft4))
        try expectValid(four, "2", true)  // no `const` in draft-04
        let seven = try validator(text, .init(defaultDraft: .draft7))
        try expectValid(seven, "1", false)  // draft-07 applies `then`
    }

    @Test("2019-09 $recursiveRef follows the outermost $recursiveAnchor")
    func recursiveReference() throws {
        var registry = SchemaRegistry()
        try registry.register(JSONSchema(parsing: #"""
            {"$schema": "https://json-schema.org/draft/2019-09/schema", "$id": "https://example.com/tree",
             "$recursiveAnchor": true, "type": "object",
             "properties": {"children": {"type": "array", "items": {"$recursiveRef": "#"}}}}
            """#), as: "https://example.com/tree")
        let strict = try Validator(schema: JSONSchema(parsing: #"""
            {"$schema": "https://json-schema.org/draft/2019-09/schema", "$id": "https://example.com/strict-tree",
             "$recursiveAnchor": true, "$ref": "tree", "unevaluatedProperties": false}
            """#), registry: registry)
        #expect(strict.isValid(try JSONParser.parse(#"{"children": [{"children": []}]}"#)))
        // The misspelt key is in a nested node: only the dynamic reference reaches it there.
        #expect(!strict.isValid(try JSONParser.parse(#"{"children": [{"daat": 1}]}"#)))
        let plain = try Validator(schema: JSONSchema(parsing: #"{"$schema": "https://json-schema.org/draft/2019-09/schema", "$ref": "https://example.com/tree"}"#), registry: registry)
        #expect(plain.isValid(try JSONParser.parse(#"{"children": [{"daat": 1}]}"#)))
    }

    @Test("2019-09 unevaluatedItems does not count items contains matched; 2020-12 does")
    func unevaluatedItemsAndContains() throws {
        let body = #""contains": {"const": 1}, "unevaluatedItems": false}"#
        let v2019 = try validator(#"{"$schema": "https://json-schema.org/draft/2019-09/schema", "# + body)
        let v2020 = try validator(#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "# + body)
        #expect(!v2019.isValid(try JSONParser.parse("[1]")))
        #expect(v2020.isValid(try JSONParser.parse("[1]")))
    }

    @Test("2019-09 items arrays, additionalItems and dependentSchemas")
    func draft2019Items() throws {
        let v = try validator(#"""
            {"$schema": "https://json-schema.org/draft/2019-09/schema",
             "items": [{"type": "string"}], "additionalItems": false,
             "dependentSchemas": {"a": {"required": ["b"]}}}
            """#)
        try expectValid(v, #"["x"]"#, true)
        try expectValid(v, #"["x", 1]"#, false)
        try expectValid(v, "[1]", false)
        try expectValid(v, #"{"a": 1}"#, false)
    }

    @Test("an unknown $schema is an unsupported-draft error, not a 2020-12 schema")
    func unknownDraft() throws {
        let text = #"{"$schema": "http://json-schema.org/draft-03/schema#", "type": "string"}"#
        let error = try #require(throws: SchemaError.self) { _ = try validator(text) }
        #expect(error.kind == .unsupportedDraft)
        #expect(error.description.contains("unsupported draft \"http://json-schema.org/draft-03/schema#\""))
        let check = try #require(throws: SchemaError.self) {
            _ = try Validator.checkSchema(JSONSchema(parsing: text), registry: SchemaRegistry())
        }
        #expect(check.kind == .unsupportedDraft)
    }

    @Test("a meta-schema error is reported once, not once per vocabulary")
    func metaschemaErrorsAreDistinct() throws {
        let result = Validator.checkSchema(try JSONSchema(parsing: #"{"items": [{"type": "string"}]}"#))
        #expect(!result.isValid)
        let atItems = result.errors.filter { $0.instanceLocation.description == "/items" }
        #expect(atItems.count == 1, "\(result.errors.map(\.description))")
        // The same schema is fine as draft-04, 06, 07 and 2019-09, where items may be an array.
        for draft in [SchemaDraft.draft4, .draft6, .draft7, .draft2019_09] {
            let schema = try JSONSchema(parsing: #"{"$schema": "\#(draft.metaschemaURI)#", "items": [{"type": "string"}]}"#)
            #expect(Validator.checkSchema(schema).isValid, "\(draft)")
            #expect(try Validator.checkSchema(schema, registry: SchemaRegistry()).isValid, "\(draft)")
        }
    }

    @Test("draft-07 content keywords are annotations unless contentAssertion is set")
    func contentAssertionIsOptIn() throws {
        let text = #"{"$schema": "http://json-schema.org/draft-07/schema#", "contentMediaType": "application/json", "contentEncoding": "base64"}"#
        let annotated = try validator(text)
        try expectValid(annotated, #""not base64!""#, true)
        let asserted = try validator(text, .init(contentAssertion: true))
        try expectValid(asserted, #""not base64!""#, false)
        try expectValid(asserted, #""eyJhIjogMX0=""#, true)  // {"a": 1}
        // 2020-12 defines them as annotations only.
        let later = try validator(#"{"contentMediaType": "application/json"}"#, .init(contentAssertion: true))
        try expectValid(later, #""{""#, true)
    }

    @Test("a 46,277-character alternation of names compiles and matches")
    func longAlternationPattern() throws {
        var names: [String] = []
        var length = 0
        while length < 46_277 {
            let name = "Name\(names.count)é"
            names.append(name)
            length += name.count + 1
        }
        let pattern = "^(" + names.joined(separator: "|") + ")$"
        #expect(pattern.count > 46_277)
        let v = try validator(JSONValue.object(["type": "string", "pattern": .string(pattern)]).serialized())
        try expectValid(v, #""Name0é""#, true)
        try expectValid(v, "\"\(names[names.count / 2])\"", true)
        try expectValid(v, "\"\(names.last!)\"", true)
        try expectValid(v, #""Name0éx""#, false)
        try expectValid(v, #""Other""#, false)
        let regex = try ECMARegex(pattern)
        #expect(try regex.fullMatch(names[1000]))
        #expect(try !regex.fullMatch("x" + names[1000]))
        // A top-level alternation splits too: some part matches somewhere.
        let loose = try ECMARegex(names.joined(separator: "|"))
        #expect(try loose.matches("say " + names[4000] + "!"))
        #expect(try !loose.matches("nothing here"))
        #expect(try loose.firstMatch(in: "ab" + names[4000]).map { String("ab" + names[4000])[$0] } == Substring(names[4000]))
    }
}

extension DraftTests {
    @Test("format hostname: RFC 1123 in drafts 04 and 06, IDNA 2008 from draft-07")
    func hostnamePerDraft() throws {
        for (draft, allowsDoubleHyphen) in [(SchemaDraft.draft4, true), (.draft6, true), (.draft7, false), (.draft2020_12, false)] {
            let v = try validator(#"{"format": "hostname"}"#, .init(formatAssertion: true, defaultDraft: draft))
            try expectValid(v, #""ab--cd.example""#, allowsDoubleHyphen)
            try expectValid(v, #""-ab.example""#, false)
            try expectValid(v, #""www.example.com""#, true)
        }
    }
}
