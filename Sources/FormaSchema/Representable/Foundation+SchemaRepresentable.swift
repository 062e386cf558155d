public import Foundation
import FormaJSON

// Foundation types, as JSONEncoder writes them. Only these conformances use Foundation.

extension Date: SchemaRepresentable {
    /// `{"type": "string", "format": "date-time"}`: the encoding with
    /// `dateEncodingStrategy = .iso8601`, which the extractor uses. (JSONEncoder's default
    /// strategy, `.deferredToDate`, writes a number instead.)
    public static var jsonSchema: JSONSchema { JSONSchema(object: ["type": "string", "format": "date-time"]) }
}

extension URL: SchemaRepresentable {
    /// `{"type": "string", "format": "uri"}`.
    public static var jsonSchema: JSONSchema { JSONSchema(object: ["type": "string", "format": "uri"]) }
}

extension UUID: SchemaRepresentable {
    /// `{"type": "string", "format": "uuid"}`.
    public static var jsonSchema: JSONSchema { JSONSchema(object: ["type": "string", "format": "uuid"]) }
}

extension Data: SchemaRepresentable {
    /// `{"type": "string", "contentEncoding": "base64"}`: JSONEncoder's default
    /// `dataEncodingStrategy`.
    public static var jsonSchema: JSONSchema {
        JSONSchema(object: ["type": "string", "contentEncoding": "base64"])
    }
}

extension Decimal: SchemaRepresentable {
    /// `{"type": "number"}`.
    public static var jsonSchema: JSONSchema { .type("number") }
}
