extension ECMARegex {
    /// Bounds on the work one regular expression may do, so hostile patterns or subjects fail
    /// with ``ECMARegexError/Kind-swift.struct/matchLimitExceeded`` instead of hanging.
    ///
    /// The defaults never bind for ordinary patterns (a linear scan of a megabyte uses a few
    /// million steps at most), while `(a+)+$` against 10,000 `a`s and a `!` gives up in
    /// milliseconds.
    public struct Limits: Sendable, Hashable {
        /// The most backtracking steps (PCRE2 "match limit") in one match call.
        public var matchLimit: UInt32
        /// The deepest backtracking nesting (PCRE2 "depth limit"; interpreter only).
        public var depthLimit: UInt32
        /// The most heap memory, in KiB, the interpreter may use for backtracking in one call.
        public var heapLimitKiB: UInt32
        /// The longest pattern accepted, in Unicode scalars. Patterns too large for one PCRE2
        /// program (64 KiB compiled) that are one long alternation are split into several.
        public var maximumPatternLength: Int

        /// Creates limits.
        /// - Parameters:
        ///   - matchLimit: backtracking steps per match call.
        ///   - depthLimit: backtracking depth per match call (interpreter only).
        ///   - heapLimitKiB: backtracking memory per match call, in KiB (interpreter only).
        ///   - maximumPatternLength: longest pattern accepted, in Unicode scalars.
        public init(matchLimit: UInt32, depthLimit: UInt32, heapLimitKiB: UInt32,
                    maximumPatternLength: Int = 1 << 20) {
            self.matchLimit = matchLimit
            self.depthLimit = depthLimit
            self.heapLimitKiB = heapLimitKiB
            self.maximumPatternLength = maximumPatternLength
        }

        /// Generous limits for schema patterns: 10 million steps, depth 1 million, 64 MiB of
        /// backtracking memory, patterns up to 1,048,576 scalars (real schemas hold alternations
        /// of tens of thousands of characters; the match limits bound what they cost).
        public static let `default` = Limits(matchLimit: 10_000_000, depthLimit: 1_000_000,
                                             heapLimitKiB: 64 * 1024)
    }

    /// ECMA-262 flags that can apply to a whole pattern. JSON Schema uses none of them.
    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8

        /// Creates options from their raw bits.
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// The `i` flag: case-insensitive matching (Unicode simple case folding).
        public static let ignoreCase = Options(rawValue: 1 << 0)
        /// The `m` flag: `^` and `$` also match at line terminators.
        public static let multiline = Options(rawValue: 1 << 1)
        /// The `s` flag: `.` also matches line terminators.
        public static let dotAll = Options(rawValue: 1 << 2)
    }
}
