/// Assembles a streamed chat reply from its chunks: content, reasoning, tool calls (argument
/// fragments concatenated per index), finish reason and usage.
///
/// ```swift
/// var accumulator = ChatStreamAccumulator()
/// for try await chunk in stream { accumulator.add(chunk) }
/// print(accumulator.content, accumulator.toolCalls)
/// ```
public struct ChatStreamAccumulator: Sendable, Hashable {
    /// One choice being assembled.
    public struct Choice: Sendable, Hashable {
        /// The content so far.
        public var content = ""
        /// Whether any content arrived (to tell `""` from none).
        public var hasContent = false
        /// The reasoning so far.
        public var reasoning = ""
        /// Tool calls by index, arguments concatenated.
        public var toolCalls: [Int: ToolCall] = [:]
        /// The finish reason, once sent.
        public var finishReason: FinishReason?

        /// The assembled assistant message.
        public var message: ChatMessage {
            ChatMessage(
                role: .assistant, content: hasContent ? content : nil, reasoning: reasoning.isEmpty ? nil : reasoning,
                toolCalls: toolCalls.keys.sorted().compactMap { toolCalls[$0] }
            )
        }
    }

    /// The completion id.
    public private(set) var id = ""
    /// The model.
    public private(set) var model = ""
    /// Token counts, from whichever chunk carried them (the last one wins).
    public private(set) var usage: Usage?
    /// Choices by index.
    public private(set) var choices: [Int: Choice] = [:]
    /// How many chunks were added.
    public private(set) var chunkCount = 0

    /// An empty accumulator.
    public init() {}

    /// Adds one chunk.
    /// - Parameter chunk: The next chunk of the stream.
    public mutating func add(_ chunk: ChatChunk) {
        chunkCount += 1
        if id.isEmpty { id = chunk.id }
        if model.isEmpty { model = chunk.model }
        if let usage = chunk.usage { self.usage = usage }
        for delta in chunk.choices {
            var choice = choices[delta.index] ?? Choice()
            if let content = delta.content {
                choice.content += content
                choice.hasContent = true
            }
            if let reasoning = delta.reasoning { choice.reasoning += reasoning }
            for fragment in delta.toolCalls {
                var call = choice.toolCalls[fragment.index] ?? ToolCall(id: "", name: "", arguments: "", index: fragment.index)
                if let id = fragment.id, !id.isEmpty { call.id = id }
                if let type = fragment.type, !type.isEmpty { call.type = type }
                if let name = fragment.name { call.name += call.name == name ? "" : name }
                if let arguments = fragment.arguments { call.arguments += arguments }
                choice.toolCalls[fragment.index] = call
            }
            if let reason = delta.finishReason { choice.finishReason = reason }
            choices[delta.index] = choice
        }
    }

    /// The first choice's content so far.
    public var content: String { choices[0]?.content ?? "" }
    /// The first choice's reasoning so far.
    public var reasoning: String { choices[0]?.reasoning ?? "" }
    /// The first choice's tool calls, in index order.
    public var toolCalls: [ToolCall] { choices[0]?.message.toolCalls ?? [] }
    /// The first choice's finish reason.
    public var finishReason: FinishReason? { choices[0]?.finishReason }
    /// The first choice's assembled message.
    public var message: ChatMessage { choices[0]?.message ?? ChatMessage(role: .assistant, content: nil) }
}
