import FormaClient
import FormaJSON
@testable import Forma
import FormaTestServer
import Foundation
import Logging
import Testing

/// An ordered log shared by a test's producer and consumer.
final class EventLog: Sendable {
    private let entries = Locked<[String]>([])
    func append(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.withLock { $0 } }
}

/// Keeps every log record, for assertions.
struct CapturingLogHandler: LogHandler {
    struct Record: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: Logger.Metadata
    }

    /// The records of every handler made with the same store.
    final class Store: Sendable {
        private let records = Locked<[Record]>([])
        func append(_ record: Record) { records.withLock { $0.append(record) } }
        var all: [Record] { records.withLock { $0 } }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        store.append(Record(level: level, message: "\(message)", metadata: self.metadata.merging(metadata ?? [:]) { $1 }))
    }
}

@Suite("extractMany and the logging observer")
struct StreamingManyAndLoggingTests {
    let model = "test-model"

    @Test func elementsAreYieldedOneByOneAsTheyClose() async throws {
        let pieces = [#"[{"name": "Ada"}"#, #", {"name": "Gr"#, #"ace"}, {"#, #""name": "Alan"}]"#]
        let events = TogetherFixtures.chatChunks(contentPieces: pieces).map { Array("data: \($0)\n\n".utf8) }
            + [Array("data: [DONE]\n\n".utf8)]
        let log = EventLog()
        // The reply is held back after the piece that closes "Grace" until the consumer has
        // seen Grace (or 20 s pass), so the order below does not depend on scheduling: an
        // implementation that yields only at the end times the gate out and fails the check.
        let transport = GatedStreamTransport(chunks: events, gateBefore: 3) {
            for _ in 0..<2000 where !log.all.contains("element Grace") {
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        let configuration = ClientConfiguration(apiKey: "sk-test-secret-0000", baseURL: "http://127.0.0.1:9/v1")
        let client = try ChatClient(configuration: configuration, transport: transport)
        var options = ExtractionOptions()
        options.observer = ClosureExtractionObserver { event in
            if case .replyReceived = event { log.append("reply complete") }
        }
        var names: [String] = []
        for try await contact in client.extractMany(Contact.self, from: "a list", model: model, options: options) {
            log.append("element \(contact.name)")
            names.append(contact.name)
        }
        #expect(names == ["Ada", "Grace", "Alan"])
        // The first two closed before the reply ended; the last closes with the array.
        let entries = log.all
        let replyIndex = try #require(entries.firstIndex(of: "reply complete"))
        #expect(entries.firstIndex(of: "element Ada").map { $0 < replyIndex } == true)
        #expect(entries.firstIndex(of: "element Grace").map { $0 < replyIndex } == true)
        let body = try #require(transport.requestBodies.first.flatMap { try? JSONParser.parse($0) })
        #expect(body["response_format"]?["json_schema"]?["schema"]?["type"] == "array")
        #expect(body["response_format"]?["json_schema"]?["schema"]?["items"] != nil)
    }

    @Test func invalidElementIsNotYieldedAndTheReaskDoesNotRepeatElements() async throws {
        let server = try TestServer(script: [
            .sse(TogetherFixtures.chatChunks(contentPieces: [#"[{"name": "Ada"}, "#, #"{"age": 3}]"#])),
            .sse(TogetherFixtures.chatChunks(contentPieces: [#"[{"name": "Ada"}, "#, #"{"name": "Bob", "age": 3}]"#])),
        ])
        var names: [String] = []
        for try await contact in try client(for: server).extractMany(Contact.self, from: "a list", model: model) {
            names.append(contact.name)
        }
        #expect(names == ["Ada", "Bob"])
        #expect(server.requests.count == 2)
        #expect(lastFollowUp(try #require(server.requests.last))?.contains("/1") == true)
    }

    @Test func scalarAndNestedElementsCloseAtTheRightByte() {
        var answer = StreamedAnswer()
        func texts(_ piece: String) -> [String] {
            answer.append(piece).closedElements.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(texts(#"<think>[0]</think> Sure: [1, [2, 3], "a,]"#) == ["1", "[2, 3]"])
        #expect(texts(#"", {"k": [4]}, 5 ] trailing [9]"#) == [#""a,]""#, #"{"k": [4]}"#, "5"])
        #expect(answer.json.isComplete)
        #expect(answer.snapshot() == [1, [2, 3], "a,]", ["k": [4]], 5])
    }

    @Test func loggingObserverLogsEveryEventWithAttemptNumbers() async throws {
        let store = CapturingLogHandler.Store()
        let logger = Logger(label: "test") { _ in CapturingLogHandler(store: store) }
        let server = try TestServer(script: [reply(#"{"name":"Ada","age":-3}"#), reply(#"{"name":"Ada","age":36}"#)])
        var options = ExtractionOptions()
        options.observer = LoggingExtractionObserver(logger: logger)
        _ = try await client(for: server).extract(Contact.self, from: "Ada Lovelace, private text", model: model, options: options)
        let all = store.all
        #expect(all.map(\.message) == [
            "extraction request sent", "extraction reply received", "extraction reply rejected", "extraction re-ask",
            "extraction request sent", "extraction reply received", "extraction completed",
        ])
        #expect(all.map(\.level) == [.info, .info, .warning, .notice, .info, .info, .info])
        #expect(all.prefix(4).allSatisfy { $0.metadata["forma.attempt"] == "1" })
        #expect(all[4].metadata["forma.attempt"] == "2")
        #expect(all[2].metadata["forma.problems"]?.description.contains("at /age") == true)
        #expect(all.last?.metadata["forma.attempts"] == "2")
        // Neither the key nor the prompt text is logged.
        let text = all.map { "\($0.message) \($0.metadata)" }.joined()
        #expect(!text.contains("sk-test-secret"))
        #expect(!text.contains("private text"))
    }

    @Test func loggingObserverLogsContentsOnlyAtTraceWhenAsked() async throws {
        let store = CapturingLogHandler.Store()
        let logger = Logger(label: "test") { _ in CapturingLogHandler(store: store) }
        let server = try TestServer(script: [reply(#"{"name":"Ada"}"#)])
        var options = ExtractionOptions()
        options.observer = LoggingExtractionObserver(logger: logger, logContents: true)
        _ = try await client(for: server).extract(Contact.self, from: "private text", model: model, options: options)
        let all = store.all
        let withPrompt = all.filter { "\($0.metadata)".contains("private text") }
        #expect(!withPrompt.isEmpty)
        #expect(withPrompt.allSatisfy { $0.level == .trace })
    }
}

/// A transport that streams `chunks`, pausing before chunk `gateBefore` until `gate` returns.
final class GatedStreamTransport: Transport {
    let chunks: [[UInt8]]
    let gateBefore: Int
    let gate: @Sendable () async -> Void
    private let bodies = Locked<[[UInt8]]>([])

    init(chunks: [[UInt8]], gateBefore: Int, gate: @escaping @Sendable () async -> Void) {
        self.chunks = chunks
        self.gateBefore = gateBefore
        self.gate = gate
    }

    /// The bodies of the requests sent so far.
    var requestBodies: [[UInt8]] { bodies.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw APIError(kind: .connection, message: "this test transport only streams")
    }

    func stream(_ request: HTTPRequest) async throws -> HTTPStreamResponse {
        bodies.withLock { $0.append(request.body ?? []) }
        let (stream, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        let chunks = chunks, gateBefore = gateBefore, gate = gate
        Task {
            for (index, chunk) in chunks.enumerated() {
                if index == gateBefore { await gate() }
                continuation.yield(chunk)
            }
            continuation.finish()
        }
        return HTTPStreamResponse(status: 200, headers: ["content-type": "text/event-stream"], body: HTTPBody(stream))
    }
}
