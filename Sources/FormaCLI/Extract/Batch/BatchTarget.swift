import Forma
import FormaClient
import FormaJSON

/// The extractor as `--batch` uses it, whatever its value type: the first request of a row,
/// the re-ask loop continued from a batch reply, and the follow-up for a batch re-ask round.
struct BatchTarget: Sendable {
    /// A batch reply, checked.
    enum Check: Sendable {
        /// Valid: the value.
        case valid(JSONValue)
        /// Invalid: the conversation a re-ask sends next, and what was wrong.
        case invalid(next: [ChatMessage], problems: [ExtractionProblem])
    }

    let runner: RowRunner

    /// The conversation of attempt 1 for a row's messages.
    func conversation(_ messages: [ChatMessage]) -> [ChatMessage] {
        switch runner.target {
        case .schema(let extractor): return extractor.instructedConversation(messages)
        case .pattern(let extractor): return extractor.instructedConversation(messages)
        }
    }

    /// The request sending `conversation`.
    func request(_ conversation: [ChatMessage]) -> ChatRequest {
        switch runner.target {
        case .schema(let extractor): return extractor.batchRequest(conversation)
        case .pattern(let extractor): return extractor.batchRequest(conversation)
        }
    }

    /// The row's record: attempt 1 is `first` (the batch's reply) when there is one; later
    /// attempts (re-asks, or everything when the batch had no reply) go online.
    func run(
        id: JSONValue, conversation: [ChatMessage], first: ChatResponse?, requestID: String?,
        history: BatchPartWriter.History, started: ContinuousClock.Instant
    ) async -> (record: ExtractRecord, reasks: Int) {
        await runner.outcome(id: id, started: started, history: history) {
            switch runner.target {
            case .schema(let extractor):
                let result = try await extractor.run(instructedConversation: conversation, first: first, requestID: requestID)
                return RowRunner.Outcome(result) { $0 }
            case .pattern(let extractor):
                let result = try await extractor.run(instructedConversation: conversation, first: first, requestID: requestID)
                return RowRunner.Outcome(result) { .string($0) }
            }
        }
    }

    /// Checks a batch reply without going online.
    func check(_ conversation: [ChatMessage], reply: ChatResponse) -> Check {
        switch runner.target {
        case .schema(let extractor):
            let (checked, next) = extractor.batchFollowUp(conversation, reply: reply)
            if let value = checked.value { return .valid(value) }
            return .invalid(next: next ?? conversation, problems: checked.problems)
        case .pattern(let extractor):
            let (checked, next) = extractor.batchFollowUp(conversation, reply: reply)
            if let value = checked.value { return .valid(.string(value)) }
            return .invalid(next: next ?? conversation, problems: checked.problems)
        }
    }

    /// The re-asks a row may still take after `attempts` batch attempts.
    var maxReasks: Int {
        switch runner.target {
        case .schema(let extractor): return extractor.options.maxReasks
        case .pattern(let extractor): return extractor.options.maxReasks
        }
    }
}
