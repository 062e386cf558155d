public import FormaJSON

/// One choice of a chat reply.
public struct ChatChoice: Sendable, Hashable {
    /// Its position.
    public var index: Int
    /// The assistant's message (content, reasoning, tool calls).
    public var message: ChatMessage
    /// Why generation stopped.
    public var finishReason: FinishReason?
    /// Token log-probabilities, when requested.
    public var logprobs: Logprobs?
    /// The seed used (may exceed `Int64.max`).
    public var seed: UInt64?

    /// A choice.
    public init(index: Int, message: ChatMessage, finishReason: FinishReason? = nil, logprobs: Logprobs? = nil, seed: UInt64? = nil) {
        self.index = index
        self.message = message
        self.finishReason = finishReason
        self.logprobs = logprobs
        self.seed = seed
    }

    /// Decodes a choice.
    /// - Throws: ``APIError`` `.decoding` when the shape is wrong.
    public init(json: JSONValue, path: String = "choices[]") throws {
        let f = try JSONFields(json, path: path)
        let message = try f.value("message").map { try ChatMessage(json: $0, path: "\(path).message") }
        self.init(
            index: try f.int("index") ?? 0,
            message: try message ?? ChatMessage(role: .assistant, content: f.string("text")),
            finishReason: try f.string("finish_reason").map(FinishReason.init(rawValue:)),
            logprobs: try f.value("logprobs").map { try Logprobs(json: $0, path: "\(path).logprobs") },
            seed: try f.uint64("seed")
        )
    }
}
