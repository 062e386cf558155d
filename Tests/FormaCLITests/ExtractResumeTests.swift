import FormaJSON
import FormaTestServer
import Foundation
import Testing

/// `forma extract --resume` after SIGKILL, SIGINT and retryable failures.
@Suite("forma extract resume and signals", .serialized)
struct ExtractResumeTests {
    /// Ids of `records`, failing on any repeat.
    private func uniqueIDs(_ records: [JSONValue]) -> Set<String> {
        let ids = records.compactMap { $0["id"]?.string }
        #expect(Set(ids).count == ids.count, "an id appears twice")
        return Set(ids)
    }

    @Test("SIGKILL at some point, then --resume: exactly one final record per input", arguments: [20, 150])
    func killThenResume(killAfter: Int) throws {
        let server = try ExtractHarness.plainServer(delay: .milliseconds(40))
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(300))
        let output = directory.path("out.jsonl")
        let arguments = try ExtractHarness.arguments(
            server: server, directory: directory, input: input, output: output, extra: ["--concurrency", "8", "--unordered"])
        let process = try ExtractHarness.start(arguments, directory: directory)
        let seen = ExtractHarness.waitForLines(killAfter, in: output)
        kill(process.processIdentifier, SIGKILL)
        _ = ExtractHarness.wait(process)
        #expect(seen >= killAfter)
        // Simulate the worst case: the process died in the middle of a line.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"id":"r29"#.utf8))
        try handle.close()
        let before = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count - 1
        #expect(before < 300, "killed before the end")
        // Requests the killed process had in flight may still be answered: let them drain.
        usleep(300_000)
        let requestsBefore = server.requestCount

        let outcome = try FormaProcess.run(arguments + ["--resume"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let records = try ExtractHarness.records(at: output)
        #expect(records.count == 300)
        #expect(uniqueIDs(records) == Set((1...300).map { "r\($0)" }))
        #expect(records.allSatisfy { $0["ok"]?.bool == true })
        #expect(server.requestCount - requestsBefore == 300 - before, "only the missing rows are redone")
        #expect(outcome.standardError.contains("\(before) already done before"))
    }

    @Test("--resume redoes retryable failures and keeps final ones")
    func resumeRedoesRetryable() throws {
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(6))
        let output = directory.path("out.jsonl")
        let failing = try TestServer { request in
            let n = ExtractHarness.row(of: request)?.number ?? 0
            if n == 2 { return .apiError(503, message: "down", type: "server_error") }
            if n == 4 { return .json(TogetherFixtures.chatCompletion(content: "nope")) }
            return ExtractHarness.reply(n)
        }
        let first = try FormaProcess.run(try ExtractHarness.arguments(
            server: failing, directory: directory, input: input, output: output, extra: ["--max-retries", "0", "--max-reasks", "0"]))
        #expect(first.status == 1)
        let firstRecords = try ExtractHarness.records(at: output)
        #expect(firstRecords[1]["error"]?["retryable"]?.bool == true)
        #expect(firstRecords[3]["error"]?["retryable"]?.bool == false)

        let healthy = try ExtractHarness.plainServer()
        let second = try FormaProcess.run(try ExtractHarness.arguments(
            server: healthy, directory: directory, input: input, output: output, extra: ["--resume"]))
        #expect(second.status == 1, "row 4 still failed (final)")
        #expect(healthy.requestCount == 1, "only row 2 is redone")
        let records = try ExtractHarness.records(at: output)
        #expect(records.count == 6)
        #expect(uniqueIDs(records).count == 6)
        #expect(records.first { $0["id"]?.string == "r2" }?["ok"]?.bool == true)
        #expect(records.first { $0["id"]?.string == "r4" }?["ok"]?.bool == false)
    }

    @Test("SIGINT finishes rows in flight, prints the summary, exits 130; --resume completes")
    func interruptThenResume() throws {
        let server = try ExtractHarness.plainServer(delay: .milliseconds(30))
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(200))
        let output = directory.path("out.jsonl")
        let arguments = try ExtractHarness.arguments(
            server: server, directory: directory, input: input, output: output, extra: ["--concurrency", "4"])
        let process = try ExtractHarness.start(arguments, directory: directory)
        _ = ExtractHarness.waitForLines(12, in: output)
        kill(process.processIdentifier, SIGINT)
        let status = ExtractHarness.wait(process)
        #expect(status == 130)
        let stderr = try String(contentsOfFile: directory.path("stderr"), encoding: .utf8)
        #expect(stderr.contains("interrupted after"))
        #expect(stderr.contains("not run (use --resume)"))
        let partial = try ExtractHarness.records(at: output)
        #expect(partial.count >= 12 && partial.count < 200)
        #expect(partial.compactMap { $0["id"]?.string } == (1...partial.count).map { "r\($0)" }, "in order, no gaps")

        let outcome = try FormaProcess.run(arguments + ["--resume"])
        #expect(outcome.status == 0)
        let records = try ExtractHarness.records(at: output)
        #expect(records.compactMap { $0["id"]?.string } == (1...200).map { "r\($0)" })
    }

    @Test("a second SIGINT stops at once, still without a torn line")
    func secondInterrupt() throws {
        // Each reply takes 3 s, so waiting for the rows in flight would take about 3 s; a stop
        // at once takes well under 2.5 s even in a sanitized build (about 1.1 s under TSan).
        let server = try ExtractHarness.plainServer(delay: .seconds(3))
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(100))
        let output = directory.path("out.jsonl")
        let arguments = try ExtractHarness.arguments(
            server: server, directory: directory, input: input, output: output, extra: ["--concurrency", "8"])
        let process = try ExtractHarness.start(arguments, directory: directory)
        _ = ExtractHarness.waitForLines(8, in: output)
        let started = ContinuousClock.now
        kill(process.processIdentifier, SIGINT)
        usleep(50_000)
        kill(process.processIdentifier, SIGINT)
        let status = ExtractHarness.wait(process)
        #expect(status == 130)
        #expect(ContinuousClock.now - started < .milliseconds(2500), "did not wait for the rows in flight")
        #expect(try ExtractHarness.records(at: output).count < 100)
    }
}
