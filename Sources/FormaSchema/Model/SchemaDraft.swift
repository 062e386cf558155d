/// The JSON Schema dialects the validator implements.
///
/// A schema's `$schema` chooses its draft; schemas without one use
/// ``Validator/Options/defaultDraft`` (2020-12 unless set). What each draft's keywords mean
/// is one internal table (`DraftRules`), read by the compiler.
public enum SchemaDraft: String, Sendable, Hashable, CaseIterable {
    /// Draft 2020-12, the default.
    case draft2020_12 = "https://json-schema.org/draft/2020-12/schema"
    /// Draft 2019-09: `$recursiveRef`/`$recursiveAnchor`, `items` arrays with `additionalItems`.
    case draft2019_09 = "https://json-schema.org/draft/2019-09/schema"
    /// Draft-07.
    case draft7 = "http://json-schema.org/draft-07/schema"
    /// Draft-06: `const`, `contains`, `propertyNames`; no `if`/`then`/`else`.
    case draft6 = "http://json-schema.org/draft-06/schema"
    /// Draft-04: `id` instead of `$id`, boolean `exclusiveMaximum`/`exclusiveMinimum`.
    case draft4 = "http://json-schema.org/draft-04/schema"

    /// The draft named by a `$schema` URI (a trailing empty fragment is ignored, and
    /// `http`/`https` are accepted for every draft, as published schemas use both).
    public init?(dialectURI: String) {
        var uri = dialectURI
        if uri.hasSuffix("#") { uri.removeLast() }
        if uri.hasPrefix("https://json-schema.org/draft-0") { uri = "http://" + uri.dropFirst("https://".count) }
        if uri.hasPrefix("http://json-schema.org/draft/") { uri = "https://" + uri.dropFirst("http://".count) }
        guard let draft = SchemaDraft(rawValue: uri) else { return nil }
        self = draft
    }

    /// The draft with a short name: `4`, `6`, `7`, `2019-09` or `2020-12` (`draft-04`,
    /// `draft4`, `draft2020-12` and the like are accepted too).
    public init?(name: String) {
        var short = name.lowercased()
        if short.hasPrefix("draft") { short.removeFirst("draft".count) }
        if short.hasPrefix("-") { short.removeFirst() }
        if short.hasPrefix("0") { short.removeFirst() }
        guard let draft = SchemaDraft.allCases.first(where: { $0.name == short }) else { return nil }
        self = draft
    }

    /// The short name: `4`, `6`, `7`, `2019-09` or `2020-12`.
    public var name: String {
        switch self {
        case .draft2020_12: return "2020-12"
        case .draft2019_09: return "2019-09"
        case .draft7: return "7"
        case .draft6: return "6"
        case .draft4: return "4"
        }
    }

    /// The URI of the draft's meta-schema.
    public var metaschemaURI: String { rawValue }
}
