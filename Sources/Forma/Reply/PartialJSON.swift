package import FormaJSON

/// Reads a JSON document while it is still arriving: after each appended piece,
/// ``snapshot()`` gives the value so far, with open strings, arrays and objects closed and
/// an unfinished trailing member left out.
///
/// The scanner state (open containers, string and escape state, the last point where the
/// text was complete) is updated incrementally, so appending costs time proportional to
/// the piece; a snapshot parses the completed prefix once.
///
/// ```swift
/// var partial = PartialJSON()
/// partial.append(#"{"title": "Stand-up", "attendees": ["Ada", "Gr"#)
/// partial.snapshot()  // {"title": "Stand-up", "attendees": ["Ada", "Gr"]}
/// ```
package struct PartialJSON: Sendable {
    private var bytes: [UInt8] = []
    private var stack: [UInt8] = []  // closers: `}` or `]`
    private var inString = false
    private var escaped = false
    /// Whether the open string is an object key (keys are dropped until complete).
    private var stringIsKey = false
    /// Whether the next string in the innermost object is a key.
    private var expectKey = false
    /// Length of the prefix that ends right after a complete value or an opening bracket,
    /// with the stack as it was there: cutting the text here and closing gives valid JSON.
    private var safeLength = 0
    private var safeStack: [UInt8] = []
    /// Start of the open string, when its prefix may be shown (values, not keys).
    private var stringStart: Int?

    /// An empty document.
    package init() {}

    /// The text received so far.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Adds the next piece of the document.
    package mutating func append(_ piece: String) {
        for byte in piece.utf8 { consume(byte) }
    }

    private mutating func consume(_ byte: UInt8) {
        bytes.append(byte)
        let position = bytes.count
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                stringStart = nil
                if !stringIsKey { markSafe(position) }
            }
            return
        }
        switch byte {
        case UInt8(ascii: "\""):
            inString = true
            stringIsKey = expectKey
            stringStart = stringIsKey ? nil : position - 1
        case UInt8(ascii: "{"):
            stack.append(UInt8(ascii: "}"))
            expectKey = true
            markSafe(position)
        case UInt8(ascii: "["):
            stack.append(UInt8(ascii: "]"))
            expectKey = false
            markSafe(position)
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            if !stack.isEmpty { stack.removeLast() }
            expectKey = false
            markSafe(position)
        case UInt8(ascii: ","):
            expectKey = stack.last == UInt8(ascii: "}")
        case UInt8(ascii: ":"):
            expectKey = false
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "e"), UInt8(ascii: "l"), UInt8(ascii: "E"):
            // The last character of a number or literal: safe only if the token is
            // complete, which `snapshot` finds out by parsing.
            markSafe(position)
        default:
            break
        }
    }

    private mutating func markSafe(_ position: Int) {
        safeLength = position
        safeStack = stack
    }

    /// The value so far, or `nil` before anything parseable arrived.
    package func snapshot() -> JSONValue? {
        // An open value string is shown as far as it has arrived.
        if inString, let start = stringStart {
            var candidate = Array(bytes[..<bytes.count])
            if escaped { candidate.removeLast() }
            candidate = trimIncompleteUnicodeEscape(candidate, from: start)
            candidate.append(UInt8(ascii: "\""))
            candidate.append(contentsOf: stack.reversed())
            if let value = try? JSONParser.parse(candidate) { return value }
        }
        var candidate = Array(bytes[..<safeLength])
        candidate.append(contentsOf: safeStack.reversed())
        if let value = try? JSONParser.parse(candidate) { return value }
        // A number or literal cut mid-token: fall back to the last structural point.
        return nil
    }

    private func trimIncompleteUnicodeEscape(_ text: [UInt8], from start: Int) -> [UInt8] {
        // `\u12` at the very end: drop the partial escape.
        var text = text
        if let slash = text.lastIndex(of: UInt8(ascii: "\\")), slash >= start, text.count - slash <= 5,
            slash + 1 < text.count, text[slash + 1] == UInt8(ascii: "u")
        {
            text.removeSubrange(slash...)
        }
        return text
    }

    /// Whether the document is complete: every bracket closed, no string open.
    package var isComplete: Bool { stack.isEmpty && !inString && safeLength > 0 }
}
