import FormaClient

// What `forma extract --batch` needs from the extractor: the first request of a row as a
// batch line carries it, and the re-ask loop continued from a reply that came back in a
// batch output file (attempt 1), so batch rows get the same checks, re-asks, budgets and
// records as online ones.
extension Extractor {
    /// The conversation the first attempt sends: `messages` with the extractor's
    /// instructions added.
    package func instructedConversation(_ messages: [ChatMessage]) -> [ChatMessage] { instructed(messages) }

    /// The request of an attempt with `conversation` (already instructed).
    package func batchRequest(_ conversation: [ChatMessage]) -> ChatRequest {
        request(conversation, maxTokens: options.sampling.maxTokens)
    }

    /// Runs the re-ask loop on an instructed conversation whose first reply is already in
    /// hand (`first`, from a batch output file); later attempts go online. Without
    /// `first`, every attempt goes online (a row the batch failed or left out).
    /// - Parameters:
    ///   - conversation: The instructed conversation of attempt 1.
    ///   - first: The reply to attempt 1, when the batch produced one.
    ///   - requestID: The provider's request id of that reply.
    /// - Returns: The value and every attempt (attempt 1 included).
    /// - Throws: ``ExtractionError`` when no valid value came within the budgets.
    package func run(
        instructedConversation conversation: [ChatMessage], first: ChatResponse?, requestID: String? = nil
    ) async throws -> Extraction<Value> {
        try await run(messages: conversation, alreadyInstructed: true) { conversation, maxTokens, attempt in
            if attempt == 1, let first {
                let metadata = ResponseMetadata(status: 200, requestID: requestID, attempts: 1, latency: .zero)
                return FetchedReply(choice: first.choices.first, usage: first.usage, metadata: metadata)
            }
            let response = try await client.complete(request(conversation, maxTokens: maxTokens), cache: options.cache)
            return FetchedReply(choice: response.choices.first, usage: response.usage, metadata: response.metadata)
        }
    }

    /// What to send next for a batch reply that is invalid: the conversation with the reply
    /// and the located re-ask message (as the online loop would), or `nil` when the reply is
    /// valid. For `--batch-reask batch`, which re-asks in a follow-up batch.
    /// - Returns: The check and, for an invalid reply, the next conversation.
    package func batchFollowUp(_ conversation: [ChatMessage], reply: ChatResponse) -> (check: ReplyCheck<Value>, next: [ChatMessage]?) {
        let choice = reply.choices.first
        let read = ReplyReader(mode: mode).read(choice?.message)
        let checked: ReplyCheck<Value>
        if choice?.finishReason == .length || read.unterminatedReasoning {
            checked = ReplyCheck(problems: [ExtractionProblem(stage: .truncated, location: nil, message: "the reply was cut off at max_tokens")])
        } else {
            checked = checker.check(answer: read.answer, source: checker.grounded.isEmpty ? nil : GroundingText(sourceOf: conversation))
        }
        guard checked.value == nil else { return (checked, nil) }
        var next = conversation
        next.append(assistantTurn(for: read, choice: choice))
        next.append(followUp(reaskMessage(for: checked.problems), choice: choice))
        return (checked, next)
    }
}
