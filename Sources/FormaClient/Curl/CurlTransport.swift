internal import CCurl

/// A ``Transport`` over libcurl: one multi handle on its own thread drives every request.
///
/// Connections are kept alive and reused across requests, HTTP/2 is used when a TLS server
/// offers it, TLS peers are always verified, and proxies come from the usual environment
/// variables (`https_proxy`, `no_proxy`, …) as curl reads them. Streaming bodies apply
/// back-pressure: when the consumer lags, the transfer pauses instead of buffering more
/// than ``Configuration/streamBufferBytes``.
///
/// ```swift
/// let transport = try CurlTransport()
/// let response = try await transport.send(HTTPRequest(method: "GET", url: "https://example.com"))
/// ```
public final class CurlTransport: Transport {
    /// Timeouts, limits and TLS settings.
    public struct Configuration: Sendable, Hashable {
        /// Limit for establishing a connection (TCP and TLS).
        public var connectTimeout: Duration
        /// Limit for a whole request, streams included; `nil` for none.
        public var requestTimeout: Duration?
        /// Abort when no byte arrives for this long (checked every 100 ms); `nil` for none.
        /// The time a stream spends paused because its consumer lags does not count.
        public var idleTimeout: Duration?
        /// A PEM file of CA certificates to trust instead of the system's.
        public var caBundlePath: String?
        /// Abort a response whose body exceeds this many bytes.
        public var maxResponseBytes: Int
        /// How many bytes a stream buffers before pausing the transfer.
        public var streamBufferBytes: Int
        /// How many idle connections the pool keeps.
        public var maxConnections: Int

        /// The defaults: connect 10 s, request 600 s, idle 120 s, 64 MiB cap, 1 MiB stream buffer.
        public init(
            connectTimeout: Duration = .seconds(10), requestTimeout: Duration? = .seconds(600),
            idleTimeout: Duration? = .seconds(120), caBundlePath: String? = nil,
            maxResponseBytes: Int = 64 << 20, streamBufferBytes: Int = 1 << 20, maxConnections: Int = 64
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.idleTimeout = idleTimeout
            self.caBundlePath = caBundlePath
            self.maxResponseBytes = maxResponseBytes
            self.streamBufferBytes = streamBufferBytes
            self.maxConnections = maxConnections
        }
    }

    /// The settings every request uses.
    public let configuration: Configuration
    private let loop: CurlMultiLoop

    /// A transport with its own connection pool and loop thread.
    /// - Parameter configuration: Timeouts and limits.
    /// - Throws: ``APIError`` `.configuration` when libcurl cannot be initialised.
    public init(configuration: Configuration = Configuration()) throws {
        self.configuration = configuration
        loop = try CurlMultiLoop(maxConnections: configuration.maxConnections)
    }

    deinit { loop.shutdown() }

