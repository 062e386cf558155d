/// The JSON Schema dialects the validator implements.
public enum SchemaDraft: String, Sendable, Hashable, CaseIterable {
    /// Draft 2020-12, the default.
    case draft2020_12 = "https://json-schema.org/draft/2020-12/schema"
    /// Draft-07.
    case draft7 = "http://json-schema.org/draft-07/schema"

    /// The draft named by a `$schema` URI (a trailing empty fragment is ignored).
    public init?(dialectURI: String) {
        var uri = dialectURI
        if uri.hasSuffix("#") { uri.removeLast() }
        switch uri {
        case SchemaDraft.draft2020_12.rawValue: self = .draft2020_12
        case SchemaDraft.draft7.rawValue, "https://json-schema.org/draft-07/schema": self = .draft7
        default: return nil
        }
    }

    /// The URI of the draft's meta-schema.
    public var metaschemaURI: String { rawValue }
}
