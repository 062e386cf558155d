public import FormaJSON

/// One HTTP request as the ``TestServer`` received it.
///
/// ```swift
/// let request = server.requests[0]
/// request.method                                   // "POST"
/// request.path                                     // "/v1/chat/completions"
/// request.headers["authorization"]                 // "Bearer test-key"
/// request.json?["messages"]?[0]?["content"]        // .string("Hi")
/// ```
public struct RecordedRequest: Sendable {
    /// The method, as sent (`GET`, `POST`, …).
    public let method: String
    /// The request target, as sent, including any query (`/v1/models?x=1`).
    public let target: String
    /// The HTTP version from the request line (`HTTP/1.1`).
    public let version: String
    /// The header fields, in order, with case-insensitive lookup.
    public let headers: RecordedHeaders
    /// The body bytes (after undoing chunked transfer coding, if any).
    public let body: [UInt8]
    /// The body parsed as JSON with ``JSONParser``; `nil` when empty or not valid JSON.
    public let json: JSONValue?
    /// The 1-based number of the connection this request arrived on, in accept order.
    public let connectionNumber: Int
    /// The 0-based position of this request among all requests the server received.
    public let sequenceNumber: Int

    /// The target without its query string (`/v1/chat/completions`).
    public var path: String {
        if let mark = target.firstIndex(of: "?") { return String(target[..<mark]) }
        return target
    }

    /// The body decoded as UTF-8 (invalid sequences repaired).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// Whether the request asked for a streamed response (`"stream": true` in its JSON body).
    public var isStreaming: Bool { json?["stream"]?.bool == true }

    /// Creates a recorded request (the server does this; tests may build their own for handlers).
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - target: The request target.
    ///   - version: The HTTP version.
    ///   - headers: The header fields.
    ///   - body: The body bytes; parsed as JSON when possible.
    ///   - connectionNumber: The connection it arrived on.
    ///   - sequenceNumber: Its position among all requests.
    public init(
        method: String, target: String, version: String = "HTTP/1.1", headers: RecordedHeaders = RecordedHeaders(),
        body: [UInt8] = [], connectionNumber: Int = 1, sequenceNumber: Int = 0
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.json = body.isEmpty ? nil : try? JSONParser.parse(body)
        self.connectionNumber = connectionNumber
        self.sequenceNumber = sequenceNumber
    }
}
