import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Handles SIGINT for `forma extract`: the first stops new rows from starting (rows in
/// flight finish, their records are written, the summary is printed, exit 130); the second
/// exits at once with 130. Either way no line is torn: each record is one `write(2)`, which
/// a signal handled here cannot split.
final class InterruptWatcher: Sendable {
    private let flag = InterruptFlag()
    // A DispatchSource is thread-safe to hold and cancel; it is only set in init.
    private nonisolated(unsafe) let source: any DispatchSourceSignal
    private let onFirst: @Sendable () -> Void

    /// Starts watching; `onFirst` runs (on a dispatch queue) at the first SIGINT.
    /// - Parameters:
    ///   - firstMessage: What the first Ctrl-C prints.
    ///   - onFirst: Runs at the first SIGINT.
    init(
        firstMessage: String = "finishing the rows in flight (press Ctrl-C again to stop now)",
        onFirst: @escaping @Sendable () -> Void = {}
    ) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        self.source = source
        self.onFirst = onFirst
        source.setEventHandler { [flag, onFirst, source, firstMessage] in
            // Signals that arrive close together are coalesced into one event with a count.
            let seen = flag.count.add(max(1, Int(source.data)), ordering: .sequentiallyConsistent).newValue
            if seen == 1 {
                var text = "\nforma: interrupted; \(firstMessage)\n"
                text.withUTF8 { OutputSink.writeAll($0, to: 2) }
                onFirst()
            } else {
                var text = "\nforma: stopped\n"
                text.withUTF8 { OutputSink.writeAll($0, to: 2) }
                _exit(130)
            }
        }
        source.resume()
    }

    /// Whether SIGINT arrived.
    var interrupted: Bool { flag.count.load(ordering: .sequentiallyConsistent) > 0 }

    /// Stops watching and restores the default action.
    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}

/// The SIGINT count, in a class so the signal handler can share it.
private final class InterruptFlag: Sendable {
    let count = Atomic<Int>(0)
}
