import Forma
import FormaClient
import FormaJSON

/// Runs one input row through the extraction engine and turns the outcome into a record.
struct RowRunner: Sendable {
    /// What to extract: JSON valid against a schema, or a string matching a pattern.
    enum Target: Sendable {
        case schema(Extractor<JSONValue>)
        case pattern(Extractor<String>)
    }

    let target: Target
    let template: PromptTemplate?
    let model: String
    /// `--flag-below`: leaves less sure than this are listed in `lowConfidence`.
    var flagBelow: Double?
    /// Said once when `--confidence` was asked for and a reply came without logprobs.
    var missingLogprobs: WarnOnce?

    /// The messages for `row`, or the input record that says why it has none.
    func messages(for row: InputRow) -> Result<[ChatMessage], RowProblem> {
        if let problem = row.problem { return .failure(RowProblem(message: "\(row.location): \(problem)")) }
        guard let template else { return .success(PromptTemplate.defaultMessages(for: row)) }
        return template.messages(for: row).mapError { RowProblem(message: "\(row.location): \($0.message)") }
    }

    /// The record for `row` and the re-asks it took.
    func run(_ row: InputRow) async -> (record: ExtractRecord, reasks: Int) {
        let started = ContinuousClock.now
        switch messages(for: row) {
        case .failure(let problem): return (inputFailure(id: row.id, problem.message, started: started), 0)
        case .success(let messages):
            // Spans refer to the row's text; with a template that quotes other fields too,
            // grounded values are looked for in the rendered user messages.
            let source = template?.quotesOtherFields == true ? nil : row.text
            return await outcome(id: row.id, started: started) {
                switch target {
                case .schema(let extractor):
                    return Outcome(try await extractor.run(messages: messages, source: source)) { $0 }
                case .pattern(let extractor):
                    return Outcome(try await extractor.run(messages: messages, source: source)) { .string($0) }
                }
            }
        }
    }

    /// What an extraction gave, whatever its value type.
    struct Outcome {
        var value: JSONValue
        var attempts: [ExtractionAttempt]
        var usage: Usage
        var reasks: Int
        var spans: [JSONPointer: Range<Int>]
        var confidence: [JSONPointer: Double]?

        init<Value>(_ extraction: Extraction<Value>, _ json: (Value) -> JSONValue) {
            value = json(extraction.value)
            attempts = extraction.attempts
            usage = extraction.usage
            reasks = extraction.reasks
            spans = extraction.spans
            confidence = extraction.confidence
        }
    }

    /// The record of an extraction run by `body`; `history` adds what earlier batch rounds
    /// spent on the row (their attempts and tokens).
    func outcome(
        id: JSONValue, started: ContinuousClock.Instant, history: BatchPartWriter.History = .init(),
        _ body: () async throws -> Outcome
    ) async -> (record: ExtractRecord, reasks: Int) {
        let earlier = Usage(promptTokens: history.promptTokens, completionTokens: history.completionTokens)
        do {
            let result = try await body()
            var record = ExtractRecord(
                id: id, result: .value(result.value), attempts: history.attempts + result.attempts.count,
                usage: earlier + result.usage, model: model, latency: ContinuousClock.now - started)
            record.spans = result.spans
            record.cached = result.attempts.filter(\.cached).count
            if let missingLogprobs {
                if let confidence = result.confidence {
                    record.confidence = confidence
                    if let flagBelow { record.lowConfidence = confidence.filter { $0.value < flagBelow }.map(\.key) }
                } else {
                    missingLogprobs.warn()
                }
            }
            return (record, result.reasks)
        } catch let error as ExtractionError {
            var message = error.message
            if let apiError = error.apiError { message = apiError.description }
            let failed = ExtractRecord.Failure(
                kind: error.kind.description, message: message, errors: error.problems, retryable: error.isRetryable,
                candidate: error.lastParsed)
            let reasks = error.attempts.filter { $0.outcome == .reasked }.count
            var record = ExtractRecord(
                id: id, result: .failure(failed), attempts: history.attempts + error.attempts.count, usage: earlier + error.usage,
                model: model, latency: ContinuousClock.now - started)
            record.cached = error.attempts.filter(\.cached).count
            return (record, reasks)
        } catch let error as APIError {
            let retryable = [.rateLimited, .server, .timeout, .connection, .cancelled].contains(error.kind)
            return (failure(id: id, kind: "api", error.description, retryable: retryable, history: history, started: started), 0)
        } catch {
            return (failure(id: id, kind: "api", "\(error)", retryable: true, history: history, started: started), 0)
        }
    }

    /// The record of a row that cannot be extracted from.
    func inputFailure(id: JSONValue, _ message: String, started: ContinuousClock.Instant) -> ExtractRecord {
        failure(id: id, kind: "input", message, retryable: false, history: .init(), started: started)
    }

    /// A failure record.
    func failure(
        id: JSONValue, kind: String, _ message: String, errors: [ExtractionProblem] = [], retryable: Bool,
        history: BatchPartWriter.History, started: ContinuousClock.Instant
    ) -> ExtractRecord {
        ExtractRecord(
            id: id, result: .failure(.init(kind: kind, message: message, errors: errors, retryable: retryable)),
            attempts: history.attempts, usage: Usage(promptTokens: history.promptTokens, completionTokens: history.completionTokens),
            model: model, latency: ContinuousClock.now - started)
    }
}
