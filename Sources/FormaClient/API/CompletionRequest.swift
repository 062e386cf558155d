public import FormaJSON

/// A `POST /completions` (raw text) request.
public struct CompletionRequest: Sendable, Hashable {
    /// The model id.
    public var model: String
    /// The prompt text.
    public var prompt: String
    /// Sampling and generation settings.
    public var options: SamplingOptions
    /// Other body members, sent as given.
    public var extra: [String: JSONValue]

    /// A request.
    public init(model: String, prompt: String, options: SamplingOptions = SamplingOptions(), extra: [String: JSONValue] = [:]) {
        self.model = model
        self.prompt = prompt
        self.options = options
        self.extra = extra
    }

    /// The JSON body for `dialect`.
    public func body(dialect: ProviderDialect = .together, stream: Bool = false) -> JSONObject {
        var body: JSONObject = ["model": .string(model), "prompt": .string(prompt)]
        options.encode(into: &body, dialect: dialect, chat: false)
        if stream {
            body["stream"] = true
            if dialect.needsStreamUsageOption { body["stream_options"] = ["include_usage": true] }
        }
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) { body[key] = value }
        return body
    }
}
