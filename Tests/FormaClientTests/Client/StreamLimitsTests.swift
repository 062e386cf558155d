import FormaClient
import FormaJSON
import FormaTestServer
import Foundation
import Testing

@Suite("Stream limits against a server that sends too much")
struct StreamLimitsTests {
    static func client(_ server: TestServer, limits: StreamLimits) throws -> ChatClient {
        var configuration = ClientConfiguration(
            provider: .together, apiKey: APIKey("tk-limits"), baseURL: server.baseURL, retryPolicy: RetryPolicy(maxRetries: 0))
        configuration.streamLimits = limits
        return try ChatClient(configuration: configuration)
    }

    /// Reads the whole stream; returns the error that ended it, if any.
    static func drain(_ server: TestServer, limits: StreamLimits) async throws -> APIError? {
        let stream = try await client(server, limits: limits).stream(ChatRequest(model: "m", messages: [.user("x")]))
        do {
            _ = try await stream.collect()
            return nil
        } catch let error as APIError {
            return error
        }
    }

    @Test func tooManyEvents() async throws {
        let server = try TestServer(script: [.sse(TogetherFixtures.chatChunks(contentPieces: Array(repeating: "a", count: 2_000)))])
        let error = try #require(try await Self.drain(server, limits: StreamLimits(maxEvents: 1_000)))
        #expect(error.kind == .responseTooLarge)
        #expect(error.message.contains("more than 1000 events (StreamLimits.maxEvents)"))
        // Within the limit the same stream is fine.
        let fine = try TestServer(script: [.sse(TogetherFixtures.chatChunks(contentPieces: Array(repeating: "a", count: 2_000)))])
        #expect(try await Self.drain(fine, limits: StreamLimits(maxEvents: 5_000)) == nil)
    }

    @Test func tooMuchReasoning() async throws {
        let piece = String(repeating: "think ", count: 2_000)  // 12 KB per event
        let server = try TestServer(script: [.sse(TogetherFixtures.chatChunks(
            contentPieces: ["{}"], reasoningPieces: Array(repeating: piece, count: 200)))])
        let error = try #require(try await Self.drain(server, limits: StreamLimits(maxReasoningBytes: 1 << 20)))
        #expect(error.kind == .responseTooLarge)
        #expect(error.message.contains("reasoning exceeds 1048576 bytes (StreamLimits.maxReasoningBytes)"))
    }

    @Test func tooMuchContent() async throws {
        let server = try TestServer(script: [.sse(TogetherFixtures.chatChunks(
            contentPieces: Array(repeating: String(repeating: "x", count: 10_000), count: 50)))])
        let error = try #require(try await Self.drain(server, limits: StreamLimits(maxContentBytes: 100_000)))
        #expect(error.message.contains("content exceeds 100000 bytes"))
    }

    @Test func tooLongToolArguments() async throws {
        let fragment = "\"" + String(repeating: "y", count: 10_000) + "\","
        let server = try TestServer(script: [.sse(TogetherFixtures.toolCallChunks(
            name: "f", argumentPieces: ["{\"a\":["] + Array(repeating: fragment, count: 30)))])
        let error = try #require(try await Self.drain(server, limits: StreamLimits(maxToolCallArgumentBytes: 200_000)))
        #expect(error.message.contains("tool-call arguments exceed 200000 bytes (StreamLimits.maxToolCallArgumentBytes)"))
    }

    @Test func overlongEventLine() async throws {
        let big = String(repeating: "z", count: 300_000)
        let server = try TestServer(script: [.sse(TogetherFixtures.chatChunks(contentPieces: [big]))])
        let error = try #require(try await Self.drain(server, limits: StreamLimits(maxEventBytes: 64 << 10)))
        #expect(error.kind == .responseTooLarge)
        #expect(error.message.contains("exceeds 65536 bytes (StreamLimits.maxEventBytes)"))
    }

    @Test func defaultsAreDocumentedValues() {
        let limits = StreamLimits()
        #expect(limits.maxEvents == 1_000_000)
        #expect(limits.maxEventBytes == 16 << 20)
        #expect(limits.maxContentBytes == 32 << 20)
        #expect(limits.maxReasoningBytes == 32 << 20)
        #expect(limits.maxToolCallArgumentBytes == 16 << 20)
        #expect(ClientConfiguration(provider: .together).streamLimits == limits)
    }
}
