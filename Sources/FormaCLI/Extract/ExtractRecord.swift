import Forma
import FormaClient
import FormaJSON

/// One output line of `forma extract`, as described by `Schemas/forma-extract-record.schema.json`:
/// `{id, ok, value | error{kind, message, errors[], retryable}, attempts, usage{prompt,
/// completion, total}, model, latencyMs}`.
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
    }

    var id: JSONValue
    var result: Result
    var attempts: Int
    var usage: Usage
    var model: String
    var latency: Duration

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
        case .failure(let failure):
            object.appendUnchecked(key: "ok", value: .bool(false))
            var error = JSONObject()
            error.appendUnchecked(key: "kind", value: .string(failure.kind))
            error.appendUnchecked(key: "message", value: .string(failure.message))
            error.appendUnchecked(key: "errors", value: .array(failure.errors.map(Self.problem)))
            error.appendUnchecked(key: "retryable", value: .bool(failure.retryable))
            object.appendUnchecked(key: "error", value: .object(error))
        }
        object.appendUnchecked(key: "attempts", value: .number(JSONNumber(attempts)))
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
