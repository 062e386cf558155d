import FormaJSON

/// Follows a reply while it streams: skips a leading `<think>…</think>` block and anything
/// before the first `{` or `[` (prose, a code fence), feeds the JSON value to a
/// `PartialJSON` up to the byte where it closes, and reports each element of a top-level
/// array as soon as it closes (for `extractMany`).
struct StreamedAnswer {
    private enum State {
        /// Nothing but whitespace yet: it may still become `<think>`.
        case undecided
        /// Inside a leading `<think>` block.
        case reasoning
        /// Looking for the first `{` or `[`.
        case seeking
        /// Inside the JSON value.
        case feeding
        /// The value closed; the rest is ignored.
        case done
    }

    private var bytes: [UInt8] = []
    private var scan = 0
    private var state = State.undecided
    private(set) var json = PartialJSON()
    /// Depth of open containers in the value, string state.
    private var depth = 0
    private var inString = false
    private var escaped = false
    /// Start of the current top-level array element, when inside one.
    private var elementStart: Int?
    private var rootIsArray = false

    /// The value so far (see `PartialJSON.snapshot()`).
    mutating func snapshot() -> JSONValue? { json.snapshot() }

    private static let open = Array("<think>".utf8)
    private static let close = Array("</think>".utf8)

    /// Adds a piece of the reply; returns the elements of a top-level array that closed in it
    /// (their JSON text), and whether the JSON value grew.
    mutating func append(_ piece: String) -> (grew: Bool, closedElements: [ArraySlice<UInt8>]) {
        bytes.append(contentsOf: piece.utf8)
        var closed: [ArraySlice<UInt8>] = []
        var grew = false
        while scan < bytes.count {
            switch state {
            case .undecided:
                let rest = bytes[scan...].drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
                if rest.isEmpty { return (grew, closed) }
                if rest.starts(with: Self.open) {
                    state = .reasoning
                    scan = rest.startIndex + Self.open.count
                } else if Self.open.starts(with: rest) {
                    return (grew, closed)  // `<thi`: wait for more
                } else {
                    state = .seeking
                    scan = rest.startIndex
                }
            case .reasoning:
                guard let end = find(Self.close, from: scan) else {
                    scan = max(scan, bytes.count - Self.close.count + 1)
                    return (grew, closed)
                }
                scan = end + Self.close.count
                state = .seeking
            case .seeking:
                guard let start = bytes[scan...].firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) else {
                    scan = bytes.count
                    return (grew, closed)
                }
                scan = start
                rootIsArray = bytes[start] == UInt8(ascii: "[")
                state = .feeding
            case .feeding:
                let from = scan
                let end = track(&closed)
                json.append(String(decoding: bytes[from..<end], as: UTF8.self))
                grew = grew || end > from
                scan = end
                if depth == 0 { state = .done }
            case .done:
                scan = bytes.count
            }
        }
        return (grew, closed)
    }

    /// Tracks depth from `scan` to the end (or the byte closing the value); returns where to
    /// stop feeding.
    private mutating func track(_ closed: inout [ArraySlice<UInt8>]) -> Int {
        var index = scan
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            if rootIsArray, depth == 1, elementStart == nil, !isSpace, byte != UInt8(ascii: ","), byte != UInt8(ascii: "]") {
                elementStart = index - 1
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if rootIsArray, depth == 0, let start = elementStart {
                    // `]` closing the array also ends a scalar last element.
                    closed.append(trimmed(bytes[start..<(index - 1)]))
                    elementStart = nil
                } else if rootIsArray, depth == 1, let start = elementStart {
                    closed.append(bytes[start..<index])
                    elementStart = nil
                }
                if depth == 0 { return index }
            case UInt8(ascii: ","):
                if rootIsArray, depth == 1, let start = elementStart {
                    closed.append(trimmed(bytes[start..<(index - 1)]))
                    elementStart = nil
                }
            default: break
            }
        }
        return index
    }

    private func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = slice
        while let last = slice.last, last == 0x20 || last == 0x0A || last == 0x0D || last == 0x09 { slice.removeLast() }
        return slice
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }
}
