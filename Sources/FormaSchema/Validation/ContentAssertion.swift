import FormaJSON
import Foundation

/// Draft-07's optional content assertion: `contentEncoding: base64` and
/// `contentMediaType: application/json`. Other encodings and media types are not checked.
enum ContentAssertion {
    /// What is wrong with `string`, or `nil` when it passes.
    static func problem(in string: String, encoding: String?, mediaType: String?) -> String? {
        var bytes = Array(string.utf8)
        if let encoding, encoding.lowercased() == "base64" {
            guard let data = Data(base64Encoded: string) else { return "expected base64-encoded content" }
            bytes = Array(data)
        }
        if let mediaType, mediaType.lowercased().hasPrefix("application/json") {
            do {
                _ = try JSONParser.parse(bytes)
            } catch {
                return "expected content of media type application/json: \(error)"
            }
        }
        return nil
    }
}
