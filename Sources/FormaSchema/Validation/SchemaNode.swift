import FormaJSON

/// One compiled schema (object or boolean) of a ``Validator``'s graph.
///
/// `@unchecked Sendable`: a node is mutated only while ``SchemaCompiler`` builds the graph,
/// which completes before the ``Validator`` that owns it is returned; afterwards every
/// field is read-only, so sharing nodes across threads is safe.
final class SchemaNode: @unchecked Sendable {
    /// The compiled keywords, cheap assertions first and `unevaluated*` last.
    var keywords: [Keyword] = []
    /// The schema resource this node belongs to (index into ``Validator``'s resources).
    var resourceID: Int
    /// `resource-URI#/pointer` of this node, for absolute keyword locations.
    var absoluteLocation: String
    /// `false` for the `false` schema; `true` schemas have no keywords.
    var alwaysFails = false
    /// Whether some keyword needs the evaluated-location annotations of its siblings.
    var needsAnnotations = false

    init(resourceID: Int, absoluteLocation: String) {
        self.resourceID = resourceID
        self.absoluteLocation = absoluteLocation
    }
}

/// A `$ref` target, filled once the referenced node exists (references may be cyclic).
final class NodeReference: @unchecked Sendable {
    // Safe to share for the same reason as SchemaNode: written only during compilation.
    var node: SchemaNode?
    init(_ node: SchemaNode? = nil) { self.node = node }
}

/// The JSON types of the `type` keyword as a bit set.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let integer = TypeSet(rawValue: 4)
    static let number = TypeSet(rawValue: 8)
    static let string = TypeSet(rawValue: 16)
    static let array = TypeSet(rawValue: 32)
    static let object = TypeSet(rawValue: 64)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "integer": self = .integer
        case "number": self = .number
        case "string": self = .string
        case "array": self = .array
        case "object": self = .object
        default: return nil
        }
    }

    func matches(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .number(let n): return contains(.number) || (contains(.integer) && n.isInteger)
        case .string: return contains(.string)
        case .array: return contains(.array)
        case .object: return contains(.object)
        }
    }

    var names: [String] {
        var out: [String] = []
        if contains(.null) { out.append("null") }
        if contains(.boolean) { out.append("boolean") }
        if contains(.integer) { out.append("integer") }
        if contains(.number) { out.append("number") }
        if contains(.string) { out.append("string") }
        if contains(.array) { out.append("array") }
        if contains(.object) { out.append("object") }
        return out
    }
}
