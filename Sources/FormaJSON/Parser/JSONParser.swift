/// A strict RFC 8259 JSON parser working directly on UTF-8 bytes.
///
/// The input must hold exactly one JSON value, optionally surrounded by whitespace (space,
/// tab, line feed, carriage return). Everything else is rejected with a located
/// ``JSONParseError``: trailing content, comments, trailing commas, `NaN`, leading zeros,
/// invalid UTF-8, raw control characters in strings, bad escapes and lone surrogates.
/// Numbers are kept exact (``JSONNumber``); a repeated object key keeps its first position
/// and its last value.
///
/// The parser uses an explicit stack, so deep nesting fails with
/// ``JSONParseError/Kind/depthLimitExceeded`` instead of overflowing the call stack.
///
/// ```swift
/// let value = try JSONParser.parse(#"{"total": 19.99, "items": [1, 2]}"#)
/// value["total"]?.number?.description  // "19.99"
/// ```
public struct JSONParser: Sendable {
    /// Limits that protect the parser from hostile input.
    public struct Options: Sendable, Hashable {
        /// The deepest nesting of arrays and objects allowed (`[[1]]` has depth 2).
        public var maxDepth: Int
        /// The longest input accepted, in bytes; `Int.max` for no limit.
        public var maxBytes: Int

        /// Limits with the given values (by default 512 levels and 64 MiB).
        public init(maxDepth: Int = 512, maxBytes: Int = 64 << 20) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
        }
    }

    /// Parses one JSON value from raw UTF-8 bytes without copying them.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 text of exactly one JSON value.
    ///   - options: Depth and size limits.
    /// - Returns: The parsed value.
    /// - Throws: ``JSONParseError`` with the reason, byte offset, line and column.
    public static func parse(_ bytes: UnsafeRawBufferPointer, options: Options = .init()) throws -> JSONValue {
        try bytes.withMemoryRebound(to: UInt8.self) { try parse($0, options: options) }
    }

    /// Parses one JSON value from a buffer of UTF-8 bytes without copying them.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 text of exactly one JSON value.
    ///   - options: Depth and size limits.
    /// - Returns: The parsed value.
    /// - Throws: ``JSONParseError`` with the reason, byte offset, line and column.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, options: Options = .init()) throws -> JSONValue {
        guard bytes.count <= options.maxBytes else {
            throw JSONParseError(
                kind: .sizeLimitExceeded, byteOffset: 0, line: 1, column: 1,
                message: "input is \(bytes.count) bytes, more than the limit of \(options.maxBytes) bytes")
        }
        var reader = JSONReader(bytes, maxDepth: options.maxDepth)
        do {
            return try reader.readDocument()
        } catch {
            throw JSONParseError(error, in: bytes)
        }
    }

    /// Parses one JSON value from a collection of UTF-8 bytes such as `[UInt8]` or
    /// `ArraySlice<UInt8>`; contiguous collections are read in place.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 text of exactly one JSON value.
    ///   - options: Depth and size limits.
    /// - Returns: The parsed value.
    /// - Throws: ``JSONParseError`` with the reason, byte offset (from the start of
    ///   `bytes`), line and column.
    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes, options: Options = .init()) throws -> JSONValue {
        if let result = try bytes.withContiguousStorageIfAvailable({ try parse($0, options: options) }) {
            return result
        }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { try parse($0, options: options) }
    }

    /// Parses one JSON value from a string (its UTF-8 view, read in place when native).
    ///
    /// - Parameters:
    ///   - text: The text of exactly one JSON value.
    ///   - options: Depth and size limits.
    /// - Returns: The parsed value.
    /// - Throws: ``JSONParseError`` with the reason, byte offset, line and column.
    public static func parse(_ text: String, options: Options = .init()) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { try parse($0, options: options) }
    }

    /// Parses one JSON value from a substring (its UTF-8 view, read in place when native).
    ///
    /// - Parameters:
    ///   - text: The text of exactly one JSON value.
    ///   - options: Depth and size limits.
    /// - Returns: The parsed value.
    /// - Throws: ``JSONParseError``; offsets count from the start of `text`.
    public static func parse(_ text: Substring, options: Options = .init()) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { try parse($0, options: options) }
    }
}
