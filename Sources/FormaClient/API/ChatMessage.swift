public import FormaJSON

/// One message of a conversation: system, user (text or parts), assistant (text, reasoning,
/// tool calls) or tool result.
///
/// ```swift
/// let messages: [ChatMessage] = [.system("Answer in JSON."), .user("Capital of France?")]
/// ```
public struct ChatMessage: Sendable, Hashable {
    /// The author role; other roles (such as `developer`) are kept as sent.
    public struct Role: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral {
        /// The role as sent.
        public var rawValue: String
        /// A role.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A role.
        public init(stringLiteral value: String) { rawValue = value }
        /// Instructions.
        public static let system = Role(rawValue: "system")
        /// The user.
        public static let user = Role(rawValue: "user")
        /// The model.
        public static let assistant = Role(rawValue: "assistant")
        /// A tool result.
        public static let tool = Role(rawValue: "tool")
    }

    /// Who wrote it.
    public var role: Role
    /// The text; `nil` for an assistant message that only calls tools.
    public var content: String?
    /// Multimodal parts of a user message (sent instead of ``content`` when non-empty).
    public var parts: [ContentPart]
    /// Reasoning text of an assistant reply (`reasoning` or `reasoning_content`); not sent back.
    public var reasoning: String?
    /// Tool calls of an assistant message.
    public var toolCalls: [ToolCall]
    /// The call a tool message answers.
    public var toolCallID: String?
    /// An optional participant name.
    public var name: String?

    /// A message.
    public init(
        role: Role, content: String?, parts: [ContentPart] = [], reasoning: String? = nil,
        toolCalls: [ToolCall] = [], toolCallID: String? = nil, name: String? = nil
    ) {
        self.role = role
        self.content = content
        self.parts = parts
        self.reasoning = reasoning
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.name = name
    }

    /// A system message.
    public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, content: text) }
    /// A user message with text.
    public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, content: text) }
    /// A user message made of parts (text, images, audio, video).
    public static func user(parts: [ContentPart]) -> ChatMessage { ChatMessage(role: .user, content: nil, parts: parts) }
    /// An assistant message, optionally with tool calls.
    public static func assistant(_ text: String?, toolCalls: [ToolCall] = []) -> ChatMessage {
        ChatMessage(role: .assistant, content: text, toolCalls: toolCalls)
    }
    /// A tool result answering `callID`.
    public static func tool(_ text: String, callID: String) -> ChatMessage {
        ChatMessage(role: .tool, content: text, toolCallID: callID)
    }

    /// The wire form.
    public var json: JSONValue {
        var o: JSONObject = ["role": .string(role.rawValue)]
        if !parts.isEmpty {
            o["content"] = .array(parts.map(\.json))
        } else {
            o["content"] = content.map { .string($0) } ?? .null
        }
        o.put("name", name.map { .string($0) })
        if !toolCalls.isEmpty { o["tool_calls"] = .array(toolCalls.map(\.json)) }
        o.put("tool_call_id", toolCallID.map { .string($0) })
        return .object(o)
    }

    /// Decodes a message (as in a response's `message`); `tool_calls: []` and `content: null` are fine.
    /// - Throws: ``APIError`` `.decoding` when the shape is wrong.
    public init(json: JSONValue, path: String = "message") throws {
        let f = try JSONFields(json, path: path)
        var content: String?
        var parts: [ContentPart] = []
        switch f.value("content") {
        case .string(let s)?: content = s
        case .array(let items)?:
            parts = try items.enumerated().map { try ContentPart(json: $1, path: "\(path).content[\($0)]") }
        case nil: content = nil
        case let other?:
            throw APIError(kind: .decoding, message: "\(path).content: expected a string, got \(other.typeName)")
        }
        self.init(
            role: Role(rawValue: try f.string("role") ?? "assistant"), content: content, parts: parts,
            reasoning: try f.string("reasoning") ?? f.string("reasoning_content"),
            toolCalls: try f.objects("tool_calls") { try ToolCall(json: $0, path: $1) },
            toolCallID: try f.string("tool_call_id"), name: try f.string("name")
        )
    }
}
