public import FormaJSON

/// A JSON Schema compiled once and reusable from any number of threads.
///
/// Supports drafts 2020-12 (the default), 2019-09, 07, 06 and 04, chosen by `$schema` (or
/// ``Options/defaultDraft`` when a schema has none); a `$schema` naming anything else is a
/// ``SchemaError`` of kind `unsupportedDraft`. References resolve within the schema, to
/// documents in a ``SchemaRegistry`` and to the bundled meta-schemas — never over the
/// network. `format` is an annotation unless ``Options/formatAssertion`` is set, and
/// draft-07's `contentEncoding`/`contentMediaType` unless ``Options/contentAssertion`` is.
///
/// ```swift
/// let validator = try Validator(schema: JSONSchema(parsing: #"{"type":"integer","minimum":0}"#))
/// validator.isValid(5)                          // true
/// validator.validate(-3).errors[0].description  // "at root: expected a number ≥ 0, got -3"
/// ```
public final class Validator: Sendable {
    /// How a schema is compiled and evaluated.
    public struct Options: Sendable {
        /// Whether `format` is asserted (an invalid `date-time` fails) instead of only annotated.
        public var formatAssertion: Bool
        /// Whether draft-07's `contentEncoding` (base64) and `contentMediaType`
        /// (`application/json`) are asserted instead of only annotated. Draft-07 allows
        /// either; 2019-09 and later define them as annotations, so this changes nothing there.
        public var contentAssertion: Bool
        /// The draft for schemas without `$schema`.
        public var defaultDraft: SchemaDraft
        /// The schema's retrieval URI, the base for its relative references.
        public var baseURI: String?
        /// How deep evaluation may nest (schema levels through references) before failing.
        public var maxEvaluationDepth: Int

        /// Options with format and content annotation only, draft 2020-12 by default, no base URI.
        public init(
            formatAssertion: Bool = false, contentAssertion: Bool = false, defaultDraft: SchemaDraft = .draft2020_12,
            baseURI: String? = nil, maxEvaluationDepth: Int = 1_000
        ) {
            self.formatAssertion = formatAssertion
            self.contentAssertion = contentAssertion
            self.defaultDraft = defaultDraft
            self.baseURI = baseURI
            self.maxEvaluationDepth = maxEvaluationDepth
        }
    }

    /// The schema this validator was compiled from.
    public let schema: JSONSchema
    /// The draft the schema is evaluated under.
    public let draft: SchemaDraft
    let root: SchemaNode
    let dynamicAnchors: [[String: SchemaNode]]
    let options: Options
    /// The program for checking JSON text while reading it, when the schema has one.
    let streamRoot: StreamNode?
    /// Where `$ref` looked for documents (kept for ``independentCopy()``).
    let registry: SchemaRegistry

    /// Compiles `schema`.
    /// - Parameters:
    ///   - schema: the schema document.
    ///   - options: draft, format assertion and base URI.
    ///   - registry: documents that `$ref` may name besides the bundled meta-schemas.
    /// - Throws: ``SchemaError`` for a keyword with an invalid value, an invalid regular
    ///   expression or a reference that resolves to nothing.
    public init(schema: JSONSchema, options: Options = Options(), registry: SchemaRegistry = SchemaRegistry()) throws {
        let compiler = SchemaCompiler(
            registry: registry, defaultDraft: options.defaultDraft, formatAssertion: options.formatAssertion,
            contentAssertion: options.contentAssertion)
        let (root, resources) = try compiler.compileRoot(schema.value, baseURI: options.baseURI)
        self.schema = schema
        self.root = root
        self.draft = resources[root.resourceID].draft
        self.dynamicAnchors = compiler.dynamicAnchorNodes()
        self.options = options
        self.streamRoot = StreamCompiler.compile(root)
        self.registry = registry
    }

    /// Compiles a schema given as a JSON value.
    /// - Throws: ``SchemaError`` as ``init(schema:options:registry:)`` does, or when the
    ///   value is neither an object nor a boolean.
    public convenience init(schema: JSONValue, options: Options = Options(), registry: SchemaRegistry = SchemaRegistry()) throws {
        try self.init(schema: JSONSchema(schema), options: options, registry: registry)
    }

    /// The same validator compiled again, sharing no objects with this one.
    ///
    /// A validator is safe to share between threads, but threads that run it at the same
    /// time update the reference counts of the same compiled nodes, which costs each of them
    /// cache misses; giving each busy thread its own copy avoids that.
    /// - Returns: The copy (this validator itself in the impossible case that the schema
    ///   that compiled once does not compile again).
    public func independentCopy() -> Validator {
        (try? Validator(schema: schema, options: options, registry: registry)) ?? self
    }

