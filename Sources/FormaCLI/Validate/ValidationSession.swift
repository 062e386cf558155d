import FormaSchema

/// Validates a list of inputs one after another, writing reports to standard output.
///
/// A path ending in `.jsonl` or `.ndjson` (or any input, with `forceJSONL`) is read as
/// JSON Lines, streamed in chunks; anything else, `-` (standard input) included, holds one
/// JSON document. An input that cannot be read is reported on standard error, counted,
/// and the run goes on with the next one.
final class ValidationSession {
    /// How inputs are read and reported.
    struct Settings {
        /// The output format.
        var format: ReportFormat = .text
        /// Read every input, standard input included, as JSON Lines.
        var forceJSONL = false
        /// The largest instance (line or document) accepted, in bytes.
        var maxInstanceBytes = 256 << 20
        /// How much of a JSONL file to read at once.
        var chunkBytes = 1 << 20
        /// Threads checking lines in parallel.
        var workers = POSIX.activeProcessorCount
    }

    private let validator: Validator
    /// One validator per worker thread (the first is `validator`): workers then share no
    /// compiled nodes, whose reference counts they would otherwise contend on.
    private let laneValidators: [Validator]
    private let settings: Settings
    private let sink: OutputSink
    /// The counts so far.
    private(set) var tally = ValidationTally()

    /// A session validating against `validator` and writing to `sink`.
    init(validator: Validator, settings: Settings, sink: OutputSink) {
        self.validator = validator
        self.laneValidators = [validator] + (1..<max(1, settings.workers)).map { _ in validator.independentCopy() }
        self.settings = settings
        self.sink = sink
    }

    /// Validates every instance of the input at `path`, read as JSON Lines when `jsonl` is
    /// true (by default: by its extension, or when the settings force it).
    func validate(path: String, jsonl: Bool? = nil) {
        do {
            let file = try InputFile(path: path)
            let reporter = InstanceReporter(format: settings.format, fileName: file.displayName)
            let checker = InstanceChecker(validator: validator, reporter: reporter, maxInstanceBytes: settings.maxInstanceBytes)
            if jsonl ?? isJSONL(path) {
                let reader = JSONLReader(file: file, chunkBytes: settings.chunkBytes, maxLineBytes: settings.maxInstanceBytes)
                let checkers = laneValidators.map {
                    InstanceChecker(validator: $0, reporter: reporter, maxInstanceBytes: settings.maxInstanceBytes)
                }
                tally.add(try ParallelLineChecker(checkers: checkers).run(reader, sink: sink))
            } else {
                try validateDocument(file, checker: checker)
            }
        } catch {
            sink.flush()
            var standardError = StandardStream.error
            print("\(error)", to: &standardError)
            tally.unreadableFiles += 1
        }
    }

    private func isJSONL(_ path: String) -> Bool {
        settings.forceJSONL || path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")
    }

    private func validateDocument(_ file: InputFile, checker: InstanceChecker) throws {
        var output: [UInt8] = []
        guard let bytes = try file.readAll(limit: settings.maxInstanceBytes) else {
            checker.reportOversized(line: 1, into: &output)
            sink.write(output)
            tally.invalid += 1
            return
        }
        let valid = bytes.withUnsafeBytes { checker.check($0, line: 1, into: &output) }
        sink.write(output)
        if valid { tally.valid += 1 } else { tally.invalid += 1 }
    }
}
