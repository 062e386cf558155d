import FormaClient
import FormaJSON
import FormaTestServer
import Foundation
import Testing

/// `ChatClient` over `CurlTransport` against the loopback `TestServer`: real sockets.
@Suite("Curl transport against the test server", .serialized)
struct CurlIntegrationTests {
    static func client(
        _ server: TestServer, retries: Int = 0, clock: RecordingClock = RecordingClock(),
        transport: CurlTransport.Configuration = .init(connectTimeout: .seconds(5), requestTimeout: .seconds(30), idleTimeout: .seconds(10))
    ) throws -> ChatClient {
        var configuration = ClientConfiguration(
            apiKey: APIKey(Fixture.key), baseURL: server.baseURL, retryPolicy: RetryPolicy(maxRetries: retries, jitter: 0), transport: transport
        )
        configuration.userAgent = "forma/test"
        return try ChatClient(configuration: configuration, clock: clock, random: { 0 })
    }

    static let request = ChatRequest(model: "m", messages: [.user("hi")])

    @Test func jsonReply() async throws {
        let server = try TestServer(script: [.json(TogetherFixtures.chatCompletion(content: "Hello"), headers: [("x-request-id", "req-42")])])
        defer { server.stop() }
        let response = try await Self.client(server).complete(Self.request)
        #expect(response.content == "Hello")
        #expect(response.metadata.requestID == "req-42")
        let recorded = try #require(server.requests.first)
        #expect(recorded.path == "/v1/chat/completions")
        #expect(recorded.headers["authorization"] == "Bearer \(Fixture.key)")
        #expect(recorded.headers["user-agent"] == "forma/test")
        #expect(recorded.json?["messages"]?[0]?["content"] == "hi")
    }

    @Test func streamWithReasoningAndUsageOnlyChunk() async throws {
        let events = TogetherFixtures.chatChunks(contentPieces: ["Hel", "lo", "!"], reasoningPieces: ["let me ", "think"], usageOnlyChunk: true)
        let server = try TestServer(script: [.sse(events)])
        defer { server.stop() }
        let stream = try await Self.client(server).stream(Self.request)
        let result = try await stream.collect()
        #expect(result.content == "Hello!")
        #expect(result.reasoning == "let me think")
        #expect(result.finishReason == .stop)
        #expect(result.usage?.promptTokens == 10)
        #expect(server.requests.first?.isStreaming == true)
    }

