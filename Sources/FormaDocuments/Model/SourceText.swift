/// Line and column bookkeeping over a UTF-8 buffer, shared by the hand-written readers.
///
/// Readers move ``offset`` forward and call ``newline(at:)`` for each line break they pass;
/// ``position`` counts the scalars between the line's start and ``offset`` incrementally,
/// so asking for positions in order costs O(n) over a whole line, however long.
struct SourceText {
    let bytes: [UInt8]
    var offset = 0
    private(set) var line = 1
    private(set) var lineStart = 0
    private var columnOffset = 0
    private var column = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The byte at `offset`, or `nil` at the end.
    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// The byte `distance` past `offset`, or `nil` past the end.
    func peek(_ distance: Int = 1) -> UInt8? {
        offset + distance < bytes.count ? bytes[offset + distance] : nil
    }

    var atEnd: Bool { offset >= bytes.count }

    /// Notes that a line starts right after the byte at `index` (a `\n`).
    mutating func newline(at index: Int) {
        line += 1
        lineStart = index + 1
    }

    /// The position of `offset`.
    mutating func position() -> SourcePosition {
        if columnOffset < lineStart || columnOffset > offset {
            columnOffset = lineStart
            column = 1
        }
        var index = columnOffset
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        columnOffset = offset
        return SourcePosition(line: line, column: column)
    }

    /// An error of `kind` at `offset`.
    mutating func error(_ kind: DocumentError.Kind, _ message: String) -> DocumentError {
        DocumentError(kind: kind, message: message, position: position())
    }

    /// What the byte at `offset` reads as in a message.
    var currentDescription: String {
        guard let byte = current else { return "end of input" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0x0A { return "end of line" }
        if byte < 0x80 { return "control character U+\(String(byte, radix: 16, uppercase: true))" }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: bytes[offset..<end], as: UTF8.self))'"
    }
}

/// UTF-8 validation with the position of the first bad byte.
enum UTF8Validation {
    /// Throws ``DocumentError/Kind/invalidUTF8`` at the first byte that is not part of a
    /// well-formed UTF-8 sequence.
    static func check(_ bytes: [UInt8]) throws(DocumentError) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        var line = 1
        var column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += scalar.utf8.count
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return
            case .error:
                let byte = consumed < bytes.count ? bytes[consumed] : 0
                throw DocumentError(
                    kind: .invalidUTF8,
                    message: "invalid UTF-8 near byte 0x\(String(byte, radix: 16, uppercase: true))",
                    position: SourcePosition(line: line, column: column))
            }
        }
    }
}
