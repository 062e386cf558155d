/// The parser's working state: a cursor over the input plus explicit stacks of open
/// containers, finished values and pending object keys, so nesting never recurses on the
/// call stack.
///
/// Values are pushed on one shared stack; closing a container moves its elements off that
/// stack into an array (or object) of exactly the right size, so elements are never
/// copied, retained twice or regrown.
struct JSONReader: ~Copyable {
    /// One open array or object.
    struct Frame {
        var isObject: Bool
        /// Where this container's values start on the value stack.
        var valueStart: Int
        /// Where this object's keys start on the key stack.
        var keyStart: Int
        /// For an object whose current key repeats an earlier one: the value-stack slot of
        /// that earlier member, which the coming value replaces. Otherwise -1.
        var duplicateSlot: Int
        /// Whether this object's keys are indexed in ``JSONReader/keyIndexes`` (large objects).
        var isIndexed: Bool
    }

    /// Where a key of an open object lies in the input.
    struct KeySpan {
        /// The offset of the key's first byte in the input, or -1 when it held escapes.
        var sourceStart: Int
        /// The key's length in UTF-8 bytes.
        var length: Int
    }

    /// Objects with more keys than this look repeated keys up in a hash index.
    static let linearKeyScanLimit = 16

    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let maxDepth: Int
    var position = 0
    var frames: JSONBuildStack<Frame>
    var values: JSONBuildStack<JSONValue>
    var keys: JSONBuildStack<String>
    /// Where each key on ``keys`` lies in the input, for the duplicate check.
    var keySpans: JSONBuildStack<KeySpan>
    /// Key indexes of the open large objects, innermost last.
    var keyIndexes: [[JSONKeyBytes: Int]] = []
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []
    /// Whether the last string read held escapes.
    var lastStringHadEscapes = false
    /// Whether short strings may be built directly (see ``JSONSmallString``).
    let buildsSmallStrings: Bool

