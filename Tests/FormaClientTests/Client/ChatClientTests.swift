@testable import FormaClient
import FormaJSON
import Testing

@Suite("Chat client (scripted transport)")
struct ChatClientTests {
    @Test func completeSendsHeadersAndDecodes() async throws {
        let (client, transport, _) = try Fixture.client([.json(Fixture.chatReply, headers: ["x-request-id": "req-1", "x-ratelimit-remaining": "99"])])
        let response = try await client.complete(ChatRequest(model: "m", messages: [.user("hi")]))
        #expect(response.choices[0].message.toolCalls.first?.name == "get_weather")
        #expect(response.metadata.requestID == "req-1")
        #expect(response.metadata.rateLimit?.remainingRequestCount == 99)
        #expect(response.metadata.attempts == 1)
        let request = try #require(transport.requests.first)
        #expect(request.url == "https://api.example.test/v1/chat/completions")
        #expect(request.headers["authorization"] == "Bearer \(Fixture.key)")
        #expect(request.headers["user-agent"] == "forma/\(ClientConfiguration.version)")
        #expect(request.headers["accept"] == "application/json")
        let body = try JSONParser.parse(request.body ?? [])
        #expect(body["model"] == "m")
    }

    @Test func retriesHonourRetryAfterThenSucceed() async throws {
        let (client, transport, clock) = try Fixture.client([
            .response(HTTPResponse(status: 429, headers: ["retry-after": "2"], body: Fixture.bytes(#"{"error":{"message":"slow down","code":"dynamic_request_limited"}}"#))),
            .response(HTTPResponse(status: 503)),
            .failure(APIError(kind: .connection, message: "reset")),
            .json(Fixture.textReply("ok")),
        ])
        let response = try await client.complete(ChatRequest(model: "m", messages: [.user("hi")]))
        #expect(response.content == "ok")
        #expect(response.metadata.attempts == 4)
        #expect(transport.requests.count == 4)
        #expect(clock.sleeps == [.seconds(2), .seconds(1), .seconds(2)])
    }

    @Test(arguments: [400, 401, 403, 404, 422])
    func clientErrorsAreNotRetried(_ status: Int) async throws {
        let (client, transport, _) = try Fixture.client([
            .response(HTTPResponse(status: status, body: Fixture.bytes(#"{"id":"x","error":{"message":"nope","type":"invalid_request_error","param":"model","code":"model_not_available"}}"#))),
        ])
        let error = try await #require(throws: APIError.self) { try await client.complete(ChatRequest(model: "m", messages: [])) }
        #expect(error.status == status)
        #expect(error.code == "model_not_available")
        #expect(error.param == "model")
        #expect(error.attempts == 1)
        #expect(transport.requests.count == 1)
    }

    @Test func kindsByStatus() {
        #expect(APIError.kind(status: 401, code: nil, message: "") == .authentication)
        #expect(APIError.kind(status: 403, code: nil, message: "denied") == .permission)
        #expect(APIError.kind(status: 403, code: nil, message: "Input validation error: inputs tokens + max_new_tokens must be <= 8193") == .contextLengthExceeded)
        #expect(APIError.kind(status: 400, code: "context_length_exceeded", message: "") == .contextLengthExceeded)
        #expect(APIError.kind(status: 400, code: nil, message: "This model's maximum context length is 8192") == .contextLengthExceeded)
        #expect(APIError.kind(status: 404, code: nil, message: "") == .notFound)
        #expect(APIError.kind(status: 429, code: nil, message: "") == .rateLimited)
        #expect(APIError.kind(status: 524, code: nil, message: "") == .server)
        #expect(APIError.kind(status: 402, code: nil, message: "") == .paymentRequired)
        #expect(APIError.kind(status: 422, code: nil, message: "") == .invalidRequest)
    }

    @Test func retriesRunOutWithAttemptsCounted() async throws {
        let (client, _, clock) = try Fixture.client(Array(repeating: .response(HTTPResponse(status: 500)), count: 3), retries: 2)
        let error = try await #require(throws: APIError.self) { try await client.complete(ChatRequest(model: "m", messages: [])) }
        #expect(error.kind == .server)
        #expect(error.attempts == 3)
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1)])
    }

    @Test func invalidJSONIsADecodingErrorWithExcerpt() async throws {
        let (client, _, _) = try Fixture.client([.json(#"{"choices":[{"message":"#, headers: ["content-type": "text/html", "x-request-id": "r9"])])
        let error = try await #require(throws: APIError.self) { try await client.complete(ChatRequest(model: "m", messages: [])) }
        #expect(error.kind == .decoding)
        #expect(error.bodyExcerpt?.hasPrefix(#"{"choices""#) == true)
        #expect(error.message.contains("text/html"))
        #expect(error.requestID == "r9")
    }

    @Test func streamAccumulatesContentReasoningToolsAndUsage() async throws {
        let events = [
            #"{"id":"s","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning":"hmm "}}]}"#,
            #"{"id":"s","choices":[{"index":0,"delta":{"role":"assistant","reasoning_content":"ok"}}]}"#,
            #"{"id":"s","choices":[{"index":0,"delta":{"content":"Hel"}}]}"#,
            #"{"id":"s","choices":[{"index":0,"delta":{"content":"lo"}}]}"#,
            #"{"id":"s","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]}}]}"#,
            #"{"id":"s","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]}}]}"#,
            #"{"id":"s","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Tokyo\"}"}}]}}]}"#,
            #"{"id":"s","choices":[{"index":0,"delta":{"content":""},"finish_reason":"tool_calls"}]}"#,
            #"{"id":"s","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12}}"#,
        ]
        let (client, transport, _) = try Fixture.client([.sse(events)])
        let stream = try await client.stream(ChatRequest(model: "m", messages: [.user("hi")]))
        let result = try await stream.collect()
        #expect(result.content == "Hello")
        #expect(result.reasoning == "hmm ok")
        #expect(result.toolCalls == [ToolCall(id: "call_1", name: "get_weather", arguments: #"{"city":"Tokyo"}"#, index: 0)])
        #expect(result.finishReason == .toolCalls)
        #expect(result.usage?.totalTokens == 12)
        #expect(result.chunkCount == 9)
        #expect(transport.requests[0].headers["accept"] == "text/event-stream")
    }

    @Test func streamErrorEventThrows() async throws {
        let (client, _, _) = try Fixture.client([
            .sse([#"{"choices":[{"index":0,"delta":{"content":"a"}}]}"#, #"{"error":{"message":"overloaded","type":"server_error"}}"#]),
        ])
        let stream = try await client.stream(ChatRequest(model: "m", messages: []))
        var received: [String] = []
        let error = try await #require(throws: APIError.self) {
            for try await chunk in stream { received.append(chunk.choices.first?.content ?? "") }
        }
        #expect(received == ["a"])
        #expect(error.kind == .streamError)
        #expect(error.message == "overloaded")
    }

    @Test func malformedEventIsADecodingError() async throws {
        let (client, _, _) = try Fixture.client([.sse(["{not json"])])
        let stream = try await client.stream(ChatRequest(model: "m", messages: []))
        let error = try await #require(throws: APIError.self) { _ = try await stream.collect() }
        #expect(error.kind == .decoding)
        #expect(error.bodyExcerpt == "{not json")
    }

    @Test func streamEndingEarlyIsAConnectionError() async throws {
        let (client, _, _) = try Fixture.client([.sse([#"{"choices":[{"index":0,"delta":{"content":"a"}}]}"#], done: false)])
        let stream = try await client.stream(ChatRequest(model: "m", messages: []))
        let error = try await #require(throws: APIError.self) { _ = try await stream.collect() }
        #expect(error.kind == .connection)
    }

    @Test func streamRetriesOnlyBeforeTheFirstByte() async throws {
        let (client, transport, _) = try Fixture.client([
            .response(HTTPResponse(status: 502)),
            .chunks(status: 200, headers: [:], chunks: [], failure: APIError(kind: .connection, message: "reset before first byte")),
            .chunks(status: 200, headers: [:], chunks: [Fixture.bytes("data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\n")],
                    failure: APIError(kind: .connection, message: "reset mid-stream")),
            .sse([]),
        ])
        let stream = try await client.stream(ChatRequest(model: "m", messages: []))
        #expect(stream.metadata.attempts == 3)
        var contents: [String] = []
        let error = try await #require(throws: APIError.self) {
            for try await chunk in stream { contents.append(chunk.choices[0].content ?? "") }
        }
        #expect(contents == ["x"])
        #expect(error.message.contains("mid-stream"))
        #expect(transport.requests.count == 3)
    }

    @Test func streamWithJSONErrorBodyInsteadOfEvents() async throws {
        let (client, _, _) = try Fixture.client([.json(#"{"error":{"message":"bad model","code":"model_not_found"}}"#)])
        let error = try await #require(throws: APIError.self) { _ = try await client.stream(ChatRequest(model: "m", messages: [])) }
        #expect(error.code == "model_not_found")
    }

    @Test func completionsAndModels() async throws {
        let (client, transport, _) = try Fixture.client([
            .json(#"{"choices":[{"index":0,"text":"four","finish_reason":"stop"}]}"#),
            .sse([#"{"choices":[{"index":0,"text":"fo"}]}"#, #"{"choices":[{"index":0,"text":"ur","finish_reason":"stop"}]}"#]),
            .json(#"[{"id":"model-a"},{"id":"model-b"}]"#),
        ])
        #expect(try await client.complete(CompletionRequest(model: "m", prompt: "2+2=")).text == "four")
        var text = ""
        for try await chunk in try await client.stream(CompletionRequest(model: "m", prompt: "2+2=")) { text += chunk.choices.first?.text ?? "" }
        #expect(text == "four")
        #expect(try await client.models().map(\.id) == ["model-a", "model-b"])
        #expect(transport.requests.map(\.url).map { $0.split(separator: "/").last ?? "" } == ["completions", "completions", "models"])
        #expect(transport.requests[2].method == "GET")
    }

    @Test func missingKeyIsAConfigurationError() async throws {
        let client = try ChatClient(configuration: ClientConfiguration(apiKey: nil), transport: ScriptedTransport([]))
        let error = try await #require(throws: APIError.self) { try await client.complete(ChatRequest(model: "m", messages: [])) }
        #expect(error.kind == .configuration)
        #expect(error.message.contains("TOGETHER_API_KEY"))
        let local = try ChatClient(configuration: ClientConfiguration(provider: .llamaCpp), transport: ScriptedTransport([.json(Fixture.textReply("ok"))]))
        #expect(try await local.complete(ChatRequest(model: "m", messages: [])).content == "ok")
    }

    @Test func configurationFromEnvironment() {
        let env = ["TOGETHER_API_KEY": "env-key", "TOGETHER_BASE_URL": "http://localhost:8080/v1//"]
        let fromEnv = ClientConfiguration.fromEnvironment(environment: env)
        #expect(fromEnv.apiKey?.value == "env-key")
        #expect(fromEnv.baseURL == "http://localhost:8080/v1")
        let explicit = ClientConfiguration.fromEnvironment(apiKey: "mine", baseURL: "https://x/v1/", environment: env)
        #expect(explicit.apiKey?.value == "mine")
        #expect(explicit.baseURL == "https://x/v1")
        #expect(ClientConfiguration.fromEnvironment(environment: [:]).baseURL == "https://api.together.xyz/v1")
    }

    @Test func cancellationDuringBackoffStopsRetrying() async throws {
        let transport = ScriptedTransport(Array(repeating: .response(HTTPResponse(status: 503)), count: 10))
        let client = try ChatClient(configuration: Fixture.configuration(), transport: transport, clock: ContinuousClock())
        let task = Task { try await client.complete(ChatRequest(model: "m", messages: [])) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        let error = try await #require(throws: APIError.self) { try await task.value }
        #expect(error.kind == .cancelled)
        #expect(transport.requests.count == 1)
    }
}
