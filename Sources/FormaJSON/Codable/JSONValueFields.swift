/// The readers `@Schema`-generated ``JSONValueDecodable`` conformances call, one per
/// property, mirroring synthesized `Decodable`: `required` is `decode(_:forKey:)`,
/// `optional` is `decodeIfPresent(_:forKey:)` (absent or `null` is `nil`).
///
/// The property's type picks the overload at compile time: a ``JSONValueDecodable`` type is
/// read directly; any other `Decodable` type through ``JSONValueDecoder`` (default keys, then
/// snake_case keys, as the extractor decodes); a type that is not `Decodable` at all fails,
/// so generated code compiles for every property and the caller falls back to `Decodable`.
public enum JSONValueFields {
    /// The members of `value`, which must be an object.
    /// - Parameter value: A parsed value.
    /// - Returns: Its members.
    /// - Throws: ``JSONValueDecodingError`` for anything but an object.
    @inlinable
    public static func object(_ value: JSONValue) throws -> JSONObject {
        guard case .object(let object) = value else { throw JSONValueDecodingError() }
        return object
    }

    /// The member `key`, which must be present.
    @usableFromInline
    static func member(_ object: JSONObject, _ key: String) throws -> JSONValue {
        guard let member = object[key] else { throw JSONValueDecodingError() }
        return member
    }

    // MARK: Required members

    /// Reads the required member `key`.
    /// - Throws: ``JSONValueDecodingError`` when it is absent or does not fit.
    @inlinable
    public static func required<T: JSONValueDecodable & Decodable>(_ object: JSONObject, _ key: String) throws -> T {
        try T(jsonValue: member(object, key))
    }

    /// Reads the required member `key` of a type decoded through `Decodable`.
    /// - Throws: ``JSONValueDecodingError`` or `DecodingError`.
    public static func required<T: Decodable>(_ object: JSONObject, _ key: String) throws -> T {
        try decodable(member(object, key))
    }

    /// A member whose type is not `Decodable`: the fast path cannot read it.
    /// - Throws: ``JSONValueDecodingError`` always.
    public static func required<T>(_ object: JSONObject, _ key: String) throws -> T {
        throw JSONValueDecodingError()
    }

    // MARK: Optional members

    /// Reads the optional member `key`: `nil` when absent or `null`.
    /// - Throws: ``JSONValueDecodingError`` when it does not fit.
    @inlinable
    public static func optional<T: JSONValueDecodable & Decodable>(_ object: JSONObject, _ key: String) throws -> T? {
        guard let member = object[key], !member.isNull else { return nil }
        return try T(jsonValue: member)
    }

    /// Reads the optional member `key` of a type decoded through `Decodable`.
    /// - Throws: ``JSONValueDecodingError`` or `DecodingError`.
    public static func optional<T: Decodable>(_ object: JSONObject, _ key: String) throws -> T? {
        guard let member = object[key], !member.isNull else { return nil }
        return try decodable(member)
    }

    /// An optional member whose type is not `Decodable`.
    /// - Throws: ``JSONValueDecodingError`` always.
    public static func optional<T>(_ object: JSONObject, _ key: String) throws -> T? {
        throw JSONValueDecodingError()
    }

    // MARK: Whole values

    /// Reads `value` itself (raw values of enums).
    /// - Throws: ``JSONValueDecodingError`` when it does not fit.
    @inlinable
    public static func value<T: JSONValueDecodable & Decodable>(_ value: JSONValue) throws -> T {
        try T(jsonValue: value)
    }

    /// Reads `value` itself through `Decodable`.
    /// - Throws: ``JSONValueDecodingError`` or `DecodingError`.
    public static func value<T: Decodable>(_ value: JSONValue) throws -> T {
        try decodable(value)
    }

    /// A value whose type is not `Decodable`.
    /// - Throws: ``JSONValueDecodingError`` always.
    public static func value<T>(_ value: JSONValue) throws -> T {
        throw JSONValueDecodingError()
    }

    /// The `Decodable` route: default keys, then snake_case keys when a key is missing.
    static func decodable<T: Decodable>(_ value: JSONValue) throws -> T {
        try JSONValueDecoder.decodeEitherKeys(T.self, from: value)
    }
}
