/// An error from compiling or running an ``ECMARegex``.
///
/// Every error names the pattern it is about. Compile errors carry the offset of the problem in
/// the *original* ECMA-262 pattern, counted in Unicode scalars from the start.
///
/// ```swift
/// do { _ = try ECMARegex("^(abc]") } catch let error as ECMARegexError {
///     print(error.code == .invalidPattern, error.offset ?? -1)
/// }
/// ```
public struct ECMARegexError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case invalidPattern, unsupportedPattern, matchLimitExceeded, matchFailed
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The pattern is not a valid ECMA-262 (`u` mode) regular expression.
        public static let invalidPattern = Code(.invalidPattern)
        /// The pattern is valid ECMA-262 but uses a feature the PCRE2 engine cannot run
        /// (for example a variable-length lookbehind).
        public static let unsupportedPattern = Code(.unsupportedPattern)
        /// Matching stopped at a match, depth or heap limit: the pattern backtracks
        /// catastrophically on this subject.
        public static let matchLimitExceeded = Code(.matchLimitExceeded)
        /// Matching failed for another reason reported by PCRE2.
        public static let matchFailed = Code(.matchFailed)

        public var description: String {
            switch base {
            case .invalidPattern: "invalidPattern"
            case .unsupportedPattern: "unsupportedPattern"
            case .matchLimitExceeded: "matchLimitExceeded"
            case .matchFailed: "matchFailed"
            }
        }
    }

    /// The kind of failure.
    public let code: Code
    /// The ECMA-262 pattern as the caller wrote it.
    public let pattern: String
    /// A human-readable explanation.
    public let message: String
    /// For compile errors, the offset of the problem in ``pattern``, in Unicode scalars.
    public let offset: Int?

    init(code: Code, pattern: String, message: String, offset: Int? = nil) {
        self.code = code
        self.pattern = pattern
        self.message = message
        self.offset = offset
    }

    public var description: String {
        switch code {
        case .invalidPattern, .unsupportedPattern:
            let kind = code == .invalidPattern ? "invalid regular expression" : "unsupported regular expression"
            let location = offset.map { " at offset \($0)" } ?? ""
            return "\(kind) /\(Self.abbreviated(pattern))/\(location): \(message)"
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
