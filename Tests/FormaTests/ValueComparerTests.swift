import Forma
import FormaJSON
import Testing

@Suite("Comparing extracted values with gold values")
struct ValueComparerTests {
    @Test func leafVerdicts() {
        #expect(ValueComparer.verdict(gold: "Ada", output: "Ada") == .exact)
        #expect(ValueComparer.verdict(gold: "Ada  Lovelace", output: "ada lovelace") == .normalized)
        #expect(ValueComparer.verdict(gold: "Ada", output: "Bob") == .wrong)
        #expect(ValueComparer.verdict(gold: 1234.5, output: "1,234.50") == .normalized)
        #expect(ValueComparer.verdict(gold: 2, output: .number(JSONNumber(2.0)!)) == .exact)
        #expect(ValueComparer.verdict(gold: 2, output: "two") == .typeMismatch)
        #expect(ValueComparer.verdict(gold: true, output: 1) == .typeMismatch)
        #expect(ValueComparer.verdict(gold: "x", output: nil) == .missing)
        #expect(ValueComparer.verdict(gold: .null, output: nil) == .exact)
    }

    @Test func setsPositionsAndExtras() throws {
        let schema: JSONValue = ["properties": ["tags": ["uniqueItems": true]]]
        var tally = EvaluationTally()
        let exact = ValueComparer(schema: schema).compare(
            gold: ["tags": ["a", "b"], "list": [1, 2]], output: ["tags": ["B", "a", "c"], "list": [2, 1], "more": 1],
            confidence: [try JSONPointer(parsing: "/tags/1"): 0.95], into: &tally)
        #expect(!exact)
        let tags = try #require(tally.fields[try JSONPointer(parsing: "/tags/*")])
        #expect(tags[.exact] == 1 && tags[.normalized] == 1 && tags[.extra] == 1)
        #expect(tally.fields[try JSONPointer(parsing: "/list/*")]?[.wrong] == 2)
        #expect(tally.fields[try JSONPointer(parsing: "/more")]?[.extra] == 1)
        // The confidence of the output element the gold "a" was matched with (index 1).
        #expect(tally.deciles[9].count == 1 && tally.deciles[9].exact == 1)
        #expect(tally.accuracy == 0.5)
    }
}
