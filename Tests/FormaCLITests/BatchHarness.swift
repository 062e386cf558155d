import FormaJSON
import FormaTestServer
import Foundation
import Testing

/// A loopback provider with a Batch API and an online chat endpoint, for `forma extract --batch`.
final class BatchHarness: @unchecked Sendable {
    // @unchecked: every property is set in init; `online` is a Locked.
    static let secret = "tk-BATCH-SECRET-0123456789"

    let api: LoopbackBatchAPI
    let server: TestServer
    let directory: TemporaryDirectory
    /// Online chat requests (re-asks), counted.
    let online: Counter

    /// A count shared with the server's handler threads.
    final class Counter: Sendable {
        private let value = Locked(0)
        func add() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    /// The row number of a chat request body (`row N` in its first user message).
    static func row(of body: JSONValue) -> Int {
        for message in body["messages"]?.array ?? [] where message["role"]?.string == "user" {
            return Int(message["content"]?.string?.split(separator: " ").last ?? "") ?? -1
        }
        return -1
    }

    /// A harness whose batch replies are valid, except rows in `invalid` (a wrong type)
    /// and `failing` (the error file); online replies are always valid.
    init(style: LoopbackBatchAPI.Style = .together, behaviour: LoopbackBatchAPI.Behaviour = .init(),
         invalid: Set<Int> = [], failing: Set<Int> = [], slowCreation: Duration? = nil) throws {
        let api = LoopbackBatchAPI(style: style, behaviour: behaviour) { body, _ in
            let n = Self.row(of: body)
            if failing.contains(n) { return nil }
            let content = invalid.contains(n) ? #"{"n":"not a number"}"# : #"{"n":\#(n)}"#
            return TogetherFixtures.chatCompletion(content: content, usage: (10, 3))
        }
        self.api = api
        let online = Counter()
        self.online = online
        let creations = Locked(0)
        server = try TestServer { request in
            if let response = api.handle(request) {
                if let slowCreation, request.method == "POST", request.path == "/v1/batches",
                    creations.withLock({ $0 += 1; return $0 }) == 1
                {
                    return .delayed(by: slowCreation, then: response)
                }
                return response
            }
            guard request.path.hasSuffix("/chat/completions"), let body = request.json else { return .status(404) }
            online.add()
            return .json(TogetherFixtures.chatCompletion(content: #"{"n":\#(Self.row(of: body))}"#, usage: (12, 4)))
        }
        directory = try TemporaryDirectory()
    }

    func stop() { server.stop() }

    var output: String { directory.path("out.jsonl") }
    var workspace: String { output + ".forma-batch" }

    /// Arguments for a batch run over `rows` rows (`ids` overrides the ids).
    func arguments(rows: Int = 7, provider: String = "together", extra: [String] = []) throws -> [String] {
        let schema = try directory.write("schema.json", ExtractHarness.schemaText)
        let input = directory.path("in.jsonl")
        if !FileManager.default.fileExists(atPath: input) { _ = try directory.write("in.jsonl", ExtractHarness.jsonl(rows)) }
        return ["extract", "--schema", schema, "--input", input, "--output", output, "--model", "test-model", "--batch",
                "--provider", provider, "--base-url", server.baseURL, "--poll-interval", "0.05", "--batch-max-requests", "3",
                "--retry-base-delay-ms", "1"] + extra
    }

    /// The environment: only this provider's key.
    static func environment(provider: String = "together") -> [String: String] {
        [provider == "openai" ? "OPENAI_API_KEY" : "TOGETHER_API_KEY": secret,
         "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
    }

    /// Runs `forma` and returns the outcome.
    func run(_ arguments: [String], provider: String = "together") throws -> FormaProcess.Outcome {
        try FormaProcess.run(arguments, environment: Self.environment(provider: provider))
    }

    /// The output records by id (each checked against the record schema).
    func records() throws -> [String: JSONValue] {
        var byID: [String: JSONValue] = [:]
        for record in try ExtractHarness.records(at: output) {
            let id = record["id"]?.string ?? record["id"]?.serialized() ?? "?"
            #expect(byID[id] == nil, "two records for \(id)")
            byID[id] = record
        }
        return byID
    }

    /// The saved state, when there is one.
    var state: JSONValue? {
        FileManager.default.contents(atPath: workspace + "/state.json").flatMap { try? JSONParser.parse(Array($0)) }
    }

    /// Every file under the output's folder and the output itself, concatenated (to look for secrets).
    func everythingWritten() -> String {
        var text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        if let walker = FileManager.default.enumerator(atPath: workspace) {
            for case let name as String in walker {
                text += (try? String(contentsOfFile: workspace + "/" + name, encoding: .utf8)) ?? ""
            }
        }
        return text
    }
}
