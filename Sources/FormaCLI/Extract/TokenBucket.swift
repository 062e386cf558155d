/// A token bucket: refills at `limit` tokens per `period` and holds at most `burst` of them
/// (one second's worth by default, so `--rpm 600` means ten requests a second, not a burst
/// of 600 at the start).
///
/// Pure arithmetic on instants given by the caller, so it runs on any clock and tests need
/// no sleeping. A request larger than the whole capacity is let through once the bucket is
/// full, leaving it in debt, so an oversized request waits but never blocks forever.
struct TokenBucket: Sendable {
    /// The most tokens held.
    let capacity: Double
    /// Tokens added per second.
    let ratePerSecond: Double
    /// The refill period (one minute for `--rpm` and `--tpm`).
    let period: Duration
    /// Tokens available now (negative after a debt).
    private(set) var available: Double
    private var updated: Duration

    /// A full bucket at time `now` (an offset on the caller's clock).
    /// - Parameters:
    ///   - limit: Tokens per period.
    ///   - period: The period (a minute for `--rpm`, `--tpm`).
    ///   - burst: The most tokens held; one second's worth (at least 1) when `nil`.
    ///   - now: The current time on the caller's clock.
    init(limit: Int, period: Duration = .seconds(60), burst: Double? = nil, now: Duration = .zero) {
        self.period = period
        self.ratePerSecond = Double(max(1, limit)) / Self.seconds(period)
        self.capacity = max(1, burst ?? ratePerSecond)
        self.available = self.capacity
        self.updated = now
    }

    /// Adds the tokens that accrued since the last update.
    mutating func refill(now: Duration) {
        guard now > updated else { return }
        available = min(capacity, available + Self.seconds(now - updated) * ratePerSecond)
        updated = now
    }

    /// How long until `amount` tokens may be taken (zero when they may be taken now).
    mutating func wait(for amount: Double, now: Duration) -> Duration {
        refill(now: now)
        let needed = min(amount, capacity)
        guard available < needed else { return .zero }
        return .milliseconds(Int64(((needed - available) / ratePerSecond * 1000).rounded(.up)))
    }

    /// Takes `amount` tokens (going into debt when there are fewer).
    mutating func take(_ amount: Double, now: Duration) {
        refill(now: now)
        available -= amount
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
