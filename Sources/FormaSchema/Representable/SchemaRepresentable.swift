/// A type that can describe its JSON encoding with a JSON Schema.
///
/// The schema describes what `JSONEncoder` produces for the type and what `JSONDecoder`
/// accepts, so a model reply that validates against it decodes. The `@Schema` macro (in the
/// `Forma` module) writes the conformance for structs, enums and final classes; standard
/// types (`String`, the integer and floating-point types, `Bool`, `Date`, `URL`, `UUID`,
/// `Data`, `Decimal`, `Optional`, `Array`, `Set`, `[String: T]`, `JSONValue`) conform here.
///
/// A hand-written conformance only needs ``jsonSchema``:
///
/// ```swift
/// struct Celsius: Codable, SchemaRepresentable {
///     var degrees: Double
///     static var jsonSchema: JSONSchema { Double.jsonSchema.adding(["minimum": -273.15]) }
///     func encode(to encoder: any Encoder) throws { try degrees.encode(to: encoder) }
///     init(from decoder: any Decoder) throws { degrees = try Double(from: decoder) }
/// }
/// ```
///
/// Types that contain other types, or that should appear once under `$defs` and be
/// referenced with `$ref` (nested and recursive types), also implement
/// ``schema(in:)`` so the whole document collects its definitions in one place.
public protocol SchemaRepresentable {
    /// The complete, self-contained schema of the type: any definitions it needs are under
    /// its `$defs`.
    static var jsonSchema: JSONSchema { get }

    /// The schema of the type inside a larger document whose definitions are being collected.
    ///
    /// Types that are defined once and referenced (the ones `@Schema` generates) register
    /// their schema in `definitions` and return a `{"$ref": …}`; containers ask their
    /// element type the same question. The default implementation returns ``jsonSchema``.
    /// - Parameter definitions: The document's `$defs` collected so far.
    /// - Returns: The schema to use at this position of the document.
    static func schema(in definitions: inout SchemaDefinitions) -> JSONSchema
}

extension SchemaRepresentable {
    /// Returns ``jsonSchema``: a leaf type needs no definitions.
    public static func schema(in definitions: inout SchemaDefinitions) -> JSONSchema {
        jsonSchema
    }
}
