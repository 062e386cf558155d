import ArgumentParser
import FormaJSON
import FormaSchema

/// `forma validate`: checks JSON, JSON Lines, JSONC, JSON5, YAML and TOML files against
/// JSON Schemas.
///
/// Errors go to standard output, one line each (`FILE:LINE:COLUMN: POINTER: message`), one
/// JSON record per instance (`--output json`), GitHub workflow commands (`github`) or one
/// SARIF log (`sarif`); the summary, skipped files and any schema or I/O problem go to
/// standard error. Exit status: 0 all valid, 1 any invalid, 2 usage, unreadable input, an
/// argument matching no file, or an invalid schema.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON, JSON Lines, JSONC, JSON5, YAML and TOML files against JSON Schemas.",
        discussion: """
            FILE is a file, a directory (searched recursively for .json, .jsonc, .json5, \
            .jsonl, .ndjson, .yaml, .yml and .toml files), a glob (quoted; ** matches any \
            number of directories), or - for standard input. The format follows the \
            extension unless --input-format is given; each YAML document is an instance. \
            With --schema and no FILE only the schema is checked.

            Each file's schema is --schema, else the first --catalog entry whose fileMatch \
            matches it, else its YAML "# yaml-language-server: $schema=..." modeline or its \
            "$schema" member. URLs resolve through --ref; nothing is fetched. Files without \
            a schema are skipped (an error with --require-schema).

            Text output, on standard output, is one line per error: \
            FILE:LINE:COLUMN: POINTER: message (POINTER is / for the whole instance; a missing \
            property points at its object, an additional one at its key); a file that cannot \
            be read in its format reads FILE:LINE:COLUMN: invalid YAML: message. The summary \
            goes to standard error.

            Exit status: 0 all valid, 1 some instance invalid, 2 usage error, unreadable file, \
            a FILE matching nothing, or a schema that is not valid JSON or not a valid schema.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The JSON Schema to validate every file against.", valueName: "schema"))
    var schema: String?

    @Option(name: .long, help: ArgumentHelp("A schema catalog (SchemaStore catalog.json format) choosing each file's schema by fileMatch.", valueName: "catalog"))
    var catalog: String?

    @Option(name: .long, help: "Read every file in this format instead of by its extension.")
    var inputFormat: InputFormat?

    @Flag(name: .long, help: "Fail on files for which no schema is found instead of skipping them.")
    var requireSchema = false

    // Asserted by default, as check-jsonschema and ajv with ajv-formats do: CI users expect
    // an invalid date to fail. The library's default stays annotation (the drafts' default).
    @Flag(
        name: .long, inversion: .prefixedNo,
        help: "Assert \"format\" (date, email, …); --no-format-assertion treats it as an annotation.")
    var formatAssertion = true

    @Flag(name: .long, help: "Assert draft-07 contentEncoding (base64) and contentMediaType (application/json).")
    var contentAssertion = false

    @Option(name: .long, help: "The draft of schemas without $schema.")
    var defaultDraft = DraftOption(.draft2020_12)

    @Option(
        name: .customLong("ref"),
        help: ArgumentHelp("Resolve $ref URIs starting with URI-PREFIX to files under DIR (repeatable).", valueName: "URI-PREFIX=DIR"))
    var references: [String] = []

    @Option(name: .long, help: "Output format: text (FILE:LINE:COLUMN lines), json (one record per instance), github (workflow commands) or sarif (one SARIF 2.1.0 log).")
    var output: ReportFormat = .text

    @Flag(name: .long, help: "Read every input, - included, as JSON Lines.")
    var jsonl = false

    @Option(name: [.short, .long], help: "Threads validating in parallel (default: all processors).")
    var jobs: Int?

    @Option(name: .long, help: .hidden)
    var maxInstanceBytes = 256 << 20

    @Option(name: .long, help: .hidden)
    var chunkBytes = 1 << 20

    @Argument(help: ArgumentHelp("Files, directories or globs; - for standard input.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        for reference in references {
            guard let mapping = ReferenceMapping(argument: reference) else {
                throw ArgumentParser.ValidationError("--ref expects URI-PREFIX=DIR, got \"\(reference)\"")
            }
            guard POSIX.isDirectory(mapping.directory) else {
                throw ArgumentParser.ValidationError("--ref \(reference): \(mapping.directory) is not a directory")
            }
        }
        if schema == nil, catalog == nil, files.isEmpty {
            throw ArgumentParser.ValidationError("give --schema, --catalog or files whose $schema names their schema")
        }
        if let jobs, jobs < 1 { throw ArgumentParser.ValidationError("--jobs must be at least 1") }
        guard maxInstanceBytes > 0, chunkBytes > 0 else {
            throw ArgumentParser.ValidationError("--max-instance-bytes and --chunk-bytes must be positive")
        }
    }

    func run() throws {
        var standardError = StandardStream.error
        let mappings = references.compactMap(ReferenceMapping.init(argument:))
        var options = ValidationRun.Options()
        options.report = output
        options.inputFormat = inputFormat
        options.forceJSONL = jsonl
        options.schema = schema
        options.requireSchema = requireSchema
        options.references = mappings
        // Every schema, from --schema, a catalog or a document's $schema, loads alike.
        options.makeLoader = { [formatAssertion, contentAssertion, defaultDraft] path in
            SchemaLoader(
                path: path, formatAssertion: formatAssertion, references: mappings,
                contentAssertion: contentAssertion, defaultDraft: defaultDraft.draft)
        }
        options.session.format = output
        options.session.forceJSONL = jsonl
        options.session.maxInstanceBytes = maxInstanceBytes
        options.session.chunkBytes = chunkBytes
        if let jobs { options.session.workers = jobs }
        if let catalog {
            do {
                options.catalog = try SchemaCatalog(path: catalog)
            } catch {
                print("\(error)", to: &standardError)
                throw ExitStatus.usage
            }
        }
        let sink = output == .sarif ? OutputSink.capturing() : OutputSink(descriptor: 1)
        let run = ValidationRun(options: options, sink: sink)
        if let schema {
            guard run.validator(for: schema) != nil else { throw ExitStatus.usage }
            guard !files.isEmpty else {
                print("\(schema): schema OK", to: &standardError)
                return
            }
        }
        let expansion = InputExpansion(arguments: files)
        for problem in expansion.problems {
            print(problem, to: &standardError)
            run.countUnmatchedArgument()
        }
        for file in expansion.files { run.validate(path: file) }
        if output == .sarif {
            let log = SARIFLog.log(results: sink.takeCaptured())
            let stdout = OutputSink(descriptor: 1)
            stdout.write(log.serializedBytes())
            stdout.write([0x0A])
            stdout.flush()
        } else {
            sink.flush()
        }
        let tally = run.tally
        print(tally.summary, to: &standardError)
        let status = tally.exitStatus
        if status != ExitStatus.success { throw status }
    }
}
