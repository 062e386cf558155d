// Throughput self-check for FormaJSON's parser and serializer (run by hand; never a test).
//
//     swift run -c release JSONParseBenchmark [megabytes] [--parse-only]
//
// Generates a JSONL buffer of typical extraction records (~330 bytes a line, with nested
// objects, arrays, decimals and a few escapes), parses it line by line three times (what
// `forma validate` does: parse, inspect, drop), then serializes a sample back, and prints
// MB/s for each. Foundation's JSONSerialization manages roughly 20 MB/s on such input.
import FormaJSON

/// A JSONL buffer of roughly `megabytes` MB and the byte ranges of its lines.
func makeCorpus(megabytes: Int) -> (bytes: [UInt8], lines: [Range<Int>]) {
    var bytes: [UInt8] = []
    var lines: [Range<Int>] = []
    bytes.reserveCapacity(megabytes << 20 + 4096)
    var i = 0
    while bytes.count < megabytes << 20 {
        let line = """
            {"id":\(i),"invoice":"INV-\(100_000 + i)","customer":{"name":"Ada Lovelace \(i % 97)",\
            "email":"ada\(i)@example.com","vip":\(i % 3 == 0)},"total":\(i % 1000).\(i % 100),\
            "currency":"EUR","lineItems":[{"sku":"A-\(i % 50)","qty":\(i % 7 + 1),"price":19.99},\
            {"sku":"B-\(i % 13)","qty":1,"price":0.0075,"note":"Café \\"crème\\" \\u00e9"}],\
            "tags":["paid","2024","q\(i % 4 + 1)"],"discount":null,"rate":1.5e-3}
            """
        let start = bytes.count
        bytes.append(contentsOf: line.utf8)
        lines.append(start..<bytes.count)
        bytes.append(0x0A)
        i += 1
    }
    return (bytes, lines)
}

/// Parses every line once; returns the seconds taken and a checksum of the values, and
/// keeps every `keepEvery`-th value for the serialization round.
func parseAll(
    _ corpus: (bytes: [UInt8], lines: [Range<Int>]), keeping kept: inout [JSONValue], keepEvery: Int
) throws -> (seconds: Double, checksum: Int) {
    var checksum = 0
    let clock = ContinuousClock()
    let start = clock.now
    try corpus.bytes.withUnsafeBytes { raw in
        for (n, range) in corpus.lines.enumerated() {
            let value = try JSONParser.parse(UnsafeRawBufferPointer(rebasing: raw[range]))
            checksum &+= value.object?.count ?? 0
            if n % keepEvery == 0 { kept.append(value) }
        }
    }
    return (seconds(clock.now - start), checksum)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func run() throws {
    let arguments = CommandLine.arguments.dropFirst()
    let megabytes = arguments.compactMap { Int($0) }.first ?? 50
    let corpus = makeCorpus(megabytes: megabytes)
    let totalMB = Double(corpus.bytes.count) / 1_000_000
    print("corpus: \(corpus.lines.count) lines, \(totalMB) MB")

    var kept: [JSONValue] = []
    for round in 1...3 {
        kept.removeAll()
        let (seconds, checksum) = try parseAll(corpus, keeping: &kept, keepEvery: 10)
        print("parse round \(round): \(Int(totalMB / seconds)) MB/s (\(Int(seconds * 1000)) ms, checksum \(checksum))")
    }
    if arguments.contains("--parse-only") { return }

    var written = 0
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<10 {
        for value in kept { written += value.serializedBytes().count }
    }
    let elapsed = seconds(clock.now - start)
    print("serialize: \(Int(Double(written) / 1_000_000 / elapsed)) MB/s (\(written) bytes)")
}

do {
    try run()
} catch {
    print("benchmark failed: \(error)")
}
