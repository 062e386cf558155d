import FormaJSON
import FormaSchema

/// A `--ref URI-PREFIX=DIR` option: URIs starting with the prefix resolve to files in DIR.
struct ReferenceMapping: Sendable, Equatable {
    /// The URI prefix, such as `https://example.com/schemas/`.
    var prefix: String
    /// The directory the rest of the URI is looked up in.
    var directory: String

    /// Parses `URI-PREFIX=DIR`, splitting at the first `=`.
    /// - Returns: `nil` when there is no `=` or either side is empty.
    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        prefix = String(argument[..<equals])
        directory = String(argument[argument.index(after: equals)...])
        guard !prefix.isEmpty, !directory.isEmpty else { return nil }
    }
}

/// Reads, checks and compiles the schema given to `forma validate`.
///
/// Steps, each failing with a located ``CommandFailure``: read the file, parse it
/// (`SCHEMA:LINE:COLUMN: invalid JSON: …`), check it against its draft's meta-schema
/// (`SCHEMA: POINTER: message` per error), then compile it (`SCHEMA: <SchemaError>`).
/// The schema's retrieval URI is `file://` + its absolute path, and its directory is mapped
/// to `file://DIR/`, so relative `$ref`s to sibling files resolve without options.
struct SchemaLoader {
    /// The schema file as given on the command line.
    var path: String
    /// Whether `format` is asserted.
    var formatAssertion: Bool
    /// Extra URI-prefix → directory mappings for `$ref`.
    var references: [ReferenceMapping]
    /// Whether draft-07 `contentEncoding`/`contentMediaType` are asserted.
    var contentAssertion = false
    /// The draft of a schema without `$schema`.
    var defaultDraft: SchemaDraft = .draft2020_12
    /// The largest schema file accepted, in bytes.
    var maxBytes = 256 << 20

    /// Loads the schema and compiles its validator.
    /// - Returns: The validator.
    /// - Throws: ``CommandFailure`` with every problem found, one per line.
    func load() throws -> Validator {
        let registry = self.registry()
        let schema = try read(registry: registry)
        let options = Validator.Options(
            formatAssertion: formatAssertion, contentAssertion: contentAssertion, defaultDraft: defaultDraft,
            baseURI: "file://" + POSIX.absolutePath(path))
        do {
            return try Validator(schema: schema, options: options, registry: registry)
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
    }

    /// Where `$ref` looks: the schema's directory as `file://DIR/`, and the `--ref` mappings.
    func registry() -> SchemaRegistry {
        let absolute = POSIX.absolutePath(path)
        let directory = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.startIndex)])
        var registry = SchemaRegistry()
        registry.mapDirectory(directory.isEmpty ? "/" : directory, toPrefix: "file://" + directory + "/")
        for mapping in references {
            registry.mapDirectory(POSIX.absolutePath(mapping.directory), toPrefix: mapping.prefix)
        }
        return registry
    }

    /// Reads the schema file, parses it and checks it against its draft's meta-schema.
    /// - Parameter registry: where a custom meta-schema named by `$schema` is looked up.
    /// - Returns: The schema.
    /// - Throws: ``CommandFailure`` locating the JSON error, naming an unsupported draft or
    ///   listing meta-schema errors.
    func read(registry: SchemaRegistry? = nil) throws -> JSONSchema {
        let file = try InputFile(path: path)
        guard let bytes = try file.readAll(limit: maxBytes) else {
            throw CommandFailure("\(path): larger than the limit of \(maxBytes) bytes")
        }
        let value: JSONValue
        do {
            value = try bytes.withUnsafeBytes { try JSONParser.parse($0, options: .init(maxDepth: 512, maxBytes: maxBytes)) }
        } catch let error as JSONParseError {
            throw CommandFailure("\(path):\(error.line):\(error.column): invalid JSON: \(error.message)")
        }
        let schema: JSONSchema
        do {
            schema = try JSONSchema(value)
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
        let check: ValidationResult
        do {
            check = try Validator.checkSchema(schema, defaultDraft: defaultDraft, registry: registry ?? self.registry())
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
        guard check.isValid else {
            let lines = check.errors.map { "\(path): \(InstanceReporter.display($0.instanceLocation)): \($0.message)" }
            throw CommandFailure(lines.joined(separator: "\n"))
        }
        return schema
    }
}