    /// Whether `instance` is valid. Stops at the first failure and builds no messages.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluation = Evaluation(collect: false, maxDepth: options.maxEvaluationDepth, dynamicAnchors: dynamicAnchors)
        return evaluation.evaluate(root, instance)
    }

    /// Validates `instance`, listing every error with its instance and keyword locations.
    public func validate(_ instance: JSONValue) -> ValidationResult {
        var evaluation = Evaluation(collect: true, maxDepth: options.maxEvaluationDepth, dynamicAnchors: dynamicAnchors)
        if evaluation.evaluate(root, instance) { return .valid }
        if evaluation.errors.isEmpty {
            // Defensive: a failing evaluation always reports; never return "valid" for it.
            return ValidationResult(errors: [SchemaViolation(
                instanceLocation: .root, keywordLocation: .root, keyword: "", message: "the value does not match the schema")])
        }
        return ValidationResult(errors: Self.distinct(evaluation.errors))
    }

    /// The errors without repeats: one problem reached through several paths (the 2020-12
    /// meta-schema checks `type` once per vocabulary, so a bad subschema failed it 8 times)
    /// is reported once, at its first keyword location.
    static func distinct(_ errors: [SchemaViolation]) -> [SchemaViolation] {
        guard errors.count > 1 else { return errors }
        struct Key: Hashable {
            let instance: JSONPointer
            let keyword: String
            let message: String
        }
        var seen = Set<Key>()
        return errors.filter { seen.insert(Key(instance: $0.instanceLocation, keyword: $0.keyword, message: $0.message)).inserted }
    }
}

extension Validator {
    /// The validator of a draft's meta-schema, compiled once.
    public static func metaschema(for draft: SchemaDraft) -> Validator {
        // Each is compiled on first use only (static stored properties are lazy).
        switch draft {
        case .draft2020_12: return metaschema2020_12
        case .draft2019_09: return metaschema2019_09
        case .draft7: return metaschema7
        case .draft6: return metaschema6
        case .draft4: return metaschema4
        }
    }

    private static let metaschema2020_12 = compileMetaschema(.draft2020_12)
    private static let metaschema2019_09 = compileMetaschema(.draft2019_09)
    private static let metaschema7 = compileMetaschema(.draft7)
    private static let metaschema6 = compileMetaschema(.draft6)
    private static let metaschema4 = compileMetaschema(.draft4)

    private static func compileMetaschema(_ draft: SchemaDraft) -> Validator {
        // The bundled meta-schemas are fixed inputs checked by tests, so this cannot fail
        // at run time unless the build itself is broken.
        guard let document = SchemaRegistry.metaschema(for: draft.metaschemaURI),
            let validator = try? Validator(schema: document, options: Options(defaultDraft: draft, baseURI: draft.metaschemaURI))
        else { fatalError("bundled meta-schema for \(draft) failed to compile") }
        return validator
    }

    /// Checks `schema` against the meta-schema of the draft it declares (or `defaultDraft`).
    /// Custom meta-schemas are not followed: the standard one of their draft applies.
    public static func checkSchema(_ schema: JSONSchema, defaultDraft: SchemaDraft = .draft2020_12) -> ValidationResult {
        metaschema(for: schema.declaredDraft ?? defaultDraft).validate(schema.value)
    }

    /// Checks `schema` against the meta-schema of its draft, following a custom meta-schema
    /// in `registry` to the draft it is written in.
    /// - Parameters:
    ///   - schema: the schema to check.
    ///   - defaultDraft: the draft when `schema` has no `$schema`.
    ///   - registry: where custom meta-schemas named by `$schema` are looked up.
    /// - Returns: The meta-schema's verdict.
    /// - Throws: ``SchemaError`` of kind `unsupportedDraft` when `$schema` names neither a
    ///   known draft nor a document in `registry`.
    public static func checkSchema(
        _ schema: JSONSchema, defaultDraft: SchemaDraft = .draft2020_12, registry: SchemaRegistry
    ) throws -> ValidationResult {
        let draft = try SchemaCompiler(registry: registry, defaultDraft: defaultDraft, formatAssertion: false)
            .dialect(of: schema.value, inherited: defaultDraft).0
        return metaschema(for: draft).validate(schema.value)
    }
}
