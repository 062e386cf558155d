import FormaClient

/// Reads the useful parts of a reply message: the text (content, or tool-call arguments in
/// `tools` mode), the reasoning (from `reasoning` fields or an inline `<think>` block) and
/// the answer that remains.
struct ReplyReader {
    let mode: ExtractionMode

    struct Reply {
        /// The reply text as received.
        var text: String?
        /// Reasoning, from a field or inline.
        var reasoning: String?
        /// The text after any inline reasoning.
        var answer: Substring
        /// An inline reasoning block that never closed: the reply was cut off while thinking.
        var unterminatedReasoning: Bool
    }

    func read(_ message: ChatMessage?) -> Reply {
        guard let message else { return Reply(text: nil, reasoning: nil, answer: "", unterminatedReasoning: false) }
        let text: String?
        if mode == .tools {
            text = message.toolCalls.first?.arguments ?? message.content
        } else {
            text = message.content
        }
        let fieldReasoning = message.reasoning.flatMap { $0.isEmpty ? nil : $0 }
        guard let text else {
            return Reply(text: nil, reasoning: fieldReasoning, answer: "", unterminatedReasoning: false)
        }
        let split = ReasoningSplitter.split(text)
        let reasoning = [fieldReasoning, split.reasoning].compactMap { $0 }.joined(separator: "\n")
        return Reply(
            text: text, reasoning: reasoning.isEmpty ? nil : reasoning, answer: split.answer,
            unterminatedReasoning: split.unterminated)
    }
}
