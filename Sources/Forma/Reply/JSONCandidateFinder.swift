import Foundation

/// Finds the one JSON value in a reply that may wrap it in a markdown fence or prose
/// ("Here is the JSON: ```json {…} ``` Hope this helps!").
package enum JSONCandidateFinder {
    /// How the candidate was found.
    package enum Source: String, Sendable, Hashable {
        /// The whole reply (after trimming) was the candidate.
        case whole
        /// Inside a markdown code fence.
        case fence
        /// Cut out of surrounding prose by bracket matching.
        case embedded
    }

    /// The JSON text in `reply`, or the trimmed reply itself when nothing better is found.
    package static func candidate(in reply: Substring) -> (text: Substring, source: Source) {
        let trimmed = reply[reply.trimmedRange()]
        if let first = trimmed.utf8.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
            let last = trimmed.utf8.last, last == UInt8(ascii: "}") || last == UInt8(ascii: "]")
        {
            return (trimmed, .whole)
        }
        if let fenced = fenceBody(in: reply) {
            // A slice of the reply (not a copy): confidence maps its offsets back onto the reply.
            return (fenced[fenced.trimmedRange()], .fence)
        }
        if let embedded = balancedValue(in: reply) { return (embedded, .embedded) }
        return (trimmed, .whole)
    }

    /// The body of the first ``` fence (with or without a language tag).
    static func fenceBody(in text: Substring) -> Substring? {
        guard let open = text.range(of: "```") else { return nil }
        var rest = text[open.upperBound...]
        // Skip the info string (`json`, `JSON`, …) up to the end of the line.
        if let newline = rest.firstIndex(of: "\n") {
            let info = rest[..<newline]
            if info.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == " " }) {
                rest = rest[rest.index(after: newline)...]
            }
        }
        guard let close = rest.range(of: "```") else { return rest }
        return rest[..<close.lowerBound]
    }

    /// The first `{…}` or `[…]` whose brackets balance (strings respected). Scans UTF-8
    /// bytes: every byte it looks for is ASCII, and a Character-wise scan would miss a quote
    /// that a combining mark after it joins into one Character.
    static func balancedValue(in text: Substring) -> Substring? {
        let bytes = text.utf8
        var search = bytes.startIndex
        while let start = bytes[search...].firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) {
            var depth = 0
            var inString = false
            var escaped = false
            var index = start
            while index < bytes.endIndex {
                let byte = bytes[index]
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                } else {
                    switch byte {
                    case UInt8(ascii: "\""): inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { return text[start...index] }
                    default: break
                    }
                }
                index = bytes.index(after: index)
            }
            search = bytes.index(after: start)
        }
        return nil
    }
}
