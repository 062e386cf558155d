/// What the client learned about a response besides its body.
public struct ResponseMetadata: Sendable, Hashable {
    /// The HTTP status.
    public var status: Int
    /// The request id (`x-request-id`, else `cf-ray`).
    public var requestID: String?
    /// Rate-limit headers, when present.
    public var rateLimit: RateLimitInfo?
    /// How many attempts it took (1 when not retried).
    public var attempts: Int
    /// Time from the first attempt to the response head.
    public var latency: Duration

    /// Whether the reply came from a ``ResponseCache`` (no request was sent; ``attempts`` is 0).
    public var cached: Bool

    /// Metadata.
    public init(
        status: Int, requestID: String? = nil, rateLimit: RateLimitInfo? = nil, attempts: Int = 1, latency: Duration = .zero,
        cached: Bool = false
    ) {
        self.cached = cached
        self.status = status
        self.requestID = requestID
        self.rateLimit = rateLimit
        self.attempts = attempts
        self.latency = latency
    }

    /// The request id found in `headers`.
    static func requestID(in headers: HTTPHeaders) -> String? {
        headers["x-request-id"] ?? headers["cf-ray"]
    }
}
