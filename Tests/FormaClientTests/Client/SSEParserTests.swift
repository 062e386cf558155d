import FormaClient
import Testing

@Suite("SSE parser")
struct SSEParserTests {
    /// Feeds `text` one byte at a time, then finishes.
    static func bytewise(_ text: String) -> [ServerSentEvent] {
        var parser = SSEParser()
        var events: [ServerSentEvent] = []
        for byte in text.utf8 { events += parser.feed([byte]) }
        return events + parser.finish()
    }

    static func whole(_ text: String) -> [ServerSentEvent] {
        var parser = SSEParser()
        return parser.feed(Array(text.utf8)) + parser.finish()
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndings(_ eol: String) {
        let text = "data: {\"a\":1}\(eol)\(eol)data:second\(eol)data: line\(eol)\(eol)"
        for events in [Self.bytewise(text), Self.whole(text)] {
            #expect(events.map(\.data) == ["{\"a\":1}", "second\nline"])
        }
    }

    @Test func commentsFieldsAndNoSpace() {
        let text = ": keep-alive\nevent: delta\nid: 7\nretry: 1500\nfoo: bar\ndata:{\"x\":true}\n\n:another\n\n"
        let events = Self.bytewise(text)
        #expect(events == [ServerSentEvent(event: "delta", data: "{\"x\":true}", id: "7", retry: 1500)])
    }

    @Test func onlyOneLeadingSpaceIsRemoved() {
        #expect(Self.bytewise("data:  two spaces\n\n").map(\.data) == [" two spaces"])
    }

    @Test func crlfSplitAcrossFeeds() {
        var parser = SSEParser()
        var events = parser.feed(Array("data: a\r".utf8))
        events += parser.feed(Array("\n\r".utf8))
        events += parser.feed(Array("\ndata: b\r\n\r\n".utf8))
        #expect(events.map(\.data) == ["a", "b"])
    }

    @Test(arguments: ["[DONE]", "[done]", " [Done] ", "[DONE]\n"])
    func doneMarker(_ data: String) {
        #expect(ServerSentEvent(data: data).isDone)
    }

    @Test func notDone() {
        #expect(!ServerSentEvent(data: "{\"done\":true}").isDone)
        #expect(!ServerSentEvent(data: "[DONE]x").isDone)
    }

    @Test func lastEventWithoutBlankLineIsDispatchedAtFinish() {
        #expect(Self.bytewise("data: [DONE]").map(\.data) == ["[DONE]"])
    }

    @Test func blankLinesWithoutDataDispatchNothing() {
        #expect(Self.bytewise("\n\n\r\n:comment\n\n").isEmpty)
    }

    @Test func utf8SplitAcrossBytesSurvives() {
        #expect(Self.bytewise("data: héllo ✓\n\n").map(\.data) == ["héllo ✓"])
    }
}
