/// The I/O seam of the client: sends HTTP requests and returns responses.
///
/// ``CurlTransport`` is the real implementation; ``ScriptedTransport`` replays canned
/// responses in tests. Transports report failures as ``APIError`` with kinds such as
/// `.connection`, `.timeout`, `.cancelled` and `.responseTooLarge`; they do not interpret
/// status codes (a 500 is a response, not an error).
public protocol Transport: Sendable {
    /// Sends `request` and returns the whole response.
    /// - Parameter request: The request.
    /// - Returns: Status, headers and body.
    /// - Throws: ``APIError`` for transport failures and cancellation.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Sends `request` and returns as soon as the response head is known, with the body as
    /// a stream of chunks.
    /// - Parameter request: The request.
    /// - Returns: Status, headers and the body stream.
    /// - Throws: ``APIError`` for transport failures and cancellation.
    func stream(_ request: HTTPRequest) async throws -> HTTPStreamResponse
}
