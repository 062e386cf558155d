public import FormaJSON

/// One line of a batch's output or error file, in Together's or OpenAI's shape:
/// `{"custom_id", "response": {"status_code", "body"}}`, or `{"custom_id", "error": {"message", "code"}}`.
public struct BatchResultLine: Sendable {
    /// The request's `custom_id`.
    public var customID: String
    /// The HTTP status of the request, when it ran.
    public var statusCode: Int?
    /// The reply body (a chat completion) for a request that succeeded.
    public var body: JSONValue?
    /// Why the request failed, when it did.
    public var error: String?

    /// Whether the line carries a reply to check.
    public var hasReply: Bool { error == nil && body != nil && (statusCode.map { (200..<300).contains($0) } ?? true) }

    /// Reads one line.
    /// - Parameter json: The parsed line.
    /// - Throws: ``APIError`` `.decoding` when the line has no `custom_id`.
    public init(json: JSONValue) throws {
        guard let customID = json["custom_id"]?.string else {
            throw APIError(kind: .decoding, message: "a batch result line has no custom_id", bodyExcerpt: json.serialized())
        }
        self.customID = customID
        let response = json["response"]
        statusCode = response?["status_code"]?.number?.intValue
        body = response?["body"].flatMap { $0 == .null ? nil : $0 }
        var error: String?
        if let failure = json["error"], failure != .null {
            error = failure["message"]?.string ?? failure.string ?? failure.serialized()
            if let code = failure["code"]?.string { error = "\(error ?? "error") [\(code)]" }
        }
        if error == nil, let status = statusCode, !(200..<300).contains(status) {
            let message = body?["error"]?["message"]?.string ?? body.map { $0.serialized() } ?? ""
            error = "HTTP \(status)" + (message.isEmpty ? "" : ": \(message)")
        }
        self.error = error
    }
}
