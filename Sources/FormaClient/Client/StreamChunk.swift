public import FormaJSON

/// A chunk type a ``ResponseStream`` decodes from each event's JSON.
public protocol StreamChunk: Sendable {
    /// Decodes one event's JSON.
    /// - Throws: ``APIError`` `.decoding` when the shape is wrong.
    init(json: JSONValue) throws
    /// Whether the chunk ends a choice (so a stream without `[DONE]` after it is complete).
    var hasFinishReason: Bool { get }
    /// How much text the chunk adds (checked against ``StreamLimits``; none by default).
    var textSize: StreamedTextSize { get }
}

extension StreamChunk {
    /// No text counted.
    public var textSize: StreamedTextSize { StreamedTextSize() }
}
