import FormaJSON

extension ChatClient {
    /// Opens an event stream, retrying until its first byte is in hand (never after a byte
    /// reached the caller).
    func openStream<Chunk>(path: String, body: JSONObject) async throws -> ResponseStream<Chunk> {
        let request = try makeRequest(path: path, body: body, stream: true)
        let start = ContinuousClock.now
        var attempt = 0
        while true {
            attempt += 1
            var headers: HTTPHeaders?
            let retryable: Bool
            let failure: APIError
            do {
                let response = try await transport.stream(request)
                headers = response.headers
                if (200..<300).contains(response.status) {
                    let metadata = ResponseMetadata(
                        status: response.status, requestID: ResponseMetadata.requestID(in: response.headers),
                        rateLimit: RateLimitInfo(headers: response.headers), attempts: attempt, latency: ContinuousClock.now - start
                    )
                    try await checkStreamContentType(response, metadata: metadata)
                    var iterator = response.body.makeAsyncIterator()
                    let first = try await iterator.next() ?? []
                    return ResponseStream(
                        metadata: metadata, headers: response.headers, body: response.body, firstBytes: first, secret: secret,
                        limits: configuration.streamLimits)
                }
                let bytes = (try? await response.collect(upTo: 1 << 20)) ?? []
                failure = APIError.from(status: response.status, headers: response.headers, body: bytes, secret: secret, now: wallTime())
                retryable = configuration.retryPolicy.shouldRetry(status: response.status, headers: response.headers)
            } catch {
                failure = Self.apiError(error)
                retryable = configuration.retryPolicy.shouldRetry(failure)
            }
            try await retryOrThrow(failure.with(attempts: attempt), attempt: attempt, headers: headers, retryable: retryable)
        }
    }

    /// A 200 that is not an event stream: a JSON error object becomes its ``APIError``;
    /// anything else is a `.decoding` error with an excerpt. A missing content type is accepted.
    private func checkStreamContentType(_ response: HTTPStreamResponse, metadata: ResponseMetadata) async throws {
        guard let type = response.headers["content-type"]?.lowercased(), !type.hasPrefix("text/event-stream") else { return }
        let bytes = (try? await response.collect(upTo: 1 << 20)) ?? []
        if let json = try? bytes.withUnsafeBufferPointer({ try JSONParser.parse($0) }),
            let error = APIError.fromStreamEvent(json, headers: response.headers, secret: secret)
        {
            throw error.with(attempts: metadata.attempts)
        }
        throw APIError(
            kind: .decoding, message: "expected an event stream, got content-type \(type)", status: response.status,
            requestID: metadata.requestID,
            bodyExcerpt: Redaction.redact(String(decoding: bytes.prefix(4096), as: UTF8.self), secret: secret),
            attempts: metadata.attempts
        )
    }
}