    /// Sends `request` and waits for the whole response.
    /// - Parameter request: The request.
    /// - Returns: Status, headers and body.
    /// - Throws: ``APIError`` (`.connection`, `.timeout`, `.tls`, `.cancelled`, `.responseTooLarge`).
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let transfer = try makeTransfer(request, mode: .buffered)
        return try await transfer.response()
    }

    /// Sends `request` and returns once the response head arrives; the body streams.
    /// - Parameter request: The request.
    /// - Returns: Status, headers and body chunks.
    /// - Throws: ``APIError`` for failures before the head arrives.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamResponse {
        let transfer = try makeTransfer(request, mode: .streaming)
        let source = CurlBodySource(transfer: transfer)
        let (status, headers) = try await transfer.head()
        return HTTPStreamResponse(status: status, headers: headers, body: HTTPBody(source: source))
    }

    private func makeTransfer(_ request: HTTPRequest, mode: CurlTransfer.Mode) throws(APIError) -> CurlTransfer {
        let easy = try CurlEasyHandle()
        let transfer = CurlTransfer(
            easy: easy, mode: mode, maxBytes: configuration.maxResponseBytes,
            highWater: max(configuration.streamBufferBytes, 1), idleTimeout: configuration.idleTimeout, loop: loop
        )
        try configure(easy, for: request, transfer: transfer)
        return transfer
    }

    private func configure(_ easy: CurlEasyHandle, for request: HTTPRequest, transfer: CurlTransfer) throws(APIError) {
        try easy.set(CURLOPT_URL, request.url, "CURLOPT_URL")
        try easy.set(CURLOPT_NOSIGNAL, 1, "CURLOPT_NOSIGNAL")
        try easy.set(CURLOPT_FOLLOWLOCATION, 0, "CURLOPT_FOLLOWLOCATION")
        try easy.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS), "CURLOPT_HTTP_VERSION")
        try easy.set(CURLOPT_SSL_VERIFYPEER, 1, "CURLOPT_SSL_VERIFYPEER")
        try easy.set(CURLOPT_SSL_VERIFYHOST, 2, "CURLOPT_SSL_VERIFYHOST")
        if let path = configuration.caBundlePath { try easy.set(CURLOPT_CAINFO, path, "CURLOPT_CAINFO") }
        try easy.set(CURLOPT_TCP_KEEPALIVE, 1, "CURLOPT_TCP_KEEPALIVE")
        try easy.set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1, "CURLOPT_SUPPRESS_CONNECT_HEADERS")
        try easy.set(CURLOPT_ACCEPT_ENCODING, "", "CURLOPT_ACCEPT_ENCODING")
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout), "CURLOPT_CONNECTTIMEOUT_MS")
        if let total = configuration.requestTimeout {
            try easy.set(CURLOPT_TIMEOUT_MS, Self.milliseconds(total), "CURLOPT_TIMEOUT_MS")
        }
        switch request.method {
        case "GET": try easy.set(CURLOPT_HTTPGET, 1, "CURLOPT_HTTPGET")
        case "POST": break
        default: try easy.set(CURLOPT_CUSTOMREQUEST, request.method, "CURLOPT_CUSTOMREQUEST")
        }
        if let upload = request.upload {
            try configureUpload(easy, upload, method: request.method, transfer: transfer)
        } else if let body = request.body {
            try easy.setBody(body)
        } else if request.method == "POST" {
            try easy.setBody([])
        }
        var headers = request.headers
        // curl adds `Expect: 100-continue` for large bodies; that costs a round trip.
        if headers["expect"] == nil { headers.append("Expect", "") }
        headers.remove("content-length")
        try easy.setHeaders(headers)
        let user = Unmanaged.passUnretained(transfer).toOpaque()
        try CurlCheck.easy(forma_curl_easy_setopt_write_function(easy.raw, curlWriteCallback), "CURLOPT_WRITEFUNCTION")
        try easy.set(CURLOPT_WRITEDATA, pointer: user, "CURLOPT_WRITEDATA")
        try CurlCheck.easy(forma_curl_easy_setopt_header_function(easy.raw, curlHeaderCallback), "CURLOPT_HEADERFUNCTION")
        try easy.set(CURLOPT_HEADERDATA, pointer: user, "CURLOPT_HEADERDATA")
    }

    /// A body read from ``HTTPUpload`` parts by curl's read callback, as it sends.
    private func configureUpload(
        _ easy: CurlEasyHandle, _ upload: HTTPUpload, method: String, transfer: CurlTransfer
    ) throws(APIError) {
        let reader: HTTPUploadReader
        do { reader = try HTTPUploadReader(upload) } catch let error as APIError { throw error } catch {
            throw APIError(kind: .configuration, message: "\(error)")
        }
        transfer.upload = reader
        let size = curl_off_t(reader.byteCount)
        if method == "POST" {
            try easy.set(CURLOPT_POST, 1, "CURLOPT_POST")
            try CurlCheck.easy(forma_curl_easy_setopt_off_t(easy.raw, CURLOPT_POSTFIELDSIZE_LARGE, size), "CURLOPT_POSTFIELDSIZE_LARGE")
        } else {
            // CURLOPT_UPLOAD sends with PUT; another method name overrides it.
            try easy.set(CURLOPT_UPLOAD, 1, "CURLOPT_UPLOAD")
            try CurlCheck.easy(forma_curl_easy_setopt_off_t(easy.raw, CURLOPT_INFILESIZE_LARGE, size), "CURLOPT_INFILESIZE_LARGE")
        }
        try CurlCheck.easy(forma_curl_easy_setopt_read_function(easy.raw, curlReadCallback), "CURLOPT_READFUNCTION")
        try easy.set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(transfer).toOpaque(), "CURLOPT_READDATA")
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
