#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny blocking HTTP/1.1 client over a raw socket, so the test server is tested without
/// the client under development. Every read has a five-second timeout so a bug shows up as a
/// failure, not a hang.
final class RawHTTPClient {
    /// Why a raw exchange failed.
    enum Failure: Error, Equatable {
        case connect(Int32)
        case send(Int32)
        /// The connection ended (orderly close or reset) before the response was complete.
        case ended(errno: Int32, received: Int)
        case timeout
        case malformed(String)
    }

    /// One parsed response.
    struct Response {
        var status: Int
        var headers: [(String, String)]
        /// The body after undoing chunked coding.
        var body: [UInt8]
        /// Whether the body came in chunked transfer coding.
        var chunked: Bool

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws(Failure) {
        // Connect on a local descriptor and store it only on success: a throw after every
        // stored property is set would run `deinit` and close the descriptor a second time.
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw .connect(errno) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        _ = setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard rc == 0 else {
            let code = errno
            close(socketFD)
            throw .connect(code)
        }
        fd = socketFD
    }

    deinit { close(fd) }

    /// Sends raw text.
    func send(_ text: String) throws(Failure) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw .send(errno) }
            offset += n
        }
    }

    /// Sends a request with a `Content-Length` body and reads the response.
    func request(
        _ method: String = "POST", _ path: String = "/v1/chat/completions", body: String? = nil,
        headers: [(String, String)] = []
    ) throws(Failure) -> Response {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let body { text += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + (body ?? "")
        try send(text)
        return try readResponse(method: method)
    }

    /// Reads one response (status line, headers, body framed by length, chunks or close).
    func readResponse(method: String = "POST", skipInterim: Bool = true) throws(Failure) -> Response {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = find([13, 10, 13, 10])
            if headEnd == nil { try fill() }
        }
        guard let end = headEnd else { throw .malformed("no head") }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw .malformed("status line \(lines[0])") }
        var headers: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("header \(line)") }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingSpaces()))
        }
        var response = Response(status: status, headers: headers, body: [], chunked: false)
        if status == 100 { return skipInterim ? try readResponse(method: method) : response }
        if status == 204 || status == 304 || method == "HEAD" { return response }
        if let coding = response.header("transfer-encoding"), coding.lowercased() == "chunked" {
            response.chunked = true
            while true {
                var lineEnd = find([13, 10])
                while lineEnd == nil { try fill(); lineEnd = find([13, 10]) }
                guard let lineEnd, let size = Int(String(decoding: buffer[0..<lineEnd], as: UTF8.self), radix: 16) else {
                    throw .malformed("chunk size")
                }
                buffer.removeFirst(lineEnd + 2)
                while buffer.count < size + 2 { try fill() }
                response.body += buffer[0..<size]
                buffer.removeFirst(size + 2)
                if size == 0 { break }
            }
        } else if let length = response.header("content-length").flatMap({ Int($0) }) {
            while buffer.count < length { try fill(received: buffer.count) }
            response.body = Array(buffer[0..<length])
            buffer.removeFirst(length)
        } else {
            response.body = try readToEnd()
        }
        return response
    }

    /// Reads until the server closes; an orderly close returns the bytes, anything else throws.
    func readToEnd() throws(Failure) -> [UInt8] {
        while true {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            if n < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK { throw .timeout }
                throw .ended(errno: errno, received: buffer.count)
            }
            buffer += chunk[0..<n]
        }
        defer { buffer.removeAll() }
        return buffer
    }

    private func fill(received: Int = 0) throws(Failure) {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 {
            buffer += chunk[0..<n]
            return
        }
        if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { throw .timeout }
        throw .ended(errno: n == 0 ? 0 : errno, received: received)
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        for i in 0...(buffer.count - needle.count) where buffer[i] == needle[0] {
            if Array(buffer[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
