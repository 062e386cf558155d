import Forma
import FormaClient
import FormaJSON

/// One output line of `forma extract`, as described by `Schemas/forma-extract-record.schema.json`:
/// `{id, ok, value, spans?, confidence?, lowConfidence? | error{kind, message, errors[],
/// retryable, candidate?}, attempts, cached?, usage{prompt, completion, total}, model, latencyMs}`.
struct ExtractRecord: Sendable {
    /// What the row produced.
    enum Result: Sendable {
        case value(JSONValue)
        case failure(Failure)
    }

    /// Why a row has no value.
    struct Failure: Sendable {
        /// `invalid`, `truncated`, `tokenBudgetExceeded`, `api`, `unsupported` (from the
        /// extraction engine) or `input` (the row itself could not be used).
        var kind: String
        /// One line.
        var message: String
        /// The located problems of the last reply.
        var errors: [ExtractionProblem] = []
        /// Whether running the row again later may succeed (rate limits, server errors);
        /// `--resume` redoes exactly these.
        var retryable: Bool
        /// The last reply's parsed value, when it parsed (kept for review).
        var candidate: JSONValue?
    }

    var id: JSONValue
    var result: Result
    var attempts: Int
    var usage: Usage
    var model: String
    var latency: Duration
    /// Where each grounded value occurs in the row's text (Unicode scalar offsets).
    var spans: [JSONPointer: Range<Int>] = [:]
    /// The probability of each leaf value (`--confidence`), when the server sent logprobs.
    var confidence: [JSONPointer: Double]?
    /// The leaves whose confidence is below `--flag-below`.
    var lowConfidence: [JSONPointer]?
    /// Attempts answered from the response cache.
    var cached = 0

    /// Whether the row has a value.
    var isOK: Bool {
        if case .value = result { return true }
        return false
    }

    /// The record as one compact JSON line, with its line feed.
    var line: [UInt8] {
        var object = JSONObject()
        object.appendUnchecked(key: "id", value: id)
        switch result {
        case .value(let value):
            object.appendUnchecked(key: "ok", value: .bool(true))
            object.appendUnchecked(key: "value", value: value)
            let order = Self.documentOrder(of: value)
            if !spans.isEmpty {
                let members = spans.sorted { order.precedes($0.key, $1.key) }.map { pointer, span in
                    (pointer.description, JSONValue.array([.number(JSONNumber(span.lowerBound)), .number(JSONNumber(span.upperBound))]))
                }
                object.appendUnchecked(key: "spans", value: .object(JSONObject(members)))
            }
            if let confidence {
                let members = confidence.sorted { order.precedes($0.key, $1.key) }.map { pointer, probability in
                    (pointer.description, JSONNumber((probability * 10_000).rounded() / 10_000).map(JSONValue.number) ?? .null)
                }
                object.appendUnchecked(key: "confidence", value: .object(JSONObject(members)))
            }
            if let lowConfidence {
                let sorted = lowConfidence.sorted(by: order.precedes)
                object.appendUnchecked(key: "lowConfidence", value: .array(sorted.map { .string($0.description) }))
            }
        case .failure(let failure):
            object.appendUnchecked(key: "ok", value: .bool(false))
            var error = JSONObject()
            error.appendUnchecked(key: "kind", value: .string(failure.kind))
            error.appendUnchecked(key: "message", value: .string(failure.message))
            error.appendUnchecked(key: "errors", value: .array(failure.errors.map(Self.problem)))
            error.appendUnchecked(key: "retryable", value: .bool(failure.retryable))
            if let candidate = failure.candidate { error.appendUnchecked(key: "candidate", value: candidate) }
            object.appendUnchecked(key: "error", value: .object(error))
        }
        object.appendUnchecked(key: "attempts", value: .number(JSONNumber(attempts)))
        if cached > 0 { object.appendUnchecked(key: "cached", value: .number(JSONNumber(cached))) }
        var counts = JSONObject()
        counts.appendUnchecked(key: "prompt", value: .number(JSONNumber(usage.promptTokens)))
        counts.appendUnchecked(key: "completion", value: .number(JSONNumber(usage.completionTokens)))
        counts.appendUnchecked(key: "total", value: .number(JSONNumber(usage.totalTokens)))
        object.appendUnchecked(key: "usage", value: .object(counts))
        object.appendUnchecked(key: "model", value: .string(model))
        object.appendUnchecked(key: "latencyMs", value: .number(JSONNumber(Self.milliseconds(latency))))
        var bytes = JSONValue.object(object).serializedBytes()
        bytes.append(0x0A)
        return bytes
    }

    /// The position of every pointer of `value` in document order (members as they appear).
    struct DocumentOrder {
        var positions: [JSONPointer: Int] = [:]

        /// Whether `a` comes before `b` (pointers not in the value last, by their text).
        func precedes(_ a: JSONPointer, _ b: JSONPointer) -> Bool {
            switch (positions[a], positions[b]) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.description < b.description
            }
        }
    }

    static func documentOrder(of value: JSONValue) -> DocumentOrder {
        var order = DocumentOrder()
        func visit(_ value: JSONValue, _ pointer: JSONPointer, _ depth: Int) {
            order.positions[pointer] = order.positions.count
            guard depth < 256 else { return }
            switch value {
            case .object(let members): for member in members { visit(member.value, pointer.appending(member.key), depth + 1) }
            case .array(let items): for (index, item) in items.enumerated() { visit(item, pointer.appending(index: index), depth + 1) }
            default: break
            }
        }
        visit(value, .root, 0)
        return order
    }

    private static func problem(_ problem: ExtractionProblem) -> JSONValue {
        var object = JSONObject()
        object.appendUnchecked(key: "stage", value: .string(problem.stage.rawValue))
        if let location = problem.location { object.appendUnchecked(key: "location", value: .string(location.description)) }
        object.appendUnchecked(key: "message", value: .string(problem.message))
        return .object(object)
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    /// Whether a record read back from an output file is final: `ok`, or failed with an
    /// error that is not retryable. Anything else (retryable, unreadable) is redone.
    static func isFinal(_ record: JSONValue) -> Bool {
        if record["ok"]?.bool == true { return record["value"] != nil }
        guard record["ok"]?.bool == false, let error = record["error"] else { return false }
        return error["retryable"]?.bool == false
    }
}
