/// A structured-output backend — a provider's strict mode or a constrained-decoding
/// engine — and what it does with each part of a JSON Schema: enforces it, silently
/// ignores it, or rejects the schema.
///
/// One table serves both readers: ``ProviderLint`` reports the keywords a backend ignores
/// or rejects, and ``JSONSchema/strict(for:)`` rewrites a schema for a backend (rejected
/// keywords removed and described, ignored ones kept and described). A provider profile
/// (`Provider` in FormaClient) names the backend its server uses.
///
/// ```swift
/// for finding in ProviderLint.lint(schema, targets: [.xgrammar]) { print(finding) }
/// let wire = schema.strict(for: .openAIStrict)
/// ```
public struct SchemaBackend: Sendable, Hashable, CustomStringConvertible {
    /// How the backend treats one keyword, and why.
    struct Rule: Sendable {
        let support: KeywordSupport
        let reason: String
    }

    /// How the backend treats `format` values.
    enum FormatRule: Sendable {
        /// Any format is accepted (enforced or ignored without harm).
        case any
        /// Only these formats are accepted; others get `support`.
        case only(Set<String>, otherwise: KeywordSupport, reason: String)
        /// These formats are not enforced; others are.
        case ignoring(Set<String>, reason: String)
    }

    /// The name `forma lint --target` and reports use, such as `openai-strict`.
    public let name: String
    /// What the backend is, in a phrase.
    public let summary: String
    /// Keyword → treatment; keywords absent are enforced or irrelevant to generation.
    let rules: [String: Rule]
    /// How `format` values fare.
    let formats: FormatRule
    /// Regex features the backend cannot run, with their treatment.
    let regexRules: [RegexFeatures.Feature: Rule]
    /// Whether every object must be closed and list every property as required (OpenAI
    /// strict mode): schemas sent to it need ``JSONSchema/strict(for:)``.
    public let requiresClosedObjects: Bool
    /// Only local (`#…`) references are followed.
    let localReferencesOnly: Bool
    /// `minProperties`/`maxProperties` work only when every property is required (llguidance).
    let propertyCountsNeedAllRequired: Bool
    /// `minimum`/`maximum`/`exclusive*` are enforced only on `"type": "integer"` (llama.cpp).
    let numericBoundsOnlyOnIntegers: Bool

    init(
        name: String, summary: String, rules: [String: Rule], formats: FormatRule = .any,
        regexRules: [RegexFeatures.Feature: Rule] = [:], requiresClosedObjects: Bool = false,
        localReferencesOnly: Bool = false, propertyCountsNeedAllRequired: Bool = false,
        numericBoundsOnlyOnIntegers: Bool = false
    ) {
        self.name = name
        self.summary = summary
        self.rules = rules
        self.formats = formats
        self.regexRules = regexRules
        self.requiresClosedObjects = requiresClosedObjects
        self.localReferencesOnly = localReferencesOnly
        self.propertyCountsNeedAllRequired = propertyCountsNeedAllRequired
        self.numericBoundsOnlyOnIntegers = numericBoundsOnlyOnIntegers
    }

    /// Every backend Forma knows, in the order reports list them.
    public static let all: [SchemaBackend] = [.together, .openAIStrict, .xgrammar, .llguidance, .outlines, .llamaCpp]

    /// The backend called `name` (`together`, `openai-strict`, `xgrammar`, `llguidance`,
    /// `outlines`, `llamacpp`).
    public init?(name: String) {
        guard let found = Self.all.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = found
    }

    /// How the backend treats `keyword`: `nil` when it enforces it (or it does not matter
    /// for generation).
    public func support(for keyword: String) -> KeywordSupport? { rules[keyword]?.support }

    /// Keywords the backend rejects outright.
    var rejectedKeywords: Set<String> { Set(rules.filter { $0.value.support == .rejected }.keys) }

    /// Keywords the backend accepts without enforcing them.
    var ignoredKeywords: Set<String> { Set(rules.filter { $0.value.support == .ignored }.keys) }

    /// The name.
    public var description: String { name }

    public static func == (a: SchemaBackend, b: SchemaBackend) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// How a backend treats one keyword.
public enum KeywordSupport: String, Sendable, Hashable {
    /// The backend constrains generation to it.
    case enforced
    /// Accepted but not enforced: only local validation protects you.
    case ignored
    /// The request fails (HTTP 400 or a server-side error).
    case rejected
}

// Names that existed before the backends were unified into one table.
extension SchemaBackend {
    /// The former name of ``openAIStrict`` as a strict-schema target.
    @available(*, deprecated, renamed: "openAIStrict")
    public static var openAI: SchemaBackend { .openAIStrict }

    /// The former `CaseIterable` list; use ``all``.
    @available(*, deprecated, renamed: "all")
    public static var allCases: [SchemaBackend] { all }

    /// The former `RawRepresentable` name; use ``name``.
    @available(*, deprecated, renamed: "name")
    public var rawValue: String { name }
}

/// The former name of ``SchemaBackend`` as a lint target.
@available(*, deprecated, renamed: "SchemaBackend")
public typealias LintTarget = SchemaBackend

/// The former name of ``SchemaBackend`` as a strict-schema target.
@available(*, deprecated, renamed: "SchemaBackend")
public typealias StrictTarget = SchemaBackend
