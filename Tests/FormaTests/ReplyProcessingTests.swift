import Forma
import FormaJSON
import FormaSchema
import Testing

@Suite("Reply processing: reasoning, fences, repair")
struct ReplyProcessingTests {
    @Test func splitsInlineReasoning() {
        let (reasoning, answer, unterminated) = ReasoningSplitter.split("  <think>\nthe user wants JSON\n</think>\n{\"a\":1}")
        #expect(reasoning == "the user wants JSON")
        #expect(answer.trimmingCharacters() == #"{"a":1}"#)
        #expect(!unterminated)
    }

    @Test func unterminatedReasoningIsReported() {
        let (reasoning, answer, unterminated) = ReasoningSplitter.split("<think>still thinking")
        #expect(reasoning == "still thinking")
        #expect(answer.isEmpty)
        #expect(unterminated)
    }

    @Test func noReasoningLeavesTextAlone() {
        let (reasoning, answer, _) = ReasoningSplitter.split(#"{"think": true}"#)
        #expect(reasoning == nil)
        #expect(answer == #"{"think": true}"#)
    }

    static let candidates: [(String, String, JSONCandidateFinder.Source)] = [
        (#"{"a":1}"#, #"{"a":1}"#, .whole),
        ("```json\n{\"a\":1}\n```", #"{"a":1}"#, .fence),
        ("Here you go:\n```\n[1,2]\n```\nAnything else?", "[1,2]", .fence),
        (#"Sure! The result is {"a":"}"} as requested."#, #"{"a":"}"}"#, .embedded),
        // A combining mark after the opening quote joins it into one Character.
        ("Result: {\"a\": \"\u{0308}}\"} ok", "{\"a\": \"\u{0308}}\"}", .embedded),
    ]

    @Test(arguments: candidates)
    func findsTheCandidate(reply: String, expected: String, source: JSONCandidateFinder.Source) {
        let found = JSONCandidateFinder.candidate(in: Substring(reply))
        #expect(found.text == Substring(expected))
        #expect(found.source == source)
    }

    static let repairs: [(String, String, RepairFlags)] = [
        ("{\"a\": 1, \"b\": [1, 2,],}", #"{"a": 1, "b": [1, 2]}"#, RepairFlags.trailingCommas),
        ("{a: 1, 'b': 'it\\'s \"x\"'}", #"{"a": 1, "b": "it's \"x\""}"#, [.unquotedKeys, .singleQuotes]),
        ("{\"a\": True, \"b\": None} // done", #"{"a": true, "b": null} "#, [.pythonLiterals, .comments]),
        ("{\"items\": [{\"x\": 1}, {\"x\": 2", #"{"items": [{"x": 1}, {"x": 2}]}"#, .closedBrackets),
        ("{\"title\": \"Stand", #"{"title": "Stand"}"#, [.closedString, .closedBrackets]),
        ("{\"a\": 1, \"b\":", #"{"a": 1, "b": null}"#, .closedBrackets),
    ]

    @Test(arguments: repairs)
    func repairsCommonSlips(input: String, expected: String, flags: RepairFlags) throws {
        let repaired = LenientJSONRepair.repair(Substring(input))
        #expect(repaired.text == expected)
        #expect(repaired.flags == flags)
        #expect(throws: Never.self) { try JSONParser.parse(repaired.text) }
    }

    @Test func validJSONIsUntouched() {
        let text = #"{"url": "http://x/y // not a comment", "n": [1, 2]}"#
        let repaired = LenientJSONRepair.repair(Substring(text))
        #expect(repaired.text == text)
        #expect(repaired.flags.isEmpty)
    }

    /// Found by `scripts/fuzz repair`: a combining mark right after a quote or a bracket
    /// joins it into one Character, and a Character-wise scan lost the quote.
    @Test(arguments: [
        "{\"note\": \"\u{0308} decomposed\"}",
        "[\"\u{0301}\", {\"k\u{0301}\": [\"\u{20DD}\"]}]",
        "{\"a\": \"x\"}\u{0308}",
    ])
    func combiningMarksNextToQuotesAndBrackets(text: String) throws {
        let repaired = LenientJSONRepair.repair(Substring(text))
        #expect(repaired.text == text)
        #expect(repaired.flags.isEmpty)
    }

    @Test func bareKeysKeepTheirCombiningMarks() throws {
        let repaired = LenientJSONRepair.repair("{cafe\u{0301}: 'x\u{0308}', n: None}")
        #expect(repaired.text == "{\"cafe\u{0301}\": \"x\u{0308}\", \"n\": null}")
        #expect(repaired.flags == [.unquotedKeys, .singleQuotes, .pythonLiterals])
    }

    @Test func reaskListsLocatedErrorsCapped() {
        let errors = (0..<12).map { i in
            SchemaViolation(instanceLocation: JSONPointer(tokens: ["lineItems", String(i), "price"]),
                            keywordLocation: .root, keyword: "minimum", message: "expected a number ≥ 0, got -3")
        }
        let message = ReaskPrompt.message(for: errors, limit: 10)
        #expect(message.contains("- at /lineItems/2/price: expected a number ≥ 0, got -3"))
        #expect(message.contains("- … and 2 more"))
        #expect(!message.contains("/lineItems/11/"))
    }
}

@Suite("Partial JSON snapshots")
struct PartialJSONTests {
    @Test func snapshotsGrowAsPiecesArrive() throws {
        var partial = PartialJSON()
        var snapshots: [JSONValue] = []
        for piece in [#"{"ti"#, #"tle": "Sta"#, #"nd-up", "atte"#, #"ndees": ["Ada", "Gr"#, #"ace"], "minutes": 1"#, "5}"] {
            partial.append(piece)
            if let value = partial.snapshot() { snapshots.append(value) }
        }
        #expect(snapshots.first == [:])
        #expect(snapshots.contains(["title": "Sta"]))
        #expect(snapshots.contains(["title": "Stand-up", "attendees": ["Ada", "Gr"]]))
        #expect(snapshots.last == ["title": "Stand-up", "attendees": ["Ada", "Grace"], "minutes": 15])
        #expect(partial.isComplete)
    }

    @Test func byteAtATimeNeverProducesAnInvalidPrefix() throws {
        let document = #"{"a": [1, 2.5, {"b": "x\"y\u00e9"}], "c": true, "d": null, "e": -12e3}"#
        var partial = PartialJSON()
        var last: JSONValue?
        for character in document {
            partial.append(String(character))
            if let value = partial.snapshot() { last = value }
        }
        #expect(last == (try JSONParser.parse(document)))
    }

    @Test func keysAreNotShownUntilComplete() {
        var partial = PartialJSON()
        partial.append(#"{"name": "x", "emai"#)
        #expect(partial.snapshot() == ["name": "x"])
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
