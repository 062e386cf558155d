import ArgumentParser
import Forma
import FormaClient
import FormaJSON
import FormaSchema
import Foundation

/// `forma extract`: structured extraction over many documents, one JSON record per input.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract JSON (or a regex match) from every document of an input, one record per line.",
        discussion: """
            Inputs: JSONL (one object per line; --text-field holds the document, --id-field \
            the id, else the line number), CSV with a header row (a .csv file), or a directory \
            of text files (id = relative path). Output: one JSON line per input, \
            {id, ok, value | error, attempts, usage, model, latencyMs} (see \
            Schemas/forma-extract-record.schema.json), in input order unless --unordered. \
            --resume keeps the final records of an earlier run and redoes the rest. Ctrl-C \
            finishes the rows in flight and exits 130; a second Ctrl-C stops at once.

            --batch runs the rows through the provider's Batch API (Together, OpenAI): the \
            requests are uploaded, the batches' ids saved beside the output \
            (OUTPUT.forma-batch/) before waiting, replies checked like online ones, and \
            invalid, failed or missing rows re-asked (online by default). A killed or \
            interrupted run resumes with the same command plus --resume, re-attaching to \
            the same batches; --detach submits and exits.

            Exit status: 0 every record ok (or, with --detach, submitted); 1 some records \
            failed; 2 usage or configuration error, or a provider step that failed (the \
            state is kept: rerun with --resume); 130 interrupted.
            """
    )

    @OptionGroup var client: ClientOptions
    @OptionGroup(title: "Batch API") var batchOptions: BatchOptions

    @Option(help: "A JSON Schema file the extracted value must match.") var schema: String?
    @Option(help: "A regular expression the whole reply must match (instead of --schema).") var regex: String?
    @Option(help: "A JSONL or CSV file, a directory of text files, or - for standard input.") var input: String = "-"
    @Option(help: "The output file, or - for standard output.") var output: String = "-"
    @Option(help: "A prompt template: {{text}} is the document, {{field}} an input field.") var prompt: String?
    @Option(help: "A file holding the prompt template.") var promptFile: String?
    @Option(help: "The input field holding the document.") var textField: String = "text"
    @Option(help: "The input field holding the id (the line number when absent).") var idField: String = "id"
    @Option(help: "Rows in flight at once.") var concurrency: Int = 8
    @Option(help: "Requests per minute at most.") var rpm: Int?
    @Option(help: "Tokens per minute at most (prompts estimated, completions counted).") var tpm: Int?
    @Option(help: "Re-asks after an invalid reply.") var maxReasks: Int = 2
    @Option(help: "How to ask for structure.") var mode: ExtractionMode = .auto
    @Option(help: "The most tokens per reply.") var maxTokens: Int?
    @Option(help: "Sampling temperature.") var temperature: Double?
    @Option(help: "Reasoning effort for reasoning models.") var reasoningEffort: ReasoningEffortChoice?
    @Flag(help: "Ask for token logprobs and give each value a probability (\"confidence\" in records).")
    var confidence = false
    @Option(help: ArgumentHelp(
        "List values less sure than this probability in \"lowConfidence\" (with --confidence).", valueName: "P"))
    var flagBelow: Double?
    @Option(help: ArgumentHelp(
        "Answer requests identical to earlier successful ones from this directory, and keep new replies there.",
        valueName: "DIR"))
    var cache: String?
    @Option(help: ArgumentHelp("How long cached replies stay valid, in seconds (default: for ever).", valueName: "SECONDS"))
    var cacheTtl: Double?
    @Flag(help: "Do not check x-forma-grounded values against the text (to measure what grounding changes).")
    var noGrounding = false
    @Flag(help: "Keep the final records already in --output and run only the rest.") var resume = false
    @Option(help: ArgumentHelp(
        "Run only shard K of N (0 ≤ K < N): the rows whose id digest is K modulo N.",
        discussion: "N machines split one input without coordination; their outputs together hold one record per id.",
        valueName: "K/N")) var shard: ShardSelection?
    @Flag(help: "Write records as they complete instead of in input order.") var unordered = false
    @Flag(help: "No progress or summary on standard error.") var quiet = false
    @Option(help: .hidden) var retryBaseDelayMs: Int?

    func validate() throws {
        guard (schema == nil) != (regex == nil) else { throw ValidationError("give exactly one of --schema and --regex") }
        guard prompt == nil || promptFile == nil else { throw ValidationError("give at most one of --prompt and --prompt-file") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        if let rpm, rpm < 1 { throw ValidationError("--rpm must be at least 1") }
        if let tpm, tpm < 1 { throw ValidationError("--tpm must be at least 1") }
        guard maxReasks >= 0 else { throw ValidationError("--max-reasks must not be negative") }
        if let flagBelow {
            guard confidence else { throw ValidationError("--flag-below needs --confidence") }
            guard flagBelow > 0, flagBelow <= 1 else { throw ValidationError("--flag-below must be a probability in (0, 1]") }
        }
        if let cacheTtl {
            guard cache != nil else { throw ValidationError("--cache-ttl needs --cache DIR") }
            guard cacheTtl > 0, cacheTtl.isFinite else { throw ValidationError("--cache-ttl must be a positive number of seconds") }
        }
        if resume && output == "-" { throw ValidationError("--resume needs --output FILE") }
        if batchOptions.batch && output == "-" { throw ValidationError("--batch needs --output FILE (its state is kept beside it)") }
        if input == "-" && prompt == nil && promptFile == "-" { throw ValidationError("--prompt-file - conflicts with input on stdin") }
    }

    func run() async throws {
        POSIX.limitMallocArenas()
        do {
            try await runChecked()
        } catch let failure as CommandFailure {
            var standardError = StandardStream.error
            print("forma: \(failure.message)", to: &standardError)
            throw ExitStatus.usage
        }
    }

    private func runChecked() async throws {
        // Local inputs are checked before credentials: a bad schema, template or input file
        // is reported as such, not as a missing key.
        let goal = try loadGoal()
        let template = try loadTemplate()
        var names = RowFieldNames(text: textField, id: idField)
        names.keepsFields = template != nil
        let rowInput = try RowInput(path: input, names: names)
        let resumeState = resume ? try ResumeState.load(path: output) : ResumeState()
        let scan = try InputScan.run(rowInput, finals: resumeState.finals, shard: shard ?? .all)
        let model = try client.resolvedModel()

        var configuration = client.configuration()
        if let hint = client.missingKeyHint(configuration) { throw CommandFailure(hint) }
        if let base = retryBaseDelayMs {
            configuration.retryPolicy.initialDelay = .milliseconds(max(0, base))
            configuration.retryPolicy.maxDelay = .milliseconds(max(0, base) * 16)
        }

        let rows = try RowFeed(input: rowInput, finals: resumeState.finals, shard: shard ?? .all)
        let batchState = batchOptions.batch ? try existingBatchState(fingerprint: scan.fingerprint, model: model) : nil
        let descriptor: Int32 = output == "-" ? 1 : try RecordWriter.openOutput(path: output, keep: resume || batchState != nil)

        let tally = ExtractTally(total: scan.toRun, resumed: scan.resumed, resumedFailed: resumeState.failedCount)
        let pacer = RequestPacer(
            clock: ContinuousClock(), requestsPerMinute: rpm, tokensPerMinute: tpm,
            defaultPause: configuration.retryPolicy.initialDelay)
        let transport: any Transport
        do {
            transport = PacedTransport(base: try CurlTransport(configuration: configuration.transport), pacer: pacer, tally: tally)
        } catch {
            throw CommandFailure("cannot set up the HTTP transport: \(error)")
        }
        let chatClient: ChatClient
        do {
            chatClient = try ChatClient(configuration: configuration, transport: transport)
        } catch {
            throw CommandFailure("\(error)")
        }
        let target = goal.target(client: chatClient, model: model, options: try options())
        var runner = RowRunner(target: target, template: template, model: model)
        if confidence {
            runner.flagBelow = flagBelow
            runner.missingLogprobs = WarnOnce(
                "the server sent no token logprobs; records carry no \"confidence\" (it may not support them)", quiet: quiet)
        }
        if batchOptions.batch {
            defer { if descriptor != 1 { POSIX.close(descriptor) } }
            let status = try await runBatch(
                client: chatClient, runner: runner, rows: rows, existing: batchState, fingerprint: scan.fingerprint,
                model: model, descriptor: descriptor, tally: tally, finals: resumeState.finals)
            if status != .success { throw status }
            return
        }
        let session = ExtractSession(
            rows: rows, runner: runner, pacer: pacer, tally: tally, concurrency: concurrency, ordered: !unordered,
            descriptor: descriptor, quiet: quiet)
        let status = await session.run()
        if descriptor != 1 { POSIX.close(descriptor) }
        if let failure = rows.failure { throw failure }
        if status != .success { throw status }
    }

    private func options() throws -> ExtractionOptions {
        var options = ExtractionOptions(mode: mode, maxReasks: maxReasks)
        options.confidence = confidence
        options.grounding = !noGrounding
        if let cache {
            do {
                options.cache = try ResponseCache(directory: cache, timeToLive: cacheTtl.map { .milliseconds(Int64($0 * 1000)) })
            } catch {
                throw CommandFailure("--cache: \(error)")
            }
        }
        options.sampling.maxTokens = maxTokens
        options.sampling.temperature = temperature
        options.reasoningEffort = reasoningEffort?.rawValue
        return options
    }

    private func loadTemplate() throws -> PromptTemplate? {
        if let prompt { return try PromptTemplate(prompt) }
        guard let promptFile else { return nil }
        let file = try InputFile(path: promptFile)
        guard let bytes = try file.readAll(limit: 16 << 20) else { throw CommandFailure("\(promptFile): larger than 16 MiB") }
        return try PromptTemplate(String(decoding: bytes, as: UTF8.self))
    }

    /// What every row is extracted as: a compiled schema or pattern target.
    enum Goal {
        case schema(ExtractionTarget<JSONValue>)
        case pattern(ExtractionTarget<String>)

        func target(client: ChatClient, model: String, options: ExtractionOptions) -> RowRunner.Target {
            switch self {
            case .schema(let target): return .schema(Extractor(client: client, model: model, target: target, options: options))
            case .pattern(let target): return .pattern(Extractor(client: client, model: model, target: target, options: options))
            }
        }
    }

    /// Reads and compiles `--schema` or `--regex`, with located errors.
    private func loadGoal() throws -> Goal {
        if let regex {
            do {
                return .pattern(try ExtractionTarget<String>.string(matching: regex))
            } catch {
                throw CommandFailure("--regex: \(error)")
            }
        }
        let path = schema ?? ""
        // The loader reports an unreadable file, bad JSON or an invalid schema with locations,
        // as `forma validate` does; its validator is not needed (the target compiles its own).
        _ = try SchemaLoader(path: path, formatAssertion: false, references: []).load()
        let file = try InputFile(path: path)
        guard let bytes = try file.readAll(limit: 256 << 20) else { throw CommandFailure("\(path): too large") }
        do {
            return .schema(try ExtractionTarget<JSONValue>.schema(JSONSchema(try JSONParser.parse(bytes))))
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
    }
}
