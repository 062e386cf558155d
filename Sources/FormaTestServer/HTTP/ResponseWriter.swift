/// Serialises a ``TestResponse`` onto a socket, including its faults.
struct ResponseWriter {
    /// What the connection should do after a response.
    enum Outcome {
        /// Read the next request.
        case keepOpen
        /// Close in an orderly way.
        case close
        /// Close with a TCP reset.
        case reset
    }

    let fd: Int32
    /// Whether the client allows the connection to stay open.
    let keepAlive: Bool
    /// Asked during pauses; `true` ends the response early.
    let shouldStop: @Sendable () -> Bool

    /// Writes `response`.
    func write(_ response: TestResponse) -> Outcome {
        let userCloses = response.headers.contains { $0.0.lowercased() == "connection" && $0.1.lowercased() == "close" }
        let keepOpen = keepAlive && !userCloses
        let status = response.status
        let headers = response.headers
        switch response.body {
        case .fixed(let body):
            var bytes = head(status, headers, framing: "Content-Length: \(body.count)", keepOpen: keepOpen)
            bytes.append(contentsOf: body)
            return finish(Socket.sendAll(fd, bytes), keepOpen)

        case .events(let events, let includeDone, let delay, let closeDelimited):
            return writeEvents(
                status, headers, events, includeDone: includeDone, delay: delay,
                keepOpen: keepOpen && !closeDelimited, chunked: !closeDelimited)

        case .reset(let partial, let declaredLength):
            var bytes = head(status, headers, framing: "Content-Length: \(declaredLength)", keepOpen: false)
            bytes.append(contentsOf: partial)
            _ = Socket.sendAll(fd, bytes)
            return .reset

        case .drip(let body, let bytesPerChunk, let delay):
            guard Socket.sendAll(fd, head(status, headers, framing: "Content-Length: \(body.count)", keepOpen: keepOpen))
            else { return .close }
            var offset = 0
            while offset < body.count {
                if offset > 0 && !ThreadSpawner.sleep(delay, unless: shouldStop) { return .close }
                let end = min(body.count, offset + bytesPerChunk)
                guard Socket.sendAll(fd, Array(body[offset..<end])) else { return .close }
                offset = end
            }
            return keepOpen ? .keepOpen : .close

        case .generated(let count, let declaresLength):
            return writeGenerated(status, headers, count: count, declaresLength: declaresLength, keepOpen: keepOpen)

        case .raw(let bytes, let closeAfter):
            return finish(Socket.sendAll(fd, bytes), keepAlive && !closeAfter)

        case .disconnect:
            return .close

        case .delayed(let delay, let next):
            guard ThreadSpawner.sleep(delay, unless: shouldStop) else { return .close }
            return write(next)
        }
    }

    private func finish(_ sent: Bool, _ keepOpen: Bool) -> Outcome {
        sent && keepOpen ? .keepOpen : .close
    }

    /// Status line and header fields; `framing` is skipped when the caller supplied its own.
    private func head(_ status: Int, _ headers: [(String, String)], framing: String?, keepOpen: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reason(for: status))\r\n"
        var framed = false
        var connection = false
        for (name, value) in headers {
            let lower = name.lowercased()
            if lower == "content-length" || lower == "transfer-encoding" { framed = true }
            if lower == "connection" { connection = true }
            text += "\(name): \(value)\r\n"
        }
        if !framed, let framing { text += framing + "\r\n" }
        if !connection { text += keepOpen ? "Connection: keep-alive\r\n" : "Connection: close\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    private func writeEvents(
        _ status: Int, _ headers: [(String, String)], _ events: [String], includeDone: Bool, delay: Duration?,
        keepOpen: Bool, chunked: Bool
    ) -> Outcome {
        var pending = head(status, headers, framing: chunked ? "Transfer-Encoding: chunked" : nil, keepOpen: keepOpen)
        let payloads = events + (includeDone ? ["[DONE]"] : [])
        for (index, payload) in payloads.enumerated() {
            if let delay, index > 0 {
                guard Socket.sendAll(fd, pending) else { return .close }
                pending.removeAll(keepingCapacity: true)
                guard ThreadSpawner.sleep(delay, unless: shouldStop) else { return .close }
            }
            let event = Array("data: \(payload)\n\n".utf8)
            if chunked { Self.appendChunk(event, to: &pending) } else { pending.append(contentsOf: event) }
            if pending.count >= 16 * 1024 {
                guard Socket.sendAll(fd, pending) else { return .close }
                pending.removeAll(keepingCapacity: true)
            }
        }
        if chunked { pending.append(contentsOf: "0\r\n\r\n".utf8) }
        return finish(Socket.sendAll(fd, pending), keepOpen)
    }

    private func writeGenerated(
        _ status: Int, _ headers: [(String, String)], count: Int, declaresLength: Bool, keepOpen: Bool
    ) -> Outcome {
        let framing = declaresLength ? "Content-Length: \(count)" : "Transfer-Encoding: chunked"
        guard Socket.sendAll(fd, head(status, headers, framing: framing, keepOpen: keepOpen)) else { return .close }
        let prefix = Array(#"{"data":""#.utf8)
        let suffix = Array(#""}"#.utf8)
        let wrap = count >= prefix.count + suffix.count
        let block = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
        var offset = 0
        while offset < count {
            if shouldStop() { return .close }
            let length = min(block.count, count - offset)
            var piece = Array(block[0..<length])
            if wrap {
                let end = offset + length
                var position = offset
                while position < min(end, prefix.count) {
                    piece[position - offset] = prefix[position]
                    position += 1
                }
                let suffixStart = count - suffix.count
                position = max(offset, suffixStart)
                while position < end {
                    piece[position - offset] = suffix[position - suffixStart]
                    position += 1
                }
            }
            if declaresLength {
                guard Socket.sendAll(fd, piece) else { return .close }
            } else {
                var chunk: [UInt8] = []
                Self.appendChunk(piece, to: &chunk)
                guard Socket.sendAll(fd, chunk) else { return .close }
            }
            offset += length
        }
        if !declaresLength { guard Socket.sendAll(fd, Array("0\r\n\r\n".utf8)) else { return .close } }
        return keepOpen ? .keepOpen : .close
    }

    /// Appends `data` as one chunk of chunked transfer coding.
    static func appendChunk(_ data: [UInt8], to bytes: inout [UInt8]) {
        guard !data.isEmpty else { return }
        bytes.append(contentsOf: String(data.count, radix: 16).utf8)
        bytes.append(contentsOf: "\r\n".utf8)
        bytes.append(contentsOf: data)
        bytes.append(contentsOf: "\r\n".utf8)
    }

    /// The standard reason phrase for `status` (any text is valid; clients ignore it).
    static func reason(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 520...524: "Cloudflare Error"
        default: "Status"
        }
    }
}
