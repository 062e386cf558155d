import Forma
import FormaTestServer
import Foundation
import Testing

/// A contact card as the tests extract it.
@Schema
struct Contact: Codable, Equatable, Sendable {
    /// Full name.
    var name: String
    /// E-mail address.
    @Guide(.format(.email))
    var email: String?
    /// Age in years.
    @Guide(.range(0...150))
    var age: Int?
}

enum Sentiment: String, CaseIterable, Sendable {
    case positive, neutral, negative
}

/// Builds a client pointed at a test server.
func client(for server: TestServer, dialect: ProviderDialect = .together) throws -> ChatClient {
    let configuration = ClientConfiguration(
        provider: Provider(speaking: dialect), apiKey: "sk-test-secret-0000", baseURL: server.baseURL,
        retryPolicy: RetryPolicy(maxRetries: 3, initialDelay: .milliseconds(1), maxDelay: .milliseconds(5)))
    return try ChatClient(configuration: configuration)
}

/// A chat completion reply with `content`.
func reply(_ content: String, finishReason: String = "stop", prompt: Int = 10, completion: Int = 5) -> TestResponse {
    .json(TogetherFixtures.chatCompletion(content: content, finishReason: finishReason, usage: (prompt, completion)))
}

/// The text of the last user (or tool) message of a recorded request.
func lastFollowUp(_ request: RecordedRequest) -> String? {
    request.json?["messages"]?.array?.last?["content"]?.string
}
