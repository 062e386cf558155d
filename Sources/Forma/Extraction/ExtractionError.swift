public import FormaClient

/// An extraction that ended without a valid value, carrying everything learned: every
/// attempt, the last candidate, its located problems and the tokens spent.
public struct ExtractionError: Error, Sendable, CustomStringConvertible {
    /// Why the extraction ended.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// Every re-ask was spent and the last reply was still invalid.
        public static let invalid = Kind("invalid")
        /// The reply was cut off and the truncation budget (or token cap) was spent.
        public static let truncated = Kind("truncated")
        /// The token budget was exceeded.
        public static let tokenBudgetExceeded = Kind("tokenBudgetExceeded")
        /// The API failed (after the client's own retries): see ``apiError``.
        public static let api = Kind("api")
        /// The mode cannot be used with this provider or target.
        public static let unsupported = Kind("unsupported")
        /// The client or the request is misconfigured (no model, no key).
        public static let configuration = Kind("configuration")

        /// The kind's name, such as `invalid`.
        public var description: String { name }
    }

    /// Why it ended.
    public var kind: Kind
    /// A one-line summary.
    public var message: String
    /// Every attempt made.
    public var attempts: [ExtractionAttempt]
    /// The last reply text, when there was one.
    public var lastRaw: String?
    /// The last reply parsed, when it parsed.
    public var lastParsed: JSONValue?
    /// The located problems of the last reply.
    public var problems: [ExtractionProblem]
    /// Tokens used over every attempt.
    public var usage: Usage
    /// The API error, for ``Kind/api``.
    public var apiError: APIError?

    /// An error; build one to stub a failing extraction in your own tests.
    /// - Parameters:
    ///   - kind: Why the extraction ended.
    ///   - message: A one-line summary.
    ///   - attempts: Every attempt made.
    ///   - lastRaw: The last reply text.
    ///   - lastParsed: The last reply, parsed.
    ///   - problems: The located problems of the last reply.
    ///   - usage: Tokens used over every attempt.
    ///   - apiError: The API error, for ``Kind/api``.
    public init(
        kind: Kind, message: String, attempts: [ExtractionAttempt] = [], lastRaw: String? = nil,
        lastParsed: JSONValue? = nil, problems: [ExtractionProblem] = [], usage: Usage = Usage(), apiError: APIError? = nil
    ) {
        self.kind = kind
        self.message = message
        self.attempts = attempts
        self.lastRaw = lastRaw
        self.lastParsed = lastParsed
        self.problems = problems
        self.usage = usage
        self.apiError = apiError
    }

    /// Whether trying the same input again later may succeed: API failures that are
    /// transient (rate limits, server errors, timeouts, connection problems).
    public var isRetryable: Bool {
        guard kind == .api, let apiError else { return false }
        return [.rateLimited, .server, .timeout, .connection, .cancelled].contains(apiError.kind)
    }

    public var description: String {
        var text = "extraction \(kind): \(message)"
        if !problems.isEmpty {
            text += " — " + problems.prefix(5).map(\.description).joined(separator: "; ")
            if problems.count > 5 { text += "; … (\(problems.count - 5) more)" }
        }
        return text + " [\(attempts.count) attempt\(attempts.count == 1 ? "" : "s"), \(usage.totalTokens) tokens]"
    }
}
