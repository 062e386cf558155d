import Foundation

/// A parsed `multipart/form-data` request body, for the loopback Batch API.
struct MultipartBody {
    /// One part: its field name, file name (for file parts) and bytes.
    struct Part {
        var name: String
        var filename: String?
        var bytes: [UInt8]
    }

    private(set) var parts: [Part] = []

    /// Parses `body` with the boundary named by `contentType`; `nil` when it is not multipart.
    init?(body: [UInt8], contentType: String) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let range = contentType.range(of: "boundary=")
        else { return nil }
        var boundary = String(contentType[range.upperBound...])
        if let end = boundary.firstIndex(of: ";") { boundary = String(boundary[..<end]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        let delimiter = Array("--\(boundary)".utf8)
        var index = 0
        var starts: [Int] = []
        while let found = Self.find(delimiter, in: body, from: index) {
            starts.append(found)
            index = found + delimiter.count
        }
        for (first, next) in zip(starts, starts.dropFirst()) {
            var start = first + delimiter.count
            if body[start..<min(start + 2, body.count)].elementsEqual([0x0D, 0x0A]) { start += 2 }
            let end = next - 2  // the CRLF before the next delimiter
            guard end > start, let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: start), headerEnd < end else { continue }
            let headers = String(decoding: body[start..<headerEnd], as: UTF8.self)
            let bytes = Array(body[(headerEnd + 4)..<end])
            parts.append(Part(name: Self.parameter("name", in: headers) ?? "", filename: Self.parameter("filename", in: headers), bytes: bytes))
        }
    }

    /// The text of the field called `name`.
    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// The file part called `name`.
    func file(_ name: String) -> Part? { parts.first { $0.name == name && $0.filename != nil } }

    private static func parameter(_ name: String, in headers: String) -> String? {
        guard let range = headers.range(of: "\(name)=\"") else { return nil }
        let rest = headers[range.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<close])
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && haystack[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
