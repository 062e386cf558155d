public import FormaJSON

/// The grounded fields of a value: the string leaves whose schema (or whose array's schema)
/// carries `"x-forma-grounded"`.
///
/// The schema is walked beside the value through `properties`, `additionalProperties`,
/// `items`, `prefixItems` (and draft 4–7 array `items`), `allOf`, `anyOf`, `oneOf` and
/// local `$ref`s (`#`, `#/$defs/…`, `#/definitions/…`); a keyword in any branch of a
/// combinator applies. Non-string leaves are not grounded: numbers, dates and booleans are
/// checked only when the schema types them as strings.
public struct GroundedFields: Sendable {
    /// One string value that must occur in the source.
    public struct Field: Sendable, Hashable {
        /// Where it is in the value.
        public var pointer: JSONPointer
        /// The string.
        public var value: String
        /// How it must occur.
        public var mode: GroundingMode
    }

    /// The schema the fields are read from.
    public let schema: JSONValue

    /// Whether the schema has any grounded keyword at all (checked once, so values of
    /// schemas without one cost nothing).
    public let isEmpty: Bool

    /// Reads the grounded keywords of `schema`.
    public init(schema: JSONValue) {
        self.schema = schema
        isEmpty = !Self.mentionsKeyword(schema, depth: 0)
    }

    /// The grounded fields of `value`, in document order, each pointer once.
    public func fields(in value: JSONValue) -> [Field] {
        guard !isEmpty else { return [] }
        var out: [Field] = []
        var seen: Set<JSONPointer> = []
        walk(schema, value, at: .root, depth: 0, into: &out, seen: &seen)
        return out
    }

    private func walk(
        _ node: JSONValue, _ value: JSONValue, at pointer: JSONPointer, depth: Int, into out: inout [Field],
        seen: inout Set<JSONPointer>
    ) {
        guard depth < 64, case .object(let schema) = node else { return }
        if let ref = schema["$ref"]?.string, let target = resolve(ref) {
            walk(target, value, at: pointer, depth: depth + 1, into: &out, seen: &seen)
        }
        for keyword in ["allOf", "anyOf", "oneOf"] {
            for branch in schema[keyword]?.array ?? [] {
                walk(branch, value, at: pointer, depth: depth + 1, into: &out, seen: &seen)
            }
        }
        let mode = schema[GroundingMode.keyword]?.string.flatMap(GroundingMode.init(rawValue:))
        switch value {
        case .string(let text):
            if let mode, seen.insert(pointer).inserted { out.append(Field(pointer: pointer, value: text, mode: mode)) }
        case .array(let items):
            let prefix = schema["prefixItems"]?.array ?? schema["items"]?.array ?? []
            let rest: JSONValue? = schema["items"].flatMap { $0.array == nil ? $0 : nil } ?? schema["additionalItems"]
            for (index, item) in items.enumerated() {
                let at = pointer.appending(index: index)
                if let mode, case .string(let text) = item, seen.insert(at).inserted {
                    out.append(Field(pointer: at, value: text, mode: mode))
                }
                if let child = index < prefix.count ? prefix[index] : rest {
                    walk(child, item, at: at, depth: depth + 1, into: &out, seen: &seen)
                }
            }
        case .object(let members):
            let properties = schema["properties"]?.object
            let additional = schema["additionalProperties"]
            for member in members {
                guard let child = properties?[member.key] ?? additional else { continue }
                walk(child, member.value, at: pointer.appending(member.key), depth: depth + 1, into: &out, seen: &seen)
            }
        default:
            break
        }
    }

    /// The subschema a local reference names.
    private func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        let fragment = String(ref.dropFirst())
        if fragment.isEmpty { return schema }
        let decoded = fragment.removingPercentEncodingIfNeeded
        return (try? JSONPointer(parsing: decoded))?.resolve(in: schema)
    }

    private static func mentionsKeyword(_ node: JSONValue, depth: Int) -> Bool {
        guard depth < 256 else { return false }
        switch node {
        case .object(let members):
            return members.contains { $0.key == GroundingMode.keyword || mentionsKeyword($0.value, depth: depth + 1) }
        case .array(let items):
            return items.contains { mentionsKeyword($0, depth: depth + 1) }
        default:
            return false
        }
    }
}

extension String {
    /// The string with `%XX` escapes decoded (JSON Pointer fragments in `$ref`), or itself.
    fileprivate var removingPercentEncodingIfNeeded: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
