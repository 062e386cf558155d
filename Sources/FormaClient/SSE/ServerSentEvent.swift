/// One event of a `text/event-stream` body.
package struct ServerSentEvent: Sendable, Hashable {
    /// The `event:` field, when the event had one.
    package var event: String?
    /// The `data:` lines joined by newlines.
    package var data: String
    /// The `id:` field, when the event had one.
    package var id: String?
    /// The `retry:` field in milliseconds, when valid.
    package var retry: Int?

    /// An event.
    package init(event: String? = nil, data: String, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }

    /// Whether the data is the end marker `[DONE]` (any case, surrounding whitespace ignored).
    package var isDone: Bool {
        let trimmed = data.utf8.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let bytes = Array(trimmed.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.reversed())
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "["), bytes[5] == UInt8(ascii: "]") else { return false }
        return String(decoding: bytes[1..<5], as: UTF8.self).lowercased() == "done"
    }
}
