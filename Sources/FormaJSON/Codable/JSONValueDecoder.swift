import Foundation

/// Decodes `Decodable` types straight from a parsed ``JSONValue``, without turning it back
/// into text for `JSONDecoder` (the extractor validates the parsed value, then decodes it).
///
/// Behaves like `JSONDecoder` with its default strategies except dates, which default to
/// ISO 8601 (with or without fractional seconds) as LLM replies and JSON Schema's
/// `date-time` use. Errors are `DecodingError`s whose coding path locates the value.
///
/// ```swift
/// let value = try JSONParser.parse(#"{"name":"Ada","born":"1815-12-10T00:00:00Z"}"#)
/// let person = try JSONValueDecoder().decode(Person.self, from: value)
/// ```
public struct JSONValueDecoder: Sendable {
    /// How object keys map to coding keys.
    public enum KeyDecodingStrategy: Sendable {
        /// Keys are used as they are.
        case useDefaultKeys
        /// Keys are snake_case: each coding key is looked up in the form
        /// `JSONEncoder`'s `convertToSnakeCase` (and `@Schema(keys: .snakeCase)`) writes, so
        /// `avatarURL` reads `avatar_url` (where `JSONDecoder`'s `convertFromSnakeCase` would
        /// look for `avatarUrl` and miss it); `allKeys` converts keys back to camelCase.
        case convertFromSnakeCase
    }

    /// How `Date` values are read.
    public enum DateDecodingStrategy: Sendable {
        /// ISO 8601 / RFC 3339 strings, with or without fractional seconds (the default).
        case iso8601
        /// A number of seconds since 1970-01-01T00:00:00Z.
        case secondsSince1970
        /// A number of milliseconds since 1970-01-01T00:00:00Z.
        case millisecondsSince1970
        /// `Date`'s own `Decodable` implementation (seconds since 2001).
        case deferredToDate
    }

    /// How object keys map to coding keys.
    public var keyDecodingStrategy: KeyDecodingStrategy = .useDefaultKeys
    /// How dates are read.
    public var dateDecodingStrategy: DateDecodingStrategy = .iso8601
    /// Values available to `init(from:)` implementations.
    public var userInfo: [CodingUserInfoKey: any Sendable] = [:]

    /// A decoder with the default strategies.
    public init() {}

    /// Decodes a value of `type` from `value`.
    /// - Throws: `DecodingError` locating the first value that does not fit.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        let decoder = ValueDecoder(value: value, codingPath: [], options: self)
        return try decoder.unbox(value, as: T.self, path: [])
    }

    /// Decodes `type` with default keys and, when a key is missing, again with
    /// `.convertFromSnakeCase` — how extraction reads types whose schema may use either.
    /// - Throws: The first attempt's `DecodingError` when neither works.
    public static func decodeEitherKeys<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        do {
            return try JSONValueDecoder().decode(type, from: value)
        } catch DecodingError.keyNotFound(let key, let context) {
            var snakeCase = JSONValueDecoder()
            snakeCase.keyDecodingStrategy = .convertFromSnakeCase
            guard let decoded = try? snakeCase.decode(type, from: value) else {
                throw DecodingError.keyNotFound(key, context)
            }
            return decoded
        }
    }
}

