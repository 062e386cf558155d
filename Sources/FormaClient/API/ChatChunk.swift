public import FormaJSON

/// One `chat.completion.chunk` of a streamed reply.
public struct ChatChunk: StreamChunk, Hashable {
    /// The completion id.
    public var id: String
    /// The model.
    public var model: String
    /// Unix time of creation.
    public var created: Int?
    /// The choices' deltas (empty in a usage-only chunk).
    public var choices: [ChatChunkChoice]
    /// Token counts (usually on the last chunk only).
    public var usage: Usage?

    /// A chunk.
    public init(id: String = "", model: String = "", created: Int? = nil, choices: [ChatChunkChoice] = [], usage: Usage? = nil) {
        self.id = id
        self.model = model
        self.created = created
        self.choices = choices
        self.usage = usage
    }

    /// Decodes a chunk.
    /// - Throws: ``APIError`` `.decoding` when the shape is wrong.
    public init(json: JSONValue) throws {
        let f = try JSONFields(json, path: "chunk")
        self.init(
            id: try f.string("id") ?? "", model: try f.string("model") ?? "", created: try f.int("created"),
            choices: try f.objects("choices") { try ChatChunkChoice(json: $0, path: $1) },
            usage: try f.value("usage").map { try Usage(json: $0) }
        )
    }

    /// Whether any choice reports a finish reason.
    public var hasFinishReason: Bool { choices.contains { $0.finishReason != nil } }
    /// The content, reasoning and tool-call argument bytes of every choice.
    public var textSize: StreamedTextSize {
        var size = StreamedTextSize()
        for choice in choices {
            size.content += choice.content?.utf8.count ?? 0
            size.reasoning += choice.reasoning?.utf8.count ?? 0
            for call in choice.toolCalls { size.toolArguments += call.arguments?.utf8.count ?? 0 }
        }
        return size
    }
}
