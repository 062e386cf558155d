public import FormaSchema

/// Everything Forma knows about one provider, in one place: where it lives, which
/// environment variable holds its key, how requests are spelled for it, which
/// structured-output backend decodes for it (what `forma lint` checks and what
/// `JSONSchema/strict(for:)` targets), its default model and its Batch API.
///
/// ```swift
/// let configuration = ClientConfiguration.fromEnvironment(.openAI)   // OPENAI_API_KEY, api.openai.com
/// let local = ClientConfiguration(provider: .llamaCpp, baseURL: "http://127.0.0.1:8089/v1")
/// let mine = ClientConfiguration(provider: .custom(baseURL: "https://llm.internal/v1", apiKeyVariable: "LLM_KEY"))
/// ```
///
/// A key is sent only to the provider it belongs to: ``ClientConfiguration/fromEnvironment(_:apiKey:baseURL:defaultModel:environment:)`` reads the
/// provider's own ``apiKeyVariable`` (local servers have none and send no key unless one
/// is given explicitly).
public struct Provider: Sendable, Hashable, CustomStringConvertible {
    /// The provider's name, as the CLI's `--provider` spells it (`together`, `openai`, …).
    public var name: String
    /// The base URL requests go to by default, without a trailing slash.
    public var baseURL: String
    /// The environment variable that overrides ``baseURL``, when the provider has one.
    public var baseURLVariable: String?
    /// The environment variable holding this provider's API key, when it has one.
    public var apiKeyVariable: String?
    /// Whether requests fail without a key (hosted APIs); local servers need none.
    public var requiresAPIKey: Bool
    /// Whether the server runs on the user's own machine or network.
    public var isLocal: Bool
    /// How requests are spelled for this server (where constraints go, `logprobs`, stream usage).
    public var dialect: ProviderDialect
    /// What the provider's structured-output decoder enforces, ignores or rejects.
    public var schemaBackend: SchemaBackend
    /// Whether `json_schema` requests must use the strict schema shape (closed objects,
    /// every property required, optional ones nullable).
    public var needsStrictSchema: Bool
    /// The model used when a request names none, if the provider has a sensible default.
    public var defaultModel: String?
    /// The provider's Batch API, when it has one.
    public var batch: BatchAPI?

    /// A provider profile; the static members below are the built-in ones.
    /// - Parameters:
    ///   - name: The name.
    ///   - baseURL: The default base URL.
    ///   - baseURLVariable: The environment variable overriding the base URL.
    ///   - apiKeyVariable: The environment variable holding the key.
    ///   - requiresAPIKey: Whether requests need a key.
    ///   - isLocal: Whether the server is local.
    ///   - dialect: How requests are spelled.
    ///   - schemaBackend: The structured-output backend.
    ///   - needsStrictSchema: Whether json_schema needs the strict shape.
    ///   - defaultModel: The default model.
    ///   - batch: The Batch API.
    public init(
        name: String, baseURL: String, baseURLVariable: String? = nil, apiKeyVariable: String? = nil,
        requiresAPIKey: Bool = false, isLocal: Bool = false, dialect: ProviderDialect = .openAI,
        schemaBackend: SchemaBackend = .xgrammar, needsStrictSchema: Bool = false, defaultModel: String? = nil,
        batch: BatchAPI? = nil
    ) {
        self.name = name
        self.baseURL = ClientConfiguration.normalize(baseURL)
        self.baseURLVariable = baseURLVariable
        self.apiKeyVariable = apiKeyVariable
        self.requiresAPIKey = requiresAPIKey
        self.isLocal = isLocal
        self.dialect = dialect
        self.schemaBackend = schemaBackend
        self.needsStrictSchema = needsStrictSchema
        self.defaultModel = defaultModel
        self.batch = batch
    }

    /// Together AI (the default).
    public static let together = Provider(
        name: "together", baseURL: "https://api.together.xyz/v1", baseURLVariable: "TOGETHER_BASE_URL",
        apiKeyVariable: "TOGETHER_API_KEY", requiresAPIKey: true, dialect: .together, schemaBackend: .together,
        defaultModel: "meta-llama/Llama-3.3-70B-Instruct-Turbo", batch: .together)

    /// OpenAI.
    public static let openAI = Provider(
        name: "openai", baseURL: "https://api.openai.com/v1", baseURLVariable: "OPENAI_BASE_URL",
        apiKeyVariable: "OPENAI_API_KEY", requiresAPIKey: true, dialect: .openAI, schemaBackend: .openAIStrict,
        needsStrictSchema: true, defaultModel: "gpt-4o-mini", batch: .openAI)

    /// vLLM's OpenAI-compatible server (default port 8000; xgrammar decodes by default).
    public static let vllm = Provider(
        name: "vllm", baseURL: "http://localhost:8000/v1", isLocal: true, dialect: .vllm, schemaBackend: .xgrammar)

    /// llama.cpp's `llama-server` (default port 8080; `scripts/local-model` uses 8089).
    public static let llamaCpp = Provider(
        name: "llamacpp", baseURL: "http://localhost:8080/v1", isLocal: true, dialect: .llamaCpp, schemaBackend: .llamaCpp)

    /// Ollama's `/v1` endpoints (default port 11434; decodes with llama.cpp's converter).
    public static let ollama = Provider(
        name: "ollama", baseURL: "http://localhost:11434/v1", isLocal: true, dialect: .ollama, schemaBackend: .llamaCpp)

    /// Any other OpenAI-compatible server.
    /// - Parameters:
    ///   - name: A name for messages (`custom` by default).
    ///   - baseURL: The server's base URL, such as `https://llm.internal/v1`.
    ///   - apiKeyVariable: The environment variable holding its key, if it takes one.
    ///   - requiresAPIKey: Whether requests fail without a key.
    ///   - dialect: How it spells requests (OpenAI's by default).
    ///   - schemaBackend: What decodes its structured output (xgrammar by default, the most common).
    ///   - defaultModel: The model used when a request names none.
    /// - Returns: The profile.
    public static func custom(
        name: String = "custom", baseURL: String, apiKeyVariable: String? = nil, requiresAPIKey: Bool = false,
        dialect: ProviderDialect = .openAI, schemaBackend: SchemaBackend = .xgrammar, defaultModel: String? = nil
    ) -> Provider {
        Provider(
            name: name, baseURL: baseURL, apiKeyVariable: apiKeyVariable, requiresAPIKey: requiresAPIKey,
            dialect: dialect, schemaBackend: schemaBackend, needsStrictSchema: schemaBackend.requiresClosedObjects,
            defaultModel: defaultModel)
    }

    /// The built-in providers.
    public static let all: [Provider] = [.together, .openAI, .vllm, .llamaCpp, .ollama]

    /// The built-in provider called `name` (case-insensitive; `llama.cpp` and `llama-cpp` also work).
    public init?(name: String) {
        let key = name.lowercased().replacing("-", with: "").replacing(".", with: "")
        guard let found = Self.all.first(where: { $0.name == key }) else { return nil }
        self = found
    }

    /// The built-in provider that speaks `dialect` (what configurations built from a dialect alone use).
    public init(speaking dialect: ProviderDialect) {
        self = Self.all.first { $0.dialect == dialect } ?? .together
    }

    /// Whether the provider constrains output with a regular expression.
    public var supportsRegex: Bool { dialect.supportsRegex }

    /// The name.
    public var description: String { name }
}
