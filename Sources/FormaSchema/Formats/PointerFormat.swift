/// JSON Pointer (RFC 6901) and Relative JSON Pointer checkers.
///
/// A relative pointer is a non-negative integer without leading zeros, an optional index
/// manipulation (`+N` or `-N`), then either `#` or a JSON Pointer.
enum PointerFormat {
    static func isJSONPointer<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first else { return true }
        guard first == UInt8(ascii: "/") else { return false }
        var afterTilde = false
        for byte in bytes {
            if afterTilde {
                guard byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1") else { return false }
                afterTilde = false
            } else if byte == UInt8(ascii: "~") {
                afterTilde = true
            }
        }
        return !afterTilde
    }

    static func isRelativeJSONPointer<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        guard let afterPrefix = integerEnd(bytes, from: bytes.startIndex) else { return false }
        var index = afterPrefix
        if index != bytes.endIndex,
           bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            guard let afterIndexChange = integerEnd(bytes, from: bytes.index(after: index)) else {
                return false
            }
            index = afterIndexChange
        }
        let rest = bytes[index...]
        if rest.first == UInt8(ascii: "#") { return rest.count == 1 }
        return isJSONPointer(rest)
    }

    /// The index after a non-negative integer without leading zeros starting at `start`.
    private static func integerEnd<Bytes: Collection<UInt8>>(
        _ bytes: Bytes, from start: Bytes.Index
    ) -> Bytes.Index? {
        var index = start
        guard index != bytes.endIndex, ASCII.isDigit(bytes[index]) else { return nil }
        if bytes[index] == UInt8(ascii: "0") { return bytes.index(after: index) }
        while index != bytes.endIndex, ASCII.isDigit(bytes[index]) {
            index = bytes.index(after: index)
        }
        return index
    }
}