    @Test func toolCallStream() async throws {
        let events = TogetherFixtures.toolCallChunks(name: "get_weather", argumentPieces: [#"{"city":"#, #""Tokyo"}"#])
        let server = try TestServer(script: [.sse(events)])
        defer { server.stop() }
        let result = try await Self.client(server).stream(Self.request).collect()
        #expect(result.toolCalls.map(\.name) == ["get_weather"])
        #expect(result.toolCalls.first?.arguments == #"{"city":"Tokyo"}"#)
        #expect(result.finishReason == .toolCalls)
    }

    @Test func rateLimitWithRetryAfterThenSuccess() async throws {
        let server = try TestServer(script: [
            .apiError(429, message: "slow down", errorCode: "dynamic_request_limited", headers: [("retry-after", "3"), ("x-ratelimit-remaining", "0")]),
            .json(TogetherFixtures.chatCompletion(content: "ok")),
        ])
        defer { server.stop() }
        let clock = RecordingClock()
        let response = try await Self.client(server, retries: 2, clock: clock).complete(Self.request)
        #expect(response.content == "ok")
        #expect(response.metadata.attempts == 2)
        #expect(clock.sleeps == [.seconds(3)])
        #expect(server.requestCount == 2)
    }

    @Test func serverErrorsAreRetried() async throws {
        let server = try TestServer(script: [.status(500), .status(502), .status(503), .status(524), .json(TogetherFixtures.chatCompletion(content: "finally"))])
        defer { server.stop() }
        let clock = RecordingClock()
        let response = try await Self.client(server, retries: 5, clock: clock).complete(Self.request)
        #expect(response.content == "finally")
        #expect(response.metadata.attempts == 5)
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4)])
    }

    @Test func rateLimitErrorCarriesHeadersWhenRetriesRunOut() async throws {
        let server = try TestServer(script: [.apiError(429, message: "limit", errorCode: "credit_limit", headers: [("retry-after", "1"), ("x-ratelimit-remaining", "0"), ("cf-ray", "ray-1")])])
        defer { server.stop() }
        let error = try await #require(throws: APIError.self) { try await Self.client(server).complete(Self.request) }
        #expect(error.kind == .rateLimited)
        #expect(error.code == "credit_limit")
        #expect(error.retryAfter == .seconds(1))
        #expect(error.rateLimit?.remainingRequestCount == 0)
        #expect(error.requestID == "ray-1")
    }

    @Test func connectionResetMidBody() async throws {
        let server = try TestServer(script: [.resetMidBody(partialBody: #"{"id":"x","choices":["#), .json(TogetherFixtures.chatCompletion(content: "again"))])
        defer { server.stop() }
        let error = try await #require(throws: APIError.self) { try await Self.client(server).complete(Self.request) }
        #expect(error.kind == .connection)
        // With retries, the next attempt succeeds.
        let retrying = try TestServer(script: [.resetMidBody(partialBody: #"{"id":"x""#), .json(TogetherFixtures.chatCompletion(content: "again"))])
        defer { retrying.stop() }
        #expect(try await Self.client(retrying, retries: 1).complete(Self.request).content == "again")
    }

    @Test func truncatedJSONIsADecodingErrorWithExcerpt() async throws {
        let server = try TestServer(script: [.truncatedJSON()])
        defer { server.stop() }
        let error = try await #require(throws: APIError.self) { try await Self.client(server).complete(Self.request) }
        #expect(error.kind == .decoding)
        #expect(error.bodyExcerpt?.hasPrefix("{") == true)
    }

    @Test func slowDripHitsTheIdleTimeout() async throws {
        let server = try TestServer(script: [.slowDrip(body: String(repeating: "x", count: 100), bytesPerChunk: 1, delay: .seconds(4))])
        defer { server.stop() }
        let transport = CurlTransport.Configuration(connectTimeout: .seconds(5), requestTimeout: .seconds(30), idleTimeout: .seconds(1))
        let started = ContinuousClock.now
        let error = try await #require(throws: APIError.self) { try await Self.client(server, transport: transport).complete(Self.request) }
        #expect(error.kind == .timeout)
        // Bytes come every 4 s: failing before the second one proves the 1 s idle timer fired
        // (the margin allows for a loaded machine).
        #expect(ContinuousClock.now - started < .milliseconds(3500))
        #expect(error.message.contains("idle"))
    }

    @Test func totalTimeout() async throws {
        let server = try TestServer(script: [.delayed(by: .seconds(5), then: .json(TogetherFixtures.chatCompletion(content: "late")))])
        defer { server.stop() }
        let transport = CurlTransport.Configuration(connectTimeout: .seconds(5), requestTimeout: .milliseconds(300), idleTimeout: nil)
        let error = try await #require(throws: APIError.self) { try await Self.client(server, transport: transport).complete(Self.request) }
        #expect(error.kind == .timeout)
    }

    @Test func malformedSSE() async throws {
        let server = try TestServer(script: [.malformedSSE(raw: "data: {\"id\":\n\ndata: [DONE]\n\n")])
        defer { server.stop() }
        let stream = try await Self.client(server).stream(Self.request)
        let error = try await #require(throws: APIError.self) { _ = try await stream.collect() }
        #expect(error.kind == .decoding)
        #expect(error.bodyExcerpt == #"{"id":"#)
    }

    @Test(arguments: [true, false])
    func oversizeBodyHitsTheCap(_ declaresLength: Bool) async throws {
        let server = try TestServer(script: [.oversize(bytes: 4 << 20, declaresLength: declaresLength)])
        defer { server.stop() }
        let transport = CurlTransport.Configuration(maxResponseBytes: 1 << 20)
        let error = try await #require(throws: APIError.self) { try await Self.client(server, transport: transport).complete(Self.request) }
        #expect(error.kind == .responseTooLarge)
        #expect(error.message.contains("\(1 << 20)"))
    }

    @Test func wrongContentType() async throws {
        let server = try TestServer(script: [.wrongContentType(), .wrongContentType()])
        defer { server.stop() }
        let client = try Self.client(server)
        let error = try await #require(throws: APIError.self) { try await client.complete(Self.request) }
        #expect(error.kind == .decoding)
        #expect(error.message.contains("text/html"))
        #expect(error.bodyExcerpt?.contains("Bad gateway") == true)
        let streamError = try await #require(throws: APIError.self) { _ = try await client.stream(Self.request) }
        #expect(streamError.kind == .decoding)
        #expect(streamError.message.contains("text/html"))
    }

    @Test func cancellationMidStreamClosesTheConnection() async throws {
        let events = TogetherFixtures.chatChunks(contentPieces: (0..<50).map { "p\($0) " })
        let server = try TestServer(script: [.sse(events, delayBetweenEvents: .milliseconds(500))])
        defer { server.stop() }
        let client = try Self.client(server)
        let firstChunk = AsyncStream<Void>.makeStream()
        let task = Task {
            var count = 0
            for try await _ in try await client.stream(Self.request) {
                count += 1
                firstChunk.continuation.yield()
            }
            return count
        }
        for await _ in firstChunk.stream { break }
        let cancelledAt = ContinuousClock.now
        task.cancel()
        let error = await #expect(throws: APIError.self) { _ = try await task.value }
        #expect(error?.kind == .cancelled)
        // The stream would run for 25 s more; ending well before the next events proves the
        // transfer was aborted (the margin allows for a loaded machine).
        #expect(ContinuousClock.now - cancelledAt < .seconds(2))
        var waited = 0
        while server.openConnectionCount > 0, waited < 40 {
            try await Task.sleep(for: .milliseconds(50))
            waited += 1
        }
        #expect(server.openConnectionCount == 0)
    }

    @Test func connectionsAreReused() async throws {
        let server = try TestServer { request in
            request.isStreaming
                ? .sse(TogetherFixtures.chatChunks(contentPieces: ["same"]))
                : .json(request.path.hasSuffix("models") ? TogetherFixtures.models() : TogetherFixtures.chatCompletion(content: "same"))
        }
        defer { server.stop() }
        let client = try Self.client(server)
        for _ in 0..<8 { _ = try await client.complete(Self.request) }
        #expect(try await client.stream(Self.request).collect().content == "same")
        #expect(try await client.models().count == 2)
        #expect(server.requestCount == 10)
        #expect(server.connectionCount == 1)
    }

    @Test func concurrentRequests() async throws {
        let server = try TestServer { request in .json(TogetherFixtures.chatCompletion(content: request.json?["messages"]?[0]?["content"]?.string ?? "")) }
        defer { server.stop() }
        let client = try Self.client(server)
        for round in 0..<2 {
            let replies = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<24 {
                    group.addTask { try await client.complete(ChatRequest(model: "m", messages: [.user("r\(round)-\(i)")])).content ?? "" }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(replies == Set((0..<24).map { "r\(round)-\($0)" }))
        }
        // The second round reuses the first round's connections.
        #expect(server.requestCount == 48)
        #expect(server.connectionCount <= 24)
    }

    @Test func backPressureDeliversEveryEventInOrder() async throws {
        let pieces = (0..<3000).map { "token-\($0) " }
        let server = try TestServer(script: [.sse(TogetherFixtures.chatChunks(contentPieces: pieces))])
        defer { server.stop() }
        let transport = CurlTransport.Configuration(streamBufferBytes: 2048)
        let stream = try await Self.client(server, transport: transport).stream(Self.request)
        var accumulator = ChatStreamAccumulator()
        var count = 0
        for try await chunk in stream {
            accumulator.add(chunk)
            count += 1
            if count % 500 == 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(accumulator.content == pieces.joined())
    }

    @Test func serverEchoingTheAuthorizationHeaderDoesNotLeakTheKey() async throws {
        let server = try TestServer { request in
            .apiError(401, message: "invalid key in header \(request.headers["authorization"] ?? "")", errorCode: "invalid_api_key")
        }
        defer { server.stop() }
        let error = try await #require(throws: APIError.self) { try await Self.client(server).complete(Self.request) }
        #expect(error.kind == .authentication)
        RedactionTests.assertNoKey(error)
        #expect(error.message.contains("<redacted>"))
    }

    @Test func refusedConnectionIsAConnectionError() async throws {
        let server = try TestServer(script: [])
        let url = server.baseURL
        server.stop()
        let configuration = ClientConfiguration(apiKey: "k", baseURL: url, retryPolicy: .none)
        let error = try await #require(throws: APIError.self) { try await ChatClient(configuration: configuration).complete(Self.request) }
        #expect(error.kind == .connection)
    }

    @Test func transportStreamDirectly() async throws {
        let server = try TestServer(script: [.sse(["{\"a\":1}"])])
        defer { server.stop() }
        let transport = try CurlTransport()
        let response = try await transport.stream(HTTPRequest(method: "POST", url: server.baseURL + "/chat/completions", body: Array("{}".utf8)))
        #expect(response.status == 200)
        #expect(response.headers["content-type"]?.hasPrefix("text/event-stream") == true)
        let text = String(decoding: try await response.collect(), as: UTF8.self)
        #expect(text == "data: {\"a\":1}\n\ndata: [DONE]\n\n")
    }

    @Test func cancellingAWholeRequestIsPrompt() async throws {
        let server = try TestServer(script: [.delayed(by: .seconds(5), then: .json(TogetherFixtures.chatCompletion(content: "late")))])
        defer { server.stop() }
        let client = try Self.client(server)
        let task = Task { try await client.complete(Self.request) }
        try await Task.sleep(for: .milliseconds(150))
        let cancelledAt = ContinuousClock.now
        task.cancel()
        let error = await #expect(throws: APIError.self) { _ = try await task.value }
        #expect(error?.kind == .cancelled)
        // The reply would take 5 s; the margin allows for a loaded machine.
        #expect(ContinuousClock.now - cancelledAt < .milliseconds(2500))
    }

    @Test func streamRetriedAfterRateLimitAndCompletionsStream() async throws {
        let server = try TestServer(script: [
            .apiError(503, message: "overloaded", type: "server_error"),
            .sse(TogetherFixtures.completionChunks(pieces: ["The ", "answer"])),
        ])
        defer { server.stop() }
        let clock = RecordingClock()
        let stream = try await Self.client(server, retries: 1, clock: clock).stream(CompletionRequest(model: "m", prompt: "Q:"))
        var text = ""
        for try await chunk in stream { text += chunk.choices.first?.text ?? "" }
        #expect(text == "The answer")
        #expect(stream.metadata.attempts == 2)
        #expect(clock.sleeps == [.milliseconds(500)])
        #expect(server.requests.last?.json?["prompt"] == "Q:")
    }

    @Test func midStreamErrorEventOverSockets() async throws {
        let events = TogetherFixtures.chatChunks(contentPieces: ["a"]).dropLast() + [TogetherFixtures.streamError(message: "model crashed")]
        let server = try TestServer(script: [.sse(Array(events))])
        defer { server.stop() }
        let stream = try await Self.client(server).stream(Self.request)
        let error = try await #require(throws: APIError.self) { _ = try await stream.collect() }
        #expect(error.kind == .streamError)
        #expect(error.message == "model crashed")
    }
}
