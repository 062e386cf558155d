import ArgumentParser

/// The exit statuses `forma` uses, shared by every subcommand.
///
/// | status | meaning |
/// |---|---|
/// | 0 | everything checked is valid |
/// | 1 | at least one instance is invalid (or is not JSON) |
/// | 2 | usage error, unreadable file, or a schema that is not valid JSON or not a valid schema |
enum ExitStatus {
    /// All instances are valid (or only the schema was checked and it is valid).
    static let success = ExitCode.success
    /// At least one instance is invalid.
    static let invalid = ExitCode(1)
    /// The command could not run as asked: usage, I/O or schema problems.
    static let usage = ExitCode(2)
}

/// A failure that stops a command before or while it runs, with the text shown to the user.
///
/// Commands print ``message`` on standard error and exit with ``ExitStatus/usage``.
struct CommandFailure: Error, CustomStringConvertible {
    /// What went wrong, already located (`file: reason`).
    var message: String

    /// A failure with the given message.
    init(_ message: String) { self.message = message }

    var description: String { message }
}
