/// What a draft's keywords are and how they read: the one table the compiler consults
/// instead of comparing drafts. Adding a draft is adding a row.
///
/// | | 04 | 06 | 07 | 2019-09 | 2020-12 |
/// |---|---|---|---|---|---|
/// | identifier | `id` | `$id` | `$id` | `$id` | `$id` |
/// | `$ref` siblings | ignored | ignored | ignored | apply | apply |
/// | plain-name fragments | in `id` | in `$id` | in `$id` | `$anchor` | `$anchor` |
/// | `exclusiveMaximum`/`Minimum` | boolean beside `maximum`/`minimum` | number | number | number | number |
/// | `const`, `contains`, `propertyNames` | – | ✓ | ✓ | ✓ | ✓ |
/// | `if`/`then`/`else` | – | – | ✓ | ✓ | ✓ |
/// | arrays | `items` array + `additionalItems` | same | same | same | `prefixItems` + `items` |
/// | dependencies | `dependencies` | `dependencies` | `dependencies` | `dependentRequired`/`dependentSchemas` (+ `dependencies`) | same as 2019-09 |
/// | `minContains`/`maxContains` | – | – | – | ✓ | ✓ |
/// | dynamic references | – | – | – | `$recursiveRef`/`$recursiveAnchor` | `$dynamicRef`/`$dynamicAnchor` |
/// | `unevaluated*` | – | – | – | ✓ (`contains` does not count) | ✓ (`contains` counts) |
/// | `contentEncoding`/`contentMediaType` | – | – | assertion opt-in | annotation | annotation |
/// | `format: "hostname"` | RFC 1123 | RFC 1123 | IDNA 2008 | IDNA 2008 | IDNA 2008 |
/// | `$vocabulary` | – | – | – | 2019-09 URIs | 2020-12 URIs |
struct DraftRules: Sendable {
    /// The identifier keyword: `id` (draft-04) or `$id`.
    let idKeyword: String
    /// Whether `$ref` makes its siblings (identifier included) ignored.
    let refOverridesSiblings: Bool
    /// Whether an identifier's plain-name fragment (`"#foo"`, `"x.json#foo"`) is an anchor.
    let fragmentIdentifiersAreAnchors: Bool
    /// Whether `$anchor` exists.
    let hasAnchorKeyword: Bool
    /// Whether `exclusiveMaximum`/`exclusiveMinimum` are booleans modifying `maximum`/`minimum`.
    let booleanExclusiveBounds: Bool
    /// Whether `items` may be an array, continued by `additionalItems` (else `prefixItems`).
    let itemsArrayForm: Bool
    /// The keywords read as dependencies (each may hold name arrays or schemas).
    let requiredDependencyKeywords: [String]
    let schemaDependencyKeywords: [String]
    /// Whether `minContains`/`maxContains` exist.
    let hasContainsBounds: Bool
    /// Whether `$recursiveRef`/`$recursiveAnchor` exist.
    let hasRecursiveReferences: Bool
    /// Whether `$dynamicRef`/`$dynamicAnchor` exist.
    let hasDynamicReferences: Bool
    /// Whether the items `contains` matched count as evaluated for `unevaluatedItems`.
    let containsEvaluatesItems: Bool
    /// Whether `contentEncoding`/`contentMediaType` may be asserted (when asked for).
    let contentIsAssertable: Bool
    /// Whether `format: "hostname"` means RFC 1123 (drafts 04 and 06) rather than the IDNA
    /// 2008 rules of draft-07 and later, which reserve `--` in a label's third and fourth places.
    let hostnamesAreRFC1123: Bool
    /// `$vocabulary` URIs and the keyword groups they switch on.
    let vocabularies: [String: Vocabularies]
    /// The keywords the draft has, but the references, in reading order (which is also their
    /// order within an evaluation class, so errors come out in this order).
    let keywords: [any ReadableKeyword.Type]
    /// Keywords holding one subschema, a map of them, or an array of them.
    let singleSubschemaKeywords: [String]
    let subschemaMapKeywords: [String]
    let subschemaArrayKeywords: [String]

