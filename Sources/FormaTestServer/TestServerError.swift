#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a ``TestServer`` could not start.
public struct TestServerError: Error, Sendable, CustomStringConvertible {
    /// The system call that failed (`socket`, `bind`, `listen`, `getsockname`, `pthread_create`).
    public let operation: String
    /// The `errno` value it reported.
    public let code: Int32

    /// A human-readable description naming the call and the system's reason.
    public var description: String {
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return "test server: \(operation) failed: \(reason) (errno \(code))"
    }

    static func system(_ operation: String, _ code: Int32) -> TestServerError {
        TestServerError(operation: operation, code: code)
    }
}
