import FormaJSON

// Containers describe themselves with their elements' schemas, collected in the same document.

extension Optional: SchemaRepresentable where Wrapped: SchemaRepresentable {
    /// The wrapped type's schema, also accepting `null` (see ``JSONSchema/nullable()``).
    ///
    /// `@Schema` does not use this for optional *properties*: JSONEncoder omits a `nil`
    /// property rather than writing `null`, so such a property gets the wrapped schema and
    /// is left out of `required`. This schema applies where `nil` is encoded as `null`, such
    /// as the elements of `[Int?]`.
    public static var jsonSchema: JSONSchema { SchemaDefinitions.document(for: Self.self) }

    /// The wrapped type's schema in `definitions`, also accepting `null`.
    public static func schema(in definitions: inout SchemaDefinitions) -> JSONSchema {
        Wrapped.schema(in: &definitions).nullable()
    }
}

extension Array: SchemaRepresentable where Element: SchemaRepresentable {
    /// `{"type": "array", "items": Element}`.
    public static var jsonSchema: JSONSchema { SchemaDefinitions.document(for: Self.self) }

    /// `{"type": "array", "items": Element}` with the element schema from `definitions`.
    public static func schema(in definitions: inout SchemaDefinitions) -> JSONSchema {
        JSONSchema(object: ["type": "array", "items": Element.schema(in: &definitions).value])
    }
}

extension Set: SchemaRepresentable where Element: SchemaRepresentable {
    /// `{"type": "array", "items": Element, "uniqueItems": true}`.
    public static var jsonSchema: JSONSchema { SchemaDefinitions.document(for: Self.self) }

    /// `{"type": "array", "items": Element, "uniqueItems": true}` with the element schema
    /// from `definitions`.
    public static func schema(in definitions: inout SchemaDefinitions) -> JSONSchema {
        JSONSchema(object: [
            "type": "array", "items": Element.schema(in: &definitions).value, "uniqueItems": true,
        ])
    }
}

extension Dictionary: SchemaRepresentable where Key == String, Value: SchemaRepresentable {
    /// `{"type": "object", "additionalProperties": Value}`: JSONEncoder writes a
    /// `[String: Value]` as an object.
    public static var jsonSchema: JSONSchema { SchemaDefinitions.document(for: Self.self) }

    /// `{"type": "object", "additionalProperties": Value}` with the value schema from
    /// `definitions`.
    public static func schema(in definitions: inout SchemaDefinitions) -> JSONSchema {
        JSONSchema(object: ["type": "object", "additionalProperties": Value.schema(in: &definitions).value])
    }
}
