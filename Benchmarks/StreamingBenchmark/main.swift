// Streaming benchmark: `extractStream` over a reply of 100 KB in 1,000 chunks and of 1 MB in
// 10,000 chunks (100-byte chunks both), end to end through the client (SSE parsing, the
// stream accumulator, the partial JSON parser and `T.Partial` snapshots). Linear streaming
// costs about 10× for the 10× longer reply; re-parsing the prefix for every chunk costs 100×.
//
// usage: StreamingBenchmark [RUNS]        (prints medians of RUNS runs per size, and the ratio)
import Forma
import FormaClient
import FormaJSON
import FormaTestServer
import Foundation

/// One catalog entry.
@Schema
struct Item: Codable, Sendable {
    var id: Int
    var name: String
    var tags: [String]
}

/// The streamed value: a long list.
@Schema
struct Catalog: Codable, Sendable {
    var items: [Item]
}

/// A catalog reply of about `bytes` bytes.
func reply(bytes: Int) -> String {
    var items: [String] = []
    var size = 12
    var index = 0
    while size < bytes {
        let item = #"{"id":\#(index),"name":"item number \#(index) of the catalog","tags":["alpha","beta"]}"#
        items.append(item)
        size += item.utf8.count + 1
        index += 1
    }
    return #"{"items":[\#(items.joined(separator: ","))]}"#
}

/// `text` in pieces of `size` bytes (split on scalar boundaries).
func pieces(_ text: String, size: Int) -> [String] {
    var out: [String] = []
    var current = String.UnicodeScalarView()
    var count = 0
    for scalar in text.unicodeScalars {
        current.append(scalar)
        count += 1
        if count >= size {
            out.append(String(current))
            current = String.UnicodeScalarView()
            count = 0
        }
    }
    if !current.isEmpty { out.append(String(current)) }
    return out
}

/// Seconds for one streamed extraction, and the snapshots it emitted.
func run(events: [String]) async throws -> (seconds: Double, snapshots: Int, items: Int) {
    let transport = ScriptedTransport([.sse(events)])
    let client = try ChatClient(
        configuration: ClientConfiguration(provider: .together, apiKey: "bench", baseURL: "http://127.0.0.1:9/v1"),
        transport: transport)
    var options = ExtractionOptions()
    options.describeSchemaInPrompt = false
    let start = ContinuousClock.now
    var snapshots = 0
    var items = 0
    for try await event in client.extractStream(Catalog.self, from: "the catalog", model: "m", options: options) {
        switch event {
        case .partial: snapshots += 1
        case .completed(let result): items = result.value.items.count
        }
    }
    let elapsed = ContinuousClock.now - start
    return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, snapshots, items)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

let runs = CommandLine.arguments.count > 1 ? max(1, Int(CommandLine.arguments[1]) ?? 3) : 3
var medians: [Double] = []
for (bytes, chunks) in [(100_000, 1_000), (1_000_000, 10_000)] {
    let text = reply(bytes: bytes)
    let chunkSize = max(1, text.utf8.count / chunks)
    let events = TogetherFixtures.chatChunks(contentPieces: pieces(text, size: chunkSize))
    var times: [Double] = []
    var last = (seconds: 0.0, snapshots: 0, items: 0)
    for _ in 0..<runs {
        last = try await run(events: events)
        times.append(last.seconds)
    }
    let m = median(times)
    medians.append(m)
    print(String(format: "%7d bytes in %5d chunks: median %8.1f ms over %d runs (%d snapshots, %d items, %.1f MB/s)",
                 text.utf8.count, events.count - 1, m * 1000, runs, last.snapshots, last.items, Double(text.utf8.count) / m / 1e6))
}
print(String(format: "extractStream ratio 1 MB / 100 KB: %.1f× (linear: about 10×; quadratic: about 100×)", medians[1] / medians[0]))

// The partial parser alone, with a snapshot after every chunk (no pacing): what each
// snapshot costs is the width of the open containers, not the length received.
var parserMedians: [Double] = []
for (bytes, chunks) in [(100_000, 1_000), (1_000_000, 10_000)] {
    let text = reply(bytes: bytes)
    let parts = pieces(text, size: max(1, text.utf8.count / chunks))
    var times: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        var partial = PartialJSON()
        var count = 0
        for part in parts {
            partial.append(part)
            if partial.snapshot() != nil { count += 1 }
        }
        precondition(count == parts.count && partial.isComplete)
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    let m = median(times)
    parserMedians.append(m)
    print(String(format: "PartialJSON %7d bytes, snapshot after each of %5d chunks: median %8.1f ms", text.utf8.count, parts.count, m * 1000))
}
print(String(format: "PartialJSON ratio 1 MB / 100 KB: %.1f×", parserMedians[1] / parserMedians[0]))
