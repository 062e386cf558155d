import FormaJSON

/// A ``Transport`` that replays canned replies in order and records the requests, for tests.
///
/// ```swift
/// let transport = ScriptedTransport([
///     .response(HTTPResponse(status: 429, headers: ["retry-after": "1"])),
///     .json(#"{"choices":[{"message":{"content":"hi"}}]}"#),
/// ])
/// let client = try ChatClient(configuration: config, transport: transport, clock: testClock)
/// ```
public final class ScriptedTransport: Transport {
    /// One scripted reply.
    public enum Reply: Sendable {
        /// A whole response (also served to `stream` as one chunk).
        case response(HTTPResponse)
        /// A streaming response: status, headers, chunks, and an optional failure after them.
        case chunks(status: Int, headers: HTTPHeaders, chunks: [[UInt8]], failure: APIError?)
        /// A transport failure (connection reset, timeout, …).
        case failure(APIError)

        /// A 200 JSON reply.
        public static func json(_ text: String, status: Int = 200, headers: HTTPHeaders = ["content-type": "application/json"]) -> Reply {
            .response(HTTPResponse(status: status, headers: headers, body: Array(text.utf8)))
        }

        /// A 200 event stream made of `events` (each sent as `data: …\n\n`, one chunk each), then `[DONE]`.
        public static func sse(_ events: [String], done: Bool = true) -> Reply {
            var chunks = events.map { Array("data: \($0)\n\n".utf8) }
            if done { chunks.append(Array("data: [DONE]\n\n".utf8)) }
            return .chunks(status: 200, headers: ["content-type": "text/event-stream"], chunks: chunks, failure: nil)
        }
    }

    private struct State {
        var replies: [Reply]
        var next = 0
        var requests: [HTTPRequest] = []
    }

    private let state: Locked<State>

    /// A transport that answers with `replies` in order; past the end it fails with `.connection`.
    public init(_ replies: [Reply]) { state = Locked(State(replies: replies)) }

    /// Every request received, in order.
    public var requests: [HTTPRequest] { state.withLock { $0.requests } }

    private func take(_ request: HTTPRequest) -> Reply {
        var request = request
        if let upload = request.upload, let bytes = try? upload.collect() {
            request.body = bytes  // recorded as sent
        }
        return state.withLock { s in
            s.requests.append(request)
            defer { s.next += 1 }
            return s.next < s.replies.count
                ? s.replies[s.next] : .failure(APIError(kind: .connection, message: "script exhausted"))
        }
    }

    /// Returns the next scripted reply as a whole response.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        switch take(request) {
        case .response(let response): return response
        case .chunks(let status, let headers, let chunks, let failure):
            if let failure { throw failure }
            return HTTPResponse(status: status, headers: headers, body: Array(chunks.joined()))
        case .failure(let error): throw error
        }
    }

    /// Returns the next scripted reply as a stream.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamResponse {
        try Task.checkCancellation()
        switch take(request) {
        case .response(let response):
            return HTTPStreamResponse(status: response.status, headers: response.headers, body: HTTPBody(chunks: [response.body]))
        case .chunks(let status, let headers, let chunks, let failure):
            return HTTPStreamResponse(status: status, headers: headers, body: HTTPBody(chunks: chunks, failure: failure))
        case .failure(let error): throw error
        }
    }
}
