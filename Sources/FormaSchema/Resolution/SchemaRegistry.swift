public import FormaJSON
import Foundation

/// The schema documents a ``Validator`` may reference by URI.
///
/// Forma never touches the network: a `$ref` resolves to the schema itself, a document
/// registered here, a file under a directory mapped to a URI prefix, or one of the bundled
/// meta-schemas (drafts 2020-12 with its vocabularies, 2019-09 with its vocabularies, 07, 06
/// and 04).
///
/// ```swift
/// var registry = SchemaRegistry()
/// try registry.register(addressSchema, as: "https://example.com/address.json")
/// registry.mapDirectory("/etc/schemas", toPrefix: "https://example.com/shared/")
/// let validator = try Validator(schema: orderSchema, registry: registry)
/// ```
public struct SchemaRegistry: Sendable {
    private var documents: [String: JSONValue] = [:]
    private var directories: [(prefix: String, directory: String)] = []

    /// A registry holding only the bundled meta-schemas.
    public init() {}

    /// Registers `document` under `uri` (its retrieval URI; `$id`s inside still apply).
    /// - Throws: ``SchemaError`` when `uri` is not absolute or `document` is not a schema.
    public mutating func register(_ document: JSONValue, as uri: String) throws {
        let reference = URIReference(uri)
        guard reference.isAbsolute else {
            throw SchemaError.invalidDocument(uri: uri, reason: "a registered document needs an absolute URI")
        }
        _ = try JSONSchema(document)
        documents[reference.withoutFragment.text] = document
    }

    /// Registers `schema` under `uri`.
    /// - Throws: ``SchemaError`` when `uri` is not absolute.
    public mutating func register(_ schema: JSONSchema, as uri: String) throws {
        try register(schema.value, as: uri)
    }

    /// Resolves URIs that start with `prefix` to files under `directory`: the rest of the
    /// URI is the relative file path (`https://x/s/` + `a/b.json` → `DIR/a/b.json`).
    public mutating func mapDirectory(_ directory: String, toPrefix prefix: String) {
        directories.append((prefix, directory))
    }

    /// The document for an absolute URI without fragment, or `nil` when none is known.
    /// - Throws: ``SchemaError`` when a mapped file exists but cannot be read or parsed.
    func document(for uri: String) throws -> JSONValue? {
        if let document = documents[uri] { return document }
        for (prefix, directory) in directories where uri.hasPrefix(prefix) {
            let relative = URIReference.percentDecode(String(uri.dropFirst(prefix.count)))
            guard !relative.split(separator: "/").contains("..") else {
                throw SchemaError.invalidDocument(uri: uri, reason: "path escapes the mapped directory")
            }
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SchemaError.invalidDocument(uri: uri, reason: "cannot read \(path)")
            }
            do {
                return try data.withUnsafeBytes { try JSONParser.parse($0) }
            } catch {
                throw SchemaError.invalidDocument(uri: uri, reason: "\(path): \(error)")
            }
        }
        return Self.metaschema(for: uri)
    }

    /// The bundled meta-schema whose `$id` (`id` in draft-04), without an empty fragment, is
    /// `uri`; parsed on first use, so a schema that names one draft parses only its documents.
    static func metaschema(for uri: String) -> JSONValue? {
        guard let index = metaschemaIndex[uri] else { return nil }
        if let parsed = parsedMetaschemas.withLock({ $0[index] }) { return parsed }
        let (path, text) = BundledMetaschemas.documents[index]
        // The bundled texts are checked by a test; a parse failure here is a build defect,
        // reported by returning nothing (the reference then fails to resolve).
        guard let value = try? JSONParser.parse(text) else {
            assertionFailure("bundled meta-schema \(path) does not parse")
            return nil
        }
        parsedMetaschemas.withLock { $0[index] = value }
        return value
    }

    /// The canonical URI of the bundled meta-schema at `path` under `Schemas/metaschemas`
    /// (`draft-07/schema.json` → `http://json-schema.org/draft-07/schema`), read from the path
    /// so that finding one needs no parsing. A test checks it against each document's `$id`.
    static func metaschemaURI(path: String) -> String? {
        guard path.hasSuffix(".json"), let slash = path.firstIndex(of: "/") else { return nil }
        let folder = path[..<slash]
        let rest = path[path.index(after: slash)...].dropLast(".json".count)
        if folder.hasPrefix("draft-0") { return "http://json-schema.org/\(folder)/\(rest)" }
        if folder.hasPrefix("draft20") { return "https://json-schema.org/draft/\(folder.dropFirst("draft".count))/\(rest)" }
        return nil
    }

    /// Bundled meta-schema positions in ``BundledMetaschemas/documents`` by canonical URI.
    static let metaschemaIndex: [String: Int] = {
        var out: [String: Int] = [:]
        for (i, document) in BundledMetaschemas.documents.enumerated() {
            if let uri = metaschemaURI(path: document.path) { out[uri] = i }
        }
        return out
    }()

    private static let parsedMetaschemas = Locked<[Int: JSONValue]>([:])
}
