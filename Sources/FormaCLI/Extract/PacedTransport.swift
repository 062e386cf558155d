import FormaClient
import Foundation

/// A transport that paces every HTTP request (first tries and the client's retries alike)
/// through a ``RequestPacer`` and tells it about 429s and rate-limit headers.
struct PacedTransport<C: Clock>: Transport where C.Duration == Duration {
    /// The transport that does the work.
    let base: any Transport
    /// The shared pacer.
    let pacer: RequestPacer<C>
    /// Counts requests and 429s for the summary.
    let tally: ExtractTally

    /// Whether a request asks the model (counted against the rows' attempts for the
    /// summary's retries); Batch API calls (files, batches) are not.
    static func asksTheModel(_ request: HTTPRequest) -> Bool {
        let path = request.url.split(separator: "?", maxSplits: 1).first ?? ""
        return path.hasSuffix("/completions")
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        // About four bytes per token; the prompt dominates an extraction request.
        try await pacer.acquire(estimatedTokens: (request.body?.count ?? 0) / 4)
        if Self.asksTheModel(request) { tally.requestSent() }
        let response = try await base.send(request)
        if response.status == 429 { tally.rateLimited() }
        let retryAfter = response.status == 429 ? RetryPolicy.retryAfter(in: response.headers, now: Date().timeIntervalSince1970) : nil
        let rateLimit = RateLimitInfo(headers: response.headers)
        if response.status == 429 || rateLimit != nil {
            await pacer.observe(status: response.status, retryAfter: retryAfter, rateLimit: rateLimit)
        }
        return response
    }

    func stream(_ request: HTTPRequest) async throws -> HTTPStreamResponse {
        try await pacer.acquire(estimatedTokens: (request.body?.count ?? 0) / 4)
        if Self.asksTheModel(request) { tally.requestSent() }
        return try await base.stream(request)
    }
}
