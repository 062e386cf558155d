/// A `multipart/form-data` body (RFC 7578) whose file part streams from disk.
struct MultipartForm {
    /// The boundary between parts.
    let boundary: String
    private var parts: [HTTPUpload.Part] = []

    /// An empty form with a boundary no field value contains (random, 32 hex digits).
    init(boundary: String = "forma-" + (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 16) }.joined()) {
        self.boundary = boundary
    }

    /// The `Content-Type` header value.
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Adds a text field.
    mutating func field(_ name: String, _ value: String) {
        parts.append(.bytes(Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n\r\n\(value)\r\n".utf8)))
    }

    /// Adds a file field whose contents are read from `path` when the form is sent.
    mutating func file(_ name: String, path: String, filename: String, contentType: String = "application/octet-stream") {
        let head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(filename))\"\r\n"
            + "Content-Type: \(contentType)\r\n\r\n"
        parts.append(.bytes(Array(head.utf8)))
        parts.append(.file(path))
        parts.append(.bytes(Array("\r\n".utf8)))
    }

    /// The body, closed with the final boundary.
    var upload: HTTPUpload {
        HTTPUpload(parts: parts + [.bytes(Array("--\(boundary)--\r\n".utf8))])
    }

    /// A name or file name safe inside a quoted header parameter.
    private static func quoted(_ text: String) -> String {
        String(text.map { $0 == "\"" || $0 == "\r" || $0 == "\n" ? "_" : $0 })
    }
}
