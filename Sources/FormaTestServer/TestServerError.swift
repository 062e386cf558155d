#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a ``TestServer`` could not start.
public struct TestServerError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// A system call failed.
        public static let system = Kind("system")

        /// The kind's name.
        public var description: String { name }
    }

    /// What kind of failure this is.
    public var kind: Kind { .system }
    /// The system call that failed (`socket`, `bind`, `listen`, `getsockname`, `pthread_create`).
    public let operation: String
    /// The `errno` value it reported.
    public let code: Int32

    /// A human-readable description naming the call and the system's reason.
    public var message: String {
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return "test server: \(operation) failed: \(reason) (errno \(code))"
    }

    /// The message.
    public var description: String { message }

    static func system(_ operation: String, _ code: Int32) -> TestServerError {
        TestServerError(operation: operation, code: code)
    }
}
