import Foundation
public import FormaClient

/// Runs one extraction: request, check the reply, re-ask with located problems, within
/// separate budgets for re-asks, truncation and tokens.
///
/// Transport retries (429, 5xx, resets) are the client's `RetryPolicy`; the extractor only
/// sees replies that arrived.
public struct Extractor<Value: Sendable>: Sendable {
    /// The client requests go through.
    public let client: ChatClient
    /// The model asked.
    public let model: String
    /// What is extracted.
    public let target: ExtractionTarget<Value>
    /// Budgets, mode and request fields.
    public let options: ExtractionOptions

    /// The provider dialect of the client.
    let dialect: ProviderDialect
    /// The mode `options.mode` resolves to for this dialect and target.
    let mode: ExtractionMode
    /// Whether requests carry the provider's strict schema form (so replies get their
    /// strict-mode nulls pruned). Worked out once: every reply checks it.
    let sendsStrictSchema: Bool

    /// An extractor for `target` on `model`.
    public init(client: ChatClient, model: String, target: ExtractionTarget<Value>, options: ExtractionOptions = ExtractionOptions()) {
        self.client = client
        self.model = model
        self.target = target
        self.options = options
        let dialect = client.configuration.dialect
        let mode = options.mode.resolved(for: dialect, patternTarget: target.isPattern)
        self.dialect = dialect
        self.mode = mode
        self.sendsStrictSchema = (mode == .jsonSchema || mode == .tools) && (options.strictSchema ?? dialect.needsStrictSchema)
    }

    /// Extracts from a conversation.
    /// - Parameter messages: the conversation; the extractor adds its instructions.
    /// - Returns: the value and every attempt.
    /// - Throws: ``ExtractionError`` when no valid value came within the budgets.
    public func run(messages: [ChatMessage]) async throws -> Extraction<Value> {
        try await run(messages: messages) { conversation, maxTokens, _ in
            let response = try await client.complete(request(conversation, maxTokens: maxTokens))
            return FetchedReply(choice: response.choices.first, usage: response.usage, metadata: response.metadata)
        }
    }

    /// The re-ask loop over any way of getting a reply (whole, or streamed by
    /// `Extractor+Streaming.swift`): `fetch` gets the conversation, `max_tokens` and the
    /// attempt number.
    func run(
        messages: [ChatMessage], fetch: (_ conversation: [ChatMessage], _ maxTokens: Int?, _ attempt: Int) async throws -> FetchedReply
    ) async throws -> Extraction<Value> {
        try checkModeSupported()
        var conversation = instructed(messages)
        var attempts: [ExtractionAttempt] = []
        var usage = Usage()
        var maxTokens = options.sampling.maxTokens
        var reasksLeft = options.maxReasks
        var truncationsLeft = options.maxTruncationRetries
        var last: (raw: String?, parsed: JSONValue?, problems: [ExtractionProblem]) = (nil, nil, [])

        while true {
            let number = attempts.count + 1
            options.observer?.extraction(.requestSent(attempt: number, messages: conversation))
            let response: FetchedReply
            do {
                response = try await fetch(conversation, maxTokens, number)
            } catch let error as APIError {
                throw failure(.api, "\(error.kind): \(error.message)", attempts, last, usage, apiError: error)
            }
            let attemptUsage = response.usage
            if let attemptUsage { usage = usage + attemptUsage }
            let choice = response.choice
            let reply = ReplyReader(mode: mode).read(choice?.message)
            options.observer?.extraction(.replyReceived(
                attempt: number, text: reply.text, usage: attemptUsage, finishReason: choice?.finishReason))
            var attempt = ExtractionAttempt(
                number: number, messages: conversation, reply: reply.text, reasoning: reply.reasoning, problems: [],
                usage: attemptUsage, finishReason: choice?.finishReason, repairs: [],
                requestID: response.metadata.requestID, rateLimit: response.metadata.rateLimit,
                transportAttempts: response.metadata.attempts, latency: response.metadata.latency, outcome: .failed)

            if let budget = options.tokenBudget, usage.totalTokens > budget {
                attempts.append(attempt)
                throw failure(.tokenBudgetExceeded, "used \(usage.totalTokens) tokens of a budget of \(budget)", attempts, last, usage)
            }

            if choice?.finishReason == .length || reply.unterminatedReasoning {
                let current = maxTokens ?? 1024
                let next = min(options.maxTokensCap, current * 2)
                attempt.problems = [ExtractionProblem(stage: .truncated, location: nil, message: "the reply was cut off at max_tokens (\(maxTokens.map(String.init) ?? "server default"))")]
                last = (reply.text, nil, attempt.problems)
                if truncationsLeft > 0, next > current || maxTokens == nil {
                    truncationsLeft -= 1
                    maxTokens = maxTokens == nil ? max(next, 2048) : next
                    attempt.outcome = .truncated
                    attempts.append(attempt)
                    options.observer?.extraction(.truncationRetry(attempt: number, maxTokens: maxTokens ?? next))
                    continue
                }
                attempts.append(attempt)
                throw failure(.truncated, "the reply was cut off and the truncation budget is spent", attempts, last, usage)
            }

            let checked = check(reply.answer)
            attempt.repairs = checked.repairs
            switch checked.result {
            case .success(let value):
                attempt.outcome = .succeeded
                attempts.append(attempt)
                options.observer?.extraction(.completed(attempts: attempts.count, usage: usage, succeeded: true))
                return Extraction(
                    value: value, raw: reply.text ?? "", reasoning: reply.reasoning, attempts: attempts, usage: usage,
                    finishReason: choice?.finishReason)
            case .failure(let problems):
                attempt.problems = problems
                last = (reply.text, checked.parsed, problems)
                options.observer?.extraction(.validationFailed(attempt: number, problems: problems))
                guard reasksLeft > 0 else {
                    attempts.append(attempt)
                    options.observer?.extraction(.completed(attempts: attempts.count, usage: usage, succeeded: false))
                    throw failure(.invalid, "the reply was invalid after \(options.maxReasks) re-ask\(options.maxReasks == 1 ? "" : "s")", attempts, last, usage)
                }
                reasksLeft -= 1
                attempt.outcome = .reasked
                attempts.append(attempt)
                let message = reaskMessage(for: problems, parsed: checked.parsed)
                options.observer?.extraction(.reask(attempt: number, message: message))
                conversation.append(assistantTurn(for: reply, choice: choice))
                conversation.append(followUp(message, choice: choice))
            }
        }
    }

