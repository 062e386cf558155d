public import FormaJSON

/// Where each leaf of a JSON text is spelled: JSON Pointer → UTF-8 byte range, for strings
/// (their content between the quotes; an empty string its two quotes), numbers, `true`,
/// `false` and `null`.
///
/// The text must be JSON that already parsed; the scan only follows its structure. A
/// pointer that occurs twice (a duplicate key) keeps its last range, as parsing keeps the
/// last value.
enum JSONLeafRanges {
    /// The leaves of the JSON value starting at or after `start` in `bytes`, with ranges
    /// offset by `base`; `nil` when the text is not the JSON this scanner expects.
    static func scan(_ bytes: [UInt8], from start: Int = 0, base: Int = 0) -> [JSONPointer: Range<Int>]? {
        var scanner = Scanner(bytes: bytes, position: start)
        var out: [JSONPointer: Range<Int>] = [:]
        guard scanner.value(at: .root, depth: 0, into: &out) else { return nil }
        guard base != 0 else { return out }
        return out.mapValues { ($0.lowerBound + base)..<($0.upperBound + base) }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position: Int

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func value(at pointer: JSONPointer, depth: Int, into out: inout [JSONPointer: Range<Int>]) -> Bool {
            guard depth < 512 else { return false }
            skipSpace()
            guard position < bytes.count else { return false }
            let start = position
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return true
                }
                while true {
                    skipSpace()
                    let keyStart = position
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), string() else { return false }
                    guard case .string(let key)? = try? JSONParser.parse(Array(bytes[keyStart..<position])) else { return false }
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
                    position += 1
                    guard value(at: pointer.appending(key), depth: depth + 1, into: &out) else { return false }
                    skipSpace()
                    guard position < bytes.count else { return false }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    guard bytes[position] == UInt8(ascii: "}") else { return false }
                    position += 1
                    return true
                }
            case UInt8(ascii: "["):
                position += 1
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return true
                }
                var index = 0
                while true {
                    guard value(at: pointer.appending(index: index), depth: depth + 1, into: &out) else { return false }
                    index += 1
                    skipSpace()
                    guard position < bytes.count else { return false }
                    if bytes[position] == UInt8(ascii: ",") {
                        position += 1
                        continue
                    }
                    guard bytes[position] == UInt8(ascii: "]") else { return false }
                    position += 1
                    return true
                }
            case UInt8(ascii: "\""):
                guard string() else { return false }
                // The content, without the quotes (the grammar, not the model, often places those).
                out[pointer] = position - start > 2 ? (start + 1)..<(position - 1) : start..<position
                return true
            case UInt8(ascii: "t"), UInt8(ascii: "n"):
                position += 4
            case UInt8(ascii: "f"):
                position += 5
            default:
                while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
                guard position > start else { return false }
            }
            guard position <= bytes.count else { return false }
            out[pointer] = start..<position
            return true
        }

        /// Moves past the string starting at `position` (its opening quote).
        mutating func string() -> Bool {
            position += 1
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\\"): position += 2
                case UInt8(ascii: "\""):
                    position += 1
                    return true
                default: position += 1
                }
            }
            return false
        }

        static func isNumberByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }
    }
}
