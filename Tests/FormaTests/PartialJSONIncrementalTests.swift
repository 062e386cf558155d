import FormaJSON
import FormaTestServer
import Testing

@testable import Forma

@Suite("Incremental partial JSON")
struct PartialJSONIncrementalTests {
    static let documents = [
        #"{"a": [1, 2.5, {"b": "x\"y\u00e9\ud83d\ude00"}], "c": true, "d": null, "e": -12e3, "f": {}, "g": []}"#,
        #"[{"id": 1, "tags": ["a", "b"]}, {"id": 2, "tags": []}, "tail", 0, false]"#,
        #"  {"nested": {"deeper": {"deepest": [[[["x"]]]]}}, "n": 123456789012345678901234567890}  "#,
        #"{"emoji": "👍🏽 and 漢字", "empty": "", "esc": "\\\/\b\f\n\r\t"}"#,
    ]

    /// Splits `text` into pieces whose lengths cycle through `sizes`.
    static func chunks(_ text: String, sizes: [Int]) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        var index = 0
        while !rest.isEmpty {
            let size = sizes[index % sizes.count]
            out.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
            index += 1
        }
        return out
    }

    @Test(arguments: [[1], [2], [3, 1, 7], [5, 11], [64]])
    func everyChunkingEndsWithTheParsedValue(sizes: [Int]) throws {
        for document in Self.documents {
            var partial = PartialJSON()
            var previous: JSONValue?
            for piece in Self.chunks(document, sizes: sizes) {
                partial.append(piece)
                let snapshot = partial.snapshot()
                // Snapshots never disappear once something arrived.
                if previous != nil { #expect(snapshot != nil, "\(document)") }
                previous = snapshot ?? previous
            }
            #expect(partial.snapshot() == (try JSONParser.parse(document)), "\(document)")
            #expect(partial.isComplete)
            #expect(partial.byteCount == document.utf8.count)
        }
    }

    @Test func snapshotsKeptAliveDoNotChangeWhenMoreArrives() {
        // Snapshots share storage with the open arrays; one that is kept must stay as it was.
        var partial = PartialJSON()
        var kept: [JSONValue] = []
        for piece in [#"{"a": [[1"#, #", 2], [3"#, #"], "x"#, #"y"], "b": [4"#, "]}"] {
            partial.append(piece)
            if let snapshot = partial.snapshot() { kept.append(snapshot) }
        }
        #expect(kept == [
            ["a": [[1]]], ["a": [[1, 2], [3]]], ["a": [[1, 2], [3], "x"]], ["a": [[1, 2], [3], "xy"], "b": [4]],
            ["a": [[1, 2], [3], "xy"], "b": [4]],
        ])
    }

    @Test func openStringsAndEscapesShowWhatArrived() {
        var partial = PartialJSON()
        partial.append(#"{"s": "ab\"#)
        #expect(partial.snapshot() == ["s": "ab"])
        partial.append(#""c\u00"#)
        #expect(partial.snapshot() == ["s": "ab\"c"])
        partial.append(#"e9\ud83d"#)
        // A high surrogate waiting for its pair is not shown yet.
        #expect(partial.snapshot() == ["s": "ab\"cé"])
        partial.append(#"\ude00", "n": 1"#)
        #expect(partial.snapshot() == ["s": "ab\"cé😀", "n": 1])
        #expect(!partial.isComplete)
        partial.append("2}")
        #expect(partial.snapshot() == ["s": "ab\"cé😀", "n": 12])
        #expect(partial.isComplete)
    }

    @Test func textThatIsNotJSONFreezesTheLastGoodSnapshot() {
        var partial = PartialJSON()
        partial.append(#"{"a": [1, 2"#)
        partial.append(#"}, "b": 3"#)  // `}` closes an array: not JSON
        #expect(partial.snapshot() == ["a": [1, 2]])
        #expect(!partial.isComplete)
        var literal = PartialJSON()
        literal.append(#"{"a": tru"#)
        #expect(literal.snapshot() == [:])
        literal.append(#"x}"#)
        #expect(literal.snapshot() == [:])
    }

    @Test func hostileNestingStopsAtTheParserDepth() {
        var partial = PartialJSON()
        partial.append(String(repeating: "[", count: 100_000))
        #expect(!partial.isComplete)
        #expect(partial.byteCount <= 100_000)
        _ = partial.snapshot()
    }

    @Test func longStreamsGetPacedSnapshots() async throws {
        // 3,000 pieces of 20 bytes: every piece gets a snapshot up to 16 KB, then they are
        // paced (an eighth of growth, or time); the final value is whole either way.
        let items = (0..<1_000).map { #"{"id":\#($0),"name":"item \#($0) of the list"}"# }
        let document = #"{"items":[\#(items.joined(separator: ","))]}"#
        let pieces = Self.chunks(document, sizes: [20])
        let server = try TestServer(script: [.sse(TogetherFixtures.chatChunks(contentPieces: pieces))])
        var partials = 0
        var final: Int?
        for try await event in try client(for: server).extractStream(schema: JSONSchema(["type": "object"]), from: "x", model: "m") {
            switch event {
            case .partial: partials += 1
            case .completed(let result): final = result.value["items"]?.array?.count
            }
        }
        #expect(final == 1_000)
        #expect(partials >= 16_384 / 20 - 10)
        #expect(partials < pieces.count)
    }
}
