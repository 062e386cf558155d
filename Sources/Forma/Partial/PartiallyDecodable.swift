public import FormaJSON
public import Foundation

/// A type with a *partial* form: what a streamed reply shows of it before it is complete.
///
/// `@Schema` structs get a generated `Partial` struct with every stored property optional
/// (nested `@Schema` properties as their own partials); scalars, enums and other leaf types
/// are their own partial, present once their JSON value decodes. Arrays and dictionaries
/// hold the partials of their elements, so an array grows element by element and its last
/// element fills in as it arrives.
///
/// ```swift
/// let snapshot: JSONValue = ["name": "Ada Lo"]          // what `{"name": "Ada Lo` shows so far
/// let partial = Contact.partial(from: snapshot)       // partial?.name == "Ada Lo"
/// ```
///
/// `ChatClient/extractStream(_:from:model:instructions:options:validators:)` builds the
/// snapshots and calls this for each one.
public protocol PartiallyDecodable {
    /// The partial form: `Self` for leaf types, a struct of optionals for `@Schema` structs.
    associatedtype Partial = Self

    /// The partial value read from a snapshot of the JSON so far, or `nil` when nothing of
    /// it can be read yet (wrong shape, a value that does not decode).
    /// - Parameter value: A snapshot of the JSON so far (open strings, arrays and objects closed).
    /// - Returns: The partial value, or `nil`.
    static func partial(from value: JSONValue) -> Partial?
}

/// The partial form of `T`, for generated code: `PartialOf<[LineItem]>` is `[LineItem.Partial]`.
public typealias PartialOf<T: PartiallyDecodable> = T.Partial

extension PartiallyDecodable where Partial == Self, Self: Decodable {
    /// Decodes the whole value; `nil` when it does not decode (yet).
    /// - Parameter value: The JSON so far.
    /// - Returns: The value, or `nil`.
    public static func partial(from value: JSONValue) -> Self? {
        try? JSONValueDecoder().decode(Self.self, from: value)
    }
}

extension String: PartiallyDecodable {}
extension Bool: PartiallyDecodable {}
extension Double: PartiallyDecodable {}
extension Float: PartiallyDecodable {}
extension Int: PartiallyDecodable {}
extension Int8: PartiallyDecodable {}
extension Int16: PartiallyDecodable {}
extension Int32: PartiallyDecodable {}
extension Int64: PartiallyDecodable {}
extension UInt: PartiallyDecodable {}
extension UInt8: PartiallyDecodable {}
extension UInt16: PartiallyDecodable {}
extension UInt32: PartiallyDecodable {}
extension UInt64: PartiallyDecodable {}
extension Decimal: PartiallyDecodable {}
extension Date: PartiallyDecodable {}
extension URL: PartiallyDecodable {}
extension UUID: PartiallyDecodable {}
extension Data: PartiallyDecodable {}

extension JSONValue: PartiallyDecodable {
    /// The snapshot itself.
    /// - Parameter value: The JSON so far.
    /// - Returns: `value`.
    public static func partial(from value: JSONValue) -> JSONValue? { value }
}

extension Optional: PartiallyDecodable where Wrapped: PartiallyDecodable {
    /// The wrapped type's partial form (`null` reads as `nil`).
    public typealias Partial = Wrapped.Partial

    /// The wrapped partial, or `nil` for `null`.
    /// - Parameter value: The JSON so far.
    /// - Returns: The partial value, or `nil`.
    public static func partial(from value: JSONValue) -> Wrapped.Partial? {
        if case .null = value { return nil }
        return Wrapped.partial(from: value)
    }
}

extension Array: PartiallyDecodable where Element: PartiallyDecodable {
    /// The elements' partial forms.
    public typealias Partial = [Element.Partial]

    /// The elements read so far; elements that cannot be read yet are left out.
    /// - Parameter value: The JSON so far.
    /// - Returns: The partial elements, or `nil` when `value` is not an array.
    public static func partial(from value: JSONValue) -> [Element.Partial]? {
        guard case .array(let elements) = value else { return nil }
        return elements.compactMap { Element.partial(from: $0) }
    }
}

extension Set: PartiallyDecodable where Element: PartiallyDecodable {
    /// The elements' partial forms, in the order they arrived.
    public typealias Partial = [Element.Partial]

    /// The elements read so far.
    /// - Parameter value: The JSON so far.
    /// - Returns: The partial elements, or `nil` when `value` is not an array.
    public static func partial(from value: JSONValue) -> [Element.Partial]? {
        guard case .array(let elements) = value else { return nil }
        return elements.compactMap { Element.partial(from: $0) }
    }
}

extension Dictionary: PartiallyDecodable where Key == String, Value: PartiallyDecodable {
    /// The values' partial forms.
    public typealias Partial = [String: Value.Partial]

    /// The members read so far.
    /// - Parameter value: The JSON so far.
    /// - Returns: The partial members, or `nil` when `value` is not an object.
    public static func partial(from value: JSONValue) -> [String: Value.Partial]? {
        guard case .object(let object) = value else { return nil }
        var out: [String: Value.Partial] = [:]
        for member in object.members { if let partial = Value.partial(from: member.value) { out[member.key] = partial } }
        return out
    }
}
