public import FormaJSON

/// One `completion.chunk` of a streamed text completion.
public struct CompletionChunk: StreamChunk, Hashable {
    /// The completion id.
    public var id: String
    /// The model.
    public var model: String
    /// The pieces.
    public var choices: [CompletionChoice]
    /// Token counts (last chunk).
    public var usage: Usage?

    /// Decodes a chunk.
    /// - Throws: ``APIError`` `.decoding` when the shape is wrong.
    public init(json: JSONValue) throws {
        let f = try JSONFields(json, path: "chunk")
        id = try f.string("id") ?? ""
        model = try f.string("model") ?? ""
        choices = try f.objects("choices") { try CompletionChoice(json: $0, path: $1) }
        usage = try f.value("usage").map { try Usage(json: $0) }
    }

    /// Whether any choice reports a finish reason.
    public var hasFinishReason: Bool { choices.contains { $0.finishReason != nil } }
    /// The text bytes of every choice.
    public var textSize: StreamedTextSize {
        StreamedTextSize(content: choices.reduce(0) { $0 + $1.text.utf8.count })
    }
}
