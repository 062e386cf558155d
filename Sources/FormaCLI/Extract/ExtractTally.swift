import FormaClient
import FormaJSON

/// Counters of one `forma extract` run, shared by the rows, the transport and the progress
/// reporter.
final class ExtractTally: Sendable {
    /// A copy of the counters at one moment.
    struct Snapshot: Sendable {
        /// Rows to run in this invocation (after skipping those `--resume` found final).
        var total = 0
        /// Rows found final by `--resume`.
        var resumed = 0
        /// Of those, failures.
        var resumedFailed = 0
        var ok = 0
        var failed = 0
        var reasks = 0
        var requests = 0
        var rateLimited = 0
        var promptTokens = 0
        var completionTokens = 0
        /// Rows that went through the model, for retries = requests − attempts.
        var attempts = 0
        /// Attempts answered from the response cache (no request sent).
        var cached = 0

        var done: Int { ok + failed }
        /// HTTP requests beyond one per attempt: the client's transport retries.
        var retries: Int { max(0, requests - (attempts - cached)) }
        var tokens: Int { promptTokens + completionTokens }
    }

    private let state: Locked<Snapshot>

    init(total: Int, resumed: Int, resumedFailed: Int) {
        state = Locked(Snapshot(total: total, resumed: resumed, resumedFailed: resumedFailed))
    }

    var snapshot: Snapshot { state.withLock { $0 } }

    func requestSent() { state.withLock { $0.requests += 1 } }
    func rateLimited() { state.withLock { $0.rateLimited += 1 } }

    /// Counts a finished row.
    func finished(_ record: ExtractRecord, reasks: Int) {
        state.withLock {
            if record.isOK { $0.ok += 1 } else { $0.failed += 1 }
            $0.reasks += reasks
            $0.attempts += record.attempts
            $0.cached += record.cached
            $0.promptTokens += record.usage.promptTokens
            $0.completionTokens += record.usage.completionTokens
        }
    }
}
