import FormaClient
import FormaJSON
import Testing

@Suite("Provider dialects")
struct ProviderDialectTests {
    static let schema: JSONValue = ["type": "object", "properties": ["a": ["type": "string"]]]

    static func body(_ dialect: ProviderDialect, _ format: ResponseFormat) throws -> JSONObject {
        try ChatRequest(model: "m", messages: [.user("x")], responseFormat: format).body(dialect: dialect)
    }

    @Test(arguments: [ProviderDialect.together, .openAI, .vllm, .ollama])
    func nestedJSONSchema(_ dialect: ProviderDialect) throws {
        let body = try Self.body(dialect, .jsonSchema(name: "out", schema: Self.schema, strict: true))
        #expect(body["response_format"] == ["type": "json_schema", "json_schema": ["name": "out", "schema": Self.schema, "strict": true]])
    }

    @Test func llamaCppUsesNativeFields() throws {
        let body = try Self.body(.llamaCpp, .jsonSchema(name: "out", schema: Self.schema))
        #expect(body["json_schema"] == Self.schema)
        #expect(body["response_format"] == nil)
        let grammar = try Self.body(.llamaCpp, .grammar("root ::= \"a\""))
        #expect(grammar["grammar"] == "root ::= \"a\"")
    }

    @Test func regexPerDialect() throws {
        #expect(try Self.body(.together, .regex("(a|b)"))["response_format"] == ["type": "regex", "pattern": "(a|b)"])
        #expect(try Self.body(.vllm, .regex("(a|b)"))["structured_outputs"] == ["regex": "(a|b)"])
        for dialect in [ProviderDialect.openAI, .ollama, .llamaCpp] {
            let error = try #require(throws: APIError.self) { try Self.body(dialect, .regex("a")) }
            #expect(error.kind == .unsupported)
            #expect(error.message.contains(dialect.description))
        }
    }

    @Test func jsonObjectKeepsSchemaOnlyWhereSupported() throws {
        #expect(try Self.body(.together, .jsonObject(schema: Self.schema))["response_format"] == ["type": "json_object", "schema": Self.schema])
        #expect(try Self.body(.openAI, .jsonObject(schema: Self.schema))["response_format"] == ["type": "json_object"])
        #expect(try Self.body(.together, .text)["response_format"] == nil)
    }

    @Test func namesParse() {
        #expect(ProviderDialect(name: "OpenAI") == .openAI)
        #expect(ProviderDialect(name: "llama.cpp") == .llamaCpp)
        #expect(ProviderDialect(name: "nope") == nil)
        #expect(ProviderDialect.all.count == 5)
    }
}
