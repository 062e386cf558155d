/// Reads HTTP/1.x requests from one connected socket, keeping bytes that arrive early
/// (pipelined requests) for the next call.
struct ConnectionReader {
    /// What one read attempt produced.
    enum Outcome {
        /// A complete request: its head and decoded body.
        case request(RequestHead, [UInt8])
        /// The peer closed (or reset) the connection, or the server is stopping.
        case closed
        /// The bytes are not an acceptable request; answer with the status and close.
        case rejected(RequestHead.Rejection)
    }

    /// Largest request head accepted (request line plus fields).
    static let maxHeadBytes = 64 * 1024
    /// Largest request body accepted.
    static let maxBodyBytes = 64 * 1024 * 1024

    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var scratch = [UInt8](repeating: 0, count: 64 * 1024)

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(64 * 1024)
    }

    /// Reads the next request, sending `100 Continue` first when the client waits for it.
    mutating func next() -> Outcome {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        // Head: everything up to the first blank line.
        var scanned = 0
        var headEnd: (end: Int, next: Int)?
        while headEnd == nil {
            headEnd = Self.findBlankLine(in: buffer, from: scanned)
            if headEnd != nil { break }
            scanned = max(0, buffer.count - 3)
            if buffer.count > Self.maxHeadBytes {
                return .rejected(.init(status: 431, reason: "request head larger than \(Self.maxHeadBytes) bytes"))
            }
            guard fill() else { return .closed }
        }
        guard let (end, next) = headEnd else { return .closed }
        guard end <= Self.maxHeadBytes else {
            return .rejected(.init(status: 431, reason: "request head larger than \(Self.maxHeadBytes) bytes"))
        }
        let head: RequestHead
        let framing: RequestHead.Framing
        do {
            head = try RequestHead.parse(buffer[0..<end])
            framing = try head.framing()
        } catch {
            return .rejected(error)
        }
        start = next

        switch framing {
        case .none:
            return .request(head, [])
        case .length(let length):
            guard length <= Self.maxBodyBytes else {
                return .rejected(.init(status: 413, reason: "body of \(length) bytes is over the limit"))
            }
            if head.expectsContinue && buffer.count - start < length { sendContinue() }
            while buffer.count - start < length {
                guard fill() else { return .closed }
            }
            let body = Array(buffer[start..<(start + length)])
            start += length
            return .request(head, body)
        case .chunked:
            if head.expectsContinue && buffer.count == start { sendContinue() }
            return readChunkedBody(head)
        }
    }

    /// Decodes a chunked body starting at `start`, reading more bytes as needed.
    private mutating func readChunkedBody(_ head: RequestHead) -> Outcome {
        var body: [UInt8] = []
        var position = start
        while true {
            // Chunk-size line.
            var lineEnd = Self.findLineEnd(in: buffer, from: position)
            while lineEnd == nil {
                if buffer.count - position > 4096 { return .rejected(.init(status: 400, reason: "chunk size line too long")) }
                guard fill() else { return .closed }
                lineEnd = Self.findLineEnd(in: buffer, from: position)
            }
            guard let (end, next) = lineEnd else { return .closed }
            let sizeField = buffer[position..<end].prefix { $0 != UInt8(ascii: ";") }
            guard let size = Int(trimmed(String(decoding: sizeField, as: UTF8.self)), radix: 16), size >= 0,
                size <= Self.maxBodyBytes - body.count
            else { return .rejected(.init(status: 400, reason: "invalid chunk size")) }
            position = next
            if size == 0 {
                // Trailer fields, then a blank line.
                while true {
                    var trailerEnd = Self.findLineEnd(in: buffer, from: position)
                    while trailerEnd == nil {
                        if buffer.count - position > 4096 { return .rejected(.init(status: 400, reason: "trailer too long")) }
                        guard fill() else { return .closed }
                        trailerEnd = Self.findLineEnd(in: buffer, from: position)
                    }
                    guard let (end, after) = trailerEnd else { return .closed }
                    let empty = end == position
                    position = after
                    if empty { break }
                }
                start = position
                return .request(head, body)
            }
            while buffer.count - position < size + 2 {
                guard fill() else { return .closed }
            }
            body.append(contentsOf: buffer[position..<(position + size)])
            position += size
            guard buffer[position] == UInt8(ascii: "\r") || buffer[position] == UInt8(ascii: "\n") else {
                return .rejected(.init(status: 400, reason: "chunk not followed by CRLF"))
            }
            position += buffer[position] == UInt8(ascii: "\r") && buffer[position + 1] == UInt8(ascii: "\n") ? 2 : 1
        }
    }

    /// Receives more bytes into the buffer; `false` at end of stream or on error.
    private mutating func fill() -> Bool {
        let fd = self.fd
        let count = scratch.withUnsafeMutableBytes { Socket.receive(fd, into: $0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: scratch[0..<count])
        return true
    }

    private func sendContinue() {
        _ = Socket.sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }

    /// The end of the head (`\r\n\r\n` or `\n\n`) at or after `from`: where it starts and
    /// where the body begins.
    static func findBlankLine(in bytes: [UInt8], from: Int) -> (end: Int, next: Int)? {
        var i = from
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        while i < bytes.count {
            if bytes[i] == lf {
                if i + 1 < bytes.count, bytes[i + 1] == lf { return (i, i + 2) }
                if i + 2 < bytes.count, bytes[i + 1] == cr, bytes[i + 2] == lf { return (i, i + 3) }
                if i + 2 >= bytes.count { return nil }
            }
            i += 1
        }
        return nil
    }

    /// The next line ending (`\n`, optionally preceded by `\r`) at or after `from`: where
    /// the line's content ends and where the next line starts.
    static func findLineEnd(in bytes: [UInt8], from: Int) -> (end: Int, next: Int)? {
        guard from < bytes.count, let lf = bytes[from...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let end = lf > from && bytes[lf - 1] == UInt8(ascii: "\r") ? lf - 1 : lf
        return (end, lf + 1)
    }
}
