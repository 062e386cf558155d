/// The parser's working state: a cursor over the input plus an explicit stack of open
/// arrays and objects, so nesting never recurses on the call stack.
///
/// Each open container accumulates its elements in its own frame; closing it moves that
/// storage out of the popped frame, so elements are never copied or retained twice.
struct JSONReader {
    /// One open array or object.
    struct Frame {
        var isObject: Bool
        /// The elements so far, for an array.
        var elements: [JSONValue] = []
        /// The members so far, for an object.
        var object = JSONObject()
        /// The key whose value is being read, for an object.
        var key = ""
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let maxDepth: Int
    var position = 0
    var frames: [Frame] = []
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.count = bytes.count
        self.maxDepth = maxDepth
    }

    // MARK: - Document

    /// Reads exactly one value surrounded by optional whitespace.
    mutating func readDocument() throws(JSONParseFailure) -> JSONValue {
        let value = try readValueTree()
        skipWhitespace()
        if position < count {
            throw failure(.trailingContent, "unexpected content after the JSON value, found \(found())")
        }
        return value
    }

    /// Reads one complete value, pushing and popping container frames as it goes.
    mutating func readValueTree() throws(JSONParseFailure) -> JSONValue {
        while true {
            // Expecting a value: either a complete scalar/empty container, or an opened frame.
            guard var value = try readValueOrOpen() else { continue }
            // Have a complete value: attach it to the innermost open container.
            while true {
                let top = frames.count - 1
                guard top >= 0 else { return value }
                let isObject = frames[top].isObject
                if isObject {
                    // The setter keeps the first position and the last value of a repeated key.
                    frames[top].object[frames[top].key] = value
                } else {
                    frames[top].elements.append(value)
                }
                skipWhitespace()
                guard position < count else {
                    throw failure(
                        .unexpectedEndOfInput,
                        isObject ? "expected ',' or '}' after object member, found end of input"
                            : "expected ',' or ']' after array element, found end of input")
                }
                let byte = bytes[position]
                if byte == UInt8(ascii: ",") {
                    position += 1
                    if isObject { frames[top].key = try readKeyAndColon() }
                    break
                }
                if isObject {
                    guard byte == UInt8(ascii: "}") else {
                        throw failure(.unexpectedCharacter, "expected ',' or '}' after object member, found \(found())")
                    }
                    position += 1
                    value = .object(frames.removeLast().object)
                } else {
                    guard byte == UInt8(ascii: "]") else {
                        throw failure(.unexpectedCharacter, "expected ',' or ']' after array element, found \(found())")
                    }
                    position += 1
                    value = .array(frames.removeLast().elements)
                }
            }
        }
    }

    /// Reads a scalar or an empty container and returns it, or opens a non-empty container
    /// (pushing a frame, and for objects reading the first key) and returns `nil`.
    mutating func readValueOrOpen() throws(JSONParseFailure) -> JSONValue? {
        skipWhitespace()
        guard position < count else {
            throw failure(.unexpectedEndOfInput, "expected a value, found end of input")
        }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try readNumber())
        case UInt8(ascii: "{"):
            try checkDepth()
            position += 1
            skipWhitespace()
            if position < count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(JSONObject())
            }
            var frame = Frame(isObject: true, key: try readKeyAndColon())
            frame.object.reserveCapacity(8)
            frames.append(frame)
            return nil
        case UInt8(ascii: "["):
            try checkDepth()
            position += 1
            skipWhitespace()
            if position < count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array([])
            }
            var frame = Frame(isObject: false)
            frame.elements.reserveCapacity(4)
            frames.append(frame)
            return nil
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        default:
            throw failure(.unexpectedCharacter, "expected a value, found \(found())")
        }
    }

    /// Reads `"key" :` inside an object and returns the key.
    mutating func readKeyAndColon() throws(JSONParseFailure) -> String {
        skipWhitespace()
        guard position < count else {
            throw failure(.unexpectedEndOfInput, "expected a string key, found end of input")
        }
        guard bytes[position] == UInt8(ascii: "\"") else {
            throw failure(.unexpectedCharacter, "expected a string key, found \(found())")
        }
        let key = try readString()
        skipWhitespace()
        guard position < count else {
            throw failure(.unexpectedEndOfInput, "expected ':' after object key, found end of input")
        }
        guard bytes[position] == UInt8(ascii: ":") else {
            throw failure(.unexpectedCharacter, "expected ':' after object key, found \(found())")
        }
        position += 1
        return key
    }

    /// Checks that one more container may open, and makes room for it.
    mutating func checkDepth() throws(JSONParseFailure) {
        // One allocation for typical documents instead of regrowing 1, 2, 4, 8…
        if frames.capacity == 0 { frames.reserveCapacity(16) }
        if frames.count >= maxDepth {
            throw failure(.depthLimitExceeded, "arrays and objects nested deeper than the limit of \(maxDepth)")
        }
    }

    /// Reads the literal `word` (`true`, `false`, `null`) at the cursor.
    mutating func readLiteral(_ word: StaticString) throws(JSONParseFailure) {
        let length = word.utf8CodeUnitCount
        let expected = word.utf8Start
        for i in 0..<length {
            guard position + i < count else {
                position += i
                throw failure(.unexpectedEndOfInput, "expected '\(word)', found end of input")
            }
            guard bytes[position + i] == expected[i] else {
                position += i
                throw failure(.unexpectedCharacter, "expected '\(word)', found \(found())")
            }
        }
        position += length
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < count {
            let b = bytes[position]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            position += 1
        }
    }

    // MARK: - Errors

    /// A failure of `kind` at the cursor (or at `offset`).
    func failure(_ kind: JSONParseError.Kind, _ message: String, at offset: Int? = nil) -> JSONParseFailure {
        JSONParseFailure(kind: kind, offset: offset ?? position, message: message)
    }

    /// How the byte at the cursor (or at `offset`) reads in a message.
    func found(at offset: Int? = nil) -> String {
        JSONParseError.describeByte(at: offset ?? position, in: bytes)
    }
}
