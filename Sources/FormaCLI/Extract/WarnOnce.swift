import Synchronization

/// A warning printed to standard error the first time it is raised, and never again (for
/// conditions every row would repeat, such as a server that sends no logprobs).
final class WarnOnce: Sendable {
    private let message: String
    private let quiet: Bool
    private let said = Atomic<Bool>(false)

    /// A warning saying `message` (after `forma: warning: `), silent when `quiet`.
    init(_ message: String, quiet: Bool) {
        self.message = message
        self.quiet = quiet
    }

    /// Whether it was raised.
    var raised: Bool { said.load(ordering: .relaxed) }

    /// Prints the warning unless it was printed before.
    func warn() {
        guard !said.exchange(true, ordering: .relaxed), !quiet else { return }
        var standardError = StandardStream.error
        print("forma: warning: \(message)", to: &standardError)
    }
}
