public import FormaJSON

/// Token counts of a request.
public struct Usage: Sendable, Hashable {
    /// Tokens in the prompt.
    public var promptTokens: Int
    /// Tokens generated.
    public var completionTokens: Int
    /// Their sum as reported.
    public var totalTokens: Int
    /// Prompt tokens served from cache (flat `cached_tokens` or `prompt_tokens_details.cached_tokens`).
    public var cachedTokens: Int?
    /// Generated tokens spent on reasoning (`completion_tokens_details.reasoning_tokens`).
    public var reasoningTokens: Int?

    /// Counts.
    public init(promptTokens: Int = 0, completionTokens: Int = 0, totalTokens: Int? = nil, cachedTokens: Int? = nil, reasoningTokens: Int? = nil) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens ?? promptTokens + completionTokens
        self.cachedTokens = cachedTokens
        self.reasoningTokens = reasoningTokens
    }

    /// Decodes a `usage` object.
    /// - Parameter json: The object.
    /// - Throws: ``APIError`` `.decoding` when a member has the wrong type.
    public init(json: JSONValue) throws {
        let f = try JSONFields(json, path: "usage")
        let prompt = try f.int("prompt_tokens") ?? 0
        let completion = try f.int("completion_tokens") ?? 0
        var cached = try f.int("cached_tokens")
        if let details = f.value("prompt_tokens_details") {
            cached = try JSONFields(details, path: "usage.prompt_tokens_details").int("cached_tokens") ?? cached
        }
        var reasoning: Int?
        if let details = f.value("completion_tokens_details") {
            reasoning = try JSONFields(details, path: "usage.completion_tokens_details").int("reasoning_tokens")
        }
        self.init(promptTokens: prompt, completionTokens: completion, totalTokens: try f.int("total_tokens"), cachedTokens: cached, reasoningTokens: reasoning)
    }

    /// The wire form (flat `cached_tokens`, details for reasoning tokens).
    public var json: JSONValue {
        var o: JSONObject = ["prompt_tokens": .int(promptTokens), "completion_tokens": .int(completionTokens), "total_tokens": .int(totalTokens)]
        o.put("cached_tokens", cachedTokens.map { .int($0) })
        if let reasoningTokens { o["completion_tokens_details"] = ["reasoning_tokens": .int(reasoningTokens)] }
        return .object(o)
    }

    /// Adds another request's counts (for totals over retries and re-asks).
    public static func + (lhs: Usage, rhs: Usage) -> Usage {
        Usage(
            promptTokens: lhs.promptTokens + rhs.promptTokens, completionTokens: lhs.completionTokens + rhs.completionTokens,
            totalTokens: lhs.totalTokens + rhs.totalTokens,
            cachedTokens: lhs.cachedTokens.map { $0 + (rhs.cachedTokens ?? 0) } ?? rhs.cachedTokens,
            reasoningTokens: lhs.reasoningTokens.map { $0 + (rhs.reasoningTokens ?? 0) } ?? rhs.reasoningTokens
        )
    }
}
