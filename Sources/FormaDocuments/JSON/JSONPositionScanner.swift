public import FormaJSON

/// Finds where one value of well-formed JSON text starts, without building the document.
///
/// For reports about JSON that is already known to parse (a JSON Lines instance that failed
/// its schema): it follows the pointer's tokens, skipping every other member and item by
/// scanning brackets and strings, so locating an error costs one pass over the text and no
/// allocation beyond the keys it compares.
public enum JSONPositionScanner {
    /// The position of the value at `pointer` (or of its key, with `key`) in `bytes`,
    /// relative to the text's first line; the deepest existing ancestor's position when the
    /// pointer goes past the document.
    /// - Returns: `nil` when the text is not well-formed enough to follow.
    public static func position(of pointer: JSONPointer, key: Bool = false, in bytes: UnsafeRawBufferPointer) -> SourcePosition? {
        var scanner = Scanner(bytes: bytes)
        scanner.skipSpace()
        var valueStart = scanner.offset
        var keyStart: Int?
        var reached = 0
        for token in pointer.tokens {
            guard let (value, keyOffset) = scanner.enter(token) else { break }
            valueStart = value
            keyStart = keyOffset
            reached += 1
        }
        if key, reached == pointer.tokens.count, let keyStart { return scanner.position(of: keyStart) }
        return scanner.position(of: valueStart)
    }

    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func skipSpace() {
            while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
        }

        /// Moves from the container at `offset` to the start of its member or item `token`.
        /// - Returns: The value's offset and, for a member, its key's; `nil` when absent.
        mutating func enter(_ token: String) -> (Int, Int?)? {
            guard offset < bytes.count else { return nil }
            let start = offset
            if bytes[offset] == UInt8(ascii: "{") {
                offset += 1
                while true {
                    skipSpace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { offset = start; return nil }
                    let keyOffset = offset
                    guard let name = readString() else { offset = start; return nil }
                    skipSpace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { offset = start; return nil }
                    offset += 1
                    skipSpace()
                    if name == token { return (offset, keyOffset) }
                    guard skipValue() else { offset = start; return nil }
                    skipSpace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: ",") else { offset = start; return nil }
                    offset += 1
                }
            }
            if bytes[offset] == UInt8(ascii: "["), let index = JSONPointer.arrayIndex(token) {
                offset += 1
                for _ in 0..<index {
                    skipSpace()
                    guard skipValue() else { offset = start; return nil }
                    skipSpace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: ",") else { offset = start; return nil }
                    offset += 1
                }
                skipSpace()
                return (offset, nil)
            }
            return nil
        }

        /// Reads the string at `offset` (escapes decoded).
        mutating func readString() -> String? {
            offset += 1
            var utf8: [UInt8] = []
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    offset += 1
                    return String(decoding: utf8, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") {
                    // Keys with \u escapes are rare; those go through the full parser.
                    guard offset + 1 < bytes.count else { return nil }
                    let next = bytes[offset + 1]
                    if next == UInt8(ascii: "u") {
                        guard offset + 6 <= bytes.count,
                            let literal = try? JSONParser.parse(Array("\"".utf8) + Array(bytes[offset..<(offset + 6)]) + Array("\"".utf8)),
                            case .string(let text) = literal
                        else { return nil }
                        utf8.append(contentsOf: text.utf8)
                        offset += 6
                        continue
                    }
                    let map: [UInt8: UInt8] = [0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
                    utf8.append(map[next] ?? next)
                    offset += 2
                    continue
                }
                utf8.append(byte)
                offset += 1
            }
            return nil
        }

        /// Skips the value at `offset`.
        mutating func skipValue() -> Bool {
            var depth = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                switch byte {
                case UInt8(ascii: "\""):
                    offset += 1
                    while offset < bytes.count, bytes[offset] != UInt8(ascii: "\"") {
                        offset += bytes[offset] == UInt8(ascii: "\\") ? 2 : 1
                    }
                    offset += 1
                    if depth == 0 { return offset <= bytes.count }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    offset += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return true }
                    depth -= 1
                    offset += 1
                    if depth == 0 { return true }
                case UInt8(ascii: ","), 0x20, 0x09, 0x0A, 0x0D:
                    if depth == 0 { return true }
                    offset += 1
                default:
                    offset += 1
                }
            }
            return depth == 0
        }

        /// The line and column of byte `target`.
        func position(of target: Int) -> SourcePosition {
            var line = 1
            var column = 1
            var index = 0
            while index < min(target, bytes.count) {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
            return SourcePosition(line: line, column: column)
        }
    }
}
