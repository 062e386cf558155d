@testable import FormaClient
import Foundation
import Testing

@Suite("API key redaction")
struct RedactionTests {
    static let key = Fixture.key

    static func assertNoKey(_ error: APIError, sourceLocation: SourceLocation = #_sourceLocation) {
        var dumped = ""
        dump(error, to: &dumped)
        let texts = [
            String(describing: error), String(reflecting: error), error.localizedDescription, "\(error)", dumped,
            error.message, error.bodyExcerpt ?? "", error.param ?? "", error.code ?? "", error.type ?? "",
        ]
        for text in texts {
            #expect(!text.contains(key), "key leaked: \(text)", sourceLocation: sourceLocation)
        }
    }

    static let echoingReplies: [ScriptedTransport.Reply] = [
        .response(HTTPResponse(status: 401, body: Array(#"{"error":{"message":"Invalid API key: \#(key)","type":"invalid_request_error","param":"\#(key)","code":"invalid_api_key"}}"#.utf8))),
        .response(HTTPResponse(status: 400, body: Array(#"{"error":"header was Authorization: Bearer \#(key)"}"#.utf8))),
        .response(HTTPResponse(status: 403, body: Array("<html>your key \(key) is banned</html>".utf8))),
        .json("not json, but here is the key \(key) and Bearer \(key)"),
        .failure(APIError(kind: .connection, message: "could not connect to https://x/?api_key=\(key)")),
    ]

    @Test(arguments: 0..<5)
    func errorsNeverShowTheKey(_ index: Int) async throws {
        let (client, _, _) = try Fixture.client([Self.echoingReplies[index]], retries: 0)
        let error = try await #require(throws: APIError.self) {
            try await client.complete(ChatRequest(model: "m", messages: [.user("hi")]))
        }
        Self.assertNoKey(error)
    }

    @Test func streamErrorEventEchoingTheKey() async throws {
        let (client, _, _) = try Fixture.client([.sse([#"{"error":{"message":"bad key \#(Self.key)"}}"#])])
        let stream = try await client.stream(ChatRequest(model: "m", messages: []))
        let error = try await #require(throws: APIError.self) { _ = try await stream.collect() }
        Self.assertNoKey(error)
        let (client2, _, _) = try Fixture.client([.sse(["garbage \(Self.key)"])])
        let stream2 = try await client2.stream(ChatRequest(model: "m", messages: []))
        Self.assertNoKey(try await #require(throws: APIError.self) { _ = try await stream2.collect() })
    }

    @Test func configurationAndRequestDescriptionsHideTheKey() throws {
        let configuration = Fixture.configuration()
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [String(describing: configuration), String(reflecting: configuration), dumped, "\(configuration.apiKey!)"] {
            #expect(!text.contains(Self.key))
        }
        let client = try ChatClient(configuration: configuration, transport: ScriptedTransport([]))
        let request = try client.makeRequest(path: "models", body: nil, stream: false)
        var dumpedRequest = ""
        dump(request, to: &dumpedRequest)
        for text in [String(describing: request), String(reflecting: request), dumpedRequest] {
            #expect(!text.contains(Self.key))
        }
    }

    @Test func bearerTokensAreRedactedEvenWithoutKnowingTheKey() {
        let error = APIError(kind: .invalidRequest, message: "got Authorization: Bearer sk-abc123XYZ, rejected")
        #expect(!error.message.contains("sk-abc123XYZ"))
        #expect(error.message.contains("Bearer <redacted>"))
    }
}
