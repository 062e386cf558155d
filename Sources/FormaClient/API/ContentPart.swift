public import FormaJSON

/// A part of a multimodal user message.
public enum ContentPart: Sendable, Hashable {
    /// Text.
    case text(String)
    /// An image by URL or `data:` URL, with an optional detail level.
    case imageURL(String, detail: String? = nil)
    /// A video by URL.
    case videoURL(String)
    /// Audio by URL.
    case audioURL(String)
    /// Inline base64 audio and its format (`wav`, `mp3`).
    case inputAudio(data: String, format: String)

    /// The wire form.
    public var json: JSONValue {
        switch self {
        case .text(let text): return ["type": "text", "text": .string(text)]
        case .imageURL(let url, let detail):
            var image: JSONObject = ["url": .string(url)]
            image.put("detail", detail.map { .string($0) })
            return ["type": "image_url", "image_url": .object(image)]
        case .videoURL(let url): return ["type": "video_url", "video_url": ["url": .string(url)]]
        case .audioURL(let url): return ["type": "audio_url", "audio_url": ["url": .string(url)]]
        case .inputAudio(let data, let format):
            return ["type": "input_audio", "input_audio": ["data": .string(data), "format": .string(format)]]
        }
    }

    /// Decodes a part.
    /// - Throws: ``APIError`` `.decoding` for unknown part types.
    public init(json: JSONValue, path: String = "content[]") throws {
        let f = try JSONFields(json, path: path)
        let type = try f.string("type") ?? "text"
        func url(_ key: String) throws -> String {
            guard let inner = f.value(key) else { return "" }
            return try JSONFields(inner, path: "\(path).\(key)").string("url") ?? ""
        }
        switch type {
        case "text": self = .text(try f.string("text") ?? "")
        case "image_url":
            let detail = try f.value("image_url").flatMap { try JSONFields($0, path: "\(path).image_url").string("detail") }
            self = .imageURL(try url("image_url"), detail: detail)
        case "video_url": self = .videoURL(try url("video_url"))
        case "audio_url": self = .audioURL(try url("audio_url"))
        case "input_audio":
            let g = try JSONFields(f.value("input_audio") ?? [:], path: "\(path).input_audio")
            self = .inputAudio(data: try g.string("data") ?? "", format: try g.string("format") ?? "")
        default:
            throw APIError(kind: .decoding, message: "\(path).type: unknown content part type \"\(type)\"")
        }
    }
}
