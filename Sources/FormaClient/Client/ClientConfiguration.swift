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

/// Where and how ``ChatClient`` talks: key, base URL, dialect, timeouts and retries.
///
/// ```swift
/// var configuration = ClientConfiguration.fromEnvironment()
/// configuration.retryPolicy.maxRetries = 2
/// ```
public struct ClientConfiguration: Sendable, CustomStringConvertible {
    /// The library version sent in `User-Agent`.
    public static let version = "0.1.0"
    /// The default base URL.
    public static let defaultBaseURL = "https://api.together.xyz/v1"

    /// The API key; required by the Together and OpenAI dialects, optional for local servers.
    public var apiKey: APIKey?
    /// The base URL without a trailing slash, such as `https://api.together.xyz/v1`.
    public var baseURL: String {
        didSet { baseURL = Self.normalize(baseURL) }
    }
    /// How the server spells requests.
    public var dialect: ProviderDialect
    /// When to retry.
    public var retryPolicy: RetryPolicy
    /// Timeouts, size cap and TLS settings for the default transport.
    public var transport: CurlTransport.Configuration
    /// The `User-Agent` header.
    public var userAgent: String
    /// Headers added to every request.
    public var headers: HTTPHeaders

    /// A configuration.
    public init(
        apiKey: APIKey? = nil, baseURL: String = ClientConfiguration.defaultBaseURL, dialect: ProviderDialect = .together,
        retryPolicy: RetryPolicy = .default, transport: CurlTransport.Configuration = .init(),
        userAgent: String = "forma/\(ClientConfiguration.version)", headers: HTTPHeaders = [:]
    ) {
        self.apiKey = apiKey
        self.baseURL = Self.normalize(baseURL)
        self.dialect = dialect
        self.retryPolicy = retryPolicy
        self.transport = transport
        self.userAgent = userAgent
        self.headers = headers
    }

    /// A configuration from `TOGETHER_API_KEY` and `TOGETHER_BASE_URL`; explicit values win.
    /// - Parameters:
    ///   - apiKey: A key that overrides the environment.
    ///   - baseURL: A base URL that overrides the environment.
    ///   - dialect: The provider dialect.
    ///   - environment: The variables to read (the process environment by default).
    /// - Returns: The configuration.
    public static func fromEnvironment(
        apiKey: String? = nil, baseURL: String? = nil, dialect: ProviderDialect = .together,
        environment: [String: String]? = nil
    ) -> ClientConfiguration {
        let environment = environment ?? ProcessInfo.processInfo.environment
        let key = apiKey ?? environment["TOGETHER_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let url = baseURL ?? environment["TOGETHER_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultBaseURL
        return ClientConfiguration(apiKey: key.map { APIKey($0) }, baseURL: url, dialect: dialect)
    }

    /// Whether requests need a key (hosted APIs do; local servers usually do not).
    public var requiresAPIKey: Bool { dialect == .together || dialect == .openAI }

    /// The URL of `path` (such as `chat/completions`) under the base URL.
    func url(_ path: String) -> String { "\(baseURL)/\(path)" }

    /// Base URL and dialect; never the key.
    public var description: String {
        "ClientConfiguration(baseURL: \(Redaction.redact(baseURL)), dialect: \(dialect), apiKey: \(apiKey == nil ? "none" : Redaction.placeholder))"
    }

    static func normalize(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
