import FormaJSON

/// Counts how often each key has been seen, safely across connection threads — the usual
/// state for "fail the first attempt, succeed on retry" handlers.
///
/// ```swift
/// let tally = RequestTally()
/// let server = try TestServer { request in
///     let key = request.bodyText
///     return tally.record(key) == 1 ? .status(503) : .json(["ok": true])
/// }
/// ```
public final class RequestTally: Sendable {
    private let counts = Locked<[String: Int]>([:])

    /// An empty tally.
    public init() {}

    /// Records one more sighting of `key`.
    ///
    /// - Parameter key: Anything identifying the request, e.g. the prompt of a row.
    /// - Returns: How many times `key` has now been seen, starting at 1.
    @discardableResult
    public func record(_ key: String) -> Int {
        counts.withLock { counts in
            let count = counts[key, default: 0] + 1
            counts[key] = count
            return count
        }
    }

    /// How many times `key` has been seen.
    ///
    /// - Parameter key: The key.
    /// - Returns: The count, 0 if never seen.
    public func count(of key: String) -> Int {
        counts.withLock { $0[key, default: 0] }
    }

    /// The total of all counts.
    public var total: Int {
        counts.withLock { $0.values.reduce(0, +) }
    }
}
