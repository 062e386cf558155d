import Foundation
import FormaJSON
import FormaSchema
import FormaClient

/// What an extraction aims at: a schema (JSON targets) or a pattern (text targets), how to
/// turn a checked reply into the value, and the user's semantic validators.
public struct ExtractionTarget<Value: Sendable>: Sendable {
    /// The name sent as the json_schema name or the tool's function name.
    public let name: String
    /// The schema replies are validated against (the original, never the strict form);
    /// fixed, so it cannot drift from the validator compiled from it.
    public let schema: JSONSchema?
    /// The pattern a text reply must match in full (fixed, like ``schema``).
    public let pattern: String?
    let validator: Validator?
    let regex: ECMARegex?
    let decode: @Sendable (_ parsed: JSONValue?, _ text: String) throws -> Value
    let validators: [@Sendable (Value) throws -> Void]

    var isPattern: Bool { pattern != nil }

    /// A JSON target validated by `schema` and decoded by `decode`.
    /// - Throws: `SchemaError` when the schema does not compile.
    public init(
        name: String, schema: JSONSchema, validators: [@Sendable (Value) throws -> Void] = [],
        decode: @escaping @Sendable (JSONValue) throws -> Value
    ) throws {
        self.name = name
        self.schema = schema
        self.pattern = nil
        self.validator = try Validator(schema: schema)
        self.regex = nil
        self.decode = { parsed, _ in
            guard let parsed else { throw ExtractionTargetError.notJSON }
            return try decode(parsed)
        }
        self.validators = validators
    }

    /// A text target: the whole reply (trimmed) must match `pattern`.
    /// - Throws: `ECMARegexError` when the pattern is invalid.
    public init(
        name: String, pattern: String, validators: [@Sendable (Value) throws -> Void] = [],
        decode: @escaping @Sendable (String) throws -> Value
    ) throws {
        self.name = name
        self.schema = nil
        self.pattern = pattern
        self.validator = nil
        self.regex = try ECMARegex(pattern)
        self.decode = { _, text in try decode(text) }
        self.validators = validators
    }
}

extension ExtractionTarget where Value: Decodable & SchemaRepresentable {
    /// The target for a `@Schema` type: its schema, decoded with `JSONValueDecoder`.
    ///
    /// Types declared with `@Schema(keys: .snakeCase)` have snake_case keys in their schema
    /// (as `JSONEncoder`'s `convertToSnakeCase` writes them): when a key is not found with the
    /// property names, the value is decoded again converting keys from snake_case, as
    /// `JSONDecoder`'s `convertFromSnakeCase` does.
    ///
    /// When `@Schema` generated `init(jsonValue:)` (`JSONValueDecodable`), the value is
    /// first built with it, straight from the parsed reply; `Decodable` runs only when that
    /// fails, to locate the problem.
    public static func type(_ type: Value.Type, validators: [@Sendable (Value) throws -> Void] = []) throws -> ExtractionTarget {
        try ExtractionTarget(name: schemaName(of: type), schema: Value.jsonSchema, validators: validators, decode: typedDecoder())
    }

    /// How ``type(_:validators:)`` turns a checked reply into a `Value`: `init(jsonValue:)`
    /// when generated, else (or when it fails) `Decodable` with default keys, then snake_case keys.
    static func typedDecoder() -> @Sendable (JSONValue) throws -> Value {
        let fast = (Value.self as? any JSONValueDecodable.Type).map { fastDecoder($0) }
        return { value in
            if let fast, let decoded = try? fast(value) { return decoded }
            return try JSONValueDecoder.decodeEitherKeys(Value.self, from: value)
        }
    }

    /// `init(jsonValue:)` of `Fast`, which is `Value` (opened from the existential metatype).
    private static func fastDecoder<Fast: JSONValueDecodable>(_ fast: Fast.Type) -> @Sendable (JSONValue) throws -> Value {
        { value in
            guard let decoded = try Fast(jsonValue: value) as? Value else { throw JSONValueDecodingError() }
            return decoded
        }
    }
}

extension ExtractionTarget where Value == JSONValue {
    /// The target for a schema known only at run time; the value is the validated JSON.
    public static func schema(_ schema: JSONSchema, name: String? = nil) throws -> ExtractionTarget {
        try ExtractionTarget(name: name ?? schema.title.map(sanitizedName) ?? "result", schema: schema) { $0 }
    }
}

extension ExtractionTarget where Value == String {
    /// A string matching `pattern` in full.
    public static func string(matching pattern: String) throws -> ExtractionTarget {
        try ExtractionTarget(name: "answer", pattern: pattern) { $0 }
    }
}

extension ExtractionTarget where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// One of an enum's cases, by raw value: classification with `(a|b|c)`.
    public static func classification(_ type: Value.Type) throws -> ExtractionTarget {
        let alternatives = Value.allCases.map { ECMAPattern.escape($0.rawValue) }.joined(separator: "|")
        return try ExtractionTarget(name: schemaName(of: type), pattern: "(\(alternatives))") { text in
            guard let value = Value(rawValue: text) else { throw ExtractionTargetError.notACase(text) }
            return value
        }
    }
}

/// Why a checked reply did not become a value.
enum ExtractionTargetError: Error, CustomStringConvertible {
    case notJSON
    case notACase(String)

    var description: String {
        switch self {
        case .notJSON: return "the reply is not JSON"
        case .notACase(let text): return "\"\(text)\" is not one of the allowed values"
        }
    }
}

/// A provider-safe function/schema name for a type: letters, digits, `_` and `-`.
func schemaName<T>(of type: T.Type) -> String { sanitizedName(String(describing: type)) }

func sanitizedName(_ text: String) -> String {
    let cleaned = String(text.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" }.prefix(64))
    return cleaned.isEmpty ? "result" : cleaned
}

/// Escaping text for use inside an ECMA-262 pattern.
enum ECMAPattern {
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\^$.|?*+()[]{}/".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
