public import FormaJSON

/// Why a schema cannot be compiled into a ``Validator``.
///
/// Carries the location of the offending keyword inside the schema (a JSON Pointer) and,
/// where it applies, the reference or pattern at fault.
public struct SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case invalidKeywordValue(keyword: String, expected: String)
        case unresolvableReference(reference: String)
        case invalidPattern(pattern: String, reason: String)
        case invalidDocument(uri: String, reason: String)
        case metaschemaViolation(String)
    }

    let kind: Kind
    /// Where in the schema document the problem is.
    public let location: JSONPointer
    /// The base URI of the schema resource holding the problem, when known.
    public let resourceURI: String?

    init(_ kind: Kind, location: JSONPointer, resourceURI: String? = nil) {
        self.kind = kind
        self.location = location
        self.resourceURI = resourceURI
    }

    /// A keyword whose value has the wrong type or range (`"minLength": -1`).
    public static func invalidKeywordValue(keyword: String, location: JSONPointer, expected: String) -> SchemaError {
        SchemaError(.invalidKeywordValue(keyword: keyword, expected: expected), location: location)
    }

    /// A `$ref` (or `$dynamicRef`) that names no known schema. Forma never fetches
    /// schemas over the network: register documents with ``SchemaRegistry``.
    public static func unresolvableReference(_ reference: String, location: JSONPointer, resourceURI: String?) -> SchemaError {
        SchemaError(.unresolvableReference(reference: reference), location: location, resourceURI: resourceURI)
    }

    /// A `pattern` or `patternProperties` key that is not a valid ECMA-262 regular expression.
    public static func invalidPattern(_ pattern: String, reason: String, location: JSONPointer) -> SchemaError {
        SchemaError(.invalidPattern(pattern: pattern, reason: reason), location: location)
    }

    /// A registered or loaded document that is not usable as a schema.
    public static func invalidDocument(uri: String, reason: String) -> SchemaError {
        SchemaError(.invalidDocument(uri: uri, reason: reason), location: .root, resourceURI: uri)
    }

    /// The keyword at fault (`""` for the document itself).
    public var keyword: String {
        switch kind {
        case .invalidKeywordValue(let k, _): return k
        case .unresolvableReference: return location.tokens.last ?? "$ref"
        case .invalidPattern: return location.tokens.last ?? "pattern"
        case .invalidDocument, .metaschemaViolation: return ""
        }
    }

    public var description: String {
        let at = location.isRoot ? "schema root" : "schema location \(location)"
        switch kind {
        case .invalidKeywordValue(let keyword, let expected):
            return keyword.isEmpty ? "\(at): \(expected)" : "\(at): invalid \"\(keyword)\": \(expected)"
        case .unresolvableReference(let reference):
            let base = resourceURI.map { " (base URI \($0))" } ?? ""
            return "\(at): cannot resolve reference \"\(reference)\"\(base); register the document with SchemaRegistry or map its URI prefix to a directory"
        case .invalidPattern(let pattern, let reason):
            return "\(at): invalid regular expression \"\(pattern)\": \(reason)"
        case .invalidDocument(let uri, let reason):
            return "schema document \(uri): \(reason)"
        case .metaschemaViolation(let text):
            return "\(at): \(text)"
        }
    }
}
