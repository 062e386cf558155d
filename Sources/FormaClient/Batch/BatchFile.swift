public import FormaJSON

/// A file stored at the provider: an uploaded batch input, or a batch's output or error file.
public struct BatchFile: Sendable, Hashable {
    /// The file id, such as `file-abc123`.
    public var id: String
    /// Its size in bytes, when the provider says.
    public var bytes: Int?
    /// Its name.
    public var filename: String?
    /// Its purpose (`batch-api`, `batch`).
    public var purpose: String?

    /// A file.
    /// - Parameters:
    ///   - id: The file id.
    ///   - bytes: The size.
    ///   - filename: The name.
    ///   - purpose: The purpose.
    public init(id: String, bytes: Int? = nil, filename: String? = nil, purpose: String? = nil) {
        self.id = id
        self.bytes = bytes
        self.filename = filename
        self.purpose = purpose
    }

    /// A file object as Together and OpenAI return it (`{"id", "bytes", "filename", "purpose", …}`).
    /// - Throws: ``APIError`` `.decoding` when it has no `id`.
    public init(json: JSONValue) throws {
        guard let id = json["id"]?.string, !id.isEmpty else {
            throw APIError(kind: .decoding, message: "the file object has no id", bodyExcerpt: json.serialized())
        }
        self.init(id: id, bytes: json["bytes"]?.number?.intValue, filename: json["filename"]?.string, purpose: json["purpose"]?.string)
    }
}
