public import FormaJSON

/// A JSON Schema document: `true`, `false` or an object of keywords.
///
/// `JSONSchema` wraps the document's `JSONValue` unchanged, so any schema round-trips,
/// unknown keywords included; typed accessors read the common keywords.
///
/// ```swift
/// let schema = try JSONSchema(parsing: #"{"type": "object", "required": ["name"]}"#)
/// schema.type        // ["object"]
/// schema.required    // ["name"]
/// ```
public struct JSONSchema: Sendable, Hashable {
    /// The schema document itself.
    public var value: JSONValue

    /// Wraps a schema document.
    /// - Throws: ``SchemaError`` when `value` is neither a boolean nor an object.
    public init(_ value: JSONValue) throws {
        switch value {
        case .bool, .object: self.value = value
        default:
            throw SchemaError.invalidKeywordValue(
                keyword: "", location: .root,
                expected: "a schema must be an object or a boolean, got \(value.typeName)")
        }
    }

    /// Parses schema text.
    /// - Throws: `JSONParseError` for malformed JSON, ``SchemaError`` for a non-schema value.
    public init(parsing text: String) throws {
        try self.init(JSONParser.parse(text))
    }

    /// The schema that accepts everything (`true`).
    public static let any = try! JSONSchema(.bool(true))  // a boolean is always a schema
    /// The schema that accepts nothing (`false`).
    public static let none = try! JSONSchema(.bool(false))  // a boolean is always a schema

    /// The value of `keyword`, when the schema is an object that has it.
    public subscript(keyword: String) -> JSONValue? {
        get { value[keyword] }
        set {
            guard case .object(var object) = value else { return }
            object[keyword] = newValue
            value = .object(object)
        }
    }

    /// `$schema`: the dialect URI, if declared.
    public var dialect: String? { value["$schema"]?.string }
    /// `$id`, if declared.
    public var id: String? { value["$id"]?.string }
    /// `title`, if declared.
    public var title: String? { value["title"]?.string }
    /// `description`, if declared.
    public var description: String? { value["description"]?.string }
    /// `type` as a list of type names (one element when written as a string).
    public var type: [String]? {
        switch value["type"] {
        case .string(let s)?: return [s]
        case .array(let a)?: return a.compactMap(\.string)
        default: return nil
        }
    }
    /// `required` property names.
    public var required: [String]? { value["required"]?.array?.compactMap(\.string) }
    /// `properties` as named subschemas, in declaration order.
    public var properties: [(name: String, schema: JSONSchema)]? {
        guard let object = value["properties"]?.object else { return nil }
        return object.compactMap { member in
            (try? JSONSchema(member.value)).map { (member.key, $0) }
        }
    }
    /// The draft this schema declares with `$schema`, or `nil` when absent or unknown.
    public var declaredDraft: SchemaDraft? { dialect.flatMap(SchemaDraft.init(dialectURI:)) }
}

extension JSONSchema {
    /// The schema as compact JSON text.
    public var jsonText: String { value.serialized() }
}
