import FormaClient
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test func backoffDoublesUpToTheCapWithJitter() {
        let policy = RetryPolicy()
        #expect((0..<6).map { policy.delay(retry: $0) } == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
        #expect(policy.delay(retry: 1, random: 1) == .milliseconds(750))
        #expect(RetryPolicy.default.maxRetries == 5)
    }

    @Test(arguments: [408, 409, 429, 500, 502, 503, 504, 520, 524])
    func retried(_ status: Int) { #expect(RetryPolicy().shouldRetry(status: status, headers: [:])) }

    @Test(arguments: [400, 401, 403, 404, 422])
    func neverRetried(_ status: Int) { #expect(!RetryPolicy().shouldRetry(status: status, headers: [:])) }

    @Test func shouldRetryHeaderWins() {
        #expect(RetryPolicy().shouldRetry(status: 400, headers: ["x-should-retry": "true"]))
        #expect(!RetryPolicy().shouldRetry(status: 503, headers: ["x-should-retry": "false"]))
    }

    @Test func retryAfterForms() {
        let policy = RetryPolicy()
        #expect(policy.delay(retry: 0, headers: ["retry-after-ms": "250"]) == .milliseconds(250))
        #expect(policy.delay(retry: 0, headers: ["retry-after": "3"]) == .seconds(3))
        // Wed, 21 Oct 2015 07:28:00 GMT is 1445412480.
        #expect(policy.delay(retry: 0, headers: ["retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"], now: 1_445_412_470) == .seconds(10))
        // Above the cap, zero or garbage: the computed backoff is used.
        #expect(policy.delay(retry: 0, headers: ["retry-after": "120"]) == .milliseconds(500))
        #expect(policy.delay(retry: 0, headers: ["retry-after": "0"]) == .milliseconds(500))
        #expect(policy.delay(retry: 0, headers: ["retry-after": "soon"]) == .milliseconds(500))
    }

    @Test func transportFailures() {
        #expect(RetryPolicy().shouldRetry(APIError(kind: .connection, message: "reset")))
        #expect(RetryPolicy().shouldRetry(APIError(kind: .timeout, message: "slow")))
        #expect(!RetryPolicy().shouldRetry(APIError(kind: .tls, message: "bad cert")))
        #expect(!RetryPolicy().shouldRetry(APIError(kind: .cancelled, message: "stop")))
    }
}
