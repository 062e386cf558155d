import FormaJSON

/// Sampling and generation settings shared by chat and text completions.
public struct SamplingOptions: Sendable, Hashable {
    /// `max_tokens`: the most tokens to generate.
    public var maxTokens: Int?
    /// `stop`: sequences that end generation.
    public var stop: [String]
    /// `temperature`.
    public var temperature: Double?
    /// `top_p` (nucleus sampling).
    public var topP: Double?
    /// `top_k`.
    public var topK: Int?
    /// `repetition_penalty`.
    public var repetitionPenalty: Double?
    /// `presence_penalty` (−2…2).
    public var presencePenalty: Double?
    /// `frequency_penalty` (−2…2).
    public var frequencyPenalty: Double?
    /// `min_p` (0…1).
    public var minP: Double?
    /// `logit_bias`: token id → bias (−100…100).
    public var logitBias: [String: Double]
    /// `seed`; the full `UInt64` range is allowed.
    public var seed: UInt64?
    /// `n`: how many choices (1…128).
    public var n: Int?
    /// `echo`: include the prompt in the reply.
    public var echo: Bool?
    /// `logprobs`: top-k log-probabilities per token (0…20).
    public var logprobs: Int?
    /// `safety_model` (Together).
    public var safetyModel: String?
    /// `context_length_exceeded_behavior`: `truncate` or `error` (Together).
    public var contextLengthExceededBehavior: String?

    /// Settings; everything unset by default (the server's defaults apply).
    public init(
        maxTokens: Int? = nil, stop: [String] = [], temperature: Double? = nil, topP: Double? = nil, topK: Int? = nil,
        repetitionPenalty: Double? = nil, presencePenalty: Double? = nil, frequencyPenalty: Double? = nil,
        minP: Double? = nil, logitBias: [String: Double] = [:], seed: UInt64? = nil, n: Int? = nil, echo: Bool? = nil,
        logprobs: Int? = nil, safetyModel: String? = nil, contextLengthExceededBehavior: String? = nil
    ) {
        self.maxTokens = maxTokens
        self.stop = stop
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.repetitionPenalty = repetitionPenalty
        self.presencePenalty = presencePenalty
        self.frequencyPenalty = frequencyPenalty
        self.minP = minP
        self.logitBias = logitBias
        self.seed = seed
        self.n = n
        self.echo = echo
        self.logprobs = logprobs
        self.safetyModel = safetyModel
        self.contextLengthExceededBehavior = contextLengthExceededBehavior
    }

    /// Adds the set fields to `body`.
    func encode(into body: inout JSONObject, dialect: ProviderDialect, chat: Bool) {
        body.put("max_tokens", maxTokens.map { .int($0) })
        if !stop.isEmpty { body["stop"] = .array(stop.map { .string($0) }) }
        body.put("temperature", temperature.map { .double($0) })
        body.put("top_p", topP.map { .double($0) })
        body.put("top_k", topK.map { .int($0) })
        body.put("repetition_penalty", repetitionPenalty.map { .double($0) })
        body.put("presence_penalty", presencePenalty.map { .double($0) })
        body.put("frequency_penalty", frequencyPenalty.map { .double($0) })
        body.put("min_p", minP.map { .double($0) })
        if !logitBias.isEmpty {
            body["logit_bias"] = .object(JSONObject(logitBias.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.double($0.value)) }))
        }
        body.put("seed", seed.map { .number(JSONNumber($0)) })
        body.put("n", n.map { .int($0) })
        body.put("echo", echo.map { .bool($0) })
        if let logprobs { dialect.encodeLogprobs(logprobs, into: &body, chat: chat) }
        body.put("safety_model", safetyModel.map { .string($0) })
        body.put("context_length_exceeded_behavior", contextLengthExceededBehavior.map { .string($0) })
    }
}
