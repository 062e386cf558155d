public import FormaJSON

/// One reason an instance is invalid, located both in the instance and in the schema.
///
/// Validation returns these in a ``ValidationResult``; it does not throw. (Named so it does
/// not clash with swift-argument-parser's `ValidationError`, and because it is not an `Error`.)
///
/// ```text
/// at /lineItems/2/price: expected a number ≥ 0, got -3   (keyword /properties/lineItems/items/properties/price/minimum)
/// ```
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance the failing value is.
    public var instanceLocation: JSONPointer
    /// The evaluation path of the failing keyword from the schema root, through any `$ref`.
    public var keywordLocation: JSONPointer
    /// The keyword's absolute location, `resource-URI#/pointer`, when the schema has a base URI.
    public var absoluteKeywordLocation: String?
    /// The failing keyword, such as `minimum` or `required`.
    public var keyword: String
    /// What was expected and what was found.
    public var message: String

    /// Creates an error.
    public init(
        instanceLocation: JSONPointer, keywordLocation: JSONPointer, absoluteKeywordLocation: String? = nil,
        keyword: String, message: String
    ) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.keyword = keyword
        self.message = message
    }

    /// `at /path: message`, with `at root` for the whole instance.
    public var description: String {
        let at = instanceLocation.isRoot ? "at root" : "at \(instanceLocation)"
        return "\(at): \(message)"
    }
}
