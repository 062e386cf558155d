public import FormaJSON

/// A JSON Schema compiled once and reusable from any number of threads.
///
/// Supports draft 2020-12 (the default) and draft-07 (chosen by `$schema`). References
/// resolve within the schema, to documents in a ``SchemaRegistry`` and to the bundled
/// meta-schemas — never over the network. `format` is an annotation unless
/// ``Options/formatAssertion`` is set.
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
        /// The draft for schemas without `$schema`.
        public var defaultDraft: SchemaDraft
        /// The schema's retrieval URI, the base for its relative references.
        public var baseURI: String?
        /// How deep evaluation may nest (schema levels through references) before failing.
        public var maxEvaluationDepth: Int

        /// Options with format annotation only, draft 2020-12 by default, no base URI.
        public init(
            formatAssertion: Bool = false, defaultDraft: SchemaDraft = .draft2020_12, baseURI: String? = nil,
            maxEvaluationDepth: Int = 1_000
        ) {
            self.formatAssertion = formatAssertion
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
            registry: registry, defaultDraft: options.defaultDraft, formatAssertion: options.formatAssertion)
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
        return ValidationResult(errors: evaluation.errors)
    }
}

extension Validator {
    /// The validator of a draft's meta-schema, compiled once.
    public static func metaschema(for draft: SchemaDraft) -> Validator {
        switch draft {
        case .draft2020_12: return metaschema2020
        case .draft7: return metaschema7
        }
    }

    private static let metaschema2020 = compileMetaschema(.draft2020_12)
    private static let metaschema7 = compileMetaschema(.draft7)

    private static func compileMetaschema(_ draft: SchemaDraft) -> Validator {
        // The bundled meta-schemas are fixed inputs checked by tests, so this cannot fail
        // at run time unless the build itself is broken.
        guard let document = SchemaRegistry.metaschemas[draft.metaschemaURI],
            let validator = try? Validator(schema: document, options: Options(defaultDraft: draft, baseURI: draft.metaschemaURI))
        else { fatalError("bundled meta-schema for \(draft) failed to compile") }
        return validator
    }

    /// Checks `schema` against the meta-schema of the draft it declares (or `defaultDraft`).
    /// Custom meta-schemas are not followed: the standard one of their draft applies.
    public static func checkSchema(_ schema: JSONSchema, defaultDraft: SchemaDraft = .draft2020_12) -> ValidationResult {
        metaschema(for: schema.declaredDraft ?? defaultDraft).validate(schema.value)
    }
}
