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

    /// The record for `row` and the re-asks it took.
    func run(_ row: InputRow) async -> (record: ExtractRecord, reasks: Int) {
        let started = ContinuousClock.now
        func failure(_ kind: String, _ message: String, retryable: Bool = false) -> ExtractRecord {
            ExtractRecord(
                id: row.id, result: .failure(.init(kind: kind, message: message, retryable: retryable)),
                attempts: 0, usage: Usage(), model: model, latency: ContinuousClock.now - started)
        }
        if let problem = row.problem { return (failure("input", "\(row.location): \(problem)"), 0) }
        let messages: [ChatMessage]
        if let template {
            switch template.messages(for: row) {
            case .success(let built): messages = built
            case .failure(let problem): return (failure("input", "\(row.location): \(problem.message)"), 0)
            }
        } else {
            messages = PromptTemplate.defaultMessages(for: row)
        }
        do {
            switch target {
            case .schema(let extractor):
                let result = try await extractor.run(messages: messages)
                return (record(row, .value(result.value), result.attempts, result.usage, started), result.reasks)
            case .pattern(let extractor):
                let result = try await extractor.run(messages: messages)
                return (record(row, .value(.string(result.value)), result.attempts, result.usage, started), result.reasks)
            }
        } catch let error as ExtractionError {
            var message = error.message
            if let apiError = error.apiError { message = apiError.description }
            let failed = ExtractRecord.Failure(
                kind: error.kind.description, message: message, errors: error.problems, retryable: error.isRetryable)
            let reasks = error.attempts.filter { $0.outcome == .reasked }.count
            return (record(row, .failure(failed), error.attempts, error.usage, started), reasks)
        } catch let error as APIError {
            let retryable = [.rateLimited, .server, .timeout, .connection, .cancelled].contains(error.kind)
            return (failure("api", error.description, retryable: retryable), 0)
        } catch {
            return (failure("api", "\(error)", retryable: true), 0)
        }
    }

    private func record(
        _ row: InputRow, _ result: ExtractRecord.Result, _ attempts: [ExtractionAttempt], _ usage: Usage,
        _ started: ContinuousClock.Instant
    ) -> ExtractRecord {
        ExtractRecord(id: row.id, result: result, attempts: attempts.count, usage: usage, model: model, latency: ContinuousClock.now - started)
    }
}