    /// The rules of `draft`.
    static func of(_ draft: SchemaDraft) -> DraftRules {
        switch draft {
        case .draft4: return draft4
        case .draft6: return draft6
        case .draft7: return draft7
        case .draft2019_09: return draft2019_09
        case .draft2020_12: return draft2020_12
        }
    }

    /// Draft-04's keywords.
    static let draft4Keywords: [any ReadableKeyword.Type] = [
        TypeKeyword.self, EnumKeyword.self, MultipleOfKeyword.self, BoundKeyword.self, MaxLengthKeyword.self,
        MinLengthKeyword.self, PatternKeyword.self, CountKeyword.self, UniqueItemsKeyword.self, RequiredKeyword.self,
        DependentRequiredKeyword.self, ContentKeyword.self, FormatKeyword.self,
        ObjectShapeKeyword.self, PatternPropertiesKeyword.self, AdditionalPropertiesKeyword.self,
        DependentSchemasKeyword.self, ItemsKeyword.self, AllOfKeyword.self, AlternativesKeyword.self, NotKeyword.self,
    ]
    /// Draft-06's: `const`, `propertyNames` and `contains` added.
    static let draft6Keywords: [any ReadableKeyword.Type] = [
        TypeKeyword.self, EnumKeyword.self, ConstKeyword.self, MultipleOfKeyword.self, BoundKeyword.self,
        MaxLengthKeyword.self, MinLengthKeyword.self, PatternKeyword.self, CountKeyword.self, UniqueItemsKeyword.self,
        RequiredKeyword.self, DependentRequiredKeyword.self, ContentKeyword.self, FormatKeyword.self,
        ObjectShapeKeyword.self, PatternPropertiesKeyword.self, AdditionalPropertiesKeyword.self,
        PropertyNamesKeyword.self, DependentSchemasKeyword.self, ItemsKeyword.self, ContainsKeyword.self,
        AllOfKeyword.self, AlternativesKeyword.self, NotKeyword.self,
    ]
    /// Draft-07's: `if`/`then`/`else` added.
    static let draft7Keywords: [any ReadableKeyword.Type] = draft6Keywords + [ConditionalKeyword.self]
    /// 2019-09's and 2020-12's: `unevaluatedProperties`/`unevaluatedItems` added (how the
    /// others read differs by the rules above: arrays, dependencies, `contains` bounds).
    static let draft2019Keywords: [any ReadableKeyword.Type] =
        draft7Keywords + [UnevaluatedPropertiesKeyword.self, UnevaluatedItemsKeyword.self]

    static let draft4 = DraftRules(
        idKeyword: "id", refOverridesSiblings: true, fragmentIdentifiersAreAnchors: true, hasAnchorKeyword: false,
        booleanExclusiveBounds: true, itemsArrayForm: true,
        requiredDependencyKeywords: ["dependencies"], schemaDependencyKeywords: ["dependencies"],
        hasContainsBounds: false, hasRecursiveReferences: false, hasDynamicReferences: false,
        containsEvaluatesItems: false, contentIsAssertable: false, hostnamesAreRFC1123: true, vocabularies: [:],
        keywords: draft4Keywords,
        singleSubschemaKeywords: ["additionalItems", "additionalProperties", "items", "not"],
        subschemaMapKeywords: ["properties", "patternProperties", "definitions", "dependencies"],
        subschemaArrayKeywords: ["allOf", "anyOf", "oneOf", "items"])

    static let draft6 = DraftRules(
        idKeyword: "$id", refOverridesSiblings: true, fragmentIdentifiersAreAnchors: true, hasAnchorKeyword: false,
        booleanExclusiveBounds: false, itemsArrayForm: true,
        requiredDependencyKeywords: ["dependencies"], schemaDependencyKeywords: ["dependencies"],
        hasContainsBounds: false, hasRecursiveReferences: false, hasDynamicReferences: false,
        containsEvaluatesItems: false, contentIsAssertable: false, hostnamesAreRFC1123: true, vocabularies: [:],
        keywords: draft6Keywords,
        singleSubschemaKeywords: ["additionalItems", "additionalProperties", "propertyNames", "items", "contains", "not"],
        subschemaMapKeywords: ["properties", "patternProperties", "definitions", "dependencies"],
        subschemaArrayKeywords: ["allOf", "anyOf", "oneOf", "items"])

