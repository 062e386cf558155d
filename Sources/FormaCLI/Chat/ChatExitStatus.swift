import ArgumentParser
import FormaClient

/// Exit statuses of `forma chat`, by error kind.
///
/// | status | meaning |
/// |---|---|
/// | 0 | the reply was printed |
/// | 1 | the server or the reply failed (HTTP error, bad reply, stream error) |
/// | 2 | usage or configuration: bad flags, unreadable schema, no API key, unsupported format |
/// | 3 | authentication or permission (HTTP 401, 403) |
/// | 4 | rate limited or out of credits (HTTP 429, 402) after retries |
/// | 5 | network: connection failure or timeout after retries |
enum ChatExitStatus {
    static let help = """
        Exit status: 0 reply printed; 1 server or reply error; 2 usage or configuration \
        (including a missing API key); 3 authentication or permission; 4 rate limited or out \
        of credits; 5 connection failure or timeout.
        """

    /// The status for an API error.
    static func code(for error: APIError) -> ExitCode {
        switch error.kind {
        case .configuration, .unsupported: return ExitCode(2)
        case .authentication, .permission: return ExitCode(3)
        case .rateLimited, .paymentRequired: return ExitCode(4)
        case .connection, .timeout, .tls: return ExitCode(5)
        default: return ExitCode(1)
        }
    }
}
