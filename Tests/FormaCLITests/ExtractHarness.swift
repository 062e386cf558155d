import FormaJSON
import FormaSchema
import FormaTestServer
import Foundation
import Synchronization
import Testing

/// Shared pieces of the `forma extract` tests: a fault-injecting loopback model, inputs,
/// the record schema, and a way to run `forma` in the background and signal it.
enum ExtractHarness {
    /// The schema every test extracts with: `{"n": integer}`.
    static let schemaText = #"{"type":"object","required":["n"],"properties":{"n":{"type":"integer"}}}"#

    /// The row number in a request: its first user message is `row N`.
    static func row(of request: RecordedRequest) -> (key: String, number: Int)? {
        guard case .array(let messages)? = request.json?["messages"] else { return nil }
        for message in messages where message["role"]?.string == "user" {
            guard let text = message["content"]?.string else { return nil }
            return (text, Int(text.split(separator: " ").last ?? "") ?? -1)
        }
        return nil
    }

    /// A valid reply for row `n`.
    static func reply(_ n: Int) -> TestResponse {
        .json(TogetherFixtures.chatCompletion(content: #"{"n":\#(n)}"#, usage: (12, 4)))
    }

    /// A server that answers every row validly, after `delay` when given.
    static func plainServer(delay: Duration? = nil) throws -> TestServer {
        try TestServer(recordsRequests: false) { request in
            let n = row(of: request)?.number ?? -1
            return delay.map { .delayed(by: $0, then: reply(n)) } ?? reply(n)
        }
    }

    /// `count` JSONL rows `{"id":"r<i>","text":"row <i>"}`.
    static func jsonl(_ count: Int, from first: Int = 1) -> String {
        (first..<first + count).map { #"{"id":"r\#($0)","text":"row \#($0)"}"# }.joined(separator: "\n") + "\n"
    }

    /// Arguments for a run against `server`.
    static func arguments(server: TestServer, directory: TemporaryDirectory, input: String, output: String, extra: [String] = []) throws -> [String] {
        let schema = try directory.write("schema.json", schemaText)
        return ["extract", "--schema", schema, "--input", input, "--output", output, "--model", "test-model",
                "--provider", "llamacpp", "--base-url", server.baseURL, "--retry-base-delay-ms", "1"] + extra
    }

    /// The compiled record schema from `Schemas/`.
    static let recordValidator: Validator = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("Schemas/forma-extract-record.schema.json")
        do {
            let data = try Data(contentsOf: url)
            return try Validator(schema: JSONSchema(JSONParser.parse(Array(data))))
        } catch {
            fatalError("cannot load the record schema: \(error)")
        }
    }()

    /// The records of an output file, each checked against the record schema.
    static func records(at path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONValue] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.isEmpty || text.hasSuffix("\n"), "output ends with a torn line", sourceLocation: sourceLocation)
        return try text.split(separator: "\n").map { line in
            let record = try JSONParser.parse(String(line))
            let result = recordValidator.validate(record)
            #expect(result.isValid, "record does not match the schema: \(result.errors) in \(line)", sourceLocation: sourceLocation)
            return record
        }
    }

    /// Starts `forma` in the background with stdout and stderr going to files in `directory`.
    static func start(_ arguments: [String], directory: TemporaryDirectory, environment: [String: String]? = nil) throws -> Process {
        let executable = try #require(FormaProcess.executable, "forma binary not found")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = FormaProcess.withSanitizerOptions(environment) }
        _ = FileManager.default.createFile(atPath: directory.path("stderr"), contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.path("stderr")))
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    // These block their thread on purpose: polling with Task.sleep would wait for a free
    // cooperative thread while other tests block theirs in waitUntilExit.

    /// Waits (up to `timeout`) until `path` holds at least `lines` line feeds.
    static func waitForLines(_ lines: Int, in path: String, timeout: Duration = .seconds(30)) -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let data = FileManager.default.contents(atPath: path) {
                let count = data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                if count >= lines { return count }
            }
            usleep(2_000)
        }
        return -1
    }

    /// Waits for `process` to exit, failing after `timeout`.
    static func wait(_ process: Process, timeout: Duration = .seconds(60)) -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                Issue.record("forma did not exit in time")
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
