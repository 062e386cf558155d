import Foundation

/// Separates a reasoning model's thinking from its answer.
///
/// Some models put their reasoning inline, as `<think>…</think>` (or `<thinking>`,
/// `<reasoning>`) at the start of the content; others send it in separate `reasoning`
/// fields, which the client already keeps apart.
public enum ReasoningSplitter {
    static let tags = ["think", "thinking", "reasoning"]

    /// Splits `text` into the reasoning block at its start (if any) and the answer after it.
    ///
    /// - Returns: `reasoning` is `nil` when the text does not start with a reasoning tag.
    ///   When the block is never closed (the reply was cut off while thinking), `answer` is
    ///   empty and `unterminated` is true.
    public static func split(_ text: String) -> (reasoning: String?, answer: Substring, unterminated: Bool) {
        let trimmed = text.drop { $0.isWhitespace }
        for tag in tags where trimmed.hasPrefix("<\(tag)>") {
            let body = trimmed.dropFirst(tag.count + 2)
            guard let close = body.range(of: "</\(tag)>") else {
                return (String(body), body[body.endIndex...], true)
            }
            let reasoning = String(body[..<close.lowerBound]).trimmingWhitespace()
            return (reasoning, body[close.upperBound...], false)
        }
        return (nil, Substring(text), false)
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
