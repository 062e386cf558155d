import ArgumentParser
import Dispatch
import Synchronization

/// Runs async work from the synchronous root command and waits for its exit status.
///
/// The root command stays a synchronous `ParsableCommand` (its custom `main()` maps usage
/// errors to exit 2), so async subcommands run their session on a detached task and block
/// the main thread on a semaphore until it finishes.
enum BlockingRunner {
    /// Runs `work` and returns its status.
    static func run(_ work: @escaping @Sendable () async -> ExitCode) -> ExitCode {
        let result = Mutex<ExitCode>(.failure)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let code = await work()
            result.withLock { $0 = code }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 }
    }
}
