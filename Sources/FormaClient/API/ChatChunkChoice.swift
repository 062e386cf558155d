public import FormaJSON

/// One choice's delta in a chunk.
public struct ChatChunkChoice: Sendable, Hashable {
    /// Which choice.
    public var index: Int
    /// The role (repeated on every delta by Together).
    public var role: ChatMessage.Role?
    /// A piece of the content.
    public var content: String?
    /// A piece of the reasoning (`reasoning` or `reasoning_content`).
    public var reasoning: String?
    /// Tool-call fragments.
    public var toolCalls: [ToolCallDelta]
    /// The token id (Together).
    public var tokenID: Int?
    /// Set on the last delta of the choice.
    public var finishReason: FinishReason?
    /// Log-probabilities of this delta's tokens.
    public var logprobs: Logprobs?

    /// A delta.
    public init(
        index: Int = 0, role: ChatMessage.Role? = nil, content: String? = nil, reasoning: String? = nil,
        toolCalls: [ToolCallDelta] = [], tokenID: Int? = nil, finishReason: FinishReason? = nil, logprobs: Logprobs? = nil
    ) {
        self.index = index
        self.role = role
        self.content = content
        self.reasoning = reasoning
        self.toolCalls = toolCalls
        self.tokenID = tokenID
        self.finishReason = finishReason
        self.logprobs = logprobs
    }

    /// Decodes one element of a chunk's `choices`.
    /// - Throws: ``APIError`` `.decoding` when the shape is wrong.
    public init(json: JSONValue, path: String = "choices[]") throws {
        let f = try JSONFields(json, path: path)
        let delta = try f.value("delta").map { try JSONFields($0, path: "\(path).delta") }
        let finish = try f.string("finish_reason")
        self.init(
            index: try f.int("index") ?? 0, role: try delta?.string("role").map(ChatMessage.Role.init(rawValue:)),
            content: try delta?.string("content") ?? (delta == nil ? f.string("text") : nil),
            reasoning: try delta?.string("reasoning") ?? delta?.string("reasoning_content"),
            toolCalls: try delta?.array("tool_calls").enumerated().map {
                try ToolCallDelta(json: $1, path: "\(path).delta.tool_calls[\($0)]", position: $0)
            } ?? [],
            tokenID: try delta?.int("token_id"),
            finishReason: finish.map(FinishReason.init(rawValue:)),
            logprobs: try f.value("logprobs").map { try Logprobs(json: $0, path: "\(path).logprobs") }
        )
    }
}
