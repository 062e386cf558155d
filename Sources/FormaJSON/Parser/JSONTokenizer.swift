/// A pull reader over JSON text: the caller walks the document value by value and decides
/// what to build. Streaming validation uses it to check an instance without building its
/// tree; anything the caller does not need (a member it does not check) is skipped.
///
/// It shares the parser's scanning code, so it accepts exactly what ``JSONParser`` accepts;
/// errors are ``JSONParseError``s with the parser's messages. The cursor can be saved and
/// restored (``position``) to read a value again.
///
/// ```swift
/// try bytes.withUnsafeBufferPointer { buffer in
///     var reader = JSONTokenizer(buffer)
///     if try reader.beginObject() {
///         repeat {
///             let key = try reader.readKey()
///             try reader.skipValue()
///         } while try reader.nextMember()
///     }
///     try reader.finish()
/// }
/// ```
public struct JSONTokenizer: ~Copyable {
    /// What the next value is.
    public enum Kind: Sendable, Equatable {
        /// `{`: an object starts.
        case object
        /// `[`: an array starts.
        case array
        /// A string.
        case string
        /// A number.
        case number
        /// `true` or `false`.
        case bool
        /// `null`.
        case null
    }

    private var reader: JSONReader
    /// The containers open now.
    public private(set) var depth = 0

    /// A tokenizer over `bytes`, which must outlive it.
    /// - Parameters:
    ///   - bytes: UTF-8 JSON text.
    ///   - maxDepth: The deepest nesting allowed, as ``JSONParser/Options/maxDepth``.
    public init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = 512) {
        reader = JSONReader(bytes, maxDepth: maxDepth, preallocating: false)
    }

    /// A place in the text to come back to: the cursor and the containers open there.
    public struct Mark: Sendable, Equatable {
        let position: Int
        let depth: Int
    }

    /// The byte offset of the cursor.
    ///
    /// The getter is `mutating` so that reading it passes the tokenizer by reference: a
    /// borrowing getter of this (loadable) struct would copy the whole reader per call.
    public var position: Int {
        mutating get { reader.position }
    }

    /// The current place, to ``rewind(to:)`` later and read a value again.
    public var mark: Mark {
        mutating get { Mark(position: reader.position, depth: depth) }
    }

    /// Goes back (or forward) to `mark`, taken on this text.
    public mutating func rewind(to mark: Mark) {
        reader.position = mark.position
        depth = mark.depth
    }

    private func error(_ failure: JSONParseFailure) -> JSONParseError {
        JSONParseError(failure, in: reader.bytes)
    }

    /// The kind of the next value (whitespace skipped).
    /// - Throws: ``JSONParseError`` at the end of input or before a byte no value starts with.
    public mutating func peek() throws -> Kind {
        reader.skipWhitespace()
        guard reader.position < reader.count else {
            throw error(reader.failure(.unexpectedEndOfInput, "expected a value, found end of input"))
        }
        switch reader.bytes[reader.position] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw error(reader.failure(.unexpectedCharacter, "expected a value, found \(reader.found())"))
        }
    }

    // MARK: Scalars (call after `peek` named the kind)

    /// Reads a string value.
    public mutating func readString() throws -> String {
        do { return try reader.readString() } catch { throw self.error(error) }
    }

    /// Reads a string value and hands `body` its UTF-8 bytes: a slice of the input when the
    /// string has no escapes (nothing is built), else the decoded string's bytes. The bytes
    /// are valid UTF-8 and live only during `body`.
    @inlinable
    public mutating func withString<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        // Inlinable so that `body` is specialized and inlined at the call site (this runs
        // for every string a streaming check reads); the scanning itself is not inlined.
        if let bytes = try plainStringBytes() { return try body(bytes) }
        var text = try readString()
        return try text.withUTF8(body)
    }

    /// The bytes of the string at the cursor when it has no escapes (the cursor then after
    /// it), or `nil` with the cursor unchanged.
    @usableFromInline
    mutating func plainStringBytes() throws -> UnsafeBufferPointer<UInt8>? {
        do {
            guard let range = try reader.scanPlainString() else { return nil }
            return UnsafeBufferPointer(rebasing: reader.bytes[range])
        } catch { throw self.error(error) }
    }

    /// Reads a member's key and the colon after it, handing `body` the key's UTF-8 bytes
    /// as ``withString(_:)`` does.
    @inlinable
    public mutating func withKey<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        try expectKey()
        let result = try withString(body)
        try expectColon()
        return result
    }

    /// Checks that a key's opening quote is next.
    @usableFromInline
    mutating func expectKey() throws {
        do { try reader.expectNext(UInt8(ascii: "\""), "a string key") } catch { throw self.error(error) }
    }

    /// Passes the colon after a key.
    @usableFromInline
    mutating func expectColon() throws {
        do throws(JSONParseFailure) {
            try reader.expectNext(UInt8(ascii: ":"), "':' after object key")
            reader.position += 1
        } catch { throw self.error(error) }
    }

    /// Checks and passes a string value without building it.
    public mutating func skipString() throws {
        do { try reader.skipString() } catch { throw self.error(error) }
    }

    /// Reads a number.
    public mutating func readNumber() throws -> JSONNumber {
        do { return try reader.readNumber() } catch { throw self.error(error) }
    }

    /// Reads `true` or `false`.
    public mutating func readBool() throws -> Bool {
        do throws(JSONParseFailure) {
            if reader.bytes[reader.position] == UInt8(ascii: "t") {
                try reader.readLiteral("true")
                return true
            }
            try reader.readLiteral("false")
            return false
        } catch { throw self.error(error) }
    }

    /// Reads `null`.
    public mutating func readNull() throws {
        do { try reader.readLiteral("null") } catch { throw self.error(error) }
    }

    // MARK: Whole values

    /// Reads the next value, whatever it is, as a tree.
    public mutating func readValue() throws -> JSONValue {
        do throws(JSONParseFailure) {
            try reader.checkDepth(adding: depth)
            try reader.readValueTree()
            return reader.values.popLast()
        } catch { throw self.error(error) }
    }

    /// Checks and passes the next value without building it.
    public mutating func skipValue() throws {
        do { try reader.skipValue(depth: depth) } catch { throw self.error(error) }
    }

    // MARK: Containers

    /// Enters the object at the cursor.
    /// - Returns: `false` for `{}` (already passed), `true` when a member follows.
    public mutating func beginObject() throws -> Bool {
        try begin(close: UInt8(ascii: "}"))
    }

    /// Reads a member's key and the colon after it.
    public mutating func readKey() throws -> String {
        try expectKey()
        let key = try readString()
        try expectColon()
        return key
    }

    /// After a member's value: `true` when another member follows, `false` after the
    /// closing brace (the object is left).
    public mutating func nextMember() throws -> Bool {
        try next(close: UInt8(ascii: "}"), what: "object member")
    }

    /// Enters the array at the cursor.
    /// - Returns: `false` for `[]` (already passed), `true` when an element follows.
    public mutating func beginArray() throws -> Bool {
        try begin(close: UInt8(ascii: "]"))
    }

    /// After an element: `true` when another follows, `false` after the closing bracket.
    public mutating func nextElement() throws -> Bool {
        try next(close: UInt8(ascii: "]"), what: "array element")
    }

    /// Checks that only whitespace is left.
    public mutating func finish() throws {
        reader.skipWhitespace()
        if reader.position < reader.count {
            throw error(reader.failure(.trailingContent, "unexpected content after the JSON value, found \(reader.found())"))
        }
    }

    private mutating func begin(close: UInt8) throws -> Bool {
        do throws(JSONParseFailure) {
            try reader.checkDepth(adding: depth)
            reader.position += 1
            reader.skipWhitespace()
            if reader.position < reader.count, reader.bytes[reader.position] == close {
                reader.position += 1
                return false
            }
            depth += 1
            return true
        } catch { throw self.error(error) }
    }

    private mutating func next(close: UInt8, what: String) throws -> Bool {
        reader.skipWhitespace()
        guard reader.position < reader.count else {
            let closing = close == UInt8(ascii: "}") ? "'}'" : "']'"
            throw error(reader.failure(.unexpectedEndOfInput, "expected ',' or \(closing) after \(what), found end of input"))
        }
        let byte = reader.bytes[reader.position]
        if byte == UInt8(ascii: ",") {
            reader.position += 1
            return true
        }
        guard byte == close else {
            let closing = close == UInt8(ascii: "}") ? "'}'" : "']'"
            throw error(reader.failure(.unexpectedCharacter, "expected ',' or \(closing) after \(what), found \(reader.found())"))
        }
        reader.position += 1
        depth -= 1
        return false
    }
}

