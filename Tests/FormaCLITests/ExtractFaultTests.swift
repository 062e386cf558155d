import FormaJSON
import FormaTestServer
import Foundation
import Testing

/// `forma extract` against a loopback model that fails: rate limits, server errors and
/// invalid replies still give exactly one record per input.
@Suite("forma extract under faults")
struct ExtractFaultTests {
    @Test("1,000 rows with 20% 429/5xx and some invalid replies: one record per input, in order")
    func thousandRowsWithFaults() throws {
        let tally = RequestTally()
        let server = try TestServer(recordsRequests: false) { request in
            guard let (key, n) = ExtractHarness.row(of: request) else { return .status(400) }
            let seen = tally.record(key)
            if n % 10 == 3 && seen == 1 { return .status(429, body: "{}", headers: [("retry-after", "0")]) }
            if n % 10 == 7 && seen == 1 { return .apiError(503, message: "overloaded", type: "server_error") }
            if n % 100 == 11 { return .json(TogetherFixtures.chatCompletion(content: "not json at all")) }
            if n % 100 == 25 && seen == 1 { return .json(TogetherFixtures.chatCompletion(content: #"{"n":"wrong"}"#)) }
            return ExtractHarness.reply(n)
        }
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(1000))
        let output = directory.path("out.jsonl")
        let outcome = try FormaProcess.run(try ExtractHarness.arguments(
            server: server, directory: directory, input: input, output: output,
            extra: ["--concurrency", "16", "--max-reasks", "1", "--max-retries", "3"]))

        #expect(outcome.status == 1, "some rows fail: \(outcome.standardError)")
        let records = try ExtractHarness.records(at: output)
        #expect(records.map { $0["id"]?.string } == (1...1000).map { "r\($0)" })
        let failed = records.filter { $0["ok"]?.bool == false }
        #expect(failed.map { $0["id"]?.string } == (0..<10).map { "r\($0 * 100 + 11)" })
        #expect(failed.allSatisfy { $0["error"]?["kind"]?.string == "invalid" && $0["error"]?["retryable"]?.bool == false })
        #expect(failed.allSatisfy { $0["attempts"]?.number?.intValue == 2 })
        for record in records where record["ok"]?.bool == true {
            let id = record["id"]?.string ?? ""
            #expect(record["value"]?["n"]?.number?.intValue == Int(id.dropFirst()))
        }
        let reasked = records.first { $0["id"]?.string == "r25" }
        #expect(reasked?["ok"]?.bool == true && reasked?["attempts"]?.number?.intValue == 2)
        #expect(outcome.standardError.contains("1000 of 1000 rows: 990 ok, 10 failed"))
        #expect(outcome.standardError.contains("20 re-asks"))
        #expect(outcome.standardError.contains("200 retries (100 rate-limited)"))
    }

    @Test("a non-retryable API error (400) is a final failed record")
    func badRequestIsFinal() throws {
        let server = try TestServer { request in
            let n = ExtractHarness.row(of: request)?.number ?? 0
            return n == 2 ? .apiError(400, message: "bad model", errorCode: "model_not_available") : ExtractHarness.reply(n)
        }
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(3))
        let output = directory.path("out.jsonl")
        let outcome = try FormaProcess.run(try ExtractHarness.arguments(server: server, directory: directory, input: input, output: output))
        #expect(outcome.status == 1)
        let records = try ExtractHarness.records(at: output)
        #expect(records.count == 3)
        #expect(records[1]["error"]?["kind"]?.string == "api")
        #expect(records[1]["error"]?["retryable"]?.bool == false)
        #expect(records[1]["error"]?["message"]?.string?.contains("model_not_available") == true)
        #expect(server.requestCount == 3, "400 is not retried")
    }

    @Test("a malformed input line becomes an error record; the other rows run")
    func malformedLine() throws {
        let server = try ExtractHarness.plainServer()
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", """
            {"id":"a","text":"row 1"}
            {"id":"b","text":
            [1,2]
            {"id":"c"}
            {"id":"d","text":"row 5"}

            """)
        let output = directory.path("out.jsonl")
        let outcome = try FormaProcess.run(try ExtractHarness.arguments(server: server, directory: directory, input: input, output: output))
        #expect(outcome.status == 1)
        let records = try ExtractHarness.records(at: output)
        #expect(records.map { $0["id"] } == [.string("a"), .number(JSONNumber(2)), .number(JSONNumber(3)), .string("c"), .string("d")])
        #expect(records.map { $0["ok"]?.bool } == [true, false, false, false, true])
        #expect(records[1]["error"]?["kind"]?.string == "input")
        #expect(records[1]["error"]?["message"]?.string?.contains("line 2") == true)
        #expect(records[2]["error"]?["message"]?.string?.contains("not an object") == true)
        #expect(records[3]["error"]?["message"]?.string?.contains("no text field") == true)
        #expect(server.requestCount == 2)
    }

    @Test("duplicate ids are a usage error before any request")
    func duplicateIDs() throws {
        let server = try ExtractHarness.plainServer()
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(5) + #"{"id":"r3","text":"again"}"# + "\n")
        let output = directory.path("out.jsonl")
        let outcome = try FormaProcess.run(try ExtractHarness.arguments(server: server, directory: directory, input: input, output: output))
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("duplicate ids"))
        #expect(outcome.standardError.contains("line 6"))
        #expect(server.requestCount == 0)
    }

    @Test("usage errors exit 2", arguments: [
        ["--concurrency", "0"], ["--mode", "xml"], ["--resume"], ["--regex", "a+"],
    ])
    func usageErrors(extra: [String]) throws {
        let server = try ExtractHarness.plainServer()
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(2))
        var arguments = try ExtractHarness.arguments(server: server, directory: directory, input: input, output: "-", extra: extra)
        if extra == ["--regex", "a+"] { arguments += [] }  // with --schema as well: exactly one is allowed
        let outcome = try FormaProcess.run(arguments)
        #expect(outcome.status == 2, "\(extra): \(outcome.standardError)")
        #expect(server.requestCount == 0)
    }
}
