import FormaJSON

extension APIError {
    /// The error for an HTTP error response: kind from the status (refined by the body's code
    /// and message), fields from `{"error":{…}}` (or a bare `"error"` string), request id and
    /// rate limits from the headers. Everything is redacted, including `secret`.
    static func from(status: Int, headers: HTTPHeaders, body: [UInt8], secret: String?, now: Double) -> APIError {
        var message = "HTTP \(status)"
        var type: String?, code: String?, param: String?
        var excerpt: String?
        let parsed = try? body.withUnsafeBufferPointer { try JSONParser.parse($0) }
        if let parsed, let details = errorDetails(in: parsed) {
            message = details.message ?? message
            (type, code, param) = (details.type, details.code, details.param)
        } else if !body.isEmpty {
            excerpt = Redaction.excerpt(Redaction.redact(String(decoding: body.prefix(4096), as: UTF8.self), secret: secret))
        }
        var error = APIError(
            kind: kind(status: status, code: code, message: message), message: message, status: status, type: type, code: code,
            param: param, requestID: ResponseMetadata.requestID(in: headers), retryAfter: RetryPolicy.retryAfter(in: headers, now: now),
            rateLimit: RateLimitInfo(headers: headers), bodyExcerpt: excerpt
        )
        if let secret { error = error.redacting(secret) }
        return error
    }

    /// The fields of an error body, when `json` is one.
    static func errorDetails(in json: JSONValue) -> (message: String?, type: String?, code: String?, param: String?)? {
        guard case .object(let object) = json else { return nil }
        func text(_ value: JSONValue?) -> String? {
            switch value {
            case .string(let s)?: return s
            case .number(let n)?: return n.description
            default: return nil
            }
        }
        switch object["error"] {
        case .object(let error)?:
            return (text(error["message"]), text(error["type"]), text(error["code"]), text(error["param"]))
        case .string(let message)?:
            return (message, text(object["type"]), text(object["code"]), nil)
        default:
            if let message = text(object["message"]) ?? text(object["detail"]) {
                return (message, text(object["type"]), text(object["code"]), nil)
            }
            return nil
        }
    }

    /// The kind for a status, with context-length overflows recognised by code or message.
    static func kind(status: Int, code: String?, message: String) -> Kind {
        let lowered = message.lowercased()
        let overflow = code == "context_length_exceeded"
            || lowered.contains("context length") || lowered.contains("context_length") || lowered.contains("maximum context")
            || (lowered.contains("max_new_tokens") && lowered.contains("input"))
        if overflow, [400, 403, 413, 422].contains(status) { return .contextLengthExceeded }
        switch status {
        case 401: return .authentication
        case 402: return .paymentRequired
        case 403: return .permission
        case 404: return .notFound
        case 408, 504, 524: return status == 408 ? .timeout : .server
        case 429: return .rateLimited
        case 500...: return .server
        default: return .invalidRequest
        }
    }

    /// The error for an `{"error":…}` object inside an event stream.
    static func fromStreamEvent(_ json: JSONValue, headers: HTTPHeaders, secret: String?) -> APIError? {
        guard case .object(let object) = json, object["error"] != nil, let details = errorDetails(in: json) else { return nil }
        let statusCode = json["error"]?["status"]?.number?.intValue ?? json["error"]?["code"]?.number?.intValue
        var error = APIError(
            kind: statusCode.map { kind(status: $0, code: details.code, message: details.message ?? "") } ?? .streamError,
            message: details.message ?? "the server reported an error in the stream", status: statusCode,
            type: details.type, code: details.code, param: details.param, requestID: ResponseMetadata.requestID(in: headers)
        )
        if let secret { error = error.redacting(secret) }
        return error
    }

    /// A copy with `attempts` set.
    func with(attempts: Int) -> APIError {
        var copy = self
        copy.attempts = attempts
        return copy
    }
}
