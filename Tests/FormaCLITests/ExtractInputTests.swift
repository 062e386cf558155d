import FormaJSON
import FormaTestServer
import Foundation
import Testing

/// `forma extract` inputs (JSONL, CSV, directories), prompt templates and output order.
@Suite("forma extract inputs and order")
struct ExtractInputTests {
    @Test("CSV with a header: quoted commas, doubled quotes and line breaks; ids from the id column")
    func csvInput() throws {
        let server = try TestServer { request in
            let text = ExtractHarness.row(of: request)?.key ?? ""
            return ExtractHarness.reply(text.count)
        }
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.csv", "id,text,extra\r\nx1,\"a, b\",1\r\nx2,\"say \"\"hi\"\"\nthere\",2\r\nx3,plain,3\r\n")
        let output = directory.path("out.jsonl")
        let outcome = try FormaProcess.run(try ExtractHarness.arguments(server: server, directory: directory, input: input, output: output))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let records = try ExtractHarness.records(at: output)
        #expect(records.map { $0["id"]?.string } == ["x1", "x2", "x3"])
        let texts = Set(server.requests.compactMap { ExtractHarness.row(of: $0)?.key })
        #expect(texts == ["a, b", "say \"hi\"\nthere", "plain"])
        #expect(records.map { $0["value"]?["n"]?.number?.intValue } == [4, 14, 5])
    }

    @Test("a pipe as --input (read twice: counted, then run) is copied first; its CSV byte order mark is skipped")
    func csvOverAPipe() throws {
        let server = try TestServer { request in
            ExtractHarness.reply((ExtractHarness.row(of: request)?.key ?? "").count)
        }
        let directory = try TemporaryDirectory()
        let input = directory.path("in.csv")
        try #require(mkfifo(input, 0o600) == 0, "mkfifo failed")
        let output = directory.path("out.jsonl")
        let process = try ExtractHarness.start(
            try ExtractHarness.arguments(server: server, directory: directory, input: input, output: output), directory: directory)
        // Opening blocks until forma opens the pipe for reading. A second open (forma once
        // opened the input again after counting its rows) would wait for a writer forever.
        let pipe = try #require(FileHandle(forWritingAtPath: input))
        try pipe.write(contentsOf: [0xEF])
        usleep(300_000)
        try pipe.write(contentsOf: [0xBB, 0xBF] + Array("id,text\nr1,hello\n".utf8))
        try pipe.close()
        let status = ExtractHarness.wait(process)
        let standardError = (try? String(contentsOfFile: directory.path("stderr"), encoding: .utf8)) ?? ""
        #expect(status == 0, "\(standardError)")
        let records = try ExtractHarness.records(at: output)
        #expect(records.map { $0["id"]?.string } == ["r1"])
        #expect(records.first?["value"]?["n"]?.number?.intValue == 5)
    }

    @Test("CSV without the id column uses line numbers; a short row is an error record")
    func csvLineNumbers() throws {
        let server = try ExtractHarness.plainServer()
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.csv", "text,other\nrow 1,a\nrow 2\nrow 3,c\n")
        let output = directory.path("out.jsonl")
        let outcome = try FormaProcess.run(try ExtractHarness.arguments(server: server, directory: directory, input: input, output: output))
        #expect(outcome.status == 1)
        let records = try ExtractHarness.records(at: output)
        #expect(records.map { $0["id"]?.number?.intValue } == [2, 3, 4])
        #expect(records.map { $0["ok"]?.bool } == [true, false, true])
        #expect(records[1]["error"]?["message"]?.string?.contains("1 fields, the header 2") == true)
    }

    @Test("a directory of text files: one row per file, id = relative path")
    func directoryInput() throws {
        let server = try ExtractHarness.plainServer()
        let directory = try TemporaryDirectory()
        try directory.write("docs/b.txt", "row 2")
        try directory.write("docs/a.txt", "row 1")
        try directory.write("docs/sub/c.md", "row 3")
        try directory.write("docs/.hidden", "row 9")
        let output = directory.path("out.jsonl")
        let outcome = try FormaProcess.run(try ExtractHarness.arguments(
            server: server, directory: directory, input: directory.path("docs"), output: output))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let records = try ExtractHarness.records(at: output)
        #expect(records.map { $0["id"]?.string } == ["a.txt", "b.txt", "sub/c.md"])
        #expect(records.map { $0["value"]?["n"]?.number?.intValue } == [1, 2, 3])
    }

    @Test("JSONL on stdin to stdout; a prompt template with fields; integer ids kept")
    func templateAndStdin() throws {
        let server = try TestServer { _ in ExtractHarness.reply(1) }
        let directory = try TemporaryDirectory()
        let arguments = try ExtractHarness.arguments(
            server: server, directory: directory, input: "-", output: "-",
            extra: ["--prompt", "Lang {{lang}}: {{ text }}", "--text-field", "body", "--id-field", "key", "--quiet"])
        let outcome = try FormaProcess.run(arguments, input: #"{"key":7,"lang":"fr","body":"bonjour"}"# + "\n")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.isEmpty)
        let record = try JSONParser.parse(outcome.standardOutput)
        #expect(record["id"] == .number(JSONNumber(7)))
        #expect(record["model"]?.string == "test-model")
        let user = server.requests.first.flatMap { ExtractHarness.row(of: $0)?.key }
        #expect(user == "Lang fr: bonjour")
    }

    @Test("input order by default, completion order with --unordered", arguments: [false, true])
    func ordering(unordered: Bool) throws {
        // Row 1 is slow, the others fast: in order it still comes first.
        let server = try TestServer { request in
            let n = ExtractHarness.row(of: request)?.number ?? 0
            return n == 1 ? .delayed(by: .milliseconds(1500), then: ExtractHarness.reply(n)) : ExtractHarness.reply(n)
        }
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(20))
        let output = directory.path("out.jsonl")
        let outcome = try FormaProcess.run(try ExtractHarness.arguments(
            server: server, directory: directory, input: input, output: output,
            extra: ["--concurrency", "4"] + (unordered ? ["--unordered"] : [])))
        #expect(outcome.status == 0)
        let ids = try ExtractHarness.records(at: output).compactMap { $0["id"]?.string }
        #expect(Set(ids) == Set((1...20).map { "r\($0)" }) && ids.count == 20)
        if unordered {
            #expect(ids.last == "r1", "the slow row completes last")
        } else {
            #expect(ids == (1...20).map { "r\($0)" })
        }
    }

    @Test("--rpm paces requests")
    func requestsPerMinute() throws {
        let server = try ExtractHarness.plainServer()
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(5))
        let output = directory.path("out.jsonl")
        let started = ContinuousClock.now
        let outcome = try FormaProcess.run(try ExtractHarness.arguments(
            server: server, directory: directory, input: input, output: output, extra: ["--rpm", "120", "--concurrency", "5"]))
        let elapsed = ContinuousClock.now - started
        #expect(outcome.status == 0)
        // Two a second with a burst of two: rows 3, 4, 5 wait 0.5 s each.
        #expect(elapsed >= .milliseconds(1400), "took \(elapsed)")
        #expect(try ExtractHarness.records(at: output).count == 5)
    }
}
