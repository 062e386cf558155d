public import FormaClient

/// How an extraction runs: mode, budgets and request fields.
///
/// Budgets are separate and bounded: transport retries belong to the client's
/// `RetryPolicy`; ``maxReasks`` counts re-asks after invalid replies;
/// ``maxTruncationRetries`` counts retries after `finish_reason: length`;
/// ``tokenBudget`` caps the tokens of all attempts together.
public struct ExtractionOptions: Sendable {
    /// How to ask for structure.
    public var mode: ExtractionMode
    /// Re-asks after an invalid reply (default 2).
    public var maxReasks: Int
    /// Retries with doubled `max_tokens` after a truncated reply (default 1).
    public var maxTruncationRetries: Int
    /// The largest `max_tokens` truncation recovery may ask for.
    public var maxTokensCap: Int
    /// Total tokens (prompt + completion) over every attempt; exceeding it fails the
    /// extraction with the usage so far.
    public var tokenBudget: Int?
    /// Sampling and other request fields (`max_tokens`, `temperature`, `seed`, …).
    public var sampling: SamplingOptions
    /// `reasoning_effort` for reasoning models.
    public var reasoningEffort: String?
    /// Extra request fields passed through unchanged.
    public var extra: [String: JSONValue]
    /// Whether to send the provider's strict schema shape in `jsonSchema`/`tools` modes
    /// (`nil`: when the provider needs it, as OpenAI does). Replies are always validated
    /// against the original schema.
    public var strictSchema: Bool?
    /// Whether to also describe the schema in the system prompt in `jsonSchema` mode, as
    /// Together advises (always done in `jsonObject` mode).
    public var describeSchemaInPrompt: Bool
    /// Whether to repair near-JSON (trailing commas, comments, quotes, unclosed brackets)
    /// before parsing. `nil`: only in `jsonObject` mode. Repairs are recorded on attempts.
    public var lenientRepair: Bool?
    /// Receives progress events (requests, replies, failures, re-asks, completion).
    public var observer: (any ExtractionObserver)?
    /// Answers requests identical to earlier successful ones from disk instead of the
    /// network, and keeps new successful replies (``ExtractionAttempt/cached`` marks the
    /// attempts it answered). Used by ``Extractor/run(messages:source:)``, not by streaming.
    public var cache: ResponseCache?
    /// Whether to request token log-probabilities and give each leaf value of the result a
    /// probability (``Extraction/confidence``; see ``FieldConfidence`` for the rule).
    /// Uses `sampling.logprobs` when set, else asks for the top 1.
    public var confidence: Bool = false
    /// Whether grounded fields (`"x-forma-grounded"`, `@Guide(.grounded)`) are checked
    /// against the source text (default `true`); `false` treats the keyword as an
    /// annotation only, to measure what grounding changes.
    public var grounding: Bool = true

    /// Options with the defaults: auto mode, 2 re-asks, one truncation retry.
    public init(
        mode: ExtractionMode = .auto, maxReasks: Int = 2, maxTruncationRetries: Int = 1, maxTokensCap: Int = 16_384,
        tokenBudget: Int? = nil, sampling: SamplingOptions = SamplingOptions(), reasoningEffort: String? = nil,
        extra: [String: JSONValue] = [:], strictSchema: Bool? = nil, describeSchemaInPrompt: Bool = true,
        lenientRepair: Bool? = nil, observer: (any ExtractionObserver)? = nil
    ) {
        self.mode = mode
        self.maxReasks = maxReasks
        self.maxTruncationRetries = maxTruncationRetries
        self.maxTokensCap = maxTokensCap
        self.tokenBudget = tokenBudget
        self.sampling = sampling
        self.reasoningEffort = reasoningEffort
        self.extra = extra
        self.strictSchema = strictSchema
        self.describeSchemaInPrompt = describeSchemaInPrompt
        self.lenientRepair = lenientRepair
        self.observer = observer
    }
}
