public import FormaJSON

/// One entry of `GET /models` (Together's bare array or OpenAI's `{"data":[…]}`).
public struct ModelInfo: Sendable, Hashable {
    /// The model id to put in requests.
    public var id: String
    /// The model type (`chat`, `language`, `embedding`, …), when given.
    public var type: String?
    /// A display name, when given.
    public var displayName: String?
    /// The owner or organization.
    public var organization: String?
    /// The context window in tokens, when given.
    public var contextLength: Int?
    /// The whole entry as sent.
    public var raw: JSONValue

    /// Decodes an entry.
    /// - Throws: ``APIError`` `.decoding` when it is not an object with an `id`.
    public init(json: JSONValue, path: String = "models[]") throws {
        let f = try JSONFields(json, path: path)
        id = try f.requiredString("id")
        type = try f.string("type")
        displayName = try f.string("display_name")
        organization = try f.string("organization") ?? f.string("owned_by")
        contextLength = try f.int("context_length")
        raw = json
    }

    /// Decodes a `/models` body in either shape.
    static func list(from json: JSONValue) throws -> [ModelInfo] {
        let items: [JSONValue]
        if case .array(let array) = json {
            items = array
        } else {
            items = try JSONFields(json, path: "models").array("data")
        }
        return try items.enumerated().map { try ModelInfo(json: $1, path: "models[\($0)]") }
    }
}
