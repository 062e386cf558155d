import FormaClient
import FormaJSON

extension Extractor {
    /// The re-ask loop over streamed replies: every content piece (tool-call arguments in
    /// `tools` mode) of attempt `n` is passed to `onPiece(piece, n)` as it arrives.
    ///
    /// Each attempt is a new streamed request; budgets, checking and re-ask messages are the
    /// non-streaming path's. Cancelling the task aborts the transfer.
    func runStreaming(
        messages: [ChatMessage], onPiece: @escaping (_ piece: String, _ attempt: Int) -> Void
    ) async throws -> Extraction<Value> {
        try await run(messages: messages) { conversation, maxTokens, attempt in
            let start = ContinuousClock.now
            let stream = try await client.stream(request(conversation, maxTokens: maxTokens))
            var accumulator = ChatStreamAccumulator()
            for try await chunk in stream {
                accumulator.add(chunk)
                for delta in chunk.choices where delta.index == 0 {
                    if mode == .tools {
                        for fragment in delta.toolCalls where fragment.index == 0 {
                            if let arguments = fragment.arguments, !arguments.isEmpty { onPiece(arguments, attempt) }
                        }
                    } else if let content = delta.content, !content.isEmpty {
                        onPiece(content, attempt)
                    }
                }
            }
            try Task.checkCancellation()
            var metadata = stream.metadata
            metadata.latency = ContinuousClock.now - start
            let choice = accumulator.choices[0].map {
                ChatChoice(index: 0, message: $0.message, finishReason: $0.finishReason)
            }
            return FetchedReply(choice: choice, usage: accumulator.usage, metadata: metadata)
        }
    }
}