    /// A reader over `bytes`. With `preallocating` false its stacks allocate only when a
    /// value is first built (a tokenizer that only scans never pays for them).
    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, preallocating: Bool = true) {
        self.bytes = bytes
        self.count = bytes.count
        self.maxDepth = maxDepth
        self.buildsSmallStrings = JSONSmallString.isSupported
        if preallocating {
            frames = JSONBuildStack(capacity: 16)
            values = JSONBuildStack(capacity: 64)
            keys = JSONBuildStack(capacity: 32)
            keySpans = JSONBuildStack(capacity: 32)
        } else {
            frames = JSONBuildStack()
            values = JSONBuildStack()
            keys = JSONBuildStack()
            keySpans = JSONBuildStack()
        }
    }

    // MARK: - Document

    /// Reads exactly one value surrounded by optional whitespace.
    mutating func readDocument() throws(JSONParseFailure) -> JSONValue {
        try readValueTree()
        skipWhitespace()
        if position < count {
            throw failure(.trailingContent, "unexpected content after the JSON value, found \(found())")
        }
        return values.popLast()
    }

    /// Reads one complete value onto the value stack, opening and closing containers as it goes.
    mutating func readValueTree() throws(JSONParseFailure) {
        while true {
            // Expecting a value: push a complete scalar or empty container, or open a frame.
            skipWhitespace()
            guard position < count else {
                throw failure(.unexpectedEndOfInput, "expected a value, found end of input")
            }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                values.push(.string(try readString()))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                values.push(.number(try readNumber()))
            case UInt8(ascii: "{"):
                try checkDepth()
                position += 1
                skipWhitespace()
                if position < count, bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    values.push(.object(JSONObject()))
                } else {
                    frames.push(
                        Frame(
                            isObject: true, valueStart: values.count, keyStart: keys.count, duplicateSlot: -1,
                            isIndexed: false))
                    try readKeyAndColon()
                    continue
                }
            case UInt8(ascii: "["):
                try checkDepth()
                position += 1
                skipWhitespace()
                if position < count, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    values.push(.array([]))
                } else {
                    frames.push(
                        Frame(
                            isObject: false, valueStart: values.count, keyStart: keys.count, duplicateSlot: -1,
                            isIndexed: false))
                    continue
                }
            case UInt8(ascii: "t"):
                try readLiteral("true")
                values.push(.bool(true))
            case UInt8(ascii: "f"):
                try readLiteral("false")
                values.push(.bool(false))
            case UInt8(ascii: "n"):
                try readLiteral("null")
                values.push(.null)
            default:
                throw failure(.unexpectedCharacter, "expected a value, found \(found())")
            }
            // A value is complete on top of the stack: it belongs to the innermost container.
            while true {
                let top = frames.count - 1
                guard top >= 0 else { return }
                let frame = frames.base[top]
                if frame.duplicateSlot >= 0 {
                    // A repeated key keeps its first position and takes the last value.
                    values.replaceWithLast(at: frame.duplicateSlot)
                    frames.base[top].duplicateSlot = -1
                }
                skipWhitespace()
                guard position < count else {
                    throw failure(
                        .unexpectedEndOfInput,
                        frame.isObject ? "expected ',' or '}' after object member, found end of input"
                            : "expected ',' or ']' after array element, found end of input")
                }
                let byte = bytes[position]
                if byte == UInt8(ascii: ",") {
                    position += 1
                    if frame.isObject { try readKeyAndColon() }
                    break
                }
                if frame.isObject {
                    guard byte == UInt8(ascii: "}") else {
                        throw failure(.unexpectedCharacter, "expected ',' or '}' after object member, found \(found())")
                    }
                    position += 1
                    closeObject(frame)
                } else {
                    guard byte == UInt8(ascii: "]") else {
                        throw failure(.unexpectedCharacter, "expected ',' or ']' after array element, found \(found())")
                    }
                    position += 1
                    let elements = values.moveToArray(from: frame.valueStart)
                    frames.forgetMoved(downTo: top)
                    values.push(.array(elements))
                }
            }
        }
    }

    /// Pops the innermost frame, an object, and pushes the object built from its keys and values.
    mutating func closeObject(_ frame: Frame) {
        let n = keys.count - frame.keyStart
        let keySource = keys.base + frame.keyStart
        let valueSource = values.base + frame.valueStart
        var members = [JSONObject.Member]()
        members.reserveCapacity(n)
        for i in 0..<n {
            members.append(JSONObject.Member(key: (keySource + i).move(), value: (valueSource + i).move()))
        }
        keys.forgetMoved(downTo: frame.keyStart)
        keySpans.forgetMoved(downTo: frame.keyStart)
        values.forgetMoved(downTo: frame.valueStart)
        if frame.isIndexed { keyIndexes.removeLast() }
        frames.forgetMoved(downTo: frames.count - 1)
        values.push(.object(JSONObject(uniqueMembers: members)))
    }

    /// Reads `"key" :` inside the innermost object and records the key (or, for a repeated
    /// key, the slot its value replaces).
    mutating func readKeyAndColon() throws(JSONParseFailure) {
        try expectNext(UInt8(ascii: "\""), "a string key")
        let start = position + 1
        let key = try readString()
        if lastStringHadEscapes {
            recordKey(key, sourceStart: -1, length: key.utf8.count)
        } else {
            recordKey(key, sourceStart: start, length: position - 1 - start)
        }
        try expectNext(UInt8(ascii: ":"), "':' after object key")
        position += 1
    }

    /// Skips whitespace and checks that `byte` is next, leaving the cursor on it; `what`
    /// names it in the error ("a string key", "':' after object key").
    @inline(__always)
    mutating func expectNext(_ byte: UInt8, _ what: @autoclosure () -> String) throws(JSONParseFailure) {
        skipWhitespace()
        guard position < count else { throw failure(.unexpectedEndOfInput, "expected \(what()), found end of input") }
        guard bytes[position] == byte else { throw failure(.unexpectedCharacter, "expected \(what()), found \(found())") }
    }

    /// Checks that one more container may open.
    @inline(__always)
    func checkDepth() throws(JSONParseFailure) {
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
