public import FormaClient

/// What an extraction reports while it runs.
public enum ExtractionEvent: Sendable {
    /// A request is about to be sent (attempt number, messages).
    case requestSent(attempt: Int, messages: [ChatMessage])
    /// A reply arrived.
    case replyReceived(attempt: Int, text: String?, usage: Usage?, finishReason: FinishReason?)
    /// The reply was rejected.
    case validationFailed(attempt: Int, problems: [ExtractionProblem])
    /// The model is asked again with the problems.
    case reask(attempt: Int, message: String)
    /// The reply was truncated; retrying with more tokens.
    case truncationRetry(attempt: Int, maxTokens: Int)
    /// The extraction finished (successfully or not).
    case completed(attempts: Int, usage: Usage, succeeded: Bool)
}

/// Receives ``ExtractionEvent``s. Called synchronously on the extracting task: keep it quick.
public protocol ExtractionObserver: Sendable {
    /// Handles one event.
    func extraction(_ event: ExtractionEvent)
}

/// An observer made from a closure.
public struct ClosureExtractionObserver: ExtractionObserver {
    let handler: @Sendable (ExtractionEvent) -> Void
    /// Calls `handler` for every event.
    public init(_ handler: @escaping @Sendable (ExtractionEvent) -> Void) { self.handler = handler }
    public func extraction(_ event: ExtractionEvent) { handler(event) }
}
