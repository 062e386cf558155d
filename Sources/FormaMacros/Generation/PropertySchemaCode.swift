import SwiftSyntax

/// The generated expression for the schema of one property or associated value.
enum PropertySchemaCode {
    /// `definitions.schema(for: (T).self)`, with `keywords` added when there are any.
    /// - Parameters:
    ///   - type: The value's type, already unwrapped from `Optional` for optional properties.
    ///   - description: The `description` keyword, if any.
    ///   - keywords: Further keywords from `@Guide`.
    static func expression(type: TypeSyntax, description: String?, keywords: [(String, JSONLiteral)]) -> String {
        var code = "definitions.schema(for: (\(type.trimmedDescription)).self)"
        var all = keywords
        if let description { all.insert(("description", .string(description)), at: 0) }
        if !all.isEmpty {
            let pairs = all.map { JSONLiteral.quoted($0.0) + ": " + $0.1.swiftCode }.joined(separator: ", ")
            code += ".adding([\(pairs)])"
        }
        return code
    }

    /// `FormaSchema.SchemaProperty("key", schema, isRequired: required)`.
    static func property(key: String, schema: String, isRequired: Bool) -> String {
        "FormaSchema.SchemaProperty(\(JSONLiteral.quoted(key)), \(schema), isRequired: \(isRequired))"
    }

    /// `"text"` or `nil`.
    static func optionalString(_ text: String?) -> String {
        text.map(JSONLiteral.quoted) ?? "nil"
    }
}
