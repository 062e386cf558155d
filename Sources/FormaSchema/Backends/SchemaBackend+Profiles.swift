/// The backends' facts, as data. Sources: the engines' own documentation of what they
/// support (xgrammar, llguidance, outlines-core), OpenAI's documented strict-mode subset,
/// and llama.cpp's `grammars/README.md` (its list of unsupported JSON Schema features).
extension SchemaBackend {
    /// Together AI's json_schema response format (strict models such as Kimi need closed,
    /// fully required objects; its grammar engine behaves as xgrammar does).
    public static let together = SchemaBackend(
        name: "together", summary: "Together AI json_schema (an xgrammar-like grammar engine)",
        rules: xgrammarRules, regexRules: xgrammarRegex)

    /// OpenAI's json_schema with `strict: true`: a documented keyword subset, every object
    /// closed and fully required, optional values as nullable.
    public static let openAIStrict = SchemaBackend(
        name: "openai-strict", summary: "OpenAI json_schema with strict: true",
        rules: Dictionary(uniqueKeysWithValues: openAIUnsupported.map {
            ($0, Rule(support: .rejected, reason: "OpenAI strict mode does not support \"\($0)\"; use JSONSchema.strict(for: .openAIStrict)"))
        }).merging([
            "x-forma-grounded": Rule(
                support: .rejected,
                reason: "OpenAI strict mode rejects unknown keywords; Forma removes \"x-forma-grounded\" before sending (JSONSchema.strict(for: .openAIStrict)) and checks grounding locally"),
        ]) { $1 },
        formats: .only(
            generationFormats, otherwise: .rejected,
            reason: "OpenAI strict mode does not support format"),
        requiresClosedObjects: true)

    /// xgrammar (vLLM's and SGLang's default engine).
    public static let xgrammar = SchemaBackend(
        name: "xgrammar", summary: "xgrammar (vLLM, SGLang)", rules: xgrammarRules, regexRules: xgrammarRegex)

    /// llguidance (llama.cpp built with it, vLLM, Azure).
    public static let llguidance = SchemaBackend(
        name: "llguidance", summary: "llguidance (llama.cpp with LLGuidance, vLLM, Azure)",
        rules: [
            "not": Rule(support: .rejected, reason: "llguidance does not support \"not\""),
            "if": Rule(support: .rejected, reason: "llguidance does not support conditionals"),
            "then": Rule(support: .rejected, reason: "llguidance does not support conditionals"),
            "else": Rule(support: .rejected, reason: "llguidance does not support conditionals"),
            "dependentSchemas": Rule(support: .rejected, reason: "llguidance does not support dependentSchemas"),
            "uniqueItems": Rule(support: .ignored, reason: "llguidance cannot enforce uniqueness while generating"),
            "multipleOf": Rule(support: .ignored, reason: "llguidance does not enforce multipleOf on generated numbers"),
            "$dynamicRef": Rule(support: .rejected, reason: "llguidance resolves local $ref only"),
        ],
        formats: .only(
            generationFormats, otherwise: .rejected,
            reason: "llguidance fails on unknown format"),
        regexRules: [
            .lookaround: Rule(support: .rejected, reason: "llguidance patterns use Rust-regex syntax, without lookaround"),
            .backreference: Rule(support: .rejected, reason: "llguidance patterns use Rust-regex syntax, without backreferences"),
        ],
        localReferencesOnly: true, propertyCountsNeedAllRequired: true)

    /// outlines-core (Outlines, vLLM's `outlines` backend).
    public static let outlines = SchemaBackend(
        name: "outlines", summary: "outlines-core",
        rules: [
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
            "then": Rule(support: .ignored, reason: "outlines-core cannot express conditionals as a grammar"),
            "else": Rule(support: .ignored, reason: "outlines-core cannot express conditionals as a grammar"),
        ],
        regexRules: [
            .anchors: Rule(support: .ignored, reason: "outlines-core strips anchors from patterns"),
            .lookaround: Rule(support: .rejected, reason: "outlines-core compiles patterns to automata, which have no lookaround"),
            .backreference: Rule(support: .rejected, reason: "outlines-core compiles patterns to automata, which have no backreferences"),
        ])

    /// llama.cpp's own JSON-Schema-to-grammar converter (llama-server's `json_schema` and
    /// `response_format`; Ollama uses the same converter).
    public static let llamaCpp = SchemaBackend(
        name: "llamacpp", summary: "llama.cpp json-schema-to-grammar (llama-server, Ollama)",
        rules: Dictionary(uniqueKeysWithValues: [
            "not", "if", "then", "else", "dependentSchemas", "patternProperties", "uniqueItems", "contains",
            "minContains", "maxContains", "$anchor",
        ].map { ($0, Rule(support: .ignored, reason: "llama.cpp's schema-to-grammar converter does not support \"\($0)\"")) })
            .merging(["prefixItems": Rule(support: .ignored, reason: "llama.cpp documents prefixItems as broken")]) { a, _ in a },
        formats: .ignoring(["uri", "email"], reason: "llama.cpp's converter does not support this format"),
        regexRules: [
            .lookaround: Rule(support: .rejected, reason: "llama.cpp turns patterns into grammar rules, which have no lookaround"),
            .backreference: Rule(support: .rejected, reason: "llama.cpp turns patterns into grammar rules, which have no backreferences"),
        ],
        localReferencesOnly: true, numericBoundsOnlyOnIntegers: true)

    /// The formats both OpenAI's strict mode and llguidance document as supported (the two
    /// lists are the same today; give a backend its own set if they part).
    static let generationFormats: Set<String> = ["date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"]

    static let xgrammarIgnored = "xgrammar ignores it (with only a server-side warning)"

    static let xgrammarRules: [String: Rule] = Dictionary(uniqueKeysWithValues: [
        "not", "if", "then", "else", "dependentRequired", "dependencies", "dependentSchemas", "uniqueItems", "contains",
        "minContains", "maxContains", "multipleOf",
    ].map { ($0, Rule(support: .ignored, reason: xgrammarIgnored)) })
        .merging(["oneOf": Rule(support: .ignored, reason: "xgrammar treats oneOf as anyOf: exclusivity is not enforced")]) { a, _ in a }

    static let xgrammarRegex: [RegexFeatures.Feature: Rule] = [
        .lookaround: Rule(support: .rejected, reason: "xgrammar's regex has no lookaround"),
        .backreference: Rule(support: .rejected, reason: "xgrammar's regex has no backreferences"),
        .wordBoundary: Rule(support: .rejected, reason: "xgrammar's regex has no \\b word boundaries"),
        .unicodeProperty: Rule(support: .rejected, reason: "xgrammar's regex has no \\p{…} Unicode properties"),
    ]

    /// Keywords outside OpenAI's strict-mode subset (the strict transform removes them and
    /// describes them in `description`).
    static let openAIUnsupported = [
        "minLength", "maxLength", "uniqueItems", "contains", "minContains", "maxContains", "unevaluatedItems",
        "unevaluatedProperties", "patternProperties", "propertyNames", "minProperties", "maxProperties", "allOf", "not",
        "if", "then", "else", "dependentRequired", "dependentSchemas", "dependencies", "oneOf", "$dynamicRef",
        "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "$anchor", "contentEncoding", "contentMediaType",
        "contentSchema", "default", "examples", "deprecated", "readOnly", "writeOnly", "$comment", "$schema", "$id",
        // Forma's own annotation: checked locally (grounding), never sent to a strict validator.
        "x-forma-grounded",
    ]
}
