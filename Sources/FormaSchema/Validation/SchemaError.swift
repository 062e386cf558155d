public import FormaJSON

/// Why a schema cannot be compiled into a ``Validator``.
///
/// Carries the location of the offending keyword inside the schema (a JSON Pointer) and,
/// where it applies, the reference or pattern at fault.
///
/// ```swift
/// do { _ = try Validator(schema: JSONSchema(parsing: #"{"$ref": "#/nowhere"}"#)) }
/// catch let error as SchemaError {
///     switch error.kind {
///     case .unresolvableReference: print("missing:", error.reference ?? "")
///     default: print(error)
///     }
/// }
/// ```
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is; new kinds may be added, so `switch` with a `default`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// A keyword whose value has the wrong type or range (`"minLength": -1`).
        public static let invalidKeywordValue = Kind("invalidKeywordValue")
        /// A `$ref` (or `$dynamicRef`, `$recursiveRef`) that names no known schema.
        public static let unresolvableReference = Kind("unresolvableReference")
        /// A `pattern` or `patternProperties` key that is not a valid ECMA-262 regular expression.
        public static let invalidPattern = Kind("invalidPattern")
        /// A registered or loaded document that is not usable as a schema.
        public static let invalidDocument = Kind("invalidDocument")
        /// A `$schema` naming a dialect the validator does not implement.
        public static let unsupportedDraft = Kind("unsupportedDraft")

        /// The kind's name, such as `invalidPattern`.
        public var description: String { name }
    }

    /// What kind of problem this is.
    public var kind: Kind
    /// What is wrong, without the location (``description`` adds it).
    public var message: String
    /// Where in the schema document the problem is.
    public var location: JSONPointer
    /// The base URI of the schema resource holding the problem, when known.
    public var resourceURI: String?
    /// The keyword at fault (`""` for the document itself).
    public var keyword: String
    /// For ``Kind/unresolvableReference``: the reference as written.
    public var reference: String?
    /// For ``Kind/invalidPattern``: the pattern as written.
    public var pattern: String?

    /// An error; every factory below builds one of these.
    /// - Parameters:
    ///   - kind: The kind.
    ///   - message: What is wrong.
    ///   - location: Where in the schema.
    ///   - keyword: The keyword at fault (`""` for the whole document).
    ///   - resourceURI: The base URI of the resource holding the problem.
    ///   - reference: The unresolvable reference, for ``Kind/unresolvableReference``.
    ///   - pattern: The invalid pattern, for ``Kind/invalidPattern``.
    public init(
        kind: Kind, message: String, location: JSONPointer = .root, keyword: String = "", resourceURI: String? = nil,
        reference: String? = nil, pattern: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.location = location
        self.keyword = keyword
        self.resourceURI = resourceURI
        self.reference = reference
        self.pattern = pattern
    }

    /// A keyword whose value has the wrong type or range (`"minLength": -1`).
    public static func invalidKeywordValue(keyword: String, location: JSONPointer, expected: String) -> SchemaError {
        SchemaError(
            kind: .invalidKeywordValue, message: keyword.isEmpty ? expected : "invalid \"\(keyword)\": \(expected)",
            location: location, keyword: keyword)
    }

    /// A `$ref` (or `$dynamicRef`) that names no known schema. Forma never fetches
    /// schemas over the network: register documents with ``SchemaRegistry``.
    public static func unresolvableReference(_ reference: String, location: JSONPointer, resourceURI: String?) -> SchemaError {
        let base = resourceURI.flatMap { $0.isEmpty ? nil : " (base URI \($0))" } ?? ""
        return SchemaError(
            kind: .unresolvableReference,
            message: "cannot resolve reference \"\(reference)\"\(base); register the document with SchemaRegistry or map its URI prefix to a directory",
            location: location, keyword: location.tokens.last ?? "$ref", resourceURI: resourceURI, reference: reference)
    }

    /// A `pattern` or `patternProperties` key that is not a valid ECMA-262 regular expression.
    public static func invalidPattern(_ pattern: String, reason: String, location: JSONPointer) -> SchemaError {
        SchemaError(
            kind: .invalidPattern, message: "invalid regular expression \"\(pattern)\": \(reason)", location: location,
            keyword: location.tokens.last ?? "pattern", pattern: pattern)
    }

    /// A registered or loaded document that is not usable as a schema.
    public static func invalidDocument(uri: String, reason: String) -> SchemaError {
        SchemaError(kind: .invalidDocument, message: reason, location: .root, resourceURI: uri)
    }

    /// A `$schema` naming a dialect the validator does not implement.
    public static func unsupportedDraft(_ uri: String, location: JSONPointer) -> SchemaError {
        SchemaError(
            kind: .unsupportedDraft,
            message: "unsupported draft \"\(uri)\" in $schema; supported: \(SchemaDraft.allCases.map(\.metaschemaURI).joined(separator: ", "))",
            location: location.appending("$schema"), keyword: "$schema")
    }

    /// `schema location /pointer: message` (or `schema document URI: message`).
    public var description: String {
        if kind == .invalidDocument, let resourceURI { return "schema document \(resourceURI): \(message)" }
        let at = location.isRoot ? "schema root" : "schema location \(location)"
        return "\(at): \(message)"
    }
}
