/// What each backend does with each keyword, as data. Sources: the wire-format field notes
/// (`../shared/docs/together-api.md`, "What constrained decoders actually enforce") and
/// OpenAI's documented strict-mode subset. Keywords absent from a backend's row are
/// enforced or irrelevant to generation (annotations such as `title`).
enum EnforcementTable {
    struct Rule: Sendable {
        let support: KeywordSupport
        let reason: String
    }

    static let xgrammarIgnored = "xgrammar ignores it (with only a server-side warning)"

    static let rules: [LintTarget: [String: Rule]] = [
        .xgrammar: xgrammar,
        // Together's grammar engine behaves as xgrammar does for these keywords.
        .together: xgrammar,
        .llguidance: [
            "not": Rule(support: .rejected, reason: "llguidance does not support \"not\""),
            "if": Rule(support: .rejected, reason: "llguidance does not support conditionals"),
            "dependentSchemas": Rule(support: .rejected, reason: "llguidance does not support dependentSchemas"),
            "uniqueItems": Rule(support: .ignored, reason: "llguidance cannot enforce uniqueness while generating"),
            "multipleOf": Rule(support: .ignored, reason: "llguidance does not enforce multipleOf on generated numbers"),
            "$dynamicRef": Rule(support: .rejected, reason: "llguidance resolves local $ref only"),
        ],
        .outlines: [
            "multipleOf": Rule(support: .ignored, reason: "outlines-core drops multipleOf"),
            "uniqueItems": Rule(support: .ignored, reason: "outlines-core drops uniqueItems"),
            "contains": Rule(support: .ignored, reason: "outlines-core drops contains"),
            "minContains": Rule(support: .ignored, reason: "outlines-core drops contains"),
            "maxContains": Rule(support: .ignored, reason: "outlines-core drops contains"),
            "minProperties": Rule(support: .ignored, reason: "outlines-core drops minProperties"),
            "maxProperties": Rule(support: .ignored, reason: "outlines-core drops maxProperties"),
            "dependentRequired": Rule(support: .ignored, reason: "outlines-core drops dependentRequired"),
            "dependencies": Rule(support: .ignored, reason: "outlines-core drops dependencies"),
            "patternProperties": Rule(support: .ignored, reason: "outlines-core drops some patternProperties"),
            "not": Rule(support: .ignored, reason: "outlines-core cannot express \"not\" as a grammar"),
            "if": Rule(support: .ignored, reason: "outlines-core cannot express conditionals as a grammar"),
        ],
        .openAIStrict: Dictionary(uniqueKeysWithValues: [
            "minLength", "maxLength", "uniqueItems", "contains", "minContains", "maxContains", "unevaluatedItems",
            "unevaluatedProperties", "patternProperties", "propertyNames", "minProperties", "maxProperties",
            "allOf", "not", "if", "dependentRequired", "dependentSchemas", "dependencies", "oneOf",
            "$dynamicRef", "contentEncoding", "contentMediaType",
        ].map { ($0, Rule(support: .rejected, reason: "OpenAI strict mode does not support \"\($0)\"; use JSONSchema.strict(for: .openAI)")) }),
    ]

    static let xgrammar: [String: Rule] = [
        "not": Rule(support: .ignored, reason: xgrammarIgnored),
        "if": Rule(support: .ignored, reason: xgrammarIgnored),
        "dependentRequired": Rule(support: .ignored, reason: xgrammarIgnored),
        "dependencies": Rule(support: .ignored, reason: xgrammarIgnored),
        "dependentSchemas": Rule(support: .ignored, reason: xgrammarIgnored),
        "uniqueItems": Rule(support: .ignored, reason: xgrammarIgnored),
        "contains": Rule(support: .ignored, reason: xgrammarIgnored),
        "minContains": Rule(support: .ignored, reason: xgrammarIgnored),
        "maxContains": Rule(support: .ignored, reason: xgrammarIgnored),
        "multipleOf": Rule(support: .ignored, reason: xgrammarIgnored),
        "oneOf": Rule(support: .ignored, reason: "xgrammar treats oneOf as anyOf: exclusivity is not enforced"),
    ]

    /// Formats llguidance knows; any other `format` makes it fail.
    static let llguidanceFormats: Set<String> = [
        "date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid",
    ]

    /// Formats OpenAI strict mode accepts.
    static let openAIFormats: Set<String> = [
        "date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid",
    ]
}
