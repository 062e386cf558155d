import FormaJSON

/// A real HTTP/1.1 server on `127.0.0.1` at a free port, for tests that talk to an
/// OpenAI-compatible API over real sockets.
///
/// It keeps connections alive (many requests per connection), records every request, and
/// answers each one with whatever the handler or script says — a Together-shaped reply or a
/// fault (see ``TestResponse``). One thread accepts; each connection gets its own thread,
/// so a keep-alive client pays for a thread once per connection, not per request.
///
/// A script, for a fixed sequence of replies:
///
/// ```swift
/// let server = try TestServer(script: [
///     .status(429, body: "", headers: [("retry-after", "1")]),
///     .json(TogetherFixtures.chatCompletion(content: "Hello")),
/// ])
/// defer { server.stop() }
/// // point the client at server.baseURL ("http://127.0.0.1:PORT/v1")
/// #expect(server.requests.count == 2)
/// ```
///
/// A handler, to answer per request — here 20% of rows fail once with a 429 or 503 and
/// succeed on retry:
///
/// ```swift
/// let tally = RequestTally()
/// let server = try TestServer { request in
///     let prompt = request.json?["messages"]?[0]?["content"]?.string ?? ""
///     let row = Int(prompt.split(separator: " ").last ?? "") ?? 0
///     if row % 5 == 0 && tally.record(prompt) == 1 {
///         return row % 2 == 0 ? .status(429, headers: [("retry-after", "0")]) : .status(503)
///     }
///     return .json(TogetherFixtures.chatCompletion(content: #"{"row":\#(row)}"#))
/// }
/// ```
public final class TestServer: Sendable {
    private let core: ServerCore

    /// Starts a server that asks `handler` for every response.
    ///
    /// The handler runs on the connection's thread, possibly on many threads at once; keep
    /// shared state in a `Locked` (or a ``RequestTally``).
    ///
    /// - Parameters:
    ///   - recordsRequests: Whether to keep every request for ``requests`` (turn off for
    ///     long benchmarks; counts are kept either way).
    ///   - handler: Chooses the response for a request.
    /// - Throws: ``TestServerError`` when the socket or thread cannot be created.
    public init(
        recordsRequests: Bool = true, handler: @escaping @Sendable (RecordedRequest) -> TestResponse
    ) throws {
        core = try ServerCore(recordsRequests: recordsRequests, handler: handler)
        try core.start()
    }

    /// Starts a server that answers requests with `script`, in order.
    ///
    /// - Parameters:
    ///   - script: The responses, first to last, one per request.
    ///   - afterScript: The response once the script is used up; by default a `500` whose
    ///     Together error body says the script is exhausted.
    /// - Throws: ``TestServerError`` when the socket or thread cannot be created.
    public convenience init(script: [TestResponse], afterScript: TestResponse? = nil) throws {
        let cursor = ScriptCursor()
        let exhausted = afterScript ?? .apiError(
            500, message: "test server script exhausted after \(script.count) responses", type: "server_error",
            errorCode: "script_exhausted")
        try self.init { _ in
            let index = cursor.next()
            return index < script.count ? script[index] : exhausted
        }
    }

    deinit {
        core.stop()
    }

    /// The port the server listens on.
    public var port: Int { core.port }

    /// The API base URL clients should use: `http://127.0.0.1:PORT/v1`.
    public var baseURL: String { "http://127.0.0.1:\(core.port)/v1" }

    /// The server root without the `/v1` path: `http://127.0.0.1:PORT`.
    public var rootURL: String { "http://127.0.0.1:\(core.port)" }

    /// Every request received so far, in arrival order (empty when not recording).
    public var requests: [RecordedRequest] { core.state.withLock { $0.requests } }

    /// The number of requests received so far (counted even when not recording).
    public var requestCount: Int { core.state.withLock { $0.requestsServed } }

    /// The number of TCP connections accepted so far; with keep-alive this stays below
    /// ``requestCount``.
    public var connectionCount: Int { core.state.withLock { $0.connectionsAccepted } }

    /// The number of connections open right now.
    public var openConnectionCount: Int { core.state.withLock { $0.liveConnections } }

    /// Forgets the recorded requests (counts are kept).
    public func clearRequests() {
        core.state.withLock { $0.requests.removeAll() }
    }

    /// Stops accepting, closes every connection (cutting pauses short) and frees the port.
    ///
    /// Waits up to two seconds for the server's threads to finish. Calling it again does nothing.
    public func stop() {
        core.stop()
    }
}

/// Hands out script positions to concurrent requests.
private final class ScriptCursor: Sendable {
    private let position = Locked(0)

    func next() -> Int {
        position.withLock { value in
            defer { value += 1 }
            return value
        }
    }
}
