import FormaJSON

extension JSONSchema {
    /// The schema rewritten for a provider's strict structured-output mode.
    ///
    /// - Every object with `properties` gets `additionalProperties: false` and lists every
    ///   property in `required`; properties that were optional become nullable
    ///   (`"type": ["string", "null"]`, or `anyOf` with `{"type": "null"}`), so a model
    ///   sends `null` where it has nothing and decoding into an `Optional` still works.
    /// - Keywords the provider rejects are removed and spelled out in `description`
    ///   (`"At most 80 characters."`), so the model still hears them; keywords it silently
    ///   ignores are kept and also spelled out.
    /// - `oneOf` becomes `anyOf` where the backend rejects it (OpenAI), with "exactly one"
    ///   said in the description.
    ///
    /// The keywords and formats come from the backend's table, the same one ``ProviderLint``
    /// reads, so `ProviderLint.lint(schema.strict(for: b), targets: [b])` reports nothing
    /// rejected.
    ///
    /// Validate replies against the **original** schema: the strict one is only what is
    /// sent to the provider.
    ///
    /// ```swift
    /// let wire = Invoice.jsonSchema.strict(for: .openAIStrict)
    /// ```
    /// - Parameter target: The backend the schema is sent to.
    /// - Returns: The rewritten schema.
    public func strict(for target: SchemaBackend) -> JSONSchema {
        var copy = self
        copy.value = StrictRewriter(target: target).rewrite(value)
        return copy
    }
}

/// Applies ``JSONSchema/strict(for:)`` recursively through every subschema position.
struct StrictRewriter {
    let target: SchemaBackend

    func rewrite(_ schema: JSONValue) -> JSONValue {
        guard case .object(var object) = schema else { return schema }
        // Children first.
        for keyword in ["additionalProperties", "items", "contains", "not", "if", "then", "else", "propertyNames",
                        "unevaluatedItems", "unevaluatedProperties", "additionalItems"]
        {
            if let child = object[keyword], child.isSchemaShaped { object[keyword] = rewrite(child) }
        }
        for keyword in ["$defs", "definitions", "patternProperties", "dependentSchemas"] {
            if case .object(var map)? = object[keyword] {
                for member in map.members where member.value.isSchemaShaped { map[member.key] = rewrite(member.value) }
                object[keyword] = .object(map)
            }
        }
        for keyword in ["allOf", "anyOf", "oneOf", "prefixItems"] {
            if case .array(let list)? = object[keyword] { object[keyword] = .array(list.map(rewrite)) }
        }
        if case .array(let list)? = object["items"] { object["items"] = .array(list.map(rewrite)) }

        if case .object(var properties)? = object["properties"] {
            let required = Set(object["required"]?.array?.compactMap(\.string) ?? [])
            for member in properties.members {
                var child = rewrite(member.value)
                if !required.contains(member.key) { child = nullable(child) }
                properties[member.key] = child
            }
            object["properties"] = .object(properties)
            object["required"] = .array(properties.keys.map { .string($0) })
            if object["additionalProperties"] == nil { object["additionalProperties"] = false }
        }
        if target.support(for: "oneOf") == .rejected, let oneOf = object["oneOf"] {
            object["oneOf"] = nil
            object["anyOf"] = oneOf
            appendDescription("Must match exactly one of the alternatives.", to: &object)
        }
        var notes: [String] = []
        for member in object.members {
            let keyword = member.key
            switch target.support(for: keyword) {
            case .rejected?:
                if let note = Self.describe(keyword, member.value) { notes.append(note) }
                object[keyword] = nil
            case .ignored?:
                if let note = Self.describe(keyword, member.value) { notes.append(note) }
            default:
                break
            }
        }
        if let format = object["format"]?.string {
            switch target.formats {
            case .only(let known, let otherwise, _) where !known.contains(format):
                notes.append("Format: \(format).")
                if otherwise == .rejected { object["format"] = nil }
            case .ignoring(let unsupported, _) where unsupported.contains(format):
                notes.append("Format: \(format).")
            default:
                break
            }
        }
        if !notes.isEmpty { appendDescription(notes.joined(separator: " "), to: &object) }
        return .object(object)
    }

    /// Allows `null` besides what `schema` allows.
    func nullable(_ schema: JSONValue) -> JSONValue {
        guard case .object(var object) = schema else {
            return schema == .bool(true) ? schema : .object(["anyOf": [schema, ["type": "null"]]])
        }
        let singleRef = object["$ref"] != nil && object.count == 1
        switch object["type"] {
        case .string(let type)? where !singleRef && object["const"] == nil:
            if type == "null" { return schema }
            object["type"] = [.string(type), "null"]
        case .array(var types)? where !singleRef && object["const"] == nil:
            if !types.contains("null") { types.append("null") }
            object["type"] = .array(types)
        default:
            return .object(["anyOf": [schema, ["type": "null"]]])
        }
        if case .array(var options)? = object["enum"], !options.contains(.null) {
            options.append(.null)
            object["enum"] = .array(options)
        }
        return .object(object)
    }

    func appendDescription(_ text: String, to object: inout JSONObject) {
        if let existing = object["description"]?.string, !existing.isEmpty {
            let separator = existing.hasSuffix(".") ? " " : ". "
            object["description"] = .string(existing + separator + text)
        } else {
            object["description"] = .string(text)
        }
    }

    /// A sentence a model understands for a keyword it will not be held to.
    static func describe(_ keyword: String, _ value: JSONValue) -> String? {
        switch (keyword, value) {
        case ("minLength", .number(let n)): return "At least \(n) characters."
        case ("maxLength", .number(let n)): return "At most \(n) characters."
        case ("minItems", .number(let n)): return "At least \(n) items."
        case ("maxItems", .number(let n)): return "At most \(n) items."
        case ("minProperties", .number(let n)): return "At least \(n) properties."
        case ("maxProperties", .number(let n)): return "At most \(n) properties."
        case ("uniqueItems", .bool(true)): return "Items must be unique."
        case ("uniqueItems", _): return nil
        case ("oneOf", _): return "Must match exactly one of the alternatives."
        case ("multipleOf", .number(let n)): return "Must be a multiple of \(n)."
        case ("pattern", .string(let p)): return "Must match the regular expression /\(p)/."
        case ("default", _): return "Default: \(value.serialized())."
        case ("examples", .array(let list)):
            return "Examples: \(list.prefix(3).map { $0.serialized() }.joined(separator: ", "))."
        case ("deprecated", .bool(true)): return "Deprecated."
        case ("x-forma-grounded", _): return "Copy this value exactly as it appears in the text."
        case ("$comment", _), ("$anchor", _), ("$dynamicAnchor", _), ("$schema", _), ("$id", _),
            ("deprecated", _), ("readOnly", _), ("writeOnly", _):
            return nil
        case ("contentEncoding", .string(let e)): return "Encoded as \(e)."
        case ("contentMediaType", .string(let m)): return "Media type \(m)."
        case ("dependentRequired", .object(let map)):
            return map.members.map { member in
                let names = member.value.array?.compactMap(\.string).joined(separator: ", ") ?? ""
                return "When \(member.key) is present, \(names) must be too."
            }.joined(separator: " ")
        default:
            return "Constraint \(keyword): \(value.serialized())."
        }
    }
}
