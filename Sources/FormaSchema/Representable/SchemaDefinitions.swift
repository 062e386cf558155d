public import FormaJSON

/// The `$defs` of a schema document being assembled from ``SchemaRepresentable`` types.
///
/// Each type registered with ``define(_:as:)`` is described once, under a key derived from
/// its name (`Invoice`, `LineItem`, `Page_Invoice` for `Page<Invoice>`), and referenced with
/// `{"$ref": "#/$defs/Key"}` everywhere else. The type a document is built for stays inline at
/// the root and is referenced as `#`. A type is registered before its schema is built, so a
/// recursive type refers to itself instead of expanding forever.
///
/// ```swift
/// let document = SchemaDefinitions.document(for: Invoice.self)
/// document["$defs"]?["LineItem"] != nil   // true when Invoice has line items
/// ```
public struct SchemaDefinitions: Sendable {
    /// The type the document is built for, inlined at the root.
    private let root: ObjectIdentifier?
    /// Whether the root type's schema is being (or has been) built.
    private var rootStarted = false
    /// The key of every registered type.
    private var keys: [ObjectIdentifier: String] = [:]
    /// Definitions in registration order (a placeholder while a definition is being built).
    private var definitions = JSONObject()

    /// An empty set of definitions.
    /// - Parameter root: The type inlined at the document root and referenced as `#`.
    public init(root: (any Any.Type)? = nil) {
        self.root = root.map { ObjectIdentifier($0) }
    }

    /// Whether no type has been registered.
    public var isEmpty: Bool { definitions.isEmpty }

    /// The collected definitions, in registration order.
    public var all: JSONObject { definitions }

    /// The complete schema document of `type`: its schema at the root, and every definition
    /// it needs under `$defs`.
    /// - Parameter type: The type to describe.
    /// - Returns: A self-contained schema document.
    public static func document<T: SchemaRepresentable>(for type: T.Type) -> JSONSchema {
        var definitions = SchemaDefinitions(root: type)
        let schema = T.schema(in: &definitions)
        return definitions.attached(to: schema)
    }

    /// The schema of `type` at some position of the document being built.
    /// - Parameter type: The type found at that position.
    /// - Returns: The schema (or reference) to place there.
    public mutating func schema<T: SchemaRepresentable>(for type: T.Type) -> JSONSchema {
        T.schema(in: &self)
    }

    /// Registers `type` and returns a reference to it, building its schema with `build` the
    /// first time.
    ///
    /// For the document's root type the schema is returned inline the first time and
    /// referenced as `#` afterwards.
    /// - Parameters:
    ///   - type: The type being defined.
    ///   - build: Builds the type's schema; it may ask for the schemas of other types,
    ///     including `type` itself.
    /// - Returns: `{"$ref": "#/$defs/Key"}`, `{"$ref": "#"}` or the root schema itself.
    public mutating func define(
        _ type: any Any.Type, as build: (inout SchemaDefinitions) -> JSONSchema
    ) -> JSONSchema {
        let id = ObjectIdentifier(type)
        if id == root {
            if rootStarted { return Self.reference("#") }
            rootStarted = true
            return build(&self)
        }
        if let key = keys[id] { return Self.reference("#/$defs/" + key) }
        let key = uniqueKey(for: type)
        keys[id] = key
        definitions[key] = .bool(true)  // placeholder: keeps the position, ends recursion
        let schema = build(&self)
        definitions[key] = schema.value
        return Self.reference("#/$defs/" + key)
    }

    /// `schema` with the collected definitions added as its `$defs` (unchanged when there
    /// are none).
    /// - Parameter schema: The root schema.
    /// - Returns: The self-contained document.
    public func attached(to schema: JSONSchema) -> JSONSchema {
        guard !definitions.isEmpty else { return schema }
        var object: JSONObject
        switch schema.value {
        case .object(let existing): object = existing
        case .bool(true): object = JSONObject()
        default: object = ["not": .object(JSONObject())]
        }
        object["$defs"] = .object(definitions)
        return JSONSchema(object: object)
    }

    private static func reference(_ target: String) -> JSONSchema {
        JSONSchema(object: ["$ref": .string(target)])
    }

    /// A key made of the type's name, unique within this document.
    private func uniqueKey(for type: any Any.Type) -> String {
        let base = Self.sanitizedKey(String(describing: type))
        var key = base
        var suffix = 2
        while definitions.contains(key) {
            key = base + String(suffix)
            suffix += 1
        }
        return key
    }

    /// `Page<Invoice>` → `Page_Invoice`: letters, digits and `_` only, so the key needs no
    /// escaping in a JSON Pointer or a URI fragment.
    static func sanitizedKey(_ name: String) -> String {
        var key = ""
        var pendingSeparator = false
        for scalar in name.unicodeScalars {
            let isWord =
                (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "_"
            if isWord {
                if pendingSeparator && !key.isEmpty { key.append("_") }
                pendingSeparator = false
                key.unicodeScalars.append(scalar)
            } else {
                pendingSeparator = true
            }
        }
        return key.isEmpty ? "Type" : key
    }
}
