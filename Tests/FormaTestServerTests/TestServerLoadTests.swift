import Dispatch
import FormaJSON
import FormaTestServer
import Foundation
import Testing

/// The test server under concurrent load: many keep-alive connections, connection churn,
/// per-request handlers with shared state.
@Suite("TestServer load")
struct TestServerLoadTests {
    /// Runs `body(worker)` on `workers` real threads (blocking sockets must not sit on the
    /// cooperative pool) and waits for all of them.
    private func onThreads(_ workers: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for worker in 0..<workers {
            group.enter()
            let thread = Thread {
                body(worker)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
    }

    @Test("5,000 requests over 64 keep-alive connections are all answered and recorded")
    func keepAliveLoad() throws {
        let reply = TestResponse.json(TogetherFixtures.chatCompletion(content: #"{"ok":true}"#))
        let server = try TestServer { request in
            request.json?["messages"] == nil ? .status(400) : reply
        }
        defer { server.stop() }
        let total = 5_000
        let workers = 64
        let failures = Locked(0)
        let okCount = Locked(0)
        let port = server.port
        let clock = ContinuousClock()
        let start = clock.now
        onThreads(workers) { worker in
            let share = total / workers + (worker < total % workers ? 1 : 0)
            do {
                let client = try RawHTTPClient(port: port)
                for row in 0..<share {
                    let body = #"{"model":"m","messages":[{"role":"user","content":"row \#(worker)-\#(row)"}]}"#
                    let response = try client.request(body: body)
                    if response.status == 200 { okCount.withLock { $0 += 1 } }
                }
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        let elapsed = clock.now - start
        print("keep-alive load: \(total) requests over \(workers) connections in \(elapsed)")
        #expect(failures.withLock { $0 } == 0)
        #expect(okCount.withLock { $0 } == total)
        #expect(server.requestCount == total)
        #expect(server.connectionCount == workers)
        let rows = Set(server.requests.compactMap { $0.json?["messages"]?[0]?["content"]?.string })
        #expect(rows.count == total)
        #expect(elapsed < .seconds(60))
    }

    @Test("1,000 requests on fresh connections (Connection: close) from 32 threads")
    func connectionChurn() throws {
        let server = try TestServer(recordsRequests: false) { _ in .json(["ok": true]) }
        defer { server.stop() }
        let port = server.port
        let ok = Locked(0)
        onThreads(32) { _ in
            for _ in 0..<(1_000 / 32 + 1) {
                guard let client = try? RawHTTPClient(port: port),
                    let response = try? client.request(body: "{}", headers: [("Connection", "close")])
                else { continue }
                if response.status == 200 { ok.withLock { $0 += 1 } }
            }
        }
        let expected = (1_000 / 32 + 1) * 32
        #expect(ok.withLock { $0 } == expected)
        #expect(server.connectionCount == expected)
        #expect(server.requests.isEmpty)
        #expect(server.requestCount == expected)
    }

    @Test("rows fail once with 429 or 503 and then succeed, under concurrency")
    func failOncePerRow() throws {
        let tally = RequestTally()
        let server = try TestServer { request in
            let prompt = request.json?["messages"]?[0]?["content"]?.string ?? ""
            let row = Int(prompt.split(separator: " ").last ?? "") ?? -1
            if row % 5 == 0 && tally.record(prompt) == 1 {
                return row % 2 == 0 ? .status(429, headers: [("retry-after", "0")]) : .status(503)
            }
            return .json(TogetherFixtures.chatCompletion(content: #"{"row":\#(row)}"#))
        }
        defer { server.stop() }
        let port = server.port
        let attempts = Locked(0)
        let answers = Locked<[Int: String]>([:])
        onThreads(16) { worker in
            guard let client = try? RawHTTPClient(port: port) else { return }
            for row in stride(from: worker, to: 200, by: 16) {
                for _ in 0..<3 {
                    attempts.withLock { $0 += 1 }
                    let body = #"{"messages":[{"role":"user","content":"row \#(row)"}]}"#
                    guard let response = try? client.request(body: body) else { return }
                    if response.status == 200 {
                        let content = (try? JSONParser.parse(response.body))?["choices"]?[0]?["message"]?["content"]?.string
                        answers.withLock { $0[row] = content }
                        break
                    }
                }
            }
        }
        #expect(answers.withLock { $0.count } == 200)
        #expect(answers.withLock { $0[35] } == #"{"row":35}"#)
        #expect(attempts.withLock { $0 } == 240)
        #expect(tally.total == 80)
    }
}
