import Foundation
public import FormaClient

/// A source text prepared for grounding: its Unicode scalars, and its normalized form
/// (NFKC, case folded, whitespace runs collapsed to one space) with, for every normalized
/// scalar, the range of source scalars it came from.
///
/// Built once per document and shared by every grounded field of every attempt.
public struct GroundingText: Sendable {
    /// The source, as Unicode scalars: spans are ranges of these.
    let scalars: [Unicode.Scalar]
    /// The normalized source.
    let folded: [Unicode.Scalar]
    /// For each scalar of ``folded``, the source scalars it came from.
    let origin: [Range<Int>]

    /// Prepares `text`.
    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var folded: [Unicode.Scalar] = []
        var origin: [Range<Int>] = []
        folded.reserveCapacity(scalars.count)
        origin.reserveCapacity(scalars.count)
        var offset = 0
        var lastWasSpace = false
        for character in text {
            let count = character.unicodeScalars.count
            let range = offset..<(offset + count)
            offset += count
            if character.isWhitespace {
                if lastWasSpace, let last = origin.indices.last {
                    origin[last] = origin[last].lowerBound..<range.upperBound
                } else {
                    folded.append(" ")
                    origin.append(range)
                }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            for scalar in Self.fold(character) {
                folded.append(scalar)
                origin.append(range)
            }
        }
        self.folded = folded
        self.origin = origin
    }

    /// The normalized form of one character: ASCII lowercased directly, anything else
    /// through NFKC and Unicode case folding.
    static func fold(_ character: Character) -> [Unicode.Scalar] {
        if let ascii = character.asciiValue {
            let lowered = ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii
            return [Unicode.Scalar(lowered)]
        }
        let text = String(character).precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCompatibilityMapping
        return Array(text.unicodeScalars)
    }

    /// The normalized form of a value as a string: NFKC, case folded, every whitespace run
    /// one space, trimmed (what ``GroundingMode/normalized`` compares; `forma eval` too).
    public static func normalizedForm(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: normalize(value))
        return String(scalars)
    }

    /// The normalized form of a value: folded like the source, whitespace collapsed and trimmed.
    static func normalize(_ value: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var pendingSpace = false
        for character in value {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(contentsOf: fold(character))
        }
        return out
    }

    /// Where `value` first occurs on word boundaries, as a range of source scalars; `nil`
    /// when it does not occur. An empty value (or, normalized, only whitespace) has no span.
    public func span(of value: String, mode: GroundingMode) -> Range<Int>? {
        switch mode {
        case .exact:
            let needle = Array(value.unicodeScalars)
            return Self.firstMatch(of: needle, in: scalars) { start, end in
                ScalarClass.isBoundary(start > 0 ? scalars[start - 1] : nil, scalars[start])
                    && ScalarClass.isBoundary(scalars[end - 1], end < scalars.count ? scalars[end] : nil)
            }
        case .normalized:
            let needle = Self.normalize(value)
            guard let match = Self.firstMatch(of: needle, in: folded, accept: { start, end in
                let lower = origin[start].lowerBound, upper = origin[end - 1].upperBound
                return ScalarClass.isBoundary(lower > 0 ? scalars[lower - 1] : nil, scalars[lower])
                    && ScalarClass.isBoundary(scalars[upper - 1], upper < scalars.count ? scalars[upper] : nil)
            }) else { return nil }
            return origin[match.lowerBound].lowerBound..<origin[match.upperBound - 1].upperBound
        }
    }

    /// The first occurrence of `needle` in `haystack` that `accept` (given start and end) allows.
    static func firstMatch(
        of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], accept: (Int, Int) -> Bool
    ) -> Range<Int>? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var matched = true
                var k = 1
                while k < needle.count {
                    if haystack[start + k] != needle[k] {
                        matched = false
                        break
                    }
                    k += 1
                }
                if matched, accept(start, start + needle.count) { return start..<(start + needle.count) }
            }
            start += 1
        }
        return nil
    }
}

extension GroundingText {
    /// The source of a conversation: the text of its user messages before the first
    /// assistant turn (re-asks are not source), joined by blank lines.
    public init(sourceOf messages: [ChatMessage]) {
        var texts: [String] = []
        for message in messages {
            if message.role == .assistant { break }
            guard message.role == .user else { continue }
            if let content = message.content { texts.append(content) }
            for part in message.parts {
                if case .text(let text) = part { texts.append(text) }
            }
        }
        self.init(texts.joined(separator: "\n\n"))
    }
}
