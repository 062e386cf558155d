import FormaJSON
import FormaTestServer
import Foundation
import Synchronization
import Testing

/// `forma extract` with grounded schemas, `--confidence`/`--flag-below` and `--cache`.
@Suite("forma extract: spans, confidence and the response cache")
struct ExtractTrustTests {
    static let groundedSchema = #"""
        {"type":"object","required":["name"],"properties":{
          "name":{"type":"string","x-forma-grounded":"exact"},"n":{"type":"integer"}}}
        """#

    /// A chat completion whose content `{"name":NAME,"n":7}` carries llama.cpp-shaped logprobs.
    static func replyWithLogprobs(name: String) -> TestResponse {
        let tokens = [#"{"name":""#, name, #"","n":"#, "7", "}"]
        let values = [-0.01, -0.2, -0.01, -1.5, 0]
        let content = tokens.joined()
        let items = zip(tokens, values).map { token, value in
            let bytes = Array(token.utf8).map(String.init).joined(separator: ",")
            return #"{"id":1,"token":\#(JSONValue.string(token).serialized()),"bytes":[\#(bytes)],"logprob":\#(value),"top_logprobs":[]}"#
        }.joined(separator: ",")
        let body = #"""
            {"id":"c","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"stop",
             "message":{"role":"assistant","content":\#(JSONValue.string(content).serialized())},"logprobs":{"content":[\#(items)]}}],
             "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}
            """#
        return .json(try! JSONParser.parse(Array(body.utf8)))
    }

    static func arguments(_ server: TestServer, _ directory: TemporaryDirectory, input: String, output: String, extra: [String])
        throws -> [String]
    {
        let schema = try directory.write("schema.json", groundedSchema)
        return ["extract", "--schema", schema, "--input", input, "--output", output, "--model", "test-model",
                "--provider", "llamacpp", "--base-url", server.baseURL, "--retry-base-delay-ms", "1"] + extra
    }

    @Test("grounded values carry spans; a made-up one is re-asked; a last failure keeps its candidate")
    func spansAndGroundingFailures() throws {
        // Row 1 first invents a name, then copies it; row 2 never does.
        let server = try TestServer { request in
            let text = ExtractHarness.row(of: request)?.key ?? ""
            let turns = request.json?["messages"]?.array?.count ?? 0
            if text.hasPrefix("Invoice") { return Self.replyWithLogprobs(name: turns > 2 ? "Zoë Ångström" : "Zoe Angstrom") }
            return Self.replyWithLogprobs(name: "Nobody")
        }
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", #"""
            {"id":"a","text":"Invoice for Zoë Ångström, paid."}
            {"id":"b","text":"Memo: nothing to see"}
            """# + "\n")
        let output = directory.path("out.jsonl")
        let outcome = try FormaProcess.run(try Self.arguments(server, directory, input: input, output: output, extra: ["--max-reasks", "1"]))
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let records = try ExtractHarness.records(at: output)
        #expect(records[0]["ok"] == true)
        #expect(records[0]["spans"] == ["/name": [12, 24]])
        #expect(records[0]["attempts"] == 2)
        #expect(records[0]["confidence"] == nil)
        #expect(records[1]["ok"] == false)
        #expect(records[1]["error"]?["errors"]?[0]?["stage"] == "grounding")
        #expect(records[1]["error"]?["errors"]?[0]?["location"] == "/name")
        #expect(records[1]["error"]?["errors"]?[0]?["message"] == #""Nobody" does not occur in the text"#)
        #expect(records[1]["error"]?["candidate"] == ["name": "Nobody", "n": 7])
    }

    @Test("--confidence asks for logprobs and writes confidence; --flag-below lists the unsure values")
    func confidenceAndFlags() throws {
        let server = try TestServer { _ in Self.replyWithLogprobs(name: "Ada") }
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", #"{"id":"a","text":"Ada wrote it"}"# + "\n")
        let output = directory.path("out.jsonl")
        let outcome = try FormaProcess.run(try Self.arguments(
            server, directory, input: input, output: output, extra: ["--confidence", "--flag-below", "0.5"]))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(server.requests.first?.json?["logprobs"] == true)
        #expect(server.requests.first?.json?["top_logprobs"] == 1)
        let record = try #require(try ExtractHarness.records(at: output).first)
        let confidence = try #require(record["confidence"]?.object)
        #expect(confidence.keys == ["/name", "/n"])
        #expect(confidence["/name"]?.number?.doubleValue == 0.8187)
        #expect(confidence["/n"]?.number?.doubleValue == 0.2231)
        #expect(record["lowConfidence"] == ["/n"])
        #expect(!outcome.standardError.contains("warning"))
    }

    @Test("a server without logprobs gets one warning, not one per row, and records without confidence")
    func missingLogprobsWarnsOnce() throws {
        let server = try ExtractHarness.plainServer()
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(5))
        let output = directory.path("out.jsonl")
        let outcome = try FormaProcess.run(try ExtractHarness.arguments(
            server: server, directory: directory, input: input, output: output, extra: ["--confidence"]))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let warnings = outcome.standardError.components(separatedBy: "sent no token logprobs").count - 1
        #expect(warnings == 1, "\(outcome.standardError)")
        #expect(try ExtractHarness.records(at: output).allSatisfy { $0["confidence"] == nil && $0["ok"] == true })
    }

    @Test("--flag-below without --confidence, and --cache-ttl without --cache, are usage errors")
    func flagValidation() throws {
        let server = try ExtractHarness.plainServer()
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(1))
        for extra in [["--flag-below", "0.5"], ["--confidence", "--flag-below", "2"], ["--cache-ttl", "10"]] {
            let outcome = try FormaProcess.run(try ExtractHarness.arguments(
                server: server, directory: directory, input: input, output: directory.path("o.jsonl"), extra: extra))
            #expect(outcome.status == 2, "\(extra)")
        }
        #expect(server.requests.isEmpty)
    }

    @Test("a rerun of a finished 1,000-row extraction with the same --cache sends no request")
    func cachedRerunSendsNothing() throws {
        let server = try TestServer(recordsRequests: false) { request in
            ExtractHarness.reply(ExtractHarness.row(of: request)?.number ?? -1)
        }
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(1_000))
        let cache = directory.path("cache")
        let first = try FormaProcess.run(try ExtractHarness.arguments(
            server: server, directory: directory, input: input, output: directory.path("one.jsonl"), extra: ["--cache", cache]))
        #expect(first.status == 0, "\(first.standardError)")
        #expect(server.requestCount == 1_000)
        let second = try FormaProcess.run(try ExtractHarness.arguments(
            server: server, directory: directory, input: input, output: directory.path("two.jsonl"), extra: ["--cache", cache]))
        #expect(second.status == 0, "\(second.standardError)")
        #expect(server.requestCount == 1_000)
        let one = try ExtractHarness.records(at: directory.path("one.jsonl"))
        let two = try ExtractHarness.records(at: directory.path("two.jsonl"))
        #expect(two.map { $0["value"] } == one.map { $0["value"] })
        #expect(one.allSatisfy { $0["cached"] == nil })
        #expect(two.allSatisfy { $0["cached"] == 1 })
        #expect(second.standardError.contains("1000 replies from the cache"), "\(second.standardError)")
        #expect(second.standardError.contains("0 retries"), "\(second.standardError)")
    }
}
