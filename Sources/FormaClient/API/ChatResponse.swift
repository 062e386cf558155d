public import FormaJSON

/// A `chat.completion` reply.
public struct ChatResponse: Sendable {
    /// The completion id.
    public var id: String
    /// The model that answered.
    public var model: String
    /// Unix time of creation.
    public var created: Int?
    /// The choices (usually one).
    public var choices: [ChatChoice]
    /// Token counts.
    public var usage: Usage?
    /// `warnings[].message`, when the server sent any.
    public var warnings: [String]
    /// The decoded body, for fields without a typed property.
    public var raw: JSONValue
    /// Status, request id, rate limits and attempts.
    public var metadata: ResponseMetadata

    /// The first choice's message text (`nil` when absent or only tool calls).
    public var content: String? { choices.first?.message.content }

    /// Decodes a reply body.
    /// - Parameters:
    ///   - json: The body.
    ///   - metadata: What the transport learned.
    /// - Throws: ``APIError`` `.decoding` when the shape is wrong.
    public init(json: JSONValue, metadata: ResponseMetadata = ResponseMetadata(status: 200)) throws {
        let f = try JSONFields(json, path: "response")
        id = try f.string("id") ?? ""
        model = try f.string("model") ?? ""
        created = try f.int("created")
        choices = try f.objects("choices") { try ChatChoice(json: $0, path: $1) }
        usage = try f.value("usage").map { try Usage(json: $0) }
        warnings = try f.array("warnings").compactMap { $0["message"]?.string ?? $0.string }
        raw = json
        self.metadata = metadata
    }
}
