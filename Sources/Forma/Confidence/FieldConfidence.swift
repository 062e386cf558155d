import Foundation
public import FormaClient
public import FormaJSON

/// Per-field confidence from token log-probabilities: the probability the model gave the
/// tokens that spell each leaf value of its reply.
///
/// The rule: a leaf's confidence is the **product** of the probabilities of every token
/// that overlaps the leaf's text (`exp` of their summed log-probabilities); a token that
/// straddles the leaf's edge (`"Ada",` or `:"A`) counts whole. What a leaf's text is:
/// - a string (an enum value too) is its content between the quotes, escapes as written
///   (`\"` is two bytes); a token that carries a quote together with content (`"Ada` or
///   `a",`) counts, a token that is only punctuation around the string does not (servers
///   such as llama.cpp report the model's probabilities before the grammar forced such
///   tokens); an empty string is its two quotes;
/// - a number is its digits, sign, point and exponent;
/// - `true`, `false` and `null` are their words.
/// Objects and arrays get no value of their own; their leaves do. For a pattern target the
/// whole answer is one leaf at the root pointer.
///
/// A leaf gets no confidence when its tokens could not be aligned with the reply (see
/// ``TokenAlignment``), when a token in it has no log-probability, or when the reply needed
/// lenient repair (its text is not what was parsed).
public enum FieldConfidence {
    /// The confidence of every leaf of the JSON candidate in `text`.
    /// - Parameters:
    ///   - text: The reply content the tokens spell (reasoning and code fences included).
    ///   - logprobs: The reply's token log-probabilities.
    ///   - pattern: Whether the target is a pattern (one value: the whole answer).
    /// - Returns: Probabilities by pointer; `nil` when no leaf could be scored.
    public static func of(_ text: String, logprobs: Logprobs, pattern: Bool = false) -> [JSONPointer: Double]? {
        let alignment = TokenAlignment(logprobs, text: text)
        guard alignment.coveredBytes > 0 else { return nil }
        let answer = ReasoningSplitter.split(text).answer
        let ranges: [JSONPointer: Range<Int>]
        if pattern {
            let trimmed = answer[answer.trimmedRange()]
            guard !trimmed.isEmpty else { return nil }
            ranges = [.root: byteRange(of: trimmed, in: text)]
        } else {
            let candidate = JSONCandidateFinder.candidate(in: answer).text
            let offset = byteRange(of: candidate, in: text).lowerBound
            guard let found = JSONLeafRanges.scan(Array(candidate.utf8), base: offset) else { return nil }
            ranges = found
        }
        var out: [JSONPointer: Double] = [:]
        for (pointer, range) in ranges {
            if let sum = alignment.logprob(of: range) { out[pointer] = exp(sum) }
        }
        return out.isEmpty ? nil : out
    }

    /// The UTF-8 offsets of `part` (a slice of `text`) in `text`.
    static func byteRange(of part: Substring, in text: String) -> Range<Int> {
        let start = text.utf8.distance(from: text.utf8.startIndex, to: part.startIndex)
        return start..<(start + part.utf8.count)
    }
}
