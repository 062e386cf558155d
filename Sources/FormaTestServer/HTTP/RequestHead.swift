/// The request line and header fields of one HTTP/1.x request.
struct RequestHead: Sendable {
    /// How the request body is delimited.
    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
    }

    var method: String
    var target: String
    var version: String
    var headers: RecordedHeaders

    /// Why a request head was rejected: the status to answer with and a reason.
    struct Rejection: Error {
        var status: Int
        var reason: String
    }

    /// Parses the bytes before the blank line (request line and fields, CRLF or LF separated).
    ///
    /// - Parameter bytes: The head, without the terminating blank line.
    /// - Returns: The parsed head.
    /// - Throws: ``Rejection`` (400) for anything that is not a valid request head.
    static func parse(_ bytes: ArraySlice<UInt8>) throws(Rejection) -> RequestHead {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
        // Tolerate stray blank lines before the request line (RFC 9112 §2.2).
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        guard let requestLine = lines.first else { throw Rejection(status: 400, reason: "empty request") }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
        guard parts.count == 3,
            let method = String(validating: parts[0], as: UTF8.self),
            let target = String(validating: parts[1], as: UTF8.self),
            let version = String(validating: parts[2], as: UTF8.self),
            version.hasPrefix("HTTP/1."),
            method.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
        else { throw Rejection(status: 400, reason: "malformed request line") }

        var headers = RecordedHeaders()
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
                throw Rejection(status: 400, reason: "malformed header field")
            }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            guard !name.contains(" "), !name.contains("\t") else {
                throw Rejection(status: 400, reason: "whitespace in header name")
            }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self)
            headers.append(name, trimmed(value))
        }
        return RequestHead(method: method, target: target, version: version, headers: headers)
    }

    /// How the body is framed, from `Transfer-Encoding` and `Content-Length`.
    ///
    /// - Throws: ``Rejection`` (400 for a bad length, 501 for an unknown coding).
    func framing() throws(Rejection) -> Framing {
        if let coding = headers["transfer-encoding"] {
            guard coding.lowercased().split(separator: ",").last.map({ trimmed(String($0)) }) == "chunked" else {
                throw Rejection(status: 501, reason: "unsupported transfer-encoding \(coding)")
            }
            return .chunked
        }
        let lengths = headers.values(for: "content-length")
        guard let first = lengths.first else { return .none }
        guard lengths.allSatisfy({ $0 == first }), let length = Int(first), length >= 0 else {
            throw Rejection(status: 400, reason: "invalid content-length \(first)")
        }
        return length == 0 ? .none : .length(length)
    }

    /// Whether the client wants the connection kept open after this exchange.
    var wantsKeepAlive: Bool {
        let tokens = (headers["connection"] ?? "").lowercased()
        if tokens.contains("close") { return false }
        if version == "HTTP/1.0" { return tokens.contains("keep-alive") }
        return true
    }

    /// Whether the client waits for `100 Continue` before sending its body.
    var expectsContinue: Bool {
        headers["expect"]?.lowercased() == "100-continue"
    }
}

/// `text` without leading and trailing spaces and tabs.
func trimmed(_ text: String) -> String {
    var scalars = Substring(text)
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(scalars)
}
