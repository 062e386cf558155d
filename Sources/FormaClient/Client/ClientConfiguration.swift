import Foundation

/// An API key that never shows itself in descriptions, debug output or `dump`.
public struct APIKey: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret; only the transport's `Authorization` header uses it.
    public let value: String

    /// A key.
    public init(_ value: String) { self.value = value }
    /// A key.
    public init(stringLiteral value: String) { self.value = value }

    /// `<redacted>`.
    public var description: String { Redaction.placeholder }
    /// `<redacted>`.
    public var debugDescription: String { Redaction.placeholder }
    /// A mirror without children.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// Where and how ``ChatClient`` talks: provider, key, base URL, default model, timeouts
/// and retries.
///
/// ```swift
/// var configuration = ClientConfiguration.fromEnvironment()          // Together: TOGETHER_API_KEY
/// configuration.retryPolicy.maxRetries = 2
/// let openAI = ClientConfiguration.fromEnvironment(.openAI)          // OPENAI_API_KEY
/// let local = ClientConfiguration(provider: .llamaCpp, baseURL: "http://127.0.0.1:8089/v1")
/// ```
public struct ClientConfiguration: Sendable, CustomStringConvertible {
    /// The library version, sent in `User-Agent` and printed by `forma --version`.
    public static let version = "0.2.0"
    /// Together's base URL, the default.
    public static let defaultBaseURL = Provider.together.baseURL

    /// The provider: dialect, schema backend, key variable, default model, Batch API.
    public var provider: Provider
    /// The API key, sent only to ``baseURL``. Required by hosted providers; local servers get
    /// one only when it is set explicitly.
    public var apiKey: APIKey?
    /// The base URL without a trailing slash, such as `https://api.together.xyz/v1`.
    public var baseURL: String {
        didSet { baseURL = Self.normalize(baseURL) }
    }
    /// The model requests use when they name none (`nil`: the provider's default).
    public var defaultModel: String?
    /// When to retry.
    public var retryPolicy: RetryPolicy
    /// Timeouts, size cap and TLS settings for the default transport.
    public var transport: CurlTransport.Configuration
    /// The `User-Agent` header.
    public var userAgent: String
    /// Headers added to every request.
    public var headers: HTTPHeaders
    /// Bounds on streamed replies (events, event size, content, reasoning, tool arguments).
    public var streamLimits = StreamLimits()

    /// A configuration for `provider`.
    /// - Parameters:
    ///   - provider: The provider (Together by default).
    ///   - apiKey: The key; never read from the environment here (see ``fromEnvironment(_:apiKey:baseURL:defaultModel:environment:)``).
    ///   - baseURL: The base URL (the provider's by default).
    ///   - defaultModel: The model used when a request names none (the provider's by default).
    ///   - retryPolicy: When to retry.
    ///   - transport: Timeouts, size cap and TLS settings.
    ///   - userAgent: The `User-Agent` header.
    ///   - headers: Headers added to every request.
    public init(
        provider: Provider = .together, apiKey: APIKey? = nil, baseURL: String? = nil, defaultModel: String? = nil,
        retryPolicy: RetryPolicy = .default, transport: CurlTransport.Configuration = .init(),
        userAgent: String = "forma/\(ClientConfiguration.version)", headers: HTTPHeaders = [:]
    ) {
        self.provider = provider
        self.apiKey = apiKey
        self.baseURL = Self.normalize(baseURL ?? provider.baseURL)
        self.defaultModel = defaultModel
        self.retryPolicy = retryPolicy
        self.transport = transport
        self.userAgent = userAgent
        self.headers = headers
    }

    /// A configuration from a dialect alone (the built-in provider speaking it).
    @available(*, deprecated, message: "use init(provider:apiKey:baseURL:…) with a Provider")
    public init(
        apiKey: APIKey? = nil, baseURL: String = ClientConfiguration.defaultBaseURL, dialect: ProviderDialect,
        retryPolicy: RetryPolicy = .default, transport: CurlTransport.Configuration = .init(),
        userAgent: String = "forma/\(ClientConfiguration.version)", headers: HTTPHeaders = [:]
    ) {
        self.init(
            provider: Provider(speaking: dialect), apiKey: apiKey, baseURL: baseURL, retryPolicy: retryPolicy,
            transport: transport, userAgent: userAgent, headers: headers)
    }

    /// A configuration for `provider` from its own environment variables; explicit values win.
    ///
    /// The key comes from `apiKey`, else from the provider's ``Provider/apiKeyVariable``
    /// (`TOGETHER_API_KEY` for Together, `OPENAI_API_KEY` for OpenAI; local servers have
    /// none, so they get no key unless one is passed). The base URL comes from `baseURL`,
    /// else the provider's ``Provider/baseURLVariable`` (`TOGETHER_BASE_URL`,
    /// `OPENAI_BASE_URL`), else its default. A key is never read from another provider's variable.
    /// - Parameters:
    ///   - provider: The provider (Together by default).
    ///   - apiKey: A key that overrides the environment.
    ///   - baseURL: A base URL that overrides the environment.
    ///   - defaultModel: The model used when a request names none.
    ///   - environment: The variables to read (the process environment by default).
    /// - Returns: The configuration.
    public static func fromEnvironment(
        _ provider: Provider = .together, apiKey: String? = nil, baseURL: String? = nil, defaultModel: String? = nil,
        environment: [String: String]? = nil
    ) -> ClientConfiguration {
        let environment = environment ?? ProcessInfo.processInfo.environment
        func variable(_ name: String?) -> String? {
            name.flatMap { environment[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let key = apiKey.flatMap { $0.isEmpty ? nil : $0 } ?? variable(provider.apiKeyVariable)
        let url = baseURL ?? variable(provider.baseURLVariable) ?? provider.baseURL
        return ClientConfiguration(provider: provider, apiKey: key.map { APIKey($0) }, baseURL: url, defaultModel: defaultModel)
    }

    /// A configuration from a dialect alone (the built-in provider speaking it).
    @available(*, deprecated, message: "use fromEnvironment(_ provider:apiKey:baseURL:environment:)")
    public static func fromEnvironment(
        apiKey: String? = nil, baseURL: String? = nil, dialect: ProviderDialect, environment: [String: String]? = nil
    ) -> ClientConfiguration {
        fromEnvironment(Provider(speaking: dialect), apiKey: apiKey, baseURL: baseURL, environment: environment)
    }

    /// How the server spells requests (the provider's dialect).
    public var dialect: ProviderDialect {
        get { provider.dialect }
        set { provider.dialect = newValue }
    }

    /// Whether requests need a key (hosted APIs do; local servers usually do not).
    public var requiresAPIKey: Bool { provider.requiresAPIKey }

    /// The model for a request that names none: ``defaultModel``, else the provider's.
    public var resolvedDefaultModel: String? { defaultModel ?? provider.defaultModel }

    /// What to tell a user whose configuration lacks a required key.
    public var missingKeyMessage: String {
        let variable = provider.apiKeyVariable.map { "set \($0) or " } ?? ""
        return "no API key for \(provider.name): \(variable)pass one explicitly to use \(Redaction.redact(baseURL))"
    }

    /// The URL of `path` (such as `chat/completions`) under the base URL.
    func url(_ path: String) -> String { "\(baseURL)/\(path)" }

    /// Provider and base URL; never the key.
    public var description: String {
        "ClientConfiguration(provider: \(provider), baseURL: \(Redaction.redact(baseURL)), apiKey: \(apiKey == nil ? "none" : Redaction.placeholder))"
    }

    static func normalize(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
