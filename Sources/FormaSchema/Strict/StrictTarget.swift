/// A provider whose strict structured-output mode constrains the schemas it accepts.
public enum StrictTarget: String, Sendable, Hashable, CaseIterable {
    /// OpenAI's `strict: true` json_schema mode: every object closed and fully required,
    /// optional values as nullable, a small keyword set.
    case openAI = "openai"
    /// Together's json_schema mode (strict models such as Kimi): closed, fully required
    /// objects; keywords its grammar engine ignores are spelled out in descriptions.
    case together

    /// Keywords the target rejects outright: removed from the strict schema and described
    /// in its `description` instead.
    var rejectedKeywords: Set<String> {
        switch self {
        case .openAI:
            return ["minLength", "maxLength", "uniqueItems", "contains", "minContains", "maxContains",
                    "unevaluatedItems", "unevaluatedProperties", "patternProperties", "propertyNames",
                    "minProperties", "maxProperties", "allOf", "not", "if", "then", "else",
                    "dependentRequired", "dependentSchemas", "dependencies", "default", "examples",
                    "deprecated", "readOnly", "writeOnly", "contentEncoding", "contentMediaType",
                    "contentSchema", "$comment", "$anchor", "$dynamicAnchor", "$dynamicRef", "$schema", "$id"]
        case .together:
            return []
        }
    }

    /// Keywords the target accepts but does not enforce: kept, and spelled out in the
    /// `description` so the model still hears them.
    var ignoredKeywords: Set<String> {
        switch self {
        case .openAI:
            return []
        case .together:
            return ["not", "if", "then", "else", "dependentRequired", "dependentSchemas", "uniqueItems",
                    "contains", "minContains", "maxContains", "multipleOf"]
        }
    }

    /// `format` values the target accepts (others are moved into the description).
    var supportedFormats: Set<String>? {
        switch self {
        case .openAI: return ["date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"]
        case .together: return nil
        }
    }
}
