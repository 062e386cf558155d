/// Bounds a streamed reply cannot exceed, whatever the server sends: each one ends the
/// stream with ``APIError`` `.responseTooLarge` naming the limit.
///
/// The whole body is also capped by `CurlTransport.Configuration.maxResponseBytes`
/// (64 MiB by default), streams included.
///
/// ```swift
/// var configuration = ClientConfiguration.fromEnvironment()
/// configuration.streamLimits.maxReasoningBytes = 1 << 20   // 1 MiB of thinking at most
/// ```
public struct StreamLimits: Sendable, Hashable {
    /// Events per stream (default 1,000,000; a reply is one event per token or so).
    public var maxEvents: Int
    /// Bytes of one event line or of one event's data (default 16 MiB).
    public var maxEventBytes: Int
    /// Bytes of content, summed over choices (default 32 MiB).
    public var maxContentBytes: Int
    /// Bytes of reasoning text, summed over choices (default 32 MiB).
    public var maxReasoningBytes: Int
    /// Bytes of tool-call arguments, summed over calls and choices (default 16 MiB).
    public var maxToolCallArgumentBytes: Int

    /// Limits; the defaults suit any real reply.
    public init(
        maxEvents: Int = 1_000_000, maxEventBytes: Int = 16 << 20, maxContentBytes: Int = 32 << 20,
        maxReasoningBytes: Int = 32 << 20, maxToolCallArgumentBytes: Int = 16 << 20
    ) {
        self.maxEvents = maxEvents
        self.maxEventBytes = maxEventBytes
        self.maxContentBytes = maxContentBytes
        self.maxReasoningBytes = maxReasoningBytes
        self.maxToolCallArgumentBytes = maxToolCallArgumentBytes
    }
}

/// How much text one chunk adds to a stream, for ``StreamLimits``.
public struct StreamedTextSize: Sendable, Hashable {
    /// UTF-8 bytes of content (or completion text).
    public var content = 0
    /// UTF-8 bytes of reasoning.
    public var reasoning = 0
    /// UTF-8 bytes of tool-call argument fragments.
    public var toolArguments = 0

    /// A size.
    public init(content: Int = 0, reasoning: Int = 0, toolArguments: Int = 0) {
        self.content = content
        self.reasoning = reasoning
        self.toolArguments = toolArguments
    }
}
