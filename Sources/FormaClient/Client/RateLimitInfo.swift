/// The rate-limit headers of a response (`x-ratelimit-*`, `x-tokenlimit-*`).
///
/// Values are kept as the server sent them (`reset` may be seconds or a duration such as
/// `1s`); the numeric accessors parse the common integer form.
public struct RateLimitInfo: Sendable, Hashable {
    /// `x-ratelimit-limit`: requests allowed per window.
    public var requestLimit: String?
    /// `x-ratelimit-remaining`: requests left in the window.
    public var requestsRemaining: String?
    /// `x-ratelimit-reset`: when the window resets.
    public var reset: String?
    /// `x-tokenlimit-limit`: tokens allowed per window.
    public var tokenLimit: String?
    /// `x-tokenlimit-remaining`: tokens left in the window.
    public var tokensRemaining: String?

    /// Rate-limit values.
    public init(
        requestLimit: String? = nil, requestsRemaining: String? = nil, reset: String? = nil,
        tokenLimit: String? = nil, tokensRemaining: String? = nil
    ) {
        self.requestLimit = requestLimit
        self.requestsRemaining = requestsRemaining
        self.reset = reset
        self.tokenLimit = tokenLimit
        self.tokensRemaining = tokensRemaining
    }

    /// The rate-limit headers in `headers`, or `nil` when there are none.
    /// - Parameter headers: Response headers.
    public init?(headers: HTTPHeaders) {
        self.init(
            requestLimit: headers["x-ratelimit-limit"] ?? headers["x-ratelimit-limit-requests"],
            requestsRemaining: headers["x-ratelimit-remaining"] ?? headers["x-ratelimit-remaining-requests"],
            reset: headers["x-ratelimit-reset"] ?? headers["x-ratelimit-reset-requests"],
            tokenLimit: headers["x-tokenlimit-limit"] ?? headers["x-ratelimit-limit-tokens"],
            tokensRemaining: headers["x-tokenlimit-remaining"] ?? headers["x-ratelimit-remaining-tokens"]
        )
        if self == RateLimitInfo() { return nil }
    }

    /// ``requestsRemaining`` as an integer, when it is one.
    public var remainingRequestCount: Int? { requestsRemaining.flatMap { Int($0) } }
    /// ``tokensRemaining`` as an integer, when it is one.
    public var remainingTokenCount: Int? { tokensRemaining.flatMap { Int($0) } }
}
