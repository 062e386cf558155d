/// A pure state machine that turns `text/event-stream` bytes into events.
///
/// Lines may end in LF, CRLF or CR (also split across feeds); `data:` lines of one event are
/// joined with newlines; a space after the colon is optional; comment lines (`:`) and unknown
/// fields are ignored; a blank line dispatches the event.
///
/// ```swift
/// var parser = SSEParser()
/// let events = parser.feed(Array("data: {\"a\":1}\n\n".utf8))  // one event, data {"a":1}
/// ```
package struct SSEParser: Sendable {
    private var line: [UInt8] = []
    private var afterCR = false
    private var data: [UInt8] = []
    private var hasData = false
    private var event: String?
    private var id: String?
    private var retry: Int?
    /// The longest line (and the most data one event) kept; past it the rest is dropped and
    /// ``overflowed`` is set (protects against unbounded growth).
    package let maxLineBytes: Int
    /// Whether a line or an event's data was longer than ``maxLineBytes``.
    package private(set) var overflowed = false

    /// A parser.
    /// - Parameter maxLineBytes: The longest line kept (default 16 MiB).
    package init(maxLineBytes: Int = 16 << 20) { self.maxLineBytes = maxLineBytes }

    /// Consumes `bytes` and returns the events they complete.
    /// - Parameter bytes: The next bytes of the stream.
    /// - Returns: Completed events, in order (often empty).
    package mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            feed(buffer, into: &events)
        }
        if handled == nil {
            let array = Array(bytes)
            array.withUnsafeBufferPointer { feed($0, into: &events) }
        }
        return events
    }

    /// Ends the stream: a last line without terminator and a pending event are dispatched.
    /// - Returns: The final event, if any.
    package mutating func finish() -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        if !line.isEmpty { processLine(into: &events) }
        if let event = dispatch() { events.append(event) }
        return events
    }

    private mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>, into events: inout [ServerSentEvent]) {
        var start = 0
        var i = 0
        let n = buffer.count
        while i < n {
            let byte = buffer[i]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0A && afterCR && i == start && line.isEmpty {
                    // The LF of a CRLF whose CR ended the previous line.
                    afterCR = false
                    i += 1
                    start = i
                    continue
                }
                append(UnsafeBufferPointer(rebasing: buffer[start..<i]))
                processLine(into: &events)
                afterCR = byte == 0x0D
                i += 1
                start = i
            } else {
                afterCR = false
                i += 1
            }
        }
        if start < n { append(UnsafeBufferPointer(rebasing: buffer[start..<n])) }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let room = maxLineBytes - line.count
        if bytes.count > room { overflowed = true }
        if room > 0 { line.append(contentsOf: bytes.prefix(room)) }
    }

    private mutating func processLine(into events: inout [ServerSentEvent]) {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty {
            if let event = dispatch() { events.append(event) }
            return
        }
        if line[0] == UInt8(ascii: ":") { return }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.count
        var valueStart = colon < line.count ? colon + 1 : colon
        if valueStart < line.count, line[valueStart] == 0x20 { valueStart += 1 }
        let name = line[..<colon]
        let value = line[valueStart...]
        if name.elementsEqual("data".utf8) {
            if hasData { data.append(0x0A) }
            if data.count + value.count > maxLineBytes { overflowed = true }
            data.append(contentsOf: value.prefix(max(0, maxLineBytes - data.count)))
            hasData = true
        } else if name.elementsEqual("event".utf8) {
            event = String(decoding: value, as: UTF8.self)
        } else if name.elementsEqual("id".utf8) {
            if !value.contains(0) { id = String(decoding: value, as: UTF8.self) }
        } else if name.elementsEqual("retry".utf8) {
            if !value.isEmpty, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                retry = Int(String(decoding: value, as: UTF8.self))
            }
        }
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            event = nil
            retry = nil
        }
        guard hasData else { return nil }
        return ServerSentEvent(event: event, data: String(decoding: data, as: UTF8.self), id: id, retry: retry)
    }
}
