public import FormaJSON

/// One choice of a text completion (whole, or a streamed piece).
public struct CompletionChoice: Sendable, Hashable {
    /// Its position.
    public var index: Int
    /// The text (a piece of it in a stream chunk).
    public var text: String
    /// Why generation stopped.
    public var finishReason: FinishReason?
    /// Log-probabilities, when requested.
    public var logprobs: Logprobs?
    /// The seed used.
    public var seed: UInt64?

    /// Decodes a choice.
    /// - Throws: ``APIError`` `.decoding` when the shape is wrong.
    public init(json: JSONValue, path: String = "choices[]") throws {
        let f = try JSONFields(json, path: path)
        index = try f.int("index") ?? 0
        var text = try f.string("text")
        if text == nil, let delta = f.value("delta") { text = try JSONFields(delta, path: "\(path).delta").string("content") }
        self.text = text ?? ""
        finishReason = try f.string("finish_reason").map(FinishReason.init(rawValue:))
        logprobs = try f.value("logprobs").map { try Logprobs(json: $0, path: "\(path).logprobs") }
        seed = try f.uint64("seed")
    }
}
