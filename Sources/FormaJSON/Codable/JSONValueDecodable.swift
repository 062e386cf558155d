public import Foundation

/// A type that builds itself straight from a parsed ``JSONValue``, reading exactly what its
/// synthesized `Decodable` conformance reads, without the `Decoder` protocol's boxes and
/// coding paths.
///
/// `@Schema` generates the conformance for structs and enums whose decoding is synthesized;
/// the extractor uses it when present (it is several times faster than going through
/// `Decodable`). Keys are read as the type's schema names them (`CodingKeys` renames and
/// `@Schema(keys:)` applied). The fast path reports *that* it failed, not where: on
/// ``JSONValueDecodingError`` the caller decodes again with ``JSONValueDecoder`` for a
/// located `DecodingError`.
///
/// ```swift
/// let value = try JSONParser.parse(#"{"name":"Ada"}"#)
/// let contact = try Contact(jsonValue: value)
/// ```
public protocol JSONValueDecodable: SendableMetatype {
    /// Builds the value from `jsonValue`.
    /// - Parameter jsonValue: A parsed JSON value.
    /// - Throws: ``JSONValueDecodingError`` when the value does not fit.
    init(jsonValue: JSONValue) throws
}

/// The fast decoding path gave up; decode with ``JSONValueDecoder`` to learn where and why.
///
/// It says *that* the value does not fit, not where: the fast path builds no coding paths.
public struct JSONValueDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is; new kinds may be added, so `switch` with a `default`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The value's shape does not fit the type (wrong JSON type, missing member,
        /// out-of-range number, unknown case).
        public static let mismatch = Kind("mismatch")

        /// The kind's name.
        public var description: String { name }
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// What went wrong.
    public var message: String

    /// A mismatch (what generated `init(jsonValue:)` throws).
    public init() {
        self.init(kind: .mismatch, message: "the JSON value does not fit the type")
    }

    /// A failure with a message.
    /// - Parameters:
    ///   - kind: The kind.
    ///   - message: What went wrong.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// The former name of ``JSONValueDecodingError``.
@available(*, deprecated, renamed: "JSONValueDecodingError")
public typealias JSONValueDecodingFailure = JSONValueDecodingError

extension JSONValueDecodable where Self: Decodable {
    /// Decodes `value`, through ``init(jsonValue:)`` when it fits and otherwise through
    /// `decoder`, whose `DecodingError` then locates the problem.
    /// - Parameters:
    ///   - value: A parsed JSON value.
    ///   - decoder: The decoder for the located error.
    /// - Returns: The value.
    /// - Throws: `DecodingError` from `decoder`.
    public static func decode(from value: JSONValue, fallback decoder: JSONValueDecoder = JSONValueDecoder()) throws -> Self {
        if let decoded = try? Self(jsonValue: value) { return decoded }
        return try decoder.decode(Self.self, from: value)
    }
}

// MARK: Standard types, read exactly as `JSONValueDecoder` reads them

extension String: JSONValueDecodable {
    @inlinable
    public init(jsonValue: JSONValue) throws {
        guard case .string(let s) = jsonValue else { throw JSONValueDecodingError() }
        self = s
    }
}

extension Bool: JSONValueDecodable {
    @inlinable
    public init(jsonValue: JSONValue) throws {
        guard case .bool(let b) = jsonValue else { throw JSONValueDecodingError() }
        self = b
    }
}

extension Double: JSONValueDecodable {
    @inlinable
    public init(jsonValue: JSONValue) throws {
        guard case .number(let n) = jsonValue else { throw JSONValueDecodingError() }
        self = n.doubleValue
    }
}

extension Float: JSONValueDecodable {
    public init(jsonValue: JSONValue) throws {
        guard case .number(let n) = jsonValue, let value = JSONScalars.float(n) else { throw JSONValueDecodingError() }
        self = value
    }
}

