public import FormaJSON

/// A `text.completion` reply.
public struct CompletionResponse: Sendable {
    /// The completion id.
    public var id: String
    /// The model.
    public var model: String
    /// The choices.
    public var choices: [CompletionChoice]
    /// Token counts.
    public var usage: Usage?
    /// The decoded body.
    public var raw: JSONValue
    /// Status, request id, rate limits and attempts.
    public var metadata: ResponseMetadata

    /// The first choice's text.
    public var text: String? { choices.first?.text }

    /// Decodes a reply body.
    /// - Throws: ``APIError`` `.decoding` when the shape is wrong.
    public init(json: JSONValue, metadata: ResponseMetadata = ResponseMetadata(status: 200)) throws {
        let f = try JSONFields(json, path: "response")
        id = try f.string("id") ?? ""
        model = try f.string("model") ?? ""
        choices = try f.objects("choices") { try CompletionChoice(json: $0, path: $1) }
        usage = try f.value("usage").map { try Usage(json: $0) }
        raw = json
        self.metadata = metadata
    }
}
