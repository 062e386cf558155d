/// A complete HTTP response: status, header fields and the whole body.
public struct HTTPResponse: Sendable {
    /// The status code, such as 200.
    public var status: Int
    /// The response header fields (of the final response, after any `100 Continue`).
    public var headers: HTTPHeaders
    /// The body bytes (decompressed when the server used a content encoding).
    public var body: [UInt8]

    /// A response.
    /// - Parameters:
    ///   - status: The status code.
    ///   - headers: The header fields.
    ///   - body: The body bytes.
    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// An HTTP response whose body arrives as a stream of byte chunks.
///
/// Dropping the response (or its body) before the end aborts the transfer.
public struct HTTPStreamResponse: Sendable {
    /// The status code, such as 200.
    public var status: Int
    /// The response header fields.
    public var headers: HTTPHeaders
    /// The body as an asynchronous sequence of chunks.
    public var body: HTTPBody

    /// A streaming response.
    /// - Parameters:
    ///   - status: The status code.
    ///   - headers: The header fields.
    ///   - body: The body chunks.
    public init(status: Int, headers: HTTPHeaders = [:], body: HTTPBody) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Reads the rest of the body into one array (for error responses and tests).
    /// - Parameter limit: Stops with a size error past this many bytes.
    /// - Returns: The bytes.
    /// - Throws: The transport's error, or ``APIError`` `.responseTooLarge`.
    public func collect(upTo limit: Int = 16 << 20) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in body {
            bytes += chunk
            if bytes.count > limit {
                body.cancel()
                throw APIError(kind: .responseTooLarge, message: "response body exceeds \(limit) bytes")
            }
        }
        return bytes
    }
}