extension JSONReader {
    /// Checks that one more container may open below `outer` levels opened elsewhere.
    func checkDepth(adding outer: Int) throws(JSONParseFailure) {
        if frames.count + outer >= maxDepth {
            throw failure(.depthLimitExceeded, "arrays and objects nested deeper than the limit of \(maxDepth)")
        }
    }

    /// Checks and passes one value without building it (containers counted, not recursed).
    mutating func skipValue(depth outer: Int) throws(JSONParseFailure) {
        var open = 0
        // Whether each open container is an object (allocated only when one opens).
        var closers: [Bool] = []
        while true {
            skipWhitespace()
            guard position < count else { throw failure(.unexpectedEndOfInput, "expected a value, found end of input") }
            switch bytes[position] {
            case UInt8(ascii: "\""): try skipString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try readNumber()
            case UInt8(ascii: "t"): try readLiteral("true")
            case UInt8(ascii: "f"): try readLiteral("false")
            case UInt8(ascii: "n"): try readLiteral("null")
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = bytes[position] == UInt8(ascii: "{")
                if outer + open >= maxDepth {
                    throw failure(.depthLimitExceeded, "arrays and objects nested deeper than the limit of \(maxDepth)")
                }
                position += 1
                skipWhitespace()
                if position < count, bytes[position] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                } else {
                    open += 1
                    closers.append(isObject)
                    if isObject { try skipKeyAndColon() }
                    continue
                }
            default:
                throw failure(.unexpectedCharacter, "expected a value, found \(found())")
            }
            // A value ended: continue or close the containers it completes.
            while true {
                guard open > 0 else { return }
                let isObject = closers[closers.count - 1]
                skipWhitespace()
                guard position < count else {
                    throw failure(.unexpectedEndOfInput, isObject
                        ? "expected ',' or '}' after object member, found end of input"
                        : "expected ',' or ']' after array element, found end of input")
                }
                let byte = bytes[position]
                if byte == UInt8(ascii: ",") {
                    position += 1
                    if isObject { try skipKeyAndColon() }
                    break
                }
                guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
                    throw failure(.unexpectedCharacter, isObject
                        ? "expected ',' or '}' after object member, found \(found())"
                        : "expected ',' or ']' after array element, found \(found())")
                }
                position += 1
                open -= 1
                closers.removeLast()
            }
        }
    }

    private mutating func skipKeyAndColon() throws(JSONParseFailure) {
        try expectNext(UInt8(ascii: "\""), "a string key")
        try skipString()
        try expectNext(UInt8(ascii: ":"), "':' after object key")
        position += 1
    }
}
