public import FormaJSON

// Scalars encode as themselves with JSONEncoder: strings, booleans and numbers.

extension String: SchemaRepresentable {
    /// `{"type": "string"}`.
    public static var jsonSchema: JSONSchema { .type("string") }
}

extension Bool: SchemaRepresentable {
    /// `{"type": "boolean"}`.
    public static var jsonSchema: JSONSchema { .type("boolean") }
}

extension Double: SchemaRepresentable {
    /// `{"type": "number"}` (JSONEncoder rejects NaN and infinities by default).
    public static var jsonSchema: JSONSchema { .type("number") }
}

extension Float: SchemaRepresentable {
    /// `{"type": "number"}` (JSONEncoder rejects NaN and infinities by default).
    public static var jsonSchema: JSONSchema { .type("number") }
}

extension JSONValue: SchemaRepresentable {
    /// `true`: any JSON value.
    public static var jsonSchema: JSONSchema { .any }
}

/// The schema of a fixed-width integer: `{"type": "integer"}` with its bounds when they are
/// narrower than what JSON consumers commonly handle (`Int64`), and `minimum: 0` for
/// unsigned types.
private func integerSchema<T: FixedWidthInteger>(_ type: T.Type) -> JSONSchema {
    var object: JSONObject = ["type": "integer"]
    if T.bitWidth < 64 {
        object["minimum"] = .number(JSONNumber(Int64(T.min)))
        object["maximum"] = .number(JSONNumber(Int64(T.max)))
    } else if !T.isSigned {
        object["minimum"] = 0
    }
    return JSONSchema(object: object)
}

extension Int: SchemaRepresentable {
    /// `{"type": "integer"}`.
    public static var jsonSchema: JSONSchema { integerSchema(Self.self) }
}

extension Int8: SchemaRepresentable {
    /// `{"type": "integer", "minimum": -128, "maximum": 127}`.
    public static var jsonSchema: JSONSchema { integerSchema(Self.self) }
}

extension Int16: SchemaRepresentable {
    /// `{"type": "integer", "minimum": -32768, "maximum": 32767}`.
    public static var jsonSchema: JSONSchema { integerSchema(Self.self) }
}

extension Int32: SchemaRepresentable {
    /// `{"type": "integer", "minimum": -2147483648, "maximum": 2147483647}`.
    public static var jsonSchema: JSONSchema { integerSchema(Self.self) }
}

extension Int64: SchemaRepresentable {
    /// `{"type": "integer"}`.
    public static var jsonSchema: JSONSchema { integerSchema(Self.self) }
}

extension UInt: SchemaRepresentable {
    /// `{"type": "integer", "minimum": 0}`.
    public static var jsonSchema: JSONSchema { integerSchema(Self.self) }
}

extension UInt8: SchemaRepresentable {
    /// `{"type": "integer", "minimum": 0, "maximum": 255}`.
    public static var jsonSchema: JSONSchema { integerSchema(Self.self) }
}

extension UInt16: SchemaRepresentable {
    /// `{"type": "integer", "minimum": 0, "maximum": 65535}`.
    public static var jsonSchema: JSONSchema { integerSchema(Self.self) }
}

extension UInt32: SchemaRepresentable {
    /// `{"type": "integer", "minimum": 0, "maximum": 4294967295}`.
    public static var jsonSchema: JSONSchema { integerSchema(Self.self) }
}

extension UInt64: SchemaRepresentable {
    /// `{"type": "integer", "minimum": 0}`.
    public static var jsonSchema: JSONSchema { integerSchema(Self.self) }
}
