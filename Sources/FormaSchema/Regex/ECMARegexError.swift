/// An error from compiling or running an ``ECMARegex``.
///
/// Every error names the pattern it is about. Compile errors carry the offset of the problem in
/// the *original* ECMA-262 pattern, counted in Unicode scalars from the start.
///
/// ```swift
/// do { _ = try ECMARegex("^(abc]") } catch let error as ECMARegexError {
///     print(error.kind == .invalidPattern, error.offset ?? -1)
/// }
/// ```
public struct ECMARegexError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; new kinds may be added, so `switch` with a `default`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The pattern is not a valid ECMA-262 (`u` mode) regular expression.
        public static let invalidPattern = Kind("invalidPattern")
        /// The pattern is valid ECMA-262 but uses a feature the PCRE2 engine cannot run
        /// (for example a variable-length lookbehind).
        public static let unsupportedPattern = Kind("unsupportedPattern")
        /// Matching stopped at a match, depth or heap limit: the pattern backtracks
        /// catastrophically on this subject.
        public static let matchLimitExceeded = Kind("matchLimitExceeded")
        /// Matching failed for another reason reported by PCRE2.
        public static let matchFailed = Kind("matchFailed")

        /// The kind's name, such as `invalidPattern`.
        public var description: String { name }
    }

    /// The former name of ``Kind``.
    @available(*, deprecated, renamed: "Kind")
    public typealias Code = Kind

    /// The kind of failure.
    public let kind: Kind
    /// The former name of ``kind``.
    @available(*, deprecated, renamed: "kind")
    public var code: Kind { kind }
    /// The ECMA-262 pattern as the caller wrote it.
    public let pattern: String
    /// A human-readable explanation.
    public let message: String
    /// For compile errors, the offset of the problem in ``pattern``, in Unicode scalars.
    public let offset: Int?

    /// An error.
    /// - Parameters:
    ///   - kind: The kind.
    ///   - pattern: The pattern as written.
    ///   - message: What went wrong.
    ///   - offset: For compile errors, where in the pattern (in Unicode scalars).
    public init(kind: Kind, pattern: String, message: String, offset: Int? = nil) {
        self.kind = kind
        self.pattern = pattern
        self.message = message
        self.offset = offset
    }

    public var description: String {
        switch kind {
        case .invalidPattern, .unsupportedPattern:
            let what = kind == .invalidPattern ? "invalid regular expression" : "unsupported regular expression"
            let location = offset.map { " at offset \($0)" } ?? ""
            return "\(what) /\(Self.abbreviated(pattern))/\(location): \(message)"
        case .matchLimitExceeded:
            return "regular expression /\(Self.abbreviated(pattern))/ gave up: \(message) "
                + "(catastrophic backtracking; simplify nested quantifiers such as (a+)+)"
        default:
            return "regular expression /\(Self.abbreviated(pattern))/ failed to match: \(message)"
        }
    }

    /// Keeps error messages readable when a pattern is very long.
    private static func abbreviated(_ pattern: String) -> String {
        let limit = 200
        guard pattern.unicodeScalars.count > limit else { return pattern }
        return String(String.UnicodeScalarView(pattern.unicodeScalars.prefix(limit))) + "…"
    }
}
