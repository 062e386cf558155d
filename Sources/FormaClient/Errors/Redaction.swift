/// Removes credentials from text before it reaches an error, a description or a log.
enum Redaction {
    static let placeholder = "<redacted>"

    /// Whether a header carries credentials.
    static func isSecretHeader(_ name: String) -> Bool {
        HTTPHeaders.equalNames(name, "authorization") || HTTPHeaders.equalNames(name, "proxy-authorization")
            || HTTPHeaders.equalNames(name, "x-api-key") || HTTPHeaders.equalNames(name, "api-key")
    }

    /// `text` with `Bearer <token>`, `api_key=<token>`-style query values and `secret` replaced.
    static func redact(_ text: String, secret: String? = nil) -> String {
        var result = text
        if let secret, secret.utf8.count >= 4, result.contains(secret) {
            result = result.replacing(secret, with: placeholder)
        }
        guard result.utf8.contains(where: { $0 == UInt8(ascii: "B") || $0 == UInt8(ascii: "b") || $0 == UInt8(ascii: "=") }) else {
            return result
        }
        result = redactToken(after: "bearer ", in: result)
        for marker in ["api_key=", "apikey=", "key=", "token="] {
            result = redactToken(after: marker, in: result)
        }
        return result
    }

    /// Replaces the token following each case-insensitive occurrence of `marker`.
    private static func redactToken(after marker: String, in text: String) -> String {
        let bytes = Array(text.utf8)
        let needle = Array(marker.utf8)
        guard bytes.count >= needle.count else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var changed = false
        while i < bytes.count {
            if i + needle.count <= bytes.count, matches(bytes, at: i, needle) {
                out += bytes[i..<(i + needle.count)]
                i += needle.count
                var end = i
                while end < bytes.count, !isTokenEnd(bytes[end]) { end += 1 }
                if end > i {
                    out += Array(placeholder.utf8)
                    changed = true
                }
                i = end
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    private static func matches(_ bytes: [UInt8], at start: Int, _ needle: [UInt8]) -> Bool {
        for k in 0..<needle.count {
            var b = bytes[start + k]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b != needle[k] { return false }
        }
        return true
    }

    private static func isTokenEnd(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
            || b == UInt8(ascii: ",") || b == UInt8(ascii: "&") || b == UInt8(ascii: "}") || b == UInt8(ascii: "\\")
    }

    /// The redacted start of a body: at most 200 characters, on one line.
    static func excerpt(_ text: String, limit: Int = 200) -> String {
        var cut = String(text.prefix(limit))
        if cut.count < text.count { cut += "…" }
        return redact(cut).map { $0 == "\n" || $0 == "\r" ? " " : $0 }.reduce(into: "") { $0.append($1) }
    }

    /// The redacted start of a byte body.
    static func excerpt(_ bytes: [UInt8], limit: Int = 200) -> String {
        excerpt(String(decoding: bytes.prefix(limit * 4), as: UTF8.self), limit: limit)
    }
}