    func failure(
        _ kind: ExtractionError.Kind, _ message: String, _ attempts: [ExtractionAttempt],
        _ last: (raw: String?, parsed: JSONValue?, problems: [ExtractionProblem]), _ usage: Usage, apiError: APIError? = nil
    ) -> ExtractionError {
        ExtractionError(
            kind: kind, message: message, attempts: attempts, lastRaw: last.raw, lastParsed: last.parsed,
            problems: last.problems, usage: usage, apiError: apiError)
    }

    func checkModeSupported() throws {
        if mode == .regex, !target.isPattern {
            throw ExtractionError(kind: .unsupported, message: "regex mode needs a pattern target (a String, an enum or a LosslessStringConvertible type)", attempts: [], problems: [], usage: Usage())
        }
        if mode == .regex, !dialect.supportsRegex {
            throw ExtractionError(kind: .unsupported, message: "the \(dialect) provider has no regex response format; use mode .auto or .jsonObject", attempts: [], problems: [], usage: Usage())
        }
        if target.isPattern, mode == .jsonSchema || mode == .tools {
            throw ExtractionError(kind: .unsupported, message: "\(mode.rawValue) mode needs a JSON target; pattern targets use .regex or .jsonObject", attempts: [], problems: [], usage: Usage())
        }
    }

    /// The re-ask text for a rejected reply.
    func reaskMessage(for problems: [ExtractionProblem], parsed: JSONValue?) -> String {
        if target.isPattern {
            return "Your previous reply does not match the required format /\(target.pattern ?? "")/. Reply again with only the answer."
        }
        if problems.count == 1, problems[0].stage == .parse {
            return ReaskPrompt.message(forUnparseable: problems[0].message)
        }
        return ReaskPrompt.message(forProblems: problems.map(\.description))
    }

    func assistantTurn(for reply: ReplyReader.Reply, choice: ChatChoice?) -> ChatMessage {
        if mode == .tools, let call = choice?.message.toolCalls.first {
            return ChatMessage.assistant(nil, toolCalls: [call])
        }
        return ChatMessage.assistant(reply.text ?? "")
    }

    func followUp(_ message: String, choice: ChatChoice?) -> ChatMessage {
        if mode == .tools, let call = choice?.message.toolCalls.first {
            return ChatMessage.tool(message, callID: call.id)
        }
        return ChatMessage.user(message)
    }
}

/// One reply as the re-ask loop sees it, however it arrived.
struct FetchedReply {
    var choice: ChatChoice?
    var usage: Usage?
    var metadata: ResponseMetadata
}
