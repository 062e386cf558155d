/// When and how long to wait before retrying a failed request.
///
/// The defaults follow Together's SDK: 5 retries, backoff `min(0.5·2ⁿ, 8)` seconds reduced
/// by up to 25 % jitter, `retry-after-ms` / `retry-after` honoured when between 0 and
/// 60 seconds, `x-should-retry` obeyed. Retried: 408, 409, 429, 5xx (Cloudflare's 520–524
/// included), connection failures and timeouts. Never retried: 400, 401, 403, 404, 422.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt (0 disables retrying).
    public var maxRetries: Int
    /// The delay before the first retry; it doubles each time.
    public var initialDelay: Duration
    /// The longest computed backoff.
    public var maxDelay: Duration
    /// `Retry-After` values above this are ignored (the computed backoff is used).
    public var maxRetryAfter: Duration
    /// The largest fraction removed at random from a computed backoff (0 for none).
    public var jitter: Double

    /// A policy.
    public init(
        maxRetries: Int = 5, initialDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8),
        maxRetryAfter: Duration = .seconds(60), jitter: Double = 0.25
    ) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.jitter = jitter
    }

    /// Together's defaults.
    public static let `default` = RetryPolicy()
    /// No retries.
    public static let none = RetryPolicy(maxRetries: 0)

    /// Whether a response with `status` and `headers` is worth retrying.
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - headers: The response headers (`x-should-retry` wins when present).
    /// - Returns: `true` to retry.
    public func shouldRetry(status: Int, headers: HTTPHeaders) -> Bool {
        if let hint = headers["x-should-retry"]?.lowercased() {
            if hint == "true" { return true }
            if hint == "false" { return false }
        }
        switch status {
        case 400, 401, 403, 404, 422: return false
        case 408, 409, 429: return true
        default: return status >= 500
        }
    }

    /// Whether a transport failure is worth retrying (connection failures and timeouts).
    public func shouldRetry(_ error: APIError) -> Bool {
        error.kind == .connection || error.kind == .timeout
    }

    /// The wait before retry number `retry` (0 for the first).
    /// - Parameters:
    ///   - retry: How many retries were made already.
    ///   - headers: The failing response's headers, if any (for `Retry-After`).
    ///   - now: The current Unix time in seconds (for HTTP-date `Retry-After`).
    ///   - random: A number in 0..<1 for jitter.
    /// - Returns: The delay.
    public func delay(retry: Int, headers: HTTPHeaders? = nil, now: Double = 0, random: Double = 0) -> Duration {
        if let headers, let hinted = Self.retryAfter(in: headers, now: now), hinted > .zero, hinted <= maxRetryAfter {
            return hinted
        }
        let base = initialDelay * (1 << min(retry, 30))
        let capped = min(base, maxDelay)
        return capped * (1 - jitter * min(max(random, 0), 1))
    }

    /// The wait a response asks for: `retry-after-ms`, else `retry-after` in seconds or as an HTTP date.
    /// - Parameters:
    ///   - headers: Response headers.
    ///   - now: The current Unix time in seconds.
    /// - Returns: The wait, or `nil` when absent or unreadable.
    public static func retryAfter(in headers: HTTPHeaders, now: Double) -> Duration? {
        if let ms = headers["retry-after-ms"].flatMap(Double.init), ms.isFinite {
            return .milliseconds(Int64(ms.rounded()))
        }
        guard let value = headers["retry-after"] else { return nil }
        if let seconds = Double(value), seconds.isFinite { return .milliseconds(Int64((seconds * 1000).rounded())) }
        guard let date = HTTPDate.parse(value) else { return nil }
        return .milliseconds(Int64(((date - now) * 1000).rounded()))
    }
}

/// Parses IMF-fixdate (`Wed, 21 Oct 2015 07:28:00 GMT`), the form `Retry-After` uses.
enum HTTPDate {
    static func parse(_ text: String) -> Double? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT",
            let day = Int(parts[1]), let year = Int(parts[3]),
            let month = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
                .firstIndex(of: parts[2].lowercased())
        else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3, (1...31).contains(day) else { return nil }
        let days = daysFromCivil(year: year, month: month + 1, day: day)
        return Double(days * 86_400 + time[0] * 3600 + time[1] * 60 + time[2])
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
