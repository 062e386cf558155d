import FormaJSON
import Foundation

/// The client for Together and other OpenAI-compatible servers: chat and text completions,
/// streamed or whole, and the model list, with retries and typed errors.
///
/// ```swift
/// let client = try ChatClient(configuration: .fromEnvironment())
/// let reply = try await client.complete(ChatRequest(model: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
///                                                   messages: [.user("Say hi")]))
/// print(reply.content ?? "")
/// ```
public struct ChatClient: Sendable {
    /// Provider, key, base URL, default model, timeouts and retries.
    public let configuration: ClientConfiguration
    let transport: any Transport
    let clock: any Clock<Duration>
    let wallTime: @Sendable () -> Double
    let random: @Sendable () -> Double

    /// A client.
    ///
    /// ```swift
    /// let client = try ChatClient()                                  // Together, TOGETHER_API_KEY
    /// let openAI = try ChatClient(configuration: .fromEnvironment(.openAI), model: "gpt-4o")
    /// ```
    /// - Parameters:
    ///   - configuration: Where and how to talk.
    ///   - model: The model requests use when they name none (default: the configuration's
    ///     ``ClientConfiguration/defaultModel``, else the provider's).
    ///   - transport: The transport; a ``CurlTransport`` built from the configuration by default.
    ///   - clock: The clock retries sleep on (inject one in tests).
    ///   - wallTime: The current Unix time, for HTTP-date `Retry-After`.
    ///   - random: Numbers in 0..<1 for backoff jitter.
    /// - Throws: ``APIError`` `.configuration` when the transport cannot be created.
    public init(
        configuration: ClientConfiguration = .fromEnvironment(), model: String? = nil, transport: (any Transport)? = nil,
        clock: any Clock<Duration> = ContinuousClock(),
        wallTime: (@Sendable () -> Double)? = nil,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) throws {
        var configuration = configuration
        if let model { configuration.defaultModel = model }
        self.configuration = configuration
        self.transport = try transport ?? CurlTransport(configuration: configuration.transport)
        self.clock = clock
        self.wallTime = wallTime ?? { Date().timeIntervalSince1970 }
        self.random = random
    }

    /// The model used when a request names none: the configuration's default model, else
    /// the provider's (`nil` when neither has one, as for local servers).
    public var defaultModel: String? { configuration.resolvedDefaultModel }

    /// Sends a chat request and waits for the whole reply.
    /// - Parameters:
    ///   - request: The request.
    ///   - cache: Answers an identical earlier request without the network, and keeps this
    ///     reply when it succeeds (``ResponseMetadata/cached`` says which happened).
    /// - Returns: The reply with its metadata.
    /// - Throws: ``APIError`` after retries are exhausted or for errors never retried.
    public func complete(_ request: ChatRequest, cache: ResponseCache? = nil) async throws -> ChatResponse {
        let body = try request.body(dialect: configuration.dialect, stream: false)
        let (json, metadata) = try await sendJSON(path: "chat/completions", body: body, cache: cache)
        return try decoding(metadata) { try ChatResponse(json: json, metadata: metadata) }
    }

    /// Sends a chat request and streams the reply.
    /// - Parameter request: The request.
    /// - Returns: The chunk stream; retries happen only before its first byte.
    /// - Throws: ``APIError`` for failures before the stream starts.
    public func stream(_ request: ChatRequest) async throws -> ChatStream {
        try await openStream(path: "chat/completions", body: request.body(dialect: configuration.dialect, stream: true))
    }

    /// Sends a text completion request and waits for the whole reply.
    /// - Parameter request: The request.
    /// - Returns: The reply.
    /// - Throws: ``APIError``.
    public func complete(_ request: CompletionRequest) async throws -> CompletionResponse {
        let (json, metadata) = try await sendJSON(path: "completions", body: request.body(dialect: configuration.dialect))
        return try decoding(metadata) { try CompletionResponse(json: json, metadata: metadata) }
    }

    /// Sends a text completion request and streams the reply.
    /// - Parameter request: The request.
    /// - Returns: The chunk stream.
    /// - Throws: ``APIError`` for failures before the stream starts.
    public func stream(_ request: CompletionRequest) async throws -> CompletionStream {
        try await openStream(path: "completions", body: request.body(dialect: configuration.dialect, stream: true))
    }

    /// Lists the models the server offers.
    /// - Returns: The models.
    /// - Throws: ``APIError``.
    public func models() async throws -> [ModelInfo] {
        let (json, metadata) = try await sendJSON(path: "models", body: nil)
        return try decoding(metadata) { try ModelInfo.list(from: json) }
    }

    // MARK: - Requests

    var secret: String? { configuration.apiKey?.value }

    func makeRequest(path: String, body: JSONObject?, stream: Bool) throws -> HTTPRequest {
        var headers = try providerHeaders()
        headers.set("Accept", stream ? "text/event-stream" : "application/json")
        guard let body else { return HTTPRequest(method: "GET", url: configuration.url(path), headers: headers) }
        headers.set("Content-Type", "application/json")
        return HTTPRequest(method: "POST", url: configuration.url(path), headers: headers, body: JSONValue.object(body).serializedBytes())
    }

