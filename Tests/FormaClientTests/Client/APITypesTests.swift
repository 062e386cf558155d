@testable import FormaClient
import FormaJSON
import Testing

@Suite("API types")
struct APITypesTests {
    static func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    @Test func toolCallResponseFromTheNotes() throws {
        let response = try ChatResponse(json: Self.parse(Fixture.chatReply))
        let choice = try #require(response.choices.first)
        #expect(choice.finishReason == .toolCalls)
        #expect(choice.seed == 12_390_303_563_326_160_000)
        #expect(choice.message.content == nil)
        #expect(choice.logprobs == nil)
        #expect(choice.message.toolCalls == [ToolCall(id: "call_8prwkicthj6bjfqa9ye64y2b", name: "get_weather", arguments: #"{"city":"Tokyo"}"#, index: 0)])
        #expect(response.usage == Usage(promptTokens: 193, completionTokens: 24, totalTokens: 217, cachedTokens: 0))
        #expect(response.id == "oBUtQrM-62bZhn-9801a1ac2a5f9b29")
    }

    @Test func emptyToolCallsUnknownFinishReasonAndReasoning() throws {
        let text = #"{"choices":[{"index":0,"finish_reason":"brand_new","message":{"role":"assistant","content":"hi","tool_calls":[],"reasoning_content":"think"}}],"warnings":[{"message":"w1"}]}"#
        let response = try ChatResponse(json: Self.parse(text))
        #expect(response.choices[0].finishReason?.rawValue == "brand_new")
        #expect(response.choices[0].message.toolCalls.isEmpty)
        #expect(response.choices[0].message.reasoning == "think")
        #expect(response.content == "hi")
        #expect(response.warnings == ["w1"])
        let empty = try ChatResponse(json: Self.parse(#"{"choices":[{"finish_reason":"","message":{"content":"x"}}]}"#))
        #expect(empty.choices[0].finishReason == FinishReason(rawValue: ""))
    }

    @Test(arguments: [
        (#"{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7,"cached_tokens":3}"#, 3, nil as Int?),
        (#"{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7,"prompt_tokens_details":{"cached_tokens":4},"completion_tokens_details":{"reasoning_tokens":1}}"#, 4, 1),
    ])
    func usageShapes(_ text: String, cached: Int, reasoning: Int?) throws {
        let usage = try Usage(json: Self.parse(text))
        #expect(usage.cachedTokens == cached)
        #expect(usage.reasoningTokens == reasoning)
        #expect(usage.totalTokens == 7)
    }

    @Test func togetherLogprobs() throws {
        let text = #"{"tokens":["a","b"],"token_logprobs":[-0.5,null],"token_ids":[1,2]}"#
        let logprobs = try Logprobs(json: Self.parse(text))
        #expect(logprobs.tokens == ["a", "b"])
        #expect(logprobs.tokenLogprobs == [-0.5, nil])
        #expect(logprobs.tokenIDs == [1, 2])
    }

    @Test func chunksIncludingUsageOnlyAndToolDeltas() throws {
        let first = try ChatChunk(json: Self.parse(#"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","usage":null,"choices":[{"index":0,"text":"The","logprobs":null,"finish_reason":null,"seed":null,"delta":{"token_id":791,"role":"assistant","content":"The"}}]}"#))
        #expect(first.choices[0].content == "The")
        #expect(first.choices[0].tokenID == 791)
        #expect(first.choices[0].role == .assistant)
        #expect(!first.hasFinishReason)
        let usageOnly = try ChatChunk(json: Self.parse(#"{"id":"c","choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}"#))
        #expect(usageOnly.choices.isEmpty)
        #expect(usageOnly.usage?.completionTokens == 2)
        let tool = try ChatChunk(json: Self.parse(#"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{\"city\":"}}]}}]}"#))
        #expect(tool.choices[0].toolCalls == [ToolCallDelta(index: 1, arguments: #"{"city":"#)])
    }

    @Test func wrongTypesAreLocatedDecodingErrors() throws {
        let error = try #require(throws: APIError.self) {
            try ChatResponse(json: Self.parse(#"{"choices":[{"message":{"content":42}}]}"#))
        }
        #expect(error.kind == .decoding)
        #expect(error.message.contains("response.choices[0].message.content"))
    }

    @Test func requestBodyEncodesEveryTypedField() throws {
        var request = ChatRequest(
            model: "m",
            messages: [
                .system("sys"), .user(parts: [.text("look"), .imageURL("https://x/y.png")]),
                .assistant(nil, toolCalls: [ToolCall(id: "c1", name: "f", arguments: "{}")]), .tool("42", callID: "c1"),
            ],
            tools: [Tool(name: "f", description: "d", parameters: ["type": "object"])], toolChoice: .function("f"),
            reasoningEffort: "low", reasoningEnabled: true, extra: ["custom": 1, "temperature": 0.9]
        )
        request.options = SamplingOptions(
            maxTokens: 10, stop: ["\n"], temperature: 0.2, topP: 0.9, topK: 40, repetitionPenalty: 1.1, minP: 0.05,
            logitBias: ["50256": -100], seed: UInt64.max, n: 2, logprobs: 3, contextLengthExceededBehavior: "truncate"
        )
        let body = try request.body(dialect: .together, stream: true)
        let text = JSONValue.object(body).serialized()
        #expect(text.contains(#""seed":18446744073709551615"#))
        #expect(body["temperature"] == 0.9)  // extra wins
        #expect(body["custom"] == 1)
        #expect(body["logprobs"] == 3)
        #expect(body["stream"] == true)
        #expect(body["stream_options"] == nil)
        #expect(body["tool_choice"] == ["type": "function", "function": ["name": "f"]])
        #expect(body["reasoning"] == ["enabled": true])
        #expect(body["messages"]?[1]?["content"]?[1]?["image_url"]?["url"] == "https://x/y.png")
        #expect(body["messages"]?[2]?["content"] == .null)
        #expect(body["messages"]?[2]?["tool_calls"]?[0]?["function"]?["arguments"] == "{}")
        #expect(body["messages"]?[3]?["tool_call_id"] == "c1")
        #expect(body["logit_bias"] == ["50256": -100])
        #expect(body["top_k"] == 40)
    }

    @Test func openAILogprobsAndStreamUsage() throws {
        var request = ChatRequest(model: "m", messages: [.user("x")])
        request.options.logprobs = 2
        let body = try request.body(dialect: .openAI, stream: true)
        #expect(body["logprobs"] == true)
        #expect(body["top_logprobs"] == 2)
        #expect(body["stream_options"] == ["include_usage": true])
    }

    @Test func completionTypes() throws {
        let response = try CompletionResponse(json: Self.parse(#"{"id":"t","object":"text.completion","choices":[{"index":0,"text":"hello","finish_reason":"length","seed":1}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}"#))
        #expect(response.text == "hello")
        #expect(response.choices[0].finishReason?.isTruncated == true)
        let chunk = try CompletionChunk(json: Self.parse(#"{"object":"completion.chunk","choices":[{"index":0,"text":" wo"}]}"#))
        #expect(chunk.choices[0].text == " wo")
        let body = CompletionRequest(model: "m", prompt: "p", options: SamplingOptions(maxTokens: 3)).body()
        #expect(body["prompt"] == "p")
        #expect(body["messages"] == nil)
        #expect(body["max_tokens"] == 3)
    }

    @Test func modelListShapes() throws {
        let together = try ModelInfo.list(from: Self.parse(#"[{"id":"a","type":"chat","context_length":8192,"organization":"Meta"}]"#))
        #expect(together.map(\.id) == ["a"])
        #expect(together[0].contextLength == 8192)
        let openAI = try ModelInfo.list(from: Self.parse(#"{"object":"list","data":[{"id":"b","owned_by":"me"}]}"#))
        #expect(openAI.map(\.organization) == ["me"])
    }
}
