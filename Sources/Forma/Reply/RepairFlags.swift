/// What lenient repair changed in a reply, recorded on the attempt.
public struct RepairFlags: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `,` before `}` or `]` removed.
    public static let trailingCommas = RepairFlags(rawValue: 1 << 0)
    /// `//` and `/* */` comments removed.
    public static let comments = RepairFlags(rawValue: 1 << 1)
    /// `'single-quoted'` strings rewritten with double quotes.
    public static let singleQuotes = RepairFlags(rawValue: 1 << 2)
    /// Bare object keys quoted.
    public static let unquotedKeys = RepairFlags(rawValue: 1 << 3)
    /// Unclosed brackets closed at the end of the text.
    public static let closedBrackets = RepairFlags(rawValue: 1 << 4)
    /// An unclosed string closed at the end of the text.
    public static let closedString = RepairFlags(rawValue: 1 << 5)
    /// Python's `True`, `False`, `None` written as JSON literals.
    public static let pythonLiterals = RepairFlags(rawValue: 1 << 6)

    static let names: [(RepairFlags, String)] = [
        (.trailingCommas, "trailing commas"), (.comments, "comments"), (.singleQuotes, "single quotes"),
        (.unquotedKeys, "unquoted keys"), (.closedBrackets, "closed brackets"), (.closedString, "closed string"),
        (.pythonLiterals, "Python literals"),
    ]

    /// The repairs as words, comma-separated.
    public var description: String {
        Self.names.filter { contains($0.0) }.map(\.1).joined(separator: ", ")
    }
}
