@testable import FormaClient
import Testing

@Suite("HTTP headers and redaction helpers")
struct HTTPHeadersTests {
    @Test func caseInsensitiveLookupKeepsOrder() {
        var headers: FormaClient.HTTPHeaders = ["Content-Type": "application/json"]
        headers.append("X-Multi", "1")
        headers.append("x-multi", "2")
        #expect(headers["content-type"] == "application/json")
        #expect(headers.values(for: "X-MULTI") == ["1", "2"])
        headers.set("x-Multi", "3")
        #expect(headers.values(for: "x-multi") == ["3"])
        headers.remove("CONTENT-TYPE")
        #expect(headers["content-type"] == nil)
        #expect(headers.count == 1)
    }

    @Test func headerLinesParse() {
        let line = Array("Retry-After:  12 \r\n".utf8)
        let field = line.withUnsafeBufferPointer { FormaClient.HTTPHeaders.parseLine($0) }
        #expect(field == FormaClient.HTTPHeaders.Field(name: "Retry-After", value: "12"))
        let status = Array("HTTP/2 429 \r\n".utf8)
        #expect(status.withUnsafeBufferPointer { CurlTransfer.parseStatus($0) } == 429)
    }

    @Test func redactionForms() {
        #expect(Redaction.redact("Authorization: bearer abc.def-ghi") == "Authorization: bearer <redacted>")
        #expect(Redaction.redact("https://h/x?api_key=s3cr3t&y=1") == "https://h/x?api_key=<redacted>&y=1")
        #expect(Redaction.redact("plain words", secret: "words") == "plain <redacted>")
        #expect(Redaction.excerpt(String(repeating: "a", count: 300)).count == 201)
    }
}
