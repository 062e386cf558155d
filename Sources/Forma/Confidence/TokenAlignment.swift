public import FormaClient

/// The tokens of a reply placed on the bytes of its text: token `i` spells
/// `text[ranges[i]]` (UTF-8 offsets).
///
/// Tokens are laid end to end from the first byte, using each token's `bytes` when the
/// server sent them (exact for tokens that hold part of a character) and the UTF-8 of its
/// text otherwise. Alignment stops at the first token that does not spell the next bytes
/// (a server that trims or rewrites the text): bytes from there on have no tokens.
public struct TokenAlignment: Sendable, Hashable {
    /// One aligned token.
    public struct Token: Sendable, Hashable {
        /// The UTF-8 byte range of the text it spells.
        public var range: Range<Int>
        /// Its log-probability (`nil` where the server sent none).
        public var logprob: Double?
    }

    /// The aligned tokens, in order.
    public var tokens: [Token]
    /// How many bytes of the text the tokens cover (from the start).
    public var coveredBytes: Int

    /// Aligns `logprobs` to `text`.
    /// - Parameters:
    ///   - logprobs: The reply's token log-probabilities.
    ///   - text: The reply text the tokens generated (the message content).
    public init(_ logprobs: Logprobs, text: String) {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        tokens.reserveCapacity(logprobs.tokens.count)
        var offset = 0
        for (index, token) in logprobs.tokens.enumerated() {
            let spelled: [UInt8]
            if let all = logprobs.tokenBytes, index < all.count, !all[index].isEmpty || token.isEmpty {
                spelled = all[index]
            } else {
                spelled = Array(token.utf8)
            }
            let end = offset + spelled.count
            guard end <= bytes.count, bytes[offset..<end].elementsEqual(spelled) else { break }
            let logprob = index < logprobs.tokenLogprobs.count ? logprobs.tokenLogprobs[index] : nil
            tokens.append(Token(range: offset..<end, logprob: logprob))
            offset = end
        }
        self.tokens = tokens
        coveredBytes = offset
    }

    /// The sum of the log-probabilities of every token that overlaps `range` (a token that
    /// straddles an edge counts whole); `nil` when part of the range has no aligned token,
    /// or a token in it has no log-probability.
    /// - Parameter range: UTF-8 offsets into the text.
    /// - Returns: The summed log-probability.
    public func logprob(of range: Range<Int>) -> Double? {
        guard !range.isEmpty, range.upperBound <= coveredBytes else { return nil }
        // First token ending after the range's start (tokens are sorted and contiguous).
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var sum = 0.0
        var index = low
        while index < tokens.count, tokens[index].range.lowerBound < range.upperBound {
            let token = tokens[index]
            if !token.range.isEmpty {
                guard let logprob = token.logprob else { return nil }
                sum += logprob
            }
            index += 1
        }
        return sum
    }
}