/// The `Decoder` over one value.
///
/// The coding path is kept as a link to the parent decoder and this value's key, and built
/// only when asked for (errors): decoding a nested value costs one object, not an array.
final class ValueDecoder: Decoder {
    let value: JSONValue
    let options: JSONValueDecoder
    private let parent: ValueDecoder?
    private let key: (any CodingKey)?
    private let basePath: [any CodingKey]

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: ValueDecoder = self
        while true {
            if let key = node.key { keys.append(key) }
            guard let parent = node.parent else { return node.basePath + keys.reversed() }
            node = parent
        }
    }

    var userInfo: [CodingUserInfoKey: Any] { options.userInfo }

    init(value: JSONValue, codingPath: [any CodingKey], options: JSONValueDecoder) {
        self.value = value
        self.options = options
        self.parent = nil
        self.key = nil
        self.basePath = codingPath
    }

    init(value: JSONValue, parent: ValueDecoder, key: any CodingKey) {
        self.value = value
        self.options = parent.options
        self.parent = parent
        self.key = key
        self.basePath = []
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else {
            throw mismatch([String: JSONValue].self, value, codingPath)
        }
        return KeyedDecodingContainer(KeyedValueContainer<Key>(decoder: self, object: object))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let array) = value else { throw mismatch([JSONValue].self, value, codingPath) }
        return UnkeyedValueContainer(decoder: self, array: array)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValueContainer(decoder: self) }

    // MARK: Unboxing

    /// Decodes the child `value` found under `key` of this decoder's value.
    @inline(__always)
    func unboxChild<T: Decodable>(_ value: JSONValue, as type: T.Type, key: any CodingKey) throws -> T {
        try ValueDecoder(value: value, parent: self, key: key).unboxSelf(as: type)
    }

    /// Decodes this decoder's own value as `type`.
    func unboxSelf<T: Decodable>(as type: T.Type) throws -> T {
        if type == Date.self { return try unboxDate(value, path: codingPath) as! T }  // checked by the type test
        if type == Data.self { return try unboxData(value, path: codingPath) as! T }  // checked by the type test
        if type == URL.self { return try unboxURL(value, path: codingPath) as! T }  // checked by the type test
        if type == Decimal.self { return try unboxDecimal(value, path: codingPath) as! T }  // checked by the type test
        if type == JSONValue.self { return value as! T }  // checked by the type test
        return try T(from: self)
    }

    func unbox<T: Decodable>(_ value: JSONValue, as type: T.Type, path: [any CodingKey]) throws -> T {
        try ValueDecoder(value: value, codingPath: path, options: options).unboxSelf(as: type)
    }

    func unboxDate(_ value: JSONValue, path: [any CodingKey]) throws -> Date {
        switch options.dateDecodingStrategy {
        case .iso8601:
            guard case .string(let text) = value else { throw mismatch(Date.self, value, path) }
            guard let date = ISO8601Dates.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "expected an ISO 8601 date-time, got \"\(text)\""))
            }
            return date
        case .secondsSince1970:
            guard case .number(let n) = value else { throw mismatch(Date.self, value, path) }
            return Date(timeIntervalSince1970: n.doubleValue)
        case .millisecondsSince1970:
            guard case .number(let n) = value else { throw mismatch(Date.self, value, path) }
            return Date(timeIntervalSince1970: n.doubleValue / 1000)
        case .deferredToDate:
            return try Date(from: ValueDecoder(value: value, codingPath: path, options: options))
        }
    }

    func unboxData(_ value: JSONValue, path: [any CodingKey]) throws -> Data {
        guard case .string(let text) = value else { throw mismatch(Data.self, value, path) }
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "expected base64-encoded data"))
        }
        return data
    }

    func unboxURL(_ value: JSONValue, path: [any CodingKey]) throws -> URL {
        guard case .string(let text) = value else { throw mismatch(URL.self, value, path) }
        guard let url = URL(string: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "expected a URL, got \"\(text)\""))
        }
        return url
    }

    func unboxDecimal(_ value: JSONValue, path: [any CodingKey]) throws -> Decimal {
        guard case .number(let n) = value else { throw mismatch(Decimal.self, value, path) }
        guard let decimal = JSONScalars.decimal(n) else {
            throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "number \(n) does not fit Decimal"))
        }
        return decimal
    }
}

/// A type mismatch error in `JSONDecoder`'s words.
func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
    if case .null = value {
        return DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: "expected \(type), found null"))
    }
    return DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "expected \(type), found \(value.typeName)"))
}

/// Parses ISO 8601 / RFC 3339 date-times, with or without fractional seconds.
enum ISO8601Dates {
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? fractional.parse(text)
    }
}