extension Decimal: JSONValueDecodable {
    public init(jsonValue: JSONValue) throws {
        guard case .number(let n) = jsonValue, let value = JSONScalars.decimal(n) else { throw JSONValueDecodingError() }
        self = value
    }
}

extension Date: JSONValueDecodable {
    /// Reads an ISO 8601 date-time, as ``JSONValueDecoder``'s default strategy does.
    public init(jsonValue: JSONValue) throws {
        guard case .string(let text) = jsonValue, let date = ISO8601Dates.parse(text) else { throw JSONValueDecodingError() }
        self = date
    }
}

extension URL: JSONValueDecodable {
    public init(jsonValue: JSONValue) throws {
        guard case .string(let text) = jsonValue, let url = URL(string: text) else { throw JSONValueDecodingError() }
        self = url
    }
}

extension Data: JSONValueDecodable {
    /// Reads base64 text, as ``JSONValueDecoder`` does.
    public init(jsonValue: JSONValue) throws {
        guard case .string(let text) = jsonValue, let data = Data(base64Encoded: text) else { throw JSONValueDecodingError() }
        self = data
    }
}

extension UUID: JSONValueDecodable {
    public init(jsonValue: JSONValue) throws {
        guard case .string(let text) = jsonValue, let uuid = UUID(uuidString: text) else { throw JSONValueDecodingError() }
        self = uuid
    }
}

extension JSONValue: JSONValueDecodable {
    @inlinable
    public init(jsonValue: JSONValue) { self = jsonValue }
}

extension Int: JSONValueDecodable {}
extension Int8: JSONValueDecodable {}
extension Int16: JSONValueDecodable {}
extension Int32: JSONValueDecodable {}
extension Int64: JSONValueDecodable {}
extension UInt: JSONValueDecodable {}
extension UInt8: JSONValueDecodable {}
extension UInt16: JSONValueDecodable {}
extension UInt32: JSONValueDecodable {}
extension UInt64: JSONValueDecodable {}

extension JSONValueDecodable where Self: FixedWidthInteger {
    /// Reads an integral number that fits the type (`3.0` counts; `3.5` does not).
    @inlinable
    public init(jsonValue: JSONValue) throws {
        guard case .number(let n) = jsonValue, let value = JSONScalars.integer(n, as: Self.self) else {
            throw JSONValueDecodingError()
        }
        self = value
    }
}

extension Array: JSONValueDecodable where Element: JSONValueDecodable {
    @inlinable
    public init(jsonValue: JSONValue) throws {
        guard case .array(let elements) = jsonValue else { throw JSONValueDecodingError() }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for element in elements { result.append(try Element(jsonValue: element)) }
        self = result
    }
}

/// Scalar conversions shared by ``JSONValueDecoder`` and the ``JSONValueDecodable``
/// conformances, so both paths read numbers identically.
@usableFromInline
enum JSONScalars {
    @inlinable
    static func integer<I: FixedWidthInteger>(_ n: JSONNumber, as type: I.Type) -> I? {
        if let v = n.int64Value { return I(exactly: v) }
        if !n.isNegative, n.isInteger, let big = UInt64(n.description) { return I(exactly: big) }
        return nil
    }

    static func float(_ n: JSONNumber) -> Float? {
        let d = n.doubleValue
        guard d.isInfinite || abs(d) <= Double(Float.greatestFiniteMagnitude) else { return nil }
        return Float(d)
    }

    static let posix = Locale(identifier: "en_US_POSIX")

    static func decimal(_ n: JSONNumber) -> Decimal? {
        if let parts = n.smallParts, parts.exponent >= -127, parts.exponent <= 127 {
            // Exact and allocation-free: significand × 10^exponent.
            return Decimal(sign: n.isNegative ? .minus : .plus, exponent: parts.exponent, significand: Decimal(parts.significand))
        }
        return Decimal(string: n.description, locale: posix)
    }
}
