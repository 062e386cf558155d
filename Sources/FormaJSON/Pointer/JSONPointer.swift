/// A JSON Pointer (RFC 6901): a path of reference tokens such as `/lineItems/2/price`.
///
/// Tokens are stored unescaped; ``description`` escapes `~` as `~0` and `/` as `~1`.
///
/// ```swift
/// let pointer = try JSONPointer(parsing: "/a~1b/0")
/// pointer.tokens                 // ["a/b", "0"]
/// pointer.appending("c").description  // "/a~1b/0/c"
/// ```
public struct JSONPointer: Sendable, Hashable {
    /// The unescaped reference tokens, outermost first.
    public var tokens: [String]

    /// The pointer to the whole document (`""`).
    public static let root = JSONPointer(tokens: [])

    /// A pointer made of already-unescaped tokens.
    public init(tokens: [String]) { self.tokens = tokens }

    /// Parses the string form (`""` or `/`-separated escaped tokens).
    /// - Throws: ``JSONPointerError`` when the text does not start with `/` or holds a `~`
    ///   not followed by `0` or `1`.
    public init(parsing text: String) throws {
        if text.isEmpty {
            tokens = []
            return
        }
        guard text.first == "/" else { throw JSONPointerError(kind: .missingLeadingSlash, text: text) }
        var result: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            result.append(try JSONPointer.unescape(raw, in: text))
        }
        tokens = result
    }

    static func unescape(_ raw: Substring, in text: String) throws -> String {
        guard raw.contains("~") else { return String(raw) }
        var out = ""
        var iterator = raw.makeIterator()
        while let c = iterator.next() {
            if c == "~" {
                switch iterator.next() {
                case "0": out.append("~")
                case "1": out.append("/")
                default: throw JSONPointerError(kind: .invalidEscape, text: text)
                }
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Escapes one token for the string form.
    public static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        return token.replacingTildeAndSlash()
    }

    /// This pointer with `token` added at the end.
    public func appending(_ token: String) -> JSONPointer {
        var copy = self
        copy.tokens.append(token)
        return copy
    }

    /// This pointer with an array index added at the end.
    public func appending(index: Int) -> JSONPointer { appending(String(index)) }

    /// This pointer followed by every token of `other`.
    public func appending(_ other: JSONPointer) -> JSONPointer {
        var copy = self
        copy.tokens.append(contentsOf: other.tokens)
        return copy
    }

    /// Whether the pointer addresses the whole document.
    public var isRoot: Bool { tokens.isEmpty }

    /// The value this pointer addresses in `document`, or `nil` when a token does not match.
    /// Array tokens must be canonical indices (`0`, `12`; not `01` or `-`).
    public func resolve(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let array):
                guard let index = JSONPointer.arrayIndex(token), index < array.count else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The index a token denotes in an array, if it is a canonical non-negative integer.
    public static func arrayIndex(_ token: String) -> Int? {
        guard let first = token.utf8.first, first >= 0x30, first <= 0x39 else { return nil }
        if first == 0x30 && token.utf8.count > 1 { return nil }
        guard token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(token)
    }
}

extension JSONPointer: CustomStringConvertible {
    /// The escaped string form, `""` for the root.
    public var description: String {
        var out = ""
        for token in tokens {
            out.append("/")
            out.append(JSONPointer.escape(token))
        }
        return out
    }
}

/// Why a string is not a JSON Pointer.
/// Why a text is not a JSON Pointer (RFC 6901).
///
/// ```swift
/// do { _ = try JSONPointer(parsing: "a/b") }
/// catch let error as JSONPointerError { print(error.kind == .missingLeadingSlash) }
/// ```
public struct JSONPointerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the text; new kinds may be added, so `switch` with a `default`.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// A non-empty pointer must start with `/`.
        public static let missingLeadingSlash = Kind("missingLeadingSlash")
        /// A `~` not followed by `0` or `1`.
        public static let invalidEscape = Kind("invalidEscape")

        /// The kind's name, such as `invalidEscape`.
        public var description: String { name }
    }

    /// What is wrong.
    public var kind: Kind
    /// The text that was parsed.
    public var text: String
    /// What is wrong, in a sentence.
    public var message: String

    /// An error about `text`.
    /// - Parameters:
    ///   - kind: The kind.
    ///   - text: The text that is not a pointer.
    ///   - message: What is wrong (a standard sentence for the kind by default).
    public init(kind: Kind, text: String, message: String? = nil) {
        self.kind = kind
        self.text = text
        self.message = message ?? (kind == .missingLeadingSlash
            ? "JSON Pointer \"\(text)\" must be empty or start with \"/\""
            : "JSON Pointer \"\(text)\" has \"~\" not followed by 0 or 1")
    }

    /// The message.
    public var description: String { message }
}

extension String {
    fileprivate func replacingTildeAndSlash() -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 2)
        for c in self {
            switch c {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.append(c)
            }
        }
        return out
    }
}
