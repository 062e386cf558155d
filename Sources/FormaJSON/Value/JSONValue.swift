#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON document: null, a boolean, an exact number, a string, an array or an object
/// whose members keep their insertion order.
///
/// Equality follows JSON Schema's rules: numbers compare by mathematical value (`1.0 == 1`),
/// and objects compare by their members regardless of order.
///
/// ```swift
/// let value: JSONValue = ["name": "Ada", "age": 36, "tags": ["math"]]
/// value["age"]?.number == 36   // true
/// ```
public enum JSONValue: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept exactly as written (see ``JSONNumber``).
    case number(JSONNumber)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, its members in order.
    case object(JSONObject)
}

extension JSONValue {
    /// The JSON type name used in messages and by the `type` keyword: `null`, `boolean`,
    /// `number` (or `integer` when the value is integral), `string`, `array`, `object`.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let n): return n.isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The boolean, when this value is one.
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    /// The number, when this value is one.
    public var number: JSONNumber? { if case .number(let n) = self { return n } else { return nil } }
    /// The string, when this value is one.
    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    /// The elements, when this value is an array.
    public var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    /// The members, when this value is an object.
    public var object: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    /// Whether this value is `null`.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The member named `key` when this value is an object that has it.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The element at `index` when this value is an array long enough.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }
}

extension JSONValue: Equatable {
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        // Code-point equality, as JSON requires: Swift's `==` on String would equate
        // canonically equivalent strings such as "\u{E9}" and "e\u{301}".
        case (.string(let a), .string(let b)): return JSONValue.sameCodePoints(a, b)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }
}

extension JSONValue {
    /// Whether two strings have the same code points (UTF-8 bytes), unlike Swift's `==`,
    /// which equates canonically equivalent strings.
    @inline(__always)
    public static func sameCodePoints(_ a: String, _ b: String) -> Bool {
        let count = a.utf8.count
        guard count == b.utf8.count else { return false }
        // The bytes themselves: `withUTF8` reads native strings in place and small ones from
        // a stack copy, cheaper than Swift's `==` (which also normalizes) or UTF8View walks.
        var a = a
        var b = b
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                guard let x = pa.baseAddress, let y = pb.baseAddress else { return true }  // both empty
                return memcmp(x, y, count) == 0
            }
        }
    }
}

extension JSONValue: Hashable {
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .number(let n): hasher.combine(2); hasher.combine(n)
        case .string(let s): hasher.combine(3); hasher.combine(s)
        case .array(let a): hasher.combine(4); hasher.combine(a)
        case .object(let o): hasher.combine(5); hasher.combine(o)
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    /// A float literal; non-finite values become `null` (JSON has no NaN or infinity).
    public init(floatLiteral value: Double) { self = JSONNumber(value).map { .number($0) } ?? .null }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements))
    }
}
