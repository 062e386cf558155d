import Foundation

/// Separates a reasoning model's thinking from its answer.
///
/// Some models put their reasoning inline, as `<think>…</think>` (or `<thinking>`,
/// `<reasoning>`) at the start of the content; others send it in separate `reasoning`
/// fields, which the client already keeps apart.
package enum ReasoningSplitter {
    static let tags = ["think", "thinking", "reasoning"]

    /// Splits `text` into the reasoning block at its start (if any) and the answer after it.
    ///
    /// - Returns: `reasoning` is `nil` when the text does not start with a reasoning tag.
    ///   When the block is never closed (the reply was cut off while thinking), `answer` is
    ///   empty and `unterminated` is true.
    package static func split(_ text: String) -> (reasoning: String?, answer: Substring, unterminated: Bool) {
        let trimmed = text[text.trimmedRange()]
        // Most replies carry no inline reasoning: one byte decides.
        guard trimmed.utf8.first == UInt8(ascii: "<") else { return (nil, Substring(text), false) }
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
    /// The range without leading and trailing whitespace, found on Unicode scalars (an
    /// ASCII test first) rather than on Characters, which need grapheme breaking.
    func trimmedRange() -> Range<Index> {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x80
                ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
                : scalar.properties.isWhitespace
        }
        var start = scalars.startIndex
        while start < scalars.endIndex, isSpace(scalars[start]) { scalars.formIndex(after: &start) }
        var end = scalars.endIndex
        while end > start {
            let before = scalars.index(before: end)
            guard isSpace(scalars[before]) else { break }
            end = before
        }
        return start..<end
    }

    /// The text without leading and trailing whitespace.
    func trimmingWhitespace() -> String { String(self[trimmedRange()]) }
}