    static let draft7 = DraftRules(
        idKeyword: "$id", refOverridesSiblings: true, fragmentIdentifiersAreAnchors: true, hasAnchorKeyword: false,
        booleanExclusiveBounds: false, itemsArrayForm: true,
        requiredDependencyKeywords: ["dependencies"], schemaDependencyKeywords: ["dependencies"],
        hasContainsBounds: false, hasRecursiveReferences: false, hasDynamicReferences: false,
        containsEvaluatesItems: false, contentIsAssertable: true, hostnamesAreRFC1123: false, vocabularies: [:],
        keywords: draft7Keywords,
        singleSubschemaKeywords: ["additionalItems", "additionalProperties", "propertyNames", "items", "contains",
                                  "if", "then", "else", "not"],
        subschemaMapKeywords: ["properties", "patternProperties", "definitions", "dependencies"],
        subschemaArrayKeywords: ["allOf", "anyOf", "oneOf", "items"])

    // 2019-09 and 2020-12 also honour draft-07's `dependencies`, as most validators do
    // (the suite's optional dependencies-compatibility tests).
    static let draft2019_09 = DraftRules(
        idKeyword: "$id", refOverridesSiblings: false, fragmentIdentifiersAreAnchors: false, hasAnchorKeyword: true,
        booleanExclusiveBounds: false, itemsArrayForm: true,
        requiredDependencyKeywords: ["dependentRequired", "dependencies"],
        schemaDependencyKeywords: ["dependentSchemas", "dependencies"],
        hasContainsBounds: true, hasRecursiveReferences: true, hasDynamicReferences: false,
        containsEvaluatesItems: false, contentIsAssertable: false, hostnamesAreRFC1123: false,
        vocabularies: [
            "https://json-schema.org/draft/2019-09/vocab/applicator": [.applicator, .unevaluated],
            "https://json-schema.org/draft/2019-09/vocab/validation": .validation,
        ],
        keywords: draft2019Keywords,
        singleSubschemaKeywords: ["additionalItems", "additionalProperties", "propertyNames", "items", "contains",
                                  "if", "then", "else", "not", "unevaluatedItems", "unevaluatedProperties",
                                  "contentSchema"],
        subschemaMapKeywords: ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas",
                               "dependencies"],
        subschemaArrayKeywords: ["allOf", "anyOf", "oneOf", "items"])

    static let draft2020_12 = DraftRules(
        idKeyword: "$id", refOverridesSiblings: false, fragmentIdentifiersAreAnchors: false, hasAnchorKeyword: true,
        booleanExclusiveBounds: false, itemsArrayForm: false,
        requiredDependencyKeywords: ["dependentRequired", "dependencies"],
        schemaDependencyKeywords: ["dependentSchemas", "dependencies"],
        hasContainsBounds: true, hasRecursiveReferences: false, hasDynamicReferences: true,
        containsEvaluatesItems: true, contentIsAssertable: false, hostnamesAreRFC1123: false,
        vocabularies: [
            "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator,
            "https://json-schema.org/draft/2020-12/vocab/validation": .validation,
            "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated,
            "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion,
        ],
        keywords: draft2019Keywords,
        singleSubschemaKeywords: ["additionalProperties", "propertyNames", "items", "contains", "if", "then", "else",
                                  "not", "unevaluatedItems", "unevaluatedProperties", "contentSchema"],
        subschemaMapKeywords: ["properties", "patternProperties", "$defs", "dependentSchemas", "dependencies"],
        subschemaArrayKeywords: ["allOf", "anyOf", "oneOf", "prefixItems"])
}
