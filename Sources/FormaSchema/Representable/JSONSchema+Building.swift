public import FormaJSON

/// One property of an object schema built with ``JSONSchema/object(description:properties:additionalProperties:)``.
public struct SchemaProperty: Sendable, Hashable {
    /// The key as it appears in the JSON object.
    public var name: String
    /// The schema of the property's value.
    public var schema: JSONSchema
    /// Whether the property must be present.
    public var isRequired: Bool

    /// A property.
    /// - Parameters:
    ///   - name: The key as it appears in the JSON object.
    ///   - schema: The schema of the property's value.
    ///   - isRequired: Whether the property must be present.
    public init(_ name: String, _ schema: JSONSchema, isRequired: Bool) {
        self.name = name
        self.schema = schema
        self.isRequired = isRequired
    }
}

extension JSONSchema {
    /// A schema object made of `keywords`; unlike ``init(_:)`` this cannot fail.
    /// - Parameter keywords: The schema's keywords, in order.
    public init(object keywords: JSONObject) {
        do {
            try self.init(.object(keywords))
        } catch {
            // Unreachable: an object is always a schema. Fall back to the same value.
            self = JSONSchema.any
            self.value = .object(keywords)
        }
    }

    /// `{"type": type}` with an optional `description`.
    /// - Parameters:
    ///   - type: A JSON type name: `string`, `integer`, `number`, `boolean`, `array`, `object`, `null`.
    ///   - description: The `description` keyword, if any.
    /// - Returns: The schema.
    public static func type(_ type: String, description: String? = nil) -> JSONSchema {
        var object: JSONObject = ["type": .string(type)]
        if let description { object["description"] = .string(description) }
        return JSONSchema(object: object)
    }

    /// An object schema with `properties` in the given order, `required` listing the
    /// required ones and, by default, `additionalProperties: false`.
    /// - Parameters:
    ///   - description: The `description` keyword, if any.
    ///   - properties: The properties, in declaration order.
    ///   - additionalProperties: Whether keys other than `properties` are allowed.
    /// - Returns: The schema.
    public static func object(
        description: String? = nil, properties: [SchemaProperty], additionalProperties: Bool = false
    ) -> JSONSchema {
        var object: JSONObject = ["type": "object"]
        if let description { object["description"] = .string(description) }
        var members = JSONObject()
        for property in properties { members[property.name] = property.schema.value }
        object["properties"] = .object(members)
        let required = properties.filter(\.isRequired).map { JSONValue.string($0.name) }
        if !required.isEmpty { object["required"] = .array(required) }
        if !additionalProperties { object["additionalProperties"] = false }
        return JSONSchema(object: object)
    }

    /// The schema of one enum case as synthesized `Codable` encodes it: an object whose only
    /// key is the case name and whose value is an object of the associated values
    /// (`{"circle": {"radius": 2}}`, or `{"none": {}}` for a case without values).
    /// - Parameters:
    ///   - name: The case's key.
    ///   - payload: The associated values, by label (`_0`, `_1`… when unlabelled).
    ///   - description: The `description` keyword, if any.
    ///   - additionalProperties: Whether the payload object may have other keys.
    /// - Returns: The schema.
    public static func enumCase(
        _ name: String, payload: [SchemaProperty], description: String? = nil, additionalProperties: Bool = false
    ) -> JSONSchema {
        let payloadSchema = object(properties: payload, additionalProperties: additionalProperties)
        return object(
            description: description, properties: [SchemaProperty(name, payloadSchema, isRequired: true)],
            additionalProperties: false)
    }

    /// `{"enum": values}` with a `type` and an optional `description`.
    /// - Parameters:
    ///   - values: The allowed values.
    ///   - type: Their JSON type name.
    ///   - description: The `description` keyword, if any.
    /// - Returns: The schema.
    public static func enumeration(_ values: [JSONValue], type: String, description: String? = nil) -> JSONSchema {
        var object: JSONObject = ["type": .string(type)]
        if let description { object["description"] = .string(description) }
        object["enum"] = .array(values)
        return JSONSchema(object: object)
    }

    /// `{"oneOf": alternatives}` with an optional `description`.
    /// - Parameters:
    ///   - alternatives: The schemas, exactly one of which must match.
    ///   - description: The `description` keyword, if any.
    /// - Returns: The schema.
    public static func oneOf(_ alternatives: [JSONSchema], description: String? = nil) -> JSONSchema {
        var object = JSONObject()
        if let description { object["description"] = .string(description) }
        object["oneOf"] = .array(alternatives.map(\.value))
        return JSONSchema(object: object)
    }

    /// This schema with `keywords` added.
    ///
    /// A keyword the schema already has is replaced, except the bounds (`minimum`,
    /// `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `minLength`, `maxLength`,
    /// `minItems`, `maxItems`), where the tighter bound is kept, so a guide cannot widen
    /// what the type itself can decode (`UInt8` stays within 0…255). `true` becomes `{}`
    /// first; `false` stays `false`.
    /// - Parameter keywords: The keywords to add, in order.
    /// - Returns: The combined schema.
    public func adding(_ keywords: KeyValuePairs<String, JSONValue>) -> JSONSchema {
        adding(contentsOf: keywords.map { ($0.key, $0.value) })
    }

    /// This schema with `keywords` added; see ``adding(_:)``.
    /// - Parameter keywords: The keywords to add, in order.
    /// - Returns: The combined schema.
    public func adding(contentsOf keywords: [(String, JSONValue)]) -> JSONSchema {
        guard !keywords.isEmpty else { return self }
        var object: JSONObject
        switch value {
        case .object(let existing): object = existing
        case .bool(true): object = JSONObject()
        default: return self
        }
        for (keyword, newValue) in keywords {
            object[keyword] = Self.combine(keyword, object[keyword], newValue)
        }
        return JSONSchema(object: object)
    }

    private static let lowerBounds: Set<String> = ["minimum", "exclusiveMinimum", "minLength", "minItems"]
    private static let upperBounds: Set<String> = ["maximum", "exclusiveMaximum", "maxLength", "maxItems"]

    private static func combine(_ keyword: String, _ old: JSONValue?, _ new: JSONValue) -> JSONValue {
        guard case .number(let a)? = old, case .number(let b) = new else { return new }
        if lowerBounds.contains(keyword) { return .number(max(a, b)) }
        if upperBounds.contains(keyword) { return .number(min(a, b)) }
        return new
    }

    /// This schema, also accepting `null`.
    ///
    /// A schema with a single `type` and no `enum` or `const` gets `"null"` added to its
    /// `type`; any other schema becomes `{"anyOf": [schema, {"type": "null"}]}`.
    /// - Returns: The nullable schema.
    public func nullable() -> JSONSchema {
        guard case .object(var object) = value else { return self }  // true stays true
        if case .string(let type)? = object["type"], object["enum"] == nil, object["const"] == nil {
            if type == "null" { return self }
            object["type"] = [.string(type), "null"]
            return JSONSchema(object: object)
        }
        if case .array(let types)? = object["type"], object["enum"] == nil, object["const"] == nil {
            if types.contains(.string("null")) { return self }
            object["type"] = .array(types + ["null"])
            return JSONSchema(object: object)
        }
        return JSONSchema(object: ["anyOf": [value, ["type": "null"]]])
    }
}
