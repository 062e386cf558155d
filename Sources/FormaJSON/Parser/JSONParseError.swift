/// Why and where a JSON text failed to parse.
///
/// The position is given three ways: ``byteOffset`` (0-based, into the UTF-8 input),
/// ``line`` (1-based; a line ends at `\n`, at `\r\n` or at a lone `\r`) and ``column``
/// (1-based, counted in Unicode scalars from the start of the line, so a multi-byte
/// character counts once). Line and column are computed only when an error is thrown.
///
/// ```swift
/// do { _ = try JSONParser.parse("{\"a\": 1 x}") }
/// catch let error as JSONParseError {
///     error.kind        // .unexpectedCharacter
///     error.description // line 1, column 9 (byte 8): expected ',' or '}' after object member, found 'x'
/// }
/// ```
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason a parse failed.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The input ended inside a value (or was empty).
        public static let unexpectedEndOfInput = Kind("unexpectedEndOfInput")
        /// A byte that cannot start or continue the expected token.
        public static let unexpectedCharacter = Kind("unexpectedCharacter")
        /// A string holds bytes that are not well-formed UTF-8 (overlong forms, encoded
        /// surrogates, code points above U+10FFFF, stray or missing continuation bytes).
        public static let invalidUTF8 = Kind("invalidUTF8")
        /// A backslash followed by something other than `" \ / b f n r t u`.
        public static let invalidEscape = Kind("invalidEscape")
        /// `\u` not followed by four hexadecimal digits.
        public static let invalidUnicodeEscape = Kind("invalidUnicodeEscape")
        /// A `\u` escape of a high surrogate without a following low surrogate, or a low
        /// surrogate on its own.
        public static let loneSurrogate = Kind("loneSurrogate")
        /// A raw control character (U+0000 to U+001F) inside a string; it must be escaped.
        public static let controlCharacterInString = Kind("controlCharacterInString")
        /// A number that breaks the JSON grammar (`01`, `1.`, `-`, `1e`).
        public static let invalidNumber = Kind("invalidNumber")
        /// Something other than whitespace after the value.
        public static let trailingContent = Kind("trailingContent")
        /// Arrays and objects nested deeper than ``JSONParser/Options/maxDepth``.
        public static let depthLimitExceeded = Kind("depthLimitExceeded")
        /// The input is longer than ``JSONParser/Options/maxBytes``.
        public static let sizeLimitExceeded = Kind("sizeLimitExceeded")

        /// The reason's name, such as `invalidNumber`.
        public var description: String { name }
    }

    /// The reason the parse failed.
    public let kind: Kind
    /// The 0-based offset of the offending byte in the UTF-8 input (the input's length
    /// when the input ended too early).
    public let byteOffset: Int
    /// The 1-based line of ``byteOffset``.
    public let line: Int
    /// The 1-based column of ``byteOffset``, counted in Unicode scalars.
    public let column: Int
    /// What was expected and what was found, such as `expected a value, found ']'`.
    public let message: String

    /// An error at an explicit position.
    public init(kind: Kind, byteOffset: Int, line: Int, column: Int, message: String) {
        self.kind = kind
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line 3, column 14 (byte 57): expected ',' or '}' after object member, found 'x'`.
    public var description: String {
        "line \(line), column \(column) (byte \(byteOffset)): \(message)"
    }
}

/// The failure the reader throws while parsing; it becomes a ``JSONParseError`` once the
/// line and column have been computed.
struct JSONParseFailure: Error {
    var kind: JSONParseError.Kind
    var offset: Int
    var message: String
}

extension JSONParseError {
    /// Resolves `failure` against the input to a located error.
    init(_ failure: JSONParseFailure, in bytes: UnsafeBufferPointer<UInt8>) {
        let (line, column) = Self.lineAndColumn(of: failure.offset, in: bytes)
        self.init(
            kind: failure.kind, byteOffset: failure.offset, line: line, column: column,
            message: failure.message)
    }

    /// The 1-based line and column (in Unicode scalars) of `offset`.
    static func lineAndColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                // Continuation bytes belong to the scalar their lead byte already counted.
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// How the byte at `offset` reads in a message: `'x'`, `end of input` or `byte 0x0A`.
    static func describeByte(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard offset < bytes.count else { return "end of input" }
        let b = bytes[offset]
        if b > 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        let hex = String(b, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
    }
}
