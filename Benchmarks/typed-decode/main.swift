// Typed decode benchmark: reply text → typed value per reply, through exactly the pipeline an
// extraction attempt runs (`ReplyChecker`: strip reasoning, find the JSON, parse, validate
// against the original schema, decode, run validators), for the example schemas.
//
// usage: TypedDecodeBenchmark REPLIES.jsonl [RUNS]
// REPLIES.jsonl holds {"type": "invoice", "reply": "<reply text>"} lines (pydantic_bench.py
// generate writes it; the pydantic side times the same replies). Prints one JSON object:
// replies per second per type (median of RUNS timed passes over all replies of the type).
import Forma
import FormaJSON
import FormaExamples
import Foundation

struct Case {
    let name: String
    let run: ([String]) throws -> Void
    /// The stages alone, for `FORMA_BENCH_STAGES=1`: parse, validate, decode (both ways).
    let stages: [(String, ([String]) throws -> Void)]
}

func decoding<T: Decodable & SchemaRepresentable & Sendable>(_ type: T.Type, _ name: String, snakeCase: Bool = false) throws -> Case {
    var keys = JSONValueDecoder()
    if snakeCase { keys.keyDecodingStrategy = .convertFromSnakeCase }
    let target: ExtractionTarget<T> = try .type(type)
    let decoder = ReplyChecker(target: target)
    let validator = try Validator(schema: T.jsonSchema)
    return Case(
        name: name,
        run: { replies in
            for reply in replies { _ = try decoder.decode(reply) }
        },
        stages: [
            ("parse", { replies in for reply in replies { _ = try JSONParser.parse(reply) } }),
            ("parse+validate", { replies in for reply in replies { _ = validator.validate(try JSONParser.parse(reply)) } }),
            ("parse+isValid", { replies in for reply in replies { _ = validator.isValid(try JSONParser.parse(reply)) } }),
            ("quickCheck(text)", { replies in
                for reply in replies { _ = Array(reply.utf8).withUnsafeBytes { validator.quickCheck(json: $0) } }
            }),
            ("parse+Decodable", { replies in
                for reply in replies { _ = try keys.decode(T.self, from: JSONParser.parse(reply)) }
            }),
            ("parse+init(jsonValue:)", { replies in
                guard let fast = T.self as? any JSONValueDecodable.Type else { return }
                for reply in replies { _ = try fast.init(jsonValue: JSONParser.parse(reply)) }
            }),
        ])
}

func median(_ values: [Duration]) -> Duration { values.sorted()[values.count / 2] }

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: TypedDecodeBenchmark REPLIES.jsonl [RUNS]\n".utf8))
    exit(2)
}
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 7 : 7
let text = try String(contentsOfFile: arguments[1], encoding: .utf8)
var replies: [String: [String]] = [:]
for line in text.split(separator: "\n") where !line.isEmpty {
    let row = try JSONParser.parse(line)
    guard let type = row["type"]?.string, let reply = row["reply"]?.string else { continue }
    replies[type, default: []].append(reply)
}

let cases = [
    try decoding(Invoice.self, "invoice"),
    try decoding(VoiceNote.self, "voice-note"),
    try decoding(ContactCard.self, "contact-card", snakeCase: true),
    try decoding(SentimentClassification.self, "sentiment-classification"),
    try decoding(Meeting.self, "meeting"),
    try decoding(ProductReview.self, "product-review"),
]

var results = JSONObject()
let clock = ContinuousClock()
for item in cases {
    guard let texts = replies[item.name], !texts.isEmpty else { continue }
    // Every reply must be valid (and this warms up).
    do {
        try item.run(texts)
    } catch {
        FileHandle.standardError.write(Data("\(item.name): a reply was rejected: \(error)\n".utf8))
        exit(1)
    }
    var times: [Duration] = []
    for _ in 0..<runs {
        let elapsed = try clock.measure { try item.run(texts) }
        times.append(elapsed)
    }
    results[item.name] = .number(JSONNumber(Int((Double(texts.count) / seconds(median(times))).rounded())))
    if ProcessInfo.processInfo.environment["FORMA_BENCH_STAGES"] == "1" {
        var line = "\(item.name):"
        for (stage, run) in item.stages {
            var stageTimes: [Duration] = []
            for _ in 0..<runs { stageTimes.append(try clock.measure { try run(texts) }) }
            line += " \(stage) \(Int(Double(texts.count) / seconds(median(stageTimes))))/s"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
print(JSONValue.object(results).serialized())
