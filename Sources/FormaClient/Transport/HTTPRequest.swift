/// One HTTP request as a ``Transport`` sends it.
///
/// The description never shows the `Authorization` header's value.
public struct HTTPRequest: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The method, such as `GET` or `POST`.
    public var method: String
    /// The absolute URL.
    public var url: String
    /// The request header fields.
    public var headers: HTTPHeaders
    /// The request body, or `nil` for none.
    public var body: [UInt8]?
    /// A body streamed from files as it is sent (instead of ``body``), for large uploads.
    public var upload: HTTPUpload?

    /// A request.
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - url: The absolute URL.
    ///   - headers: Header fields to send.
    ///   - body: The body bytes, if any.
    public init(method: String, url: String, headers: HTTPHeaders = [:], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// `METHOD url` plus the header names (values of credentials hidden).
    public var description: String {
        let names = headers.map { field in
            Redaction.isSecretHeader(field.name) ? "\(field.name): <redacted>" : "\(field.name): \(field.value)"
        }
        return "\(method) \(Redaction.redact(url)) [\(names.joined(separator: ", "))]"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror that hides credentials (so `dump` does not print them).
    public var customMirror: Mirror {
        Mirror(self, children: ["method": method, "url": Redaction.redact(url), "bodyBytes": body?.count ?? 0, "upload": upload != nil])
    }
}
