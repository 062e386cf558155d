public import Logging

/// An ``ExtractionObserver`` that writes every event to a swift-log `Logger`, with the
/// attempt number as `forma.attempt` metadata.
///
/// At `info` it logs only counts, finish reasons and problem summaries — never prompts,
/// replies or keys. Message contents (the conversation sent, reply text, re-ask text) are
/// logged at `trace`, and only when `logContents` is set.
///
/// ```swift
/// var options = ExtractionOptions()
/// options.observer = LoggingExtractionObserver(logger: Logger(label: "app.extraction"))
/// ```
public struct LoggingExtractionObserver: ExtractionObserver {
    /// Where events go.
    public var logger: Logger
    /// The level for requests, replies and completion (failures log at `warning`, re-asks
    /// and retries at `notice`).
    public var level: Logger.Level
    /// Whether to log message contents (at `trace`). Off by default: prompts and replies
    /// may hold personal data.
    public var logContents: Bool

    /// An observer logging to `logger`.
    /// - Parameters:
    ///   - logger: The logger.
    ///   - level: The level of routine events (`info` by default).
    ///   - logContents: Whether to also log prompts and replies at `trace`.
    public init(logger: Logger, level: Logger.Level = .info, logContents: Bool = false) {
        self.logger = logger
        self.level = level
        self.logContents = logContents
    }

    /// Logs one event.
    /// - Parameter event: The event.
    public func extraction(_ event: ExtractionEvent) {
        switch event {
        case .requestSent(let attempt, let messages):
            logger.log(level: level, "extraction request sent", metadata: meta(attempt, ["forma.messages": "\(messages.count)"]))
            if logContents {
                let roles = messages.map { "\($0.role.rawValue): \($0.content ?? "")" }.joined(separator: "\n")
                logger.trace("extraction request contents", metadata: meta(attempt, ["forma.contents": "\(roles)"]))
            }
        case .replyReceived(let attempt, let text, let usage, let finishReason):
            var metadata: Logger.Metadata = ["forma.replyLength": "\(text?.count ?? 0)"]
            if let finishReason { metadata["forma.finishReason"] = "\(finishReason.rawValue)" }
            if let usage {
                metadata["forma.promptTokens"] = "\(usage.promptTokens)"
                metadata["forma.completionTokens"] = "\(usage.completionTokens)"
            }
            logger.log(level: level, "extraction reply received", metadata: meta(attempt, metadata))
            if logContents, let text { logger.trace("extraction reply contents", metadata: meta(attempt, ["forma.reply": "\(text)"])) }
        case .validationFailed(let attempt, let problems):
            let summary = problems.prefix(5).map(\.description).joined(separator: "; ")
            logger.warning(
                "extraction reply rejected",
                metadata: meta(attempt, ["forma.problemCount": "\(problems.count)", "forma.problems": "\(summary)"]))
        case .reask(let attempt, let message):
            logger.notice("extraction re-ask", metadata: meta(attempt, ["forma.reaskLength": "\(message.count)"]))
            if logContents { logger.trace("extraction re-ask contents", metadata: meta(attempt, ["forma.reask": "\(message)"])) }
        case .truncationRetry(let attempt, let maxTokens):
            logger.notice("extraction reply truncated, retrying", metadata: meta(attempt, ["forma.maxTokens": "\(maxTokens)"]))
        case .completed(let attempts, let usage, let succeeded):
            let metadata: Logger.Metadata = [
                "forma.attempts": "\(attempts)", "forma.totalTokens": "\(usage.totalTokens)", "forma.succeeded": "\(succeeded)",
            ]
            if succeeded {
                logger.log(level: level, "extraction completed", metadata: metadata)
            } else {
                logger.warning("extraction failed", metadata: metadata)
            }
        }
    }

    private func meta(_ attempt: Int, _ extra: Logger.Metadata) -> Logger.Metadata {
        extra.merging(["forma.attempt": "\(attempt)"]) { current, _ in current }
    }
}
