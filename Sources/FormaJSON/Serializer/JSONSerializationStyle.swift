/// How ``JSONValue/serialized(_:)`` lays out JSON text.
///
/// Compact output has no whitespace at all; pretty output puts every array element and
/// object member on its own line, indented by two spaces, with `"key": value`. Object
/// members keep their insertion order unless ``sortedKeys`` is set, in which case they are
/// ordered by the UTF-8 bytes of their keys (that is, by Unicode code point).
///
/// ```swift
/// let value: JSONValue = ["b": 1, "a": [true, nil]]
/// value.serialized()                                                  // {"b":1,"a":[true,null]}
/// value.serialized(JSONSerializationStyle(pretty: false, sortedKeys: true)) // {"a":[true,null],"b":1}
/// ```
public struct JSONSerializationStyle: Sendable, Hashable {
    /// Whether to break lines and indent by two spaces.
    public var pretty: Bool
    /// Whether to order object members by key instead of insertion order.
    public var sortedKeys: Bool

    /// A style with the given layout and key order.
    public init(pretty: Bool = false, sortedKeys: Bool = false) {
        self.pretty = pretty
        self.sortedKeys = sortedKeys
    }

    /// No whitespace, insertion order: `{"a":1,"b":[2,3]}`.
    public static let compact = JSONSerializationStyle()
    /// Two-space indentation and `"key": value`, insertion order.
    public static let pretty = JSONSerializationStyle(pretty: true)

    /// This style with object members ordered by key.
    public var sortingKeys: JSONSerializationStyle {
        var copy = self
        copy.sortedKeys = true
        return copy
    }
}
