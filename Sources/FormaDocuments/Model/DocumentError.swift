/// Why a document could not be read, and where.
///
/// ```swift
/// do { _ = try DocumentReader.read(Array("a: [".utf8), format: .yaml) }
/// catch let error as DocumentError { print(error) }  // 1:5: syntax error: …
/// ```
public struct DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A category of document error; compare with its static members.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        let name: String
        init(_ name: String) { self.name = name }
        /// The text does not follow the format's grammar.
        public static let syntax = Kind("syntax")
        /// The bytes are not valid UTF-8.
        public static let invalidUTF8 = Kind("invalidUTF8")
        /// A key appears twice in one mapping or table (or a TOML table is defined twice).
        public static let duplicateKey = Kind("duplicateKey")
        /// A YAML tag or value (such as `!!binary` or `.nan`) that has no JSON meaning.
        public static let unsupportedValue = Kind("unsupportedValue")
        /// YAML aliases would expand past the node budget (a "billion laughs" file).
        public static let aliasBudget = Kind("aliasBudget")
        /// Nesting deeper than the reader's limit.
        public static let tooDeep = Kind("tooDeep")
        /// The category's name.
        public var description: String { name }
    }

    /// The category.
    public var kind: Kind
    /// What is wrong, in words.
    public var message: String
    /// Where the problem is.
    public var position: SourcePosition

    /// An error of `kind` at `position`.
    public init(kind: Kind, message: String, position: SourcePosition) {
        self.kind = kind
        self.message = message
        self.position = position
    }

    /// `LINE:COLUMN: message`.
    public var description: String { "\(position): \(message)" }
}
