#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FormaJSON
import FormaTestServer
import Testing

/// The faults the test server injects, and its resistance to bad requests.
@Suite("TestServer faults")
struct TestServerFaultTests {
    @Test("a reset mid-body ends the stream before the promised length")
    func resetMidBody() throws {
        let server = try TestServer(script: [.resetMidBody(partialBody: #"{"id":"abc","#, declaredLength: 500)])
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        do {
            let response = try client.request(body: "{}")
            Issue.record("expected an early end, got a complete \(response.body.count)-byte body")
        } catch let failure {
            guard case .ended(let code, let received) = failure else {
                Issue.record("unexpected failure \(failure)")
                return
            }
            #expect(code == ECONNRESET || code == 0)
            #expect(received < 500)
        }
    }

    @Test("truncated JSON has a matching Content-Length and does not parse")
    func truncatedJSON() throws {
        let server = try TestServer(script: [.truncatedJSON(keepingBytes: 20)])
        defer { server.stop() }
        let response = try RawHTTPClient(port: server.port).request(body: "{}")
        #expect(response.status == 200)
        #expect(response.body.count == 20)
        #expect(response.header("content-length") == "20")
        #expect(throws: JSONParseError.self) { try JSONParser.parse(response.body) }
    }

    @Test("a slow drip takes the pauses and delivers the whole body")
    func slowDrip() throws {
        let server = try TestServer(script: [.slowDrip(body: "abcdef", bytesPerChunk: 2, delay: .milliseconds(60))])
        defer { server.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        let response = try RawHTTPClient(port: server.port).request(body: "{}")
        #expect(response.text == "abcdef")
        #expect(clock.now - start >= .milliseconds(110))
    }

    @Test("a delayed response arrives after its delay")
    func delayed() throws {
        let server = try TestServer(script: [.delayed(by: .milliseconds(80), then: .json(["late": true]))])
        defer { server.stop() }
        let clock = ContinuousClock()
        let start = clock.now
        let response = try RawHTTPClient(port: server.port).request(body: "{}")
        #expect(try JSONParser.parse(response.body)["late"]?.bool == true)
        #expect(clock.now - start >= .milliseconds(75))
    }

    @Test("malformed SSE and wrong content types are sent byte for byte")
    func rawBodies() throws {
        let raw = "data: {\"id\":\n\nevent: x\r\ndata:[done]\r\r"
        let server = try TestServer(script: [
            .malformedSSE(raw: raw), .wrongContentType(body: "<html>oops</html>"),
        ])
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let sse = try client.request(body: "{}")
        #expect(sse.text == raw)
        #expect(sse.header("content-type")?.hasPrefix("text/event-stream") == true)
        let html = try client.request(body: "{}")
        #expect(html.header("content-type") == "text/html")
        #expect(html.text == "<html>oops</html>")
    }

    @Test("an oversize body has the promised size, framed by length or by chunks", arguments: [true, false])
    func oversize(declaresLength: Bool) throws {
        let size = 3 * 1024 * 1024 + 17
        let server = try TestServer(script: [.oversize(bytes: size, declaresLength: declaresLength)])
        defer { server.stop() }
        let response = try RawHTTPClient(port: server.port).request(body: "{}")
        #expect(response.body.count == size)
        #expect(response.chunked == !declaresLength)
        let value = try JSONParser.parse(response.body)
        #expect(value["data"]?.string?.utf8.count == size - 11)
    }

    @Test("raw bytes are written verbatim and a disconnect sends nothing")
    func rawAndDisconnect() throws {
        let server = try TestServer(script: [
            .raw("HTTP/1.1 204 No Content\r\nX-Odd: yes\r\n\r\n", closeAfter: false), .disconnect,
        ])
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let first = try client.request("GET", "/v1/models")
        #expect(first.status == 204)
        #expect(first.header("x-odd") == "yes")
        try client.send("GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try client.readToEnd().isEmpty)
    }

    @Test("chunked request bodies and Expect: 100-continue are understood")
    func chunkedRequestAndContinue() throws {
        let server = try TestServer { request in .json(["echo": .string(request.bodyText)]) }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send(
            "POST /v1/completions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\n{\"a\r\n5;ext=1\r\n\":12}\r\n0\r\n\r\n")
        let chunked = try client.readResponse()
        #expect(try JSONParser.parse(chunked.body)["echo"]?.string == #"{"a":12}"#)

        try client.send("POST /v1/completions HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
        let interim = try client.readResponse(skipInterim: false)
        #expect(interim.status == 100)
        try client.send("{}")
        #expect(try client.readResponse().status == 200)
        #expect(server.requests.last?.bodyText == "{}")
        #expect(server.requests.first?.json?["a"]?.number?.intValue == 12)
    }

    @Test(
        "bad requests get a 4xx and the server keeps serving",
        arguments: [
            "NOT A REQUEST\r\n\r\n",
            "GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
            "GET / HTTP/1.1\r\nContent-Length: banana\r\n\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "GET / HTTP/1.1\r\nNoColonHere\r\n\r\n",
            "\u{0}\u{1}\u{2} \u{ff} HTTP/9\r\n\r\n",
        ])
    func badRequests(raw: String) throws {
        let server = try TestServer { _ in .json(["ok": true]) }
        defer { server.stop() }
        let bad = try RawHTTPClient(port: server.port)
        try bad.send(raw)
        let rejection = try bad.readResponse()
        #expect((400..<600).contains(rejection.status))
        #expect(rejection.header("connection") == "close")
        #expect(try RawHTTPClient(port: server.port).request(body: "{}").status == 200)
    }

    @Test("a huge request head is refused with 431")
    func hugeHead() throws {
        let server = try TestServer { _ in .json(["ok": true]) }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 70_000) + "\r\n\r\n")
        #expect(try client.readResponse().status == 431)
    }

    @Test("a client that vanishes mid-request or mid-stream does not disturb the server")
    func vanishingClients() throws {
        let server = try TestServer { _ in .oversize(bytes: 8 << 20) }
        defer { server.stop() }
        do {
            let client = try RawHTTPClient(port: server.port)
            try client.send("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"partial")
        }
        do {
            let client = try RawHTTPClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\n\r\n")
        }
        let survivor = try RawHTTPClient(port: server.port)
        #expect(try survivor.request("GET", "/").body.count == 8 << 20)
    }
}
