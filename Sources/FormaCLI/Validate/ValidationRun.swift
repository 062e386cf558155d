import FormaDocuments
import FormaJSON
import FormaSchema

/// Validates many files, each against the schema chosen for it, in every input format.
///
/// The schema of a file is, in order: `--schema`; the first `--catalog` entry whose
/// `fileMatch` matches it; its YAML `# yaml-language-server: $schema=…` modeline; its first
/// document's `$schema` member. A file with none is skipped (an error with
/// `--require-schema`). JSON and JSON Lines files whose schema is known before reading go
/// through ``ValidationSession`` (the streaming, parallel text-check path, unchanged);
/// everything else is read whole into ``Document``s, whose positions locate each error.
/// Validators are compiled once per schema file.
final class ValidationRun {
    /// What the run was asked to do.
    struct Options {
        var report: ReportFormat = .text
        var inputFormat: InputFormat?
        var forceJSONL = false
        var schema: String?
        var catalog: SchemaCatalog?
        var requireSchema = false
        var references: [ReferenceMapping] = []
        /// How a schema file is loaded (format assertion, drafts, …): the command's one
        /// place for schema options, whatever the file.
        var makeLoader: (String) -> SchemaLoader = { SchemaLoader(path: $0, formatAssertion: false, references: []) }
        var session = ValidationSession.Settings()
    }

    private let options: Options
    private let sink: OutputSink
    private let resolver: SchemaReference
    private var validators: [String: Validator?] = [:]
    private var sessions: [String: ValidationSession] = [:]
    private var ownTally = ValidationTally()

    init(options: Options, sink: OutputSink) {
        self.options = options
        self.sink = sink
        self.resolver = SchemaReference(mappings: options.references)
    }

    /// The counts over every file so far.
    var tally: ValidationTally {
        var total = ownTally
        for session in sessions.values { total.add(session.tally) }
        return total
    }

    /// Counts an argument that expanded to nothing (reported by the caller).
    func countUnmatchedArgument() { ownTally.unreadableFiles += 1 }

    /// Validates every instance in `path`.
    func validate(path: String) {
        let format = options.inputFormat ?? (options.forceJSONL ? .jsonl : (path == "-" ? .json : InputFormat(path: path)))
        var schemaFile: String?
        do {
            schemaFile = try schemaBeforeReading(path)
        } catch {
            fail("\(path): \(error)")
            return
        }
        if let schemaFile, format == .json || format == .jsonl {
            guard let session = session(for: schemaFile) else {
                ownTally.unreadableFiles += 1
                return
            }
            session.validate(path: path, jsonl: format == .jsonl)
            return
        }
        validateDocuments(path: path, format: format, schemaFile: schemaFile)
    }

    private func schemaBeforeReading(_ path: String) throws -> String? {
        if let schema = options.schema { return schema }
        if let catalog = options.catalog, let entry = catalog.entry(for: path) {
            return try resolver.file(for: entry.url, baseDirectory: SchemaReference.directory(of: catalog.path))
        }
        return nil
    }

    private func validateDocuments(path: String, format: InputFormat, schemaFile known: String?) {
        let bytes: [UInt8]
        let reporter: InstanceReporter
        do {
            let file = try InputFile(path: path)
            reporter = InstanceReporter(format: options.report, fileName: file.displayName)
            guard let read = try file.readAll(limit: options.session.maxInstanceBytes, chunkSize: 16 << 10) else {
                var output: [UInt8] = []
                reporter.oversized(line: 1, limit: options.session.maxInstanceBytes, into: &output)
                sink.write(output)
                ownTally.invalid += 1
                return
            }
            bytes = read
        } catch {
            fail("\(error)")
            return
        }
        if format == .jsonl, known == nil {
            skip(path, reason: "JSON Lines needs --schema or a --catalog entry")
            return
        }
        var output: [UInt8] = []
        defer { sink.write(output) }
        let documents: [Document]
        do {
            documents = try DocumentReader.read(bytes, format: format.documentFormat)
        } catch let error as DocumentError {
            reporter.malformed(line: 1, position: error.position, formatName: format.displayName, message: error.message, into: &output)
            ownTally.invalid += 1
            return
        } catch {
            fail("\(path): \(error)")
            return
        }
        var schemaFile = known
        if schemaFile == nil {
            let base = SchemaReference.directory(of: path)
            let named = (format == .yaml ? SchemaReference.modeline(in: bytes) : nil) ?? documents.first?.value["$schema"]?.string
            if let named {
                do {
                    schemaFile = try resolver.file(for: named, baseDirectory: base)
                } catch {
                    fail("\(path): \(error)")
                    return
                }
            }
        }
        guard let schemaFile else {
            skip(path, reason: "no schema (give --schema or --catalog, or name one with $schema or a yaml-language-server modeline)")
            return
        }
        guard let validator = validator(for: schemaFile) else {
            ownTally.unreadableFiles += 1
            return
        }
        for document in documents {
            let index = format == .yaml ? document.index : nil
            // Most documents are valid: the boolean check collects no errors.
            let result = validator.isValid(document.value) ? ValidationResult(errors: []) : validator.validate(document.value)
            if result.isValid {
                reporter.valid(line: document.start.line, document: index, into: &output)
                ownTally.valid += 1
            } else {
                reporter.invalid(
                    line: document.start.line, document: index, errors: LocatedViolation.locate(result.errors, in: document),
                    into: &output)
                ownTally.invalid += 1
            }
        }
    }

    private func skip(_ path: String, reason: String) {
        var standardError = StandardStream.error
        if options.requireSchema {
            sink.flush()
            print("\(path): error: \(reason)", to: &standardError)
            ownTally.invalid += 1
        } else {
            sink.flush()
            print("\(path): skipped: \(reason)", to: &standardError)
            ownTally.skippedFiles += 1
        }
    }

    private func fail(_ message: String) {
        sink.flush()
        var standardError = StandardStream.error
        print(message, to: &standardError)
        ownTally.unreadableFiles += 1
    }

    /// The compiled schema in `file`, compiled once; `nil` (reported once) when it fails.
    func validator(for file: String) -> Validator? {
        if let cached = validators[file] { return cached }
        let loader = options.makeLoader(file)
        do {
            let validator = try loader.load()
            validators[file] = validator
            return validator
        } catch {
            sink.flush()
            var standardError = StandardStream.error
            print("\(error)", to: &standardError)
            validators[file] = .some(nil)
            return nil
        }
    }

    private func session(for file: String) -> ValidationSession? {
        if let session = sessions[file] { return session }
        guard let validator = validator(for: file) else { return nil }
        var settings = options.session
        settings.format = options.report
        let session = ValidationSession(validator: validator, settings: settings, sink: sink)
        sessions[file] = session
        return session
    }
}
