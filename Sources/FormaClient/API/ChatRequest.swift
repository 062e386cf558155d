public import FormaJSON

/// A `POST /chat/completions` request.
///
/// Typed fields cover the documented parameters; ``extra`` passes anything else through
/// unchanged (and overrides a typed field of the same name).
///
/// ```swift
/// var request = ChatRequest(model: "meta-llama/Llama-3.3-70B-Instruct-Turbo", messages: [.user("Hi")])
/// request.options.maxTokens = 64
/// request.responseFormat = .jsonObject()
/// ```
public struct ChatRequest: Sendable, Hashable {
    /// The model id.
    public var model: String
    /// The conversation.
    public var messages: [ChatMessage]
    /// Sampling and generation settings.
    public var options: SamplingOptions
    /// Functions the model may call.
    public var tools: [Tool]
    /// Whether and which tool must be called.
    public var toolChoice: ToolChoice?
    /// The output constraint, encoded per ``ProviderDialect``.
    public var responseFormat: ResponseFormat?
    /// `reasoning_effort`: `low`, `medium` or `high`.
    public var reasoningEffort: String?
    /// `reasoning.enabled`: turns a hybrid model's reasoning on or off.
    public var reasoningEnabled: Bool?
    /// `chat_template_kwargs`, passed to the model's chat template.
    public var chatTemplateKwargs: JSONObject?
    /// Other body members, sent as given (sorted by key).
    public var extra: [String: JSONValue]

    /// A request.
    /// - Parameters:
    ///   - model: The model id.
    ///   - messages: The conversation.
    ///   - options: Sampling settings.
    ///   - tools: Callable functions.
    ///   - toolChoice: Tool requirement.
    ///   - responseFormat: Output constraint.
    ///   - reasoningEffort: `reasoning_effort` for reasoning models (`low`, `medium`, `high`).
    ///   - reasoningEnabled: `reasoning.enabled`, to switch a hybrid model's thinking on or off.
    ///   - chatTemplateKwargs: `chat_template_kwargs` passed to the model's chat template.
    ///   - extra: Pass-through members.
    public init(
        model: String, messages: [ChatMessage], options: SamplingOptions = SamplingOptions(), tools: [Tool] = [],
        toolChoice: ToolChoice? = nil, responseFormat: ResponseFormat? = nil, reasoningEffort: String? = nil,
        reasoningEnabled: Bool? = nil, chatTemplateKwargs: JSONObject? = nil, extra: [String: JSONValue] = [:]
    ) {
        self.model = model
        self.messages = messages
        self.options = options
        self.tools = tools
        self.toolChoice = toolChoice
        self.responseFormat = responseFormat
        self.reasoningEffort = reasoningEffort
        self.reasoningEnabled = reasoningEnabled
        self.chatTemplateKwargs = chatTemplateKwargs
        self.extra = extra
    }

    /// The JSON body for `dialect`.
    /// - Parameters:
    ///   - dialect: How the server spells things.
    ///   - stream: Whether to ask for an event stream.
    /// - Returns: The body object.
    /// - Throws: ``APIError`` `.unsupported` when the dialect cannot express the request.
    public func body(dialect: ProviderDialect = .together, stream: Bool = false) throws -> JSONObject {
        var body: JSONObject = ["model": .string(model), "messages": .array(messages.map(\.json))]
        options.encode(into: &body, dialect: dialect, chat: true)
        if !tools.isEmpty { body["tools"] = .array(tools.map(\.json)) }
        body.put("tool_choice", toolChoice?.json)
        if let responseFormat { try dialect.encode(responseFormat, into: &body) }
        body.put("reasoning_effort", reasoningEffort.map { .string($0) })
        if let reasoningEnabled { body["reasoning"] = ["enabled": .bool(reasoningEnabled)] }
        body.put("chat_template_kwargs", chatTemplateKwargs.map { .object($0) })
        if stream {
            body["stream"] = true
            if dialect.needsStreamUsageOption { body["stream_options"] = ["include_usage": true] }
        }
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) { body[key] = value }
        return body
    }
}
