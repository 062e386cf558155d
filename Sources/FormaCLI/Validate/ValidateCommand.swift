import ArgumentParser
import FormaSchema

/// `forma validate`: checks JSON documents and JSON Lines files against a JSON Schema.
///
/// Errors go to standard output, one line each (`FILE:LINE: POINTER: message`) or one JSON
/// record per instance with `--output json`; the `N valid, M invalid` summary and any
/// schema or I/O problem go to standard error. Exit status: 0 all valid, 1 any invalid,
/// 2 usage, unreadable input or an invalid schema.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON documents or JSON Lines against a JSON Schema.",
        discussion: """
            FILE is a JSON document, a .jsonl/.ndjson file (one instance per line, blank lines \
            skipped), or - for standard input (one document, or JSON Lines with --jsonl). \
            With no FILE only the schema is checked.

            Text output, on standard output, is one line per error: FILE:LINE: POINTER: message \
            (POINTER is / for the whole instance); an instance that is not JSON reads \
            FILE:LINE:COLUMN: invalid JSON: message. The summary goes to standard error.

            Exit status: 0 all valid, 1 some instance invalid, 2 usage error, unreadable file, \
            or a schema that is not valid JSON or not a valid schema.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The JSON Schema to validate against.", valueName: "schema"))
    var schema: String

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

    @Option(name: .long, help: "Output format: text (one line per error) or json (one record per instance).")
    var output: ReportFormat = .text

    @Flag(name: .long, help: "Read every input, - included, as JSON Lines.")
    var jsonl = false

    @Option(name: [.short, .long], help: "Threads validating in parallel (default: all processors).")
    var jobs: Int?

    @Option(name: .long, help: .hidden)
    var maxInstanceBytes = 256 << 20

    @Option(name: .long, help: .hidden)
    var chunkBytes = 1 << 20

    @Argument(help: ArgumentHelp("JSON or JSON Lines files; - for standard input.", valueName: "file"))
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
        if let jobs, jobs < 1 { throw ArgumentParser.ValidationError("--jobs must be at least 1") }
        guard maxInstanceBytes > 0, chunkBytes > 0 else {
            throw ArgumentParser.ValidationError("--max-instance-bytes and --chunk-bytes must be positive")
        }
    }

    func run() throws {
        var standardError = StandardStream.error
        let loader = SchemaLoader(
            path: schema, formatAssertion: formatAssertion,
            references: references.compactMap(ReferenceMapping.init(argument:)),
            contentAssertion: contentAssertion, defaultDraft: defaultDraft.draft)
        let validator: Validator
        do {
            validator = try loader.load()
        } catch {
            print("\(error)", to: &standardError)
            throw ExitStatus.usage
        }
        guard !files.isEmpty else {
            print("\(schema): schema OK", to: &standardError)
            return
        }
        var settings = ValidationSession.Settings()
        settings.format = output
        settings.forceJSONL = jsonl
        settings.maxInstanceBytes = maxInstanceBytes
        settings.chunkBytes = chunkBytes
        if let jobs { settings.workers = jobs }
        let sink = OutputSink(descriptor: 1)
        let session = ValidationSession(validator: validator, settings: settings, sink: sink)
        for file in files { session.validate(path: file) }
        sink.flush()
        print(session.tally.summary, to: &standardError)
        let status = session.tally.exitStatus
        if status != ExitStatus.success { throw status }
    }
}
