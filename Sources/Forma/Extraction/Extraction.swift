public import FormaClient

/// A typed, validated value and how it was obtained.
public struct Extraction<Value: Sendable>: Sendable {
    /// The value, valid against the schema and every user validator.
    public var value: Value
    /// The reply text the value came from (tool-call arguments in `tools` mode).
    public var raw: String
    /// The model's reasoning for the final reply, when it gave any.
    public var reasoning: String?
    /// Every attempt, the successful one last.
    public var attempts: [ExtractionAttempt]
    /// Tokens used over every attempt.
    public var usage: Usage
    /// Why the final reply ended.
    public var finishReason: FinishReason?
    /// Where each grounded value occurs in the source text: a range of Unicode scalars of
    /// the source (the first occurrence), by JSON Pointer. Empty without grounded fields.
    public var spans: [JSONPointer: Range<Int>] = [:]
    /// The probability the model gave each leaf value of the final reply, by JSON Pointer,
    /// when ``ExtractionOptions/confidence`` was on and the server sent token
    /// log-probabilities (see ``FieldConfidence`` for the rule); `nil` otherwise (and in
    /// `tools` mode, where arguments carry no log-probabilities).
    public var confidence: [JSONPointer: Double]? = nil

    /// How many times the model was asked again after an invalid reply.
    public var reasks: Int { attempts.filter { $0.outcome == .reasked }.count }
    /// Transport retries over every attempt (429, 5xx, resets the client retried).
    public var transportRetries: Int { attempts.reduce(0) { $0 + max(0, $1.transportAttempts - 1) } }
}

/// One request and its reply.
public struct ExtractionAttempt: Sendable {
    /// What happened after this attempt.
    public enum Outcome: String, Sendable, Hashable {
        /// The reply was valid.
        case succeeded
        /// The reply was invalid and the model was asked again.
        case reasked
        /// The reply was cut off and the request was repeated with more tokens.
        case truncated
        /// The reply was invalid and no budget was left.
        case failed
    }

    /// 1-based.
    public var number: Int
    /// The messages sent.
    public var messages: [ChatMessage]
    /// The reply text (content, or tool-call arguments), when there was one.
    public var reply: String?
    /// Reasoning given with the reply.
    public var reasoning: String?
    /// What was wrong with the reply (empty when it was valid).
    public var problems: [ExtractionProblem]
    /// Tokens of this attempt.
    public var usage: Usage?
    /// Why the reply ended.
    public var finishReason: FinishReason?
    /// What lenient repair changed.
    public var repairs: RepairFlags
    /// The server's request id.
    public var requestID: String?
    /// Rate-limit headers of the reply, when the server sent them.
    public var rateLimit: RateLimitInfo?
    /// HTTP requests the client made for this attempt (1 + transport retries).
    public var transportAttempts: Int
    /// Time from sending the request to having the reply.
    public var latency: Duration
    /// What happened next.
    public var outcome: Outcome
    /// Whether the reply came from the response cache (``ExtractionOptions/cache``)
    /// instead of the network.
    public var cached: Bool = false
}

/// One located reason a reply was rejected.
public struct ExtractionProblem: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem arose.
    public enum Stage: String, Sendable, Hashable {
        /// The reply is not JSON (or not a match of the pattern).
        case parse
        /// The value does not match the schema.
        case schema
        /// The value does not decode into the Swift type.
        case decoding
        /// A user validator rejected the value.
        case validator
        /// The reply was cut off (`finish_reason: length`) or empty.
        case truncated
        /// A grounded value does not occur in the source text.
        case grounding
    }

    /// The stage.
    public var stage: Stage
    /// Where in the value, when known.
    public var location: JSONPointer?
    /// What was expected and found.
    public var message: String

    /// Creates a problem.
    public init(stage: Stage, location: JSONPointer?, message: String) {
        self.stage = stage
        self.location = location
        self.message = message
    }

    /// `at /path: message`, or the message alone when there is no location.
    public var description: String {
        guard let location else { return message }
        return location.isRoot ? "at root: \(message)" : "at \(location): \(message)"
    }
}
