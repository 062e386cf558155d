public import FormaClient

/// Runs one extraction: request, check the reply, re-ask with located problems, within
/// separate budgets for re-asks, truncation and tokens.
///
/// Transport retries (429, 5xx, resets) are the client's `RetryPolicy`; the extractor only
/// sees replies that arrived. Each reply is checked by a ``ReplyChecker``, the pure part.
///
/// ```swift
/// let extractor = Extractor(client: client, model: "gpt-4o-mini", target: try .type(Invoice.self))
/// let invoice = try await extractor.run(messages: [.user(emailText)]).value
/// ```
public struct Extractor<Value: Sendable>: Sendable {
    /// The client requests go through.
    public let client: ChatClient
    /// The model asked.
    public let model: String
    /// What is extracted.
    public var target: ExtractionTarget<Value> { checker.target }
    /// Budgets, mode and request fields.
    public let options: ExtractionOptions
    /// Checks each reply.
    public let checker: ReplyChecker<Value>

    /// The client's provider profile.
    var provider: Provider { client.configuration.provider }
    /// The mode `options.mode` resolves to for this provider and target.
    var mode: ExtractionMode { checker.mode }
    /// Whether requests carry the provider's strict schema form.
    var sendsStrictSchema: Bool { checker.prunesStrictNulls }

    /// An extractor for `target` on `model`.
    /// - Parameters:
    ///   - client: The client requests go through.
    ///   - model: The model (default: the client's default model).
    ///   - target: What is extracted.
    ///   - options: Mode, budgets and request fields.
    public init(client: ChatClient, model: String? = nil, target: ExtractionTarget<Value>, options: ExtractionOptions = ExtractionOptions()) {
        self.client = client
        self.model = model ?? client.defaultModel ?? ""
        self.options = options
        self.checker = ReplyChecker(target: target, provider: client.configuration.provider, options: options)
    }

    /// Extracts from a conversation.
    /// - Parameters:
    ///   - messages: the conversation; the extractor adds its instructions.
    ///   - source: the document grounded fields (`"x-forma-grounded"`, `@Guide(.grounded)`)
    ///     must occur in, and their spans refer to; by default the text of the user
    ///     messages, joined by blank lines.
    /// - Returns: the value and every attempt.
    /// - Throws: ``ExtractionError`` when no valid value came within the budgets.
    public func run(messages: [ChatMessage], source: String? = nil) async throws -> Extraction<Value> {
        try await run(messages: messages, source: source) { conversation, maxTokens, _ in
            let response = try await client.complete(request(conversation, maxTokens: maxTokens), cache: options.cache)
            return FetchedReply(choice: response.choices.first, usage: response.usage, metadata: response.metadata)
        }
    }

    /// The re-ask loop over any way of getting a reply (whole, or streamed by
    /// `Extractor+Streaming.swift`): `fetch` gets the conversation, `max_tokens` and the
    /// attempt number.
    func run(
        messages: [ChatMessage], alreadyInstructed: Bool = false, source: String? = nil,
        fetch: (_ conversation: [ChatMessage], _ maxTokens: Int?, _ attempt: Int) async throws -> FetchedReply
    ) async throws -> Extraction<Value> {
        try checkRunnable()
        var run = ExtractionRun<Value>(extractor: self, conversation: alreadyInstructed ? messages : instructed(messages))
        if !checker.grounded.isEmpty {
            run.source = source.map(GroundingText.init) ?? GroundingText(sourceOf: messages)
        }
        while true {
            let number = run.attempts.count + 1
            options.observer?.extraction(.requestSent(attempt: number, messages: run.conversation))
            let fetched: FetchedReply
            do {
                fetched = try await fetch(run.conversation, run.maxTokens, number)
            } catch let error as APIError {
                throw run.failure(.api, "\(error.kind): \(error.message)", apiError: error)
            }
            var attempt = try run.received(fetched, number: number)
            if try run.retriedAfterTruncation(&attempt) { continue }
            let checked = checker.check(answer: attempt.answer, source: run.source)
            if let value = try run.finish(attempt, checked) { return value }
        }
    }

    /// Throws when the mode cannot run with this provider or target, or no model is known.
    func checkRunnable() throws {
        if model.isEmpty {
            throw ExtractionError(
                kind: .configuration,
                message: "no model: the \(provider) provider has no default model; pass one (model:) or set ChatClient(model:)")
        }
        if mode == .regex, !target.isPattern {
            throw ExtractionError(kind: .unsupported, message: "regex mode needs a pattern target (a String, an enum or a LosslessStringConvertible type)")
        }
        if mode == .regex, !provider.supportsRegex {
            throw ExtractionError(kind: .unsupported, message: "the \(provider) provider has no regex response format; use mode .auto or .jsonObject")
        }
        if target.isPattern, mode == .jsonSchema || mode == .tools {
            throw ExtractionError(kind: .unsupported, message: "\(mode.rawValue) mode needs a JSON target; pattern targets use .regex or .jsonObject")
        }
    }

    /// The re-ask text for a rejected reply.
    func reaskMessage(for problems: [ExtractionProblem]) -> String {
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
