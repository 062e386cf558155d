/// How ``Schema(keys:additionalProperties:)`` turns property and case names into JSON keys.
///
/// Choose the strategy the `JSONEncoder` and `JSONDecoder` use for the type; keys written in
/// `CodingKeys` go through the strategy as well, exactly as the encoder does.
public struct SchemaKeyStrategy: Sendable, Hashable {
    private enum Kind: Sendable, Hashable {
        case useDefaultKeys, snakeCase
    }

    private let kind: Kind

    /// Keys are the property names (or their `CodingKeys` values) unchanged:
    /// `JSONEncoder.KeyEncodingStrategy.useDefaultKeys`.
    public static let useDefaultKeys = SchemaKeyStrategy(kind: .useDefaultKeys)

    /// `camelCase` names become `snake_case` keys, as
    /// `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` does (`imageURL` → `image_url`).
    public static let snakeCase = SchemaKeyStrategy(kind: .snakeCase)
}
