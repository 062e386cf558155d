import FormaClient
import Foundation

/// Decides when the next HTTP request may go out: `--rpm` and `--tpm` token buckets, plus a
/// shared pause after the server says to slow down (HTTP 429 with `retry-after`, or
/// rate-limit headers showing nothing left until the window resets).
///
/// Runs on an injected clock so the timing logic is testable without real sleeps.
actor RequestPacer<C: Clock> where C.Duration == Duration {
    private let clock: C
    private let origin: C.Instant
    private var requests: TokenBucket?
    private var tokens: TokenBucket?
    private var pausedUntil: Duration = .zero
    /// The pause after a 429 that gave no `retry-after`.
    let defaultPause: Duration
    /// The longest pause honoured from a header.
    let maxPause: Duration
    /// How many times the server asked to slow down.
    private(set) var slowdowns = 0

    /// A pacer with optional per-minute limits.
    init(clock: C, requestsPerMinute: Int?, tokensPerMinute: Int?, defaultPause: Duration, maxPause: Duration = .seconds(60)) {
        self.clock = clock
        self.origin = clock.now
        self.requests = requestsPerMinute.map { TokenBucket(limit: $0) }
        self.tokens = tokensPerMinute.map { TokenBucket(limit: $0) }
        self.defaultPause = defaultPause
        self.maxPause = maxPause
    }

    private var now: Duration { origin.duration(to: clock.now) }

    /// Waits until a request estimated at `estimatedTokens` may be sent, then takes its share.
    func acquire(estimatedTokens: Int) async throws {
        while true {
            let now = self.now
            var wait = pausedUntil > now ? pausedUntil - now : .zero
            if let delay = requests?.wait(for: 1, now: now) { wait = max(wait, delay) }
            if let delay = tokens?.wait(for: Double(estimatedTokens), now: now) { wait = max(wait, delay) }
            if wait == .zero {
                requests?.take(1, now: now)
                tokens?.take(Double(estimatedTokens), now: now)
                return
            }
            // Sleep in slices: another caller may have taken the tokens meanwhile.
            try await clock.sleep(for: min(wait, .milliseconds(250)), tolerance: nil)
        }
    }

    /// Charges tokens used beyond the estimate (completions are known only afterwards).
    func charge(extraTokens: Int) {
        guard extraTokens > 0 else { return }
        tokens?.take(Double(extraTokens), now: now)
    }

    /// Notes a response: a 429 pauses every new request for `retry-after` (else the default
    /// pause); rate-limit headers with nothing left pause until the window resets.
    func observe(status: Int, retryAfter: Duration?, rateLimit: RateLimitInfo?) {
        var pause: Duration = .zero
        if status == 429 {
            slowdowns += 1
            pause = retryAfter.map { min(max($0, .zero), maxPause) } ?? defaultPause
        }
        if let rateLimit, rateLimit.remainingRequestCount == 0 || rateLimit.remainingTokenCount == 0,
           let reset = rateLimit.reset.flatMap(Self.resetDelay) {
            pause = max(pause, min(reset, maxPause))
        }
        guard pause > .zero else { return }
        pausedUntil = max(pausedUntil, now + pause)
    }

    /// `x-ratelimit-reset` as a delay: seconds (`"2"`, `"0.5"`) or a duration (`"1s"`, `"250ms"`).
    static func resetDelay(_ text: String) -> Duration? {
        var text = Substring(text.trimmingCharacters(in: .whitespaces))
        var scale = 1000.0
        if text.hasSuffix("ms") { text = text.dropLast(2); scale = 1 } else if text.hasSuffix("s") { text = text.dropLast() }
        guard let value = Double(text), value.isFinite, value >= 0 else { return nil }
        // Large values are Unix times, not delays; leave those to retry-after.
        guard value * scale <= 3_600_000 else { return nil }
        return .milliseconds(Int64((value * scale).rounded(.up)))
    }
}
