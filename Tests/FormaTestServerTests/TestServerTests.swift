#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FormaJSON
import FormaTestServer
import Testing

/// The loopback test server over raw sockets: framing, keep-alive, recording, scripts, handlers.
@Suite("TestServer")
struct TestServerTests {
    @Test("a JSON reply carries a Content-Length that matches its body")
    func jsonReply() throws {
        let server = try TestServer(script: [.json(TogetherFixtures.models())])
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let response = try client.request("GET", "/v1/models")
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json")
        #expect(response.header("content-length") == String(response.body.count))
        let models = try JSONParser.parse(response.body)
        #expect(models[0]?["id"]?.string == TogetherFixtures.defaultModel)
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)/v1")
        #expect(server.port > 0)
    }

    @Test("two requests on one connection are served and recorded with parsed JSON bodies")
    func keepAlive() throws {
        let server = try TestServer(script: [
            .json(TogetherFixtures.chatCompletion(content: "one")),
            .json(TogetherFixtures.chatCompletion(content: "two")),
        ])
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let first = try client.request(
            body: #"{"model":"m","messages":[{"role":"user","content":"Hi"}]}"#,
            headers: [("Authorization", "Bearer test-key")])
        let second = try client.request(body: #"{"model":"m2","stream":false}"#)
        #expect(try JSONParser.parse(first.body)["choices"]?[0]?["message"]?["content"]?.string == "one")
        #expect(try JSONParser.parse(second.body)["choices"]?[0]?["message"]?["content"]?.string == "two")
        #expect(first.header("connection") == "keep-alive")

        #expect(server.connectionCount == 1)
        #expect(server.requestCount == 2)
        let requests = server.requests
        try #require(requests.count == 2)
        #expect(requests[0].method == "POST")
        #expect(requests[0].path == "/v1/chat/completions")
        #expect(requests[0].headers["AUTHORIZATION"] == "Bearer test-key")
        #expect(requests[0].json?["messages"]?[0]?["content"]?.string == "Hi")
        #expect(requests[1].json?["model"]?.string == "m2")
        #expect(requests[0].connectionNumber == requests[1].connectionNumber)
        #expect(requests.map(\.sequenceNumber) == [0, 1])
    }

    @Test("an SSE reply is chunked, decodes to data lines ending in [DONE], and keeps the connection")
    func sseStream() throws {
        let events = TogetherFixtures.chatChunks(contentPieces: ["Hel", "lo"], reasoningPieces: ["think"], usageOnlyChunk: true)
        let server = try TestServer(script: [.sse(events), .json(["ok": true])])
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let response = try client.request(body: #"{"stream":true}"#)
        #expect(response.chunked)
        #expect(response.header("content-type") == "text/event-stream;charset=utf-8")
        let blocks = response.text.split(separator: "\n\n", omittingEmptySubsequences: true).map(String.init)
        #expect(blocks.count == events.count + 1)
        #expect(blocks.last == "data: [DONE]")
        let payloads = try blocks.dropLast().map { block in
            #expect(block.hasPrefix("data: "))
            return try JSONParser.parse(Array(block.utf8.dropFirst(6)))
        }
        #expect(payloads[0]["choices"]?[0]?["delta"]?["reasoning"]?.string == "think")
        #expect(payloads[0]["choices"]?[0]?["delta"]?["content"] == .null)
        #expect(payloads[1]["choices"]?[0]?["delta"]?["content"]?.string == "Hel")
        #expect(payloads[2]["choices"]?[0]?["delta"]?["role"]?.string == "assistant")
        #expect(payloads[3]["choices"]?[0]?["finish_reason"]?.string == "stop")
        #expect(payloads[3]["choices"]?[0]?["delta"]?["content"]?.string == "")
        #expect(payloads[3]["usage"]?["total_tokens"]?.number?.intValue == 15)
        #expect(payloads[4]["choices"]?.array?.isEmpty == true)

        let after = try client.request(body: "{}")
        #expect(after.status == 200)
        #expect(server.connectionCount == 1)
    }

    @Test("a close-delimited SSE reply has no framing and ends with the connection")
    func closeDelimitedStream() throws {
        let events = TogetherFixtures.completionChunks(pieces: ["a", "b"])
        let server = try TestServer(script: [.sse(events, closeDelimited: true)])
        defer { server.stop() }
        let response = try RawHTTPClient(port: server.port).request(body: #"{"stream":true}"#)
        #expect(!response.chunked)
        #expect(response.header("content-length") == nil)
        #expect(response.header("connection") == "close")
        #expect(response.text == events.map { "data: \($0)\n\n" }.joined() + "data: [DONE]\n\n")
    }

    @Test("stop() cuts a slow stream short instead of waiting for it")
    func stopDuringSlowStream() throws {
        let server = try TestServer(script: [.sse(["1", "2", "3"], delayBetweenEvents: .seconds(30))])
        let client = try RawHTTPClient(port: server.port)
        try client.send("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n")
        while server.requestCount == 0 { sleepMilliseconds(5) }
        let clock = ContinuousClock()
        let start = clock.now
        server.stop()
        #expect(clock.now - start < .seconds(3))
        let received = String(decoding: (try? client.readToEnd()) ?? [], as: UTF8.self)
        #expect(received.contains("data: 1"))
        #expect(!received.contains("data: 3"))
    }

    @Test("tool-call chunks carry the name first and argument fragments by index")
    func toolCallChunks() throws {
        let events = TogetherFixtures.toolCallChunks(name: "get_weather", argumentPieces: [#"{"city":"#, #""Tokyo"}"#])
        let parsed = try events.map { try JSONParser.parse($0) }
        #expect(parsed.count == 5)
        #expect(parsed[0]["choices"]?[0]?["delta"]?["content"] == .null)
        #expect(parsed[1]["choices"]?[0]?["delta"]?["tool_calls"]?[0]?["function"]?["name"]?.string == "get_weather")
        let arguments = parsed.compactMap { $0["choices"]?[0]?["delta"]?["tool_calls"]?[0]?["function"]?["arguments"]?.string }
        #expect(arguments.joined() == #"{"city":"Tokyo"}"#)
        #expect(parsed[4]["choices"]?[0]?["finish_reason"]?.string == "tool_calls")
    }

    @Test("a 429 carries retry-after and a Together error body")
    func rateLimited() throws {
        let server = try TestServer(script: [
            .apiError(429, message: "slow down", type: "rate_limit_error", errorCode: "dynamic_request_limited",
                headers: [("retry-after", "1")])
        ])
        defer { server.stop() }
        let response = try RawHTTPClient(port: server.port).request(body: "{}")
        #expect(response.status == 429)
        #expect(response.header("retry-after") == "1")
        let body = try JSONParser.parse(response.body)
        #expect(body["error"]?["code"]?.string == "dynamic_request_limited")
        #expect(body["error"]?["message"]?.string == "slow down")
    }

    @Test("a script is served in order, then answers 500 script exhausted")
    func scriptOrder() throws {
        let server = try TestServer(script: [.status(503), .status(502), .json(["n": 3])])
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let statuses = try (0..<4).map { _ in try client.request(body: "{}").status }
        #expect(statuses == [503, 502, 200, 500])
    }

    @Test("a handler answers per request and a tally makes rows fail once")
    func handlerResponses() throws {
        let tally = RequestTally()
        let server = try TestServer { request in
            let prompt = request.json?["messages"]?[0]?["content"]?.string ?? "?"
            if prompt.hasSuffix("5") && tally.record(prompt) == 1 { return .status(503) }
            return .json(TogetherFixtures.chatCompletion(content: "echo " + prompt))
        }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        func ask(_ prompt: String) throws -> RawHTTPClient.Response {
            try client.request(body: #"{"messages":[{"role":"user","content":"\#(prompt)"}]}"#)
        }
        #expect(try ask("row 4").status == 200)
        #expect(try ask("row 5").status == 503)
        let retried = try ask("row 5")
        #expect(retried.status == 200)
        #expect(try JSONParser.parse(retried.body)["choices"]?[0]?["message"]?["content"]?.string == "echo row 5")
        #expect(tally.count(of: "row 5") == 2)
        #expect(server.requestCount == 3)
    }

    @Test("stop() closes the listener and frees the port")
    func stopFreesPort() throws {
        let server = try TestServer(script: [.json([:])])
        let port = server.port
        let idle = try RawHTTPClient(port: port)
        #expect(try idle.request(body: "{}").status == 200)
        #expect(server.openConnectionCount == 1)
        server.stop()
        #expect(throws: RawHTTPClient.Failure.connect(ECONNREFUSED)) { try RawHTTPClient(port: port) }
        // The idle keep-alive connection was closed too.
        #expect(try idle.readToEnd().isEmpty)
        #expect(server.openConnectionCount == 0)
        server.stop()  // a second stop is harmless
    }

    @Test("releasing the server stops it")
    func deinitStops() throws {
        var port = 0
        do {
            let server = try TestServer(script: [])
            port = server.port
            #expect(try RawHTTPClient(port: port).request("GET", "/").status == 500)
        }
        #expect(throws: RawHTTPClient.Failure.connect(ECONNREFUSED)) { try RawHTTPClient(port: port) }
    }

    @Test("Connection: close ends the connection after the response")
    func connectionClose() throws {
        let server = try TestServer(script: [.json(["a": 1])])
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let response = try client.request(body: "{}", headers: [("Connection", "close")])
        #expect(response.header("connection") == "close")
        #expect(try client.readToEnd().isEmpty)
    }
}

/// Blocks the calling thread for `milliseconds`.
private func sleepMilliseconds(_ milliseconds: Int) {
    var pause = timespec(tv_sec: 0, tv_nsec: milliseconds * 1_000_000)
    _ = nanosleep(&pause, nil)
}
