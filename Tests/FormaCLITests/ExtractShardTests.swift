import FormaJSON
import FormaTestServer
import Foundation
import Testing

/// `--shard K/N` and streamed inputs: N shards together hold exactly one record per id, and
/// large inputs (CSV records crossing read chunks) come out whole.
@Suite("forma extract shards and streamed input")
struct ExtractShardTests {
    @Test("shards 0..N-1 split the input: each id in exactly one shard's output")
    func shardsPartitionTheInput() throws {
        let server = try ExtractHarness.plainServer()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(60))
        var seen: [String: Int] = [:]
        var perShard: [Int] = []
        for index in 0..<3 {
            let output = directory.path("out-\(index).jsonl")
            let arguments = try ExtractHarness.arguments(
                server: server, directory: directory, input: input, output: output, extra: ["--shard", "\(index)/3", "--quiet"])
            let outcome = try FormaProcess.run(arguments)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let records = try ExtractHarness.records(at: output)
            perShard.append(records.count)
            for record in records { seen[record["id"]?.string ?? "?", default: 0] += 1 }
        }
        #expect(seen.count == 60)
        #expect(seen.values.allSatisfy { $0 == 1 })
        // A stable hash spreads 60 ids over 3 shards; none is empty.
        #expect(perShard.allSatisfy { $0 > 0 })
        #expect(perShard.reduce(0, +) == 60)

        // The same shard gets the same rows every time.
        let again = directory.path("again.jsonl")
        let arguments = try ExtractHarness.arguments(
            server: server, directory: directory, input: input, output: again, extra: ["--shard", "1/3", "--quiet"])
        #expect(try FormaProcess.run(arguments).status == 0)
        let first = try ExtractHarness.records(at: directory.path("out-1.jsonl")).compactMap { $0["id"]?.string }
        let second = try ExtractHarness.records(at: again).compactMap { $0["id"]?.string }
        #expect(first == second)
    }

    @Test("a bad --shard is a usage error", arguments: ["3/3", "-1/2", "1", "a/b", "0/0"])
    func badShardIsAUsageError(_ value: String) throws {
        let outcome = try FormaProcess.run(["extract", "--schema", "s.json", "--shard", value])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("--shard"))
    }

    @Test("duplicate ids are found over the whole input, whichever the shard")
    func duplicatesAcrossShards() throws {
        let directory = try TemporaryDirectory()
        let input = try directory.write("in.jsonl", ExtractHarness.jsonl(5) + #"{"id":"r2","text":"again"}"# + "\n")
        let schema = try directory.write("schema.json", ExtractHarness.schemaText)
        for index in 0..<2 {
            let outcome = try FormaProcess.run([
                "extract", "--schema", schema, "--input", input, "--shard", "\(index)/2", "--provider", "llamacpp",
                "--base-url", "http://127.0.0.1:9/v1", "--model", "m",
            ])
            #expect(outcome.status == 2)
            #expect(outcome.standardError.contains(#"id "r2" at line 6 repeats line 2"#))
        }
    }

    @Test("a CSV larger than a read chunk, with quoted line breaks, comes out whole")
    func largeCSVStreams() throws {
        let server = try ExtractHarness.plainServer()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        var csv = "id,text\r\n"
        let filler = String(repeating: "x", count: 300)
        for i in 1...5000 { csv += "c\(i),\"row \(i)\nsecond line, \"\"quoted\"\" \(filler)\"\r\n" }
        #expect(csv.utf8.count > 1 << 20)
        let input = try directory.write("in.csv", csv)
        let output = directory.path("out.jsonl")
        let arguments = try ExtractHarness.arguments(
            server: server, directory: directory, input: input, output: output, extra: ["--concurrency", "32", "--quiet"])
        let outcome = try FormaProcess.run(arguments)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let records = try ExtractHarness.records(at: output)
        #expect(records.count == 5000)
        #expect(records.first?["id"] == "c1")
        #expect(records.last?["id"] == "c5000")
        #expect(records.allSatisfy { $0["ok"] == true })
    }
}
