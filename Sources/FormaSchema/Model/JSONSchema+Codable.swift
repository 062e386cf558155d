import FormaJSON

/// A `JSONSchema` encodes as its schema document, so `JSONEncoder().encode(T.jsonSchema)`
/// writes the schema, and decodes from any schema document.
extension JSONSchema: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        do {
            try self.init(value)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