    /// The headers every request to the provider's own base URL carries: the configured
    /// ones, the key (only here: never on requests to other hosts) and `User-Agent`.
    /// - Throws: ``APIError`` `.configuration` when the provider needs a key and has none.
    func providerHeaders() throws -> HTTPHeaders {
        var headers = configuration.headers
        if let key = configuration.apiKey, !key.value.isEmpty {
            headers.set("Authorization", "Bearer \(key.value)")
        } else if configuration.requiresAPIKey {
            throw APIError(kind: .configuration, message: configuration.missingKeyMessage)
        }
        headers.set("User-Agent", configuration.userAgent)
        return headers
    }

    /// Rewraps decoding failures with the request id.
    private func decoding<T>(_ metadata: ResponseMetadata, _ body: () throws -> T) throws -> T {
        do { return try body() } catch var error as APIError {
            error.requestID = error.requestID ?? metadata.requestID
            error.attempts = metadata.attempts
            throw error
        }
    }

    /// Sends with retries and parses the JSON body of the successful response.
    /// With a cache, a POST whose exact body was answered before is answered from it (no
    /// request is sent), and a successful JSON reply is stored.
    func sendJSON(path: String, body: JSONObject?, cache: ResponseCache? = nil) async throws -> (JSONValue, ResponseMetadata) {
        let request = try makeRequest(path: path, body: body, stream: false)
        let key = cache.flatMap { cache in request.body.map { ResponseCache.key(baseURL: configuration.baseURL, path: path, body: $0) } }
        if let cache, let key, let stored = cache.lookup(key) {
            return (stored, ResponseMetadata(status: 200, attempts: 0, cached: true))
        }
        let (response, metadata) = try await send(request)
        let json = try parseBody(response, metadata: metadata)
        if let cache, let key { cache.store(response.body, for: key) }
        return (json, metadata)
    }

    /// Sends `request` with the retry policy; statuses `accept` approves (2xx by default)
    /// come back, others become ``APIError`` (after retries where they are retryable).
    func send(
        _ request: HTTPRequest, accept: (Int) -> Bool = { (200..<300).contains($0) }
    ) async throws -> (HTTPResponse, ResponseMetadata) {
        let start = ContinuousClock.now
        var attempt = 0
        while true {
            attempt += 1
            let outcome: Result<HTTPResponse, APIError>
            do {
                outcome = .success(try await transport.send(request))
            } catch {
                outcome = .failure(Self.apiError(error))
            }
            switch outcome {
            case .success(let response) where accept(response.status):
                let metadata = ResponseMetadata(
                    status: response.status, requestID: ResponseMetadata.requestID(in: response.headers),
                    rateLimit: RateLimitInfo(headers: response.headers), attempts: attempt, latency: ContinuousClock.now - start
                )
                return (response, metadata)
            case .success(let response):
                let error = APIError.from(status: response.status, headers: response.headers, body: response.body, secret: secret, now: wallTime())
                try await retryOrThrow(error.with(attempts: attempt), attempt: attempt, headers: response.headers,
                                       retryable: configuration.retryPolicy.shouldRetry(status: response.status, headers: response.headers))
            case .failure(let error):
                try await retryOrThrow(error.with(attempts: attempt), attempt: attempt, headers: nil,
                                       retryable: configuration.retryPolicy.shouldRetry(error))
            }
        }
    }

    /// Sleeps before the next attempt when allowed, else throws `error`.
    func retryOrThrow(_ error: APIError, attempt: Int, headers: HTTPHeaders?, retryable: Bool) async throws {
        let policy = configuration.retryPolicy
        let error = secret.map { error.redacting($0) } ?? error
        guard retryable, attempt <= policy.maxRetries else { throw error }
        let delay = policy.delay(retry: attempt - 1, headers: headers, now: wallTime(), random: random())
        do {
            try await clock.sleep(for: delay)
        } catch {
            throw APIError(kind: .cancelled, message: "cancelled while waiting to retry", attempts: attempt)
        }
    }

    func parseBody(_ response: HTTPResponse, metadata: ResponseMetadata) throws -> JSONValue {
        do {
            return try response.body.withUnsafeBufferPointer { try JSONParser.parse($0) }
        } catch {
            let type = response.headers["content-type"] ?? "none"
            let text = Redaction.redact(String(decoding: response.body.prefix(4096), as: UTF8.self), secret: secret)
            throw APIError(
                kind: .decoding, message: "the reply is not valid JSON (content-type \(type)): \(error)", status: response.status,
                requestID: metadata.requestID, bodyExcerpt: text.isEmpty ? "(empty body)" : text, attempts: metadata.attempts
            )
        }
    }

    /// Any error as an ``APIError`` (cancellation included).
    static func apiError(_ error: any Error) -> APIError {
        if let error = error as? APIError { return error }
        if error is CancellationError { return APIError(kind: .cancelled, message: "the request was cancelled") }
        return APIError(kind: .connection, message: "\(error)")
    }
}
