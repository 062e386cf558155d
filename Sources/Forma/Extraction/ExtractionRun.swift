import FormaClient
import FormaJSON

/// The state of one extraction's re-ask loop: the conversation, the attempts so far and
/// what is left of each budget. ``Extractor`` drives it; each step either continues the
/// loop, ends it with a value, or throws the ``ExtractionError`` that ends it.
struct ExtractionRun<Value: Sendable> {
    let extractor: Extractor<Value>
    var conversation: [ChatMessage]
    var attempts: [ExtractionAttempt] = []
    var usage = Usage()
    var maxTokens: Int?
    var reasksLeft: Int
    var truncationsLeft: Int
    /// The document grounded fields must occur in (only when the schema has any).
    var source: GroundingText?
    /// The last rejected candidate: raw text, parsed value and problems.
    var last: (raw: String?, parsed: JSONValue?, problems: [ExtractionProblem]) = (nil, nil, [])

    /// An attempt in progress: its record and the reply it is about.
    struct Pending {
        var record: ExtractionAttempt
        var reply: ReplyReader.Reply
        var choice: ChatChoice?
        var answer: Substring { reply.answer }
    }

    init(extractor: Extractor<Value>, conversation: [ChatMessage]) {
        self.extractor = extractor
        self.conversation = conversation
        let options = extractor.options
        maxTokens = options.sampling.maxTokens
        reasksLeft = options.maxReasks
        truncationsLeft = options.maxTruncationRetries
    }

    var options: ExtractionOptions { extractor.options }

    /// Records a fetched reply; throws when it broke the token budget.
    mutating func received(_ fetched: FetchedReply, number: Int) throws -> Pending {
        if let attemptUsage = fetched.usage { usage = usage + attemptUsage }
        let choice = fetched.choice
        let reply = ReplyReader(mode: extractor.mode).read(choice?.message)
        options.observer?.extraction(.replyReceived(
            attempt: number, text: reply.text, usage: fetched.usage, finishReason: choice?.finishReason))
        let record = ExtractionAttempt(
            number: number, messages: conversation, reply: reply.text, reasoning: reply.reasoning, problems: [],
            usage: fetched.usage, finishReason: choice?.finishReason, repairs: [],
            requestID: fetched.metadata.requestID, rateLimit: fetched.metadata.rateLimit,
            transportAttempts: fetched.metadata.attempts, latency: fetched.metadata.latency, outcome: .failed,
            cached: fetched.metadata.cached)
        if let budget = options.tokenBudget, usage.totalTokens > budget {
            attempts.append(record)
            throw failure(.tokenBudgetExceeded, "used \(usage.totalTokens) tokens of a budget of \(budget)")
        }
        return Pending(record: record, reply: reply, choice: choice)
    }

    /// For a cut-off reply: `true` when the request is repeated with more tokens; throws
    /// when the truncation budget is spent; `false` when the reply was not cut off.
    mutating func retriedAfterTruncation(_ pending: inout Pending) throws -> Bool {
        guard pending.choice?.finishReason == .length || pending.reply.unterminatedReasoning else { return false }
        let current = maxTokens ?? 1024
        let next = min(options.maxTokensCap, current * 2)
        pending.record.problems = [ExtractionProblem(
            stage: .truncated, location: nil,
            message: "the reply was cut off at max_tokens (\(maxTokens.map(String.init) ?? "server default"))")]
        last = (pending.reply.text, nil, pending.record.problems)
        guard truncationsLeft > 0, next > current || maxTokens == nil else {
            attempts.append(pending.record)
            throw failure(.truncated, "the reply was cut off and the truncation budget is spent")
        }
        truncationsLeft -= 1
        maxTokens = maxTokens == nil ? max(next, 2048) : next
        pending.record.outcome = .truncated
        attempts.append(pending.record)
        options.observer?.extraction(.truncationRetry(attempt: pending.record.number, maxTokens: maxTokens ?? next))
        return true
    }

    /// Ends the run with the value, or re-asks (returning `nil`), or throws when no re-ask is left.
    mutating func finish(_ pending: Pending, _ checked: ReplyCheck<Value>) throws -> Extraction<Value>? {
        var record = pending.record
        record.repairs = checked.repairs
        if let value = checked.value {
            record.outcome = .succeeded
            attempts.append(record)
            options.observer?.extraction(.completed(attempts: attempts.count, usage: usage, succeeded: true))
            var confidence: [JSONPointer: Double]?
            if options.confidence, extractor.mode != .tools, checked.repairs.isEmpty, let logprobs = pending.choice?.logprobs,
                let text = pending.reply.text
            {
                confidence = FieldConfidence.of(text, logprobs: logprobs, pattern: extractor.target.isPattern)
            }
            return Extraction(
                value: value, raw: pending.reply.text ?? "", reasoning: pending.reply.reasoning, attempts: attempts,
                usage: usage, finishReason: pending.choice?.finishReason, spans: checked.spans, confidence: confidence)
        }
        record.problems = checked.problems
        last = (pending.reply.text, checked.parsed, checked.problems)
        options.observer?.extraction(.validationFailed(attempt: record.number, problems: checked.problems))
        guard reasksLeft > 0 else {
            attempts.append(record)
            options.observer?.extraction(.completed(attempts: attempts.count, usage: usage, succeeded: false))
            let plural = options.maxReasks == 1 ? "" : "s"
            throw failure(.invalid, "the reply was invalid after \(options.maxReasks) re-ask\(plural)")
        }
        reasksLeft -= 1
        record.outcome = .reasked
        attempts.append(record)
        let message = extractor.reaskMessage(for: checked.problems)
        options.observer?.extraction(.reask(attempt: record.number, message: message))
        conversation.append(extractor.assistantTurn(for: pending.reply, choice: pending.choice))
        conversation.append(extractor.followUp(message, choice: pending.choice))
        return nil
    }

    /// The error that ends the run, with everything learned so far.
    func failure(_ kind: ExtractionError.Kind, _ message: String, apiError: APIError? = nil) -> ExtractionError {
        ExtractionError(
            kind: kind, message: message, attempts: attempts, lastRaw: last.raw, lastParsed: last.parsed,
            problems: last.problems, usage: usage, apiError: apiError)
    }
}
