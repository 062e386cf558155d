/// A failure talking to the model server: an HTTP error status, a transport failure, a
/// reply that could not be decoded, or a request refused before sending.
///
/// Every text field is redacted: API keys and `Bearer …` credentials never appear in the
/// error, its description or its debug description.
///
/// ```swift
/// do { _ = try await client.complete(request) }
/// catch let error as APIError where error.kind == .rateLimited { print(error.retryAfter ?? .zero) }
/// ```
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is; new kinds may be added.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// HTTP 401: the API key is missing or invalid.
        public static let authentication = Kind("authentication")
        /// HTTP 403 (other than a context overflow): the key may not do this.
        public static let permission = Kind("permission")
        /// HTTP 402: the account has no credits left.
        public static let paymentRequired = Kind("paymentRequired")
        /// HTTP 404: unknown model or endpoint.
        public static let notFound = Kind("notFound")
        /// HTTP 429: rate or credit limit; see ``APIError/retryAfter`` and ``APIError/rateLimit``.
        public static let rateLimited = Kind("rateLimited")
        /// HTTP 400, 422 and other 4xx: the server rejected the request.
        public static let invalidRequest = Kind("invalidRequest")
        /// The prompt plus `max_tokens` exceeds the model's context.
        public static let contextLengthExceeded = Kind("contextLengthExceeded")
        /// HTTP 5xx (including Cloudflare's 520–524).
        public static let server = Kind("server")
        /// Connect, whole-request or idle timeout.
        public static let timeout = Kind("timeout")
        /// The connection failed or broke (refused, reset, DNS, truncated transfer).
        public static let connection = Kind("connection")
        /// TLS failed (certificate verification, handshake); never retried.
        public static let tls = Kind("tls")
        /// The task was cancelled or the body dropped.
        public static let cancelled = Kind("cancelled")
        /// The reply is not the JSON or SSE expected; ``APIError/bodyExcerpt`` shows its start.
        public static let decoding = Kind("decoding")
        /// The response exceeded the configured size cap.
        public static let responseTooLarge = Kind("responseTooLarge")
        /// The provider dialect cannot express the request (such as regex on OpenAI).
        public static let unsupported = Kind("unsupported")
        /// The client is misconfigured (no API key, bad base URL).
        public static let configuration = Kind("configuration")
        /// The server reported an error inside an event stream.
        public static let streamError = Kind("streamError")

        /// The kind's name, such as `rateLimited`.
        public var description: String { name }
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// A human-readable explanation (redacted).
    public var message: String
    /// The HTTP status, when a response arrived.
    public var status: Int?
    /// The error `type` from the body, such as `invalid_request_error`.
    public var type: String?
    /// The error `code` from the body, such as `model_not_available`.
    public var code: String?
    /// The request parameter the server blamed, when it said.
    public var param: String?
    /// The server's request id (`x-request-id`, else `cf-ray`), for support tickets.
    public var requestID: String?
    /// How long the server asked to wait (`retry-after-ms` / `retry-after`).
    public var retryAfter: Duration?
    /// Rate-limit headers of the failing response.
    public var rateLimit: RateLimitInfo?
    /// The start of a body that could not be decoded (redacted, at most 200 characters).
    public var bodyExcerpt: String?
    /// How many attempts were made (1 when not retried).
    public var attempts: Int

    /// An error; text fields are redacted.
    /// - Parameters:
    ///   - kind: The kind.
    ///   - message: What went wrong.
    ///   - status: The HTTP status, if any.
    ///   - type: The body's error type.
    ///   - code: The body's error code.
    ///   - param: The parameter blamed.
    ///   - requestID: The request id.
    ///   - retryAfter: The wait the server asked for.
    ///   - rateLimit: Rate-limit headers.
    ///   - bodyExcerpt: The start of an undecodable body.
    ///   - attempts: Attempts made.
    public init(
        kind: Kind, message: String, status: Int? = nil, type: String? = nil, code: String? = nil,
        param: String? = nil, requestID: String? = nil, retryAfter: Duration? = nil,
        rateLimit: RateLimitInfo? = nil, bodyExcerpt: String? = nil, attempts: Int = 1
    ) {
        self.kind = kind
        self.message = Redaction.redact(message)
        self.status = status
        self.type = type.map { Redaction.redact($0) }
        self.code = code.map { Redaction.redact($0) }
        self.param = param.map { Redaction.redact($0) }
        self.requestID = requestID
        self.retryAfter = retryAfter
        self.rateLimit = rateLimit
        self.bodyExcerpt = bodyExcerpt.map { Redaction.excerpt($0) }
        self.attempts = attempts
    }

    /// One line: kind, status, code, message, request id and attempts.
    public var description: String {
        var text = "\(kind)"
        if let status { text += " (HTTP \(status))" }
        if let code { text += " [\(code)]" }
        text += ": \(message)"
        if let param { text += " (param: \(param))" }
        if let bodyExcerpt { text += " — body starts: \(bodyExcerpt)" }
        if let requestID { text += " (request id \(requestID))" }
        if attempts > 1 { text += " after \(attempts) attempts" }
        return text
    }

    /// Every field, for logs.
    public var debugDescription: String {
        "APIError(kind: \(kind), status: \(status.map(String.init) ?? "nil"), type: \(type ?? "nil"), "
            + "code: \(code ?? "nil"), message: \(message), param: \(param ?? "nil"), "
            + "requestID: \(requestID ?? "nil"), retryAfter: \(retryAfter.map { "\($0)" } ?? "nil"), "
            + "bodyExcerpt: \(bodyExcerpt ?? "nil"), attempts: \(attempts))"
    }

    /// Removes `secret` from every text field (used by the client, which knows its key).
    func redacting(_ secret: String) -> APIError {
        var copy = self
        copy.message = Redaction.redact(message, secret: secret)
        copy.type = type.map { Redaction.redact($0, secret: secret) }
        copy.code = code.map { Redaction.redact($0, secret: secret) }
        copy.param = param.map { Redaction.redact($0, secret: secret) }
        copy.bodyExcerpt = bodyExcerpt.map { Redaction.redact($0, secret: secret) }
        return copy
    }
}
