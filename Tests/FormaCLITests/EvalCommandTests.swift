import FormaJSON
import Foundation
import Testing

/// `forma eval GOLD OUTPUT`: field-by-field scores of extract records.
@Suite("forma eval")
struct EvalCommandTests {
    static let gold = """
        {"id":"a","value":{"name":"Ada Lovelace","age":36,"tags":["math","poetry"],"address":{"city":"London"}}}
        {"id":"b","value":{"name":"Alan Turing","age":41,"tags":["logic"],"address":{"city":"Wilmslow"}}}
        {"id":"c","value":{"name":"Grace Hopper","age":85,"tags":[],"address":{"city":null}}}
        {"id":4,"value":{"name":"Hedy Lamarr","age":85,"tags":["film"],"address":{"city":"Vienna"}}}

        """
    static let output = """
        {"id":"a","ok":true,"value":{"name":"ada  LOVELACE","age":36,"tags":["poetry","math"],"address":{"city":"London"}},"confidence":{"/name":0.95,"/age":0.92,"/tags/0":0.3,"/tags/1":0.35,"/address/city":0.99},"attempts":1}
        {"id":"b","ok":true,"value":{"name":"Alan Turing","age":"41","tags":["logic","crypto"],"address":"Wilmslow","extra":true},"confidence":{"/name":0.9,"/age":0.05},"attempts":1}
        {"id":4,"ok":false,"error":{"kind":"invalid","message":"x","errors":[],"retryable":false},"attempts":3}
        {"id":"z","ok":true,"value":{"name":"Nobody"},"attempts":1}

        """
    static let schema = #"""
        {"type":"object","properties":{"tags":{"type":"array","uniqueItems":true,"items":{"type":"string"}},
         "address":{"$ref":"#/$defs/address"}},"$defs":{"address":{"type":"object"}}}
        """#

    static func run(_ extra: [String], gold: String = gold, output: String = output) throws -> (FormaProcess.Outcome, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let goldPath = try directory.write("gold.jsonl", gold)
        let outputPath = try directory.write("out.jsonl", output)
        try directory.write("schema.json", schema)
        return (try FormaProcess.run(["eval", goldPath, outputPath] + extra, in: directory.url), directory)
    }

    @Test("JSON report: exact, normalized, wrong, missing, type mismatches, extra fields and ids")
    func jsonReport() throws {
        let (outcome, _) = try Self.run(["--schema", "schema.json", "--output", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try JSONParser.parse(outcome.standardOutput)
        #expect(report["records"]?["gold"] == 4)
        #expect(report["records"]?["output"] == 4)
        #expect(report["records"]?["ok"] == 2)
        #expect(report["records"]?["failed"] == 1)
        #expect(report["records"]?["missingIds"] == ["c"])
        #expect(report["records"]?["extraIds"] == ["z"])
        let fields = try #require(report["fields"])
        // name: a normalized, b exact, c missing (no record), 4 missing (failed record).
        #expect(fields["/name"]?["exact"] == 1)
        #expect(fields["/name"]?["normalized"] == 1)
        #expect(fields["/name"]?["missing"] == 2)
        #expect(fields["/name"]?["accuracy"]?.number?.doubleValue == 0.5)
        // age: a exact; b "41" for 41 is a normalized match (a number written as a string).
        #expect(fields["/age"]?["exact"] == 1)
        #expect(fields["/age"]?["normalized"] == 1)
        // tags compared as a set (uniqueItems): a's order does not matter, b's "crypto" is extra.
        #expect(fields["/tags/*"]?["exact"] == 3)
        #expect(fields["/tags/*"]?["extra"] == 1)
        #expect(fields["/tags/*"]?["missing"] == 1)
        // b's address is a string where an object was expected: a type mismatch.
        #expect(fields["/address/city"]?["type"] == 1)
        // c's null city with no record at all counts as matching (null is "not there").
        #expect(fields["/address/city"]?["exact"] == 2)
        #expect(fields["/extra"]?["extra"] == 1)
        #expect(fields["/extra"]?["compared"] == 0)
        #expect(report["records"]?["exact"] == 0)
        // Confidence: 0.9 and above were right; b's age at 0.05 was only normalized-right.
        let thresholds = try #require(report["confidence"]?.array)
        #expect(thresholds.count == 9)
        #expect(thresholds[8]["above"]?["count"] == 4)
        #expect(thresholds[8]["above"]?["accuracy"]?.number?.doubleValue == 1)
        #expect(thresholds[0]["below"]?["count"] == 1)
    }

    @Test("without the schema arrays are compared by position; --match exact counts only exact matches")
    func positionalAndExact() throws {
        let (outcome, _) = try Self.run(["--output", "json", "--match", "exact"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try JSONParser.parse(outcome.standardOutput)
        #expect(report["fields"]?["/tags/*"]?["wrong"] == 2)
        #expect(report["fields"]?["/name"]?["accuracy"]?.number?.doubleValue == 0.25)
        #expect(report["match"] == "exact")
    }

    @Test("the table names every field and the exact-record rate; --min-accuracy sets the exit code")
    func tableAndThreshold() throws {
        let (table, _) = try Self.run(["--schema", "schema.json"])
        #expect(table.status == 0)
        #expect(table.standardOutput.contains("missing ids: c"))
        #expect(table.standardOutput.contains("ids not in gold: z"))
        #expect(table.standardOutput.contains("/address/city"))
        #expect(table.standardOutput.contains("exact records: 0 of 4 (0.0%)"))
        let (low, _) = try Self.run(["--schema", "schema.json", "--min-accuracy", "0.95"])
        #expect(low.status == 1)
        #expect(low.standardError.contains("below --min-accuracy 95.0%"))
        let (fine, _) = try Self.run(["--schema", "schema.json", "--min-accuracy", "0.1"])
        #expect(fine.status == 0)
    }

    @Test("perfect output: every record exact")
    func perfect() throws {
        let gold = #"{"id":1,"value":{"a":[1,2],"b":{"c":"x"}}}"# + "\n"
        let output = #"{"id":1,"ok":true,"value":{"a":[1.0,2],"b":{"c":"x"}},"attempts":1}"# + "\n"
        let (outcome, _) = try Self.run(["--output", "json", "--min-accuracy", "1"], gold: gold, output: output)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let report = try JSONParser.parse(outcome.standardOutput)
        #expect(report["records"]?["exact"] == 1)
        #expect(report["accuracy"]?.number?.doubleValue == 1)
    }

    @Test("bad lines are located errors with exit 2", arguments: [
        (#"{"id":"a","value":1}"# + "\n" + #"{"id":"a","value":2}"#, "gold.jsonl:2: the id \"a\" is already used above"),
        (#"{"value":1}"#, "gold.jsonl:1: no \"id\""),
        (#"{"id":"a"}"#, "gold.jsonl:1: no \"value\""),
        (#"{"id":"a","value":"#, "gold.jsonl:1:"),
        ("[1]", "gold.jsonl:1: a JSON array, not an object"),
    ])
    func badGold(gold: String, message: String) throws {
        let (outcome, _) = try Self.run([], gold: gold + "\n")
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
    }

    @Test func outputThatIsNotExtractRecords() throws {
        let (outcome, _) = try Self.run([], output: #"{"id":"a","value":{}}"# + "\n")
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("out.jsonl:1: not a forma extract record"))
    }
}
