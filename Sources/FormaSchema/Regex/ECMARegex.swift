internal import CPCRE2
import Synchronization

/// An ECMA-262 regular expression (with `u`-flag semantics, as JSON Schema's `pattern`,
/// `patternProperties` and `format: "regex"` require), run by PCRE2.
///
/// The pattern is translated so that PCRE2 gives ECMA-262 answers: `\d` and `\w` are ASCII-only,
/// `\s` is ECMA's whitespace set, `$` matches only at the very end, long Unicode property names
/// such as `\p{Letter}` work, and syntax ECMA-262 rejects (`\a`, `(?i)`, `(?P<n>…)`) is an error.
/// Matching is bounded by ``Limits`` so catastrophic backtracking throws instead of hanging.
///
/// Instances are immutable and safe to use from many threads at once.
///
/// ```swift
/// let code = try ECMARegex(#"^[A-Z]{3}-\d{4}$"#)
/// try code.matches("ABC-1234")  // true
/// ```
public final class ECMARegex: Sendable {
    /// The original ECMA-262 pattern.
    public let pattern: String
    /// The flags the pattern was compiled with.
    public let options: Options
    /// The limits every match runs under.
    public let limits: Limits

    private let translated: [UInt8]
    private let searchPattern: PCRE2Pattern
    /// The other parts of a pattern too large for one PCRE2 program (a long alternation split
    /// by ``AlternationSplitter``), translated and compiled: the pattern matches where
    /// `searchPattern` or one of these does. Empty for every other pattern.
    private let moreParts: [(translated: [UInt8], code: PCRE2Pattern)]
    /// How many PCRE2 programs the pattern compiled to (more than one only for a split alternation).
    var partCount: Int { 1 + moreParts.count }
    /// The parts compiled anchored at both ends, built on first use by ``fullMatch(_:)``.
    private let wholePattern = AtomicLazyReference<AnchoredParts>()
    let matchContext: PCRE2MatchContext
    /// A byte matcher for anchored patterns of ASCII classes and literals (most `pattern`s
    /// of extraction schemas), used instead of PCRE2 by ``matches(_:)``.
    let simple: SimplePattern?

    /// Compiles an ECMA-262 pattern.
    /// - Parameters:
    ///   - pattern: the pattern, without slashes or flags, e.g. `^\p{Lu}\w*$`.
    ///   - options: whole-pattern flags (`i`, `m`, `s`); JSON Schema uses none.
    ///   - limits: bounds on the work of each match.
    /// - Throws: ``ECMARegexError`` with kind `invalidPattern` (with the offset of the problem in
    ///   `pattern`) or `unsupportedPattern` (valid ECMA-262 that PCRE2 cannot run, such as a
    ///   variable-length lookbehind).
    public init(_ pattern: String, options: Options = [], limits: Limits = .default) throws {
        self.pattern = pattern
        self.options = options
        self.limits = limits
        let parts = try Self.compile(pattern, options: options, limits: limits)
        translated = parts[0].translated
        searchPattern = parts[0].code
        moreParts = Array(parts.dropFirst())
        guard let context = PCRE2MatchContext(
            matchLimit: limits.matchLimit, depthLimit: limits.depthLimit, heapLimitKiB: limits.heapLimitKiB)
        else {
            throw ECMARegexError(kind: .matchFailed, pattern: pattern, message: "out of memory")
        }
        matchContext = context
        simple = options.isEmpty ? SimplePattern(pattern) : nil
    }

    /// Whether the pattern matches somewhere in `subject`, like JavaScript's `RegExp.prototype.test`.
    /// This is what JSON Schema's `pattern` keyword asks.
    /// - Parameter subject: the string to search.
    /// - Returns: `true` if some substring matches.
    /// - Throws: ``ECMARegexError`` with kind `matchLimitExceeded` on catastrophic backtracking.
    public func matches(_ subject: String) throws -> Bool {
        if let simple {
            var subject = subject
            return subject.withUTF8 { simple.matches($0) }
        }
        return try matchesWithPCRE2(subject)
    }

    /// ``matches(_:)`` through PCRE2 even when the byte matcher would answer (tests compare
    /// the two).
    func matchesWithPCRE2(_ subject: String) throws -> Bool {
        var subject = subject
        return try subject.withUTF8 { try searchParts($0) }
    }

    /// ``matches(_:)`` over valid UTF-8 bytes (a slice of checked JSON text).
    func matches(utf8 subject: UnsafeBufferPointer<UInt8>) throws -> Bool {
        if let simple { return simple.matches(subject) }
        return try searchParts(subject)
    }

    private func searchParts(_ subject: UnsafeBufferPointer<UInt8>) throws -> Bool {
        if try execute(searchPattern, onUTF8: subject) != nil { return true }
        for part in moreParts where try execute(part.code, onUTF8: subject) != nil { return true }
        return false
    }

    /// Whether the whole of `subject` matches the pattern, like Python's `re.fullmatch`.
    /// - Parameter subject: the string to test.
    /// - Returns: `true` if the pattern matches from the first to the last character.
    /// - Throws: ``ECMARegexError`` with kind `matchLimitExceeded` on catastrophic backtracking.
    public func fullMatch(_ subject: String) throws -> Bool {
        for part in try anchoredParts().codes where try execute(part, on: subject) != nil { return true }
        return false
    }

    /// The range of the leftmost match in `subject`.
    /// - Parameter subject: the string to search.
    /// - Returns: the matched range, or `nil` if nothing matches.
    /// - Throws: ``ECMARegexError`` with kind `matchLimitExceeded` on catastrophic backtracking.
    public func firstMatch(in subject: String) throws -> Range<String.Index>? {
        // Leftmost over the parts; at the same start the earlier part wins, as the earlier
        // alternative would in the whole pattern.
        var found = try execute(searchPattern, on: subject)
        for part in moreParts {
            guard let range = try execute(part.code, on: subject) else { continue }
            if found.map({ range.lowerBound < $0.lowerBound }) ?? true { found = range }
        }
        guard let bytes = found else { return nil }
        let utf8 = subject.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
        let upper = utf8.index(lower, offsetBy: bytes.count)
        return lower..<upper
    }

    /// Checks that `pattern` is a valid ECMA-262 regular expression, as `format: "regex"` asks.
    /// Unlike ``init(_:options:limits:)`` this accepts valid patterns PCRE2 cannot run.
    /// - Parameter pattern: the pattern to check.
    /// - Throws: ``ECMARegexError`` with kind `invalidPattern` if it is not valid.
    public static func validateSyntax(_ pattern: String) throws {
        do {
            _ = try compile(pattern, options: [], limits: .default)
        } catch let error as ECMARegexError where error.kind == .unsupportedPattern {
            return
        }
    }

    // MARK: Compiling

    /// Compiled programs anchored at both ends, one per part.
    private final class AnchoredParts: Sendable {
        let codes: [PCRE2Pattern]
        init(_ codes: [PCRE2Pattern]) { self.codes = codes }
    }

    private func anchoredParts() throws -> AnchoredParts {
        if let existing = wholePattern.load() { return existing }
        // Anchored at compile time (match-time PCRE2_ANCHORED would bypass the JIT): the start by
        // PCRE2_ANCHORED, the end by `\z`; the group keeps alternations like `a|ab` whole.
        let options = Self.compileOptions(for: self.options) | forma_pcre2_anchored()
        var codes: [PCRE2Pattern] = []
        for translated in [translated] + moreParts.map(\.translated) {
            let wrapped = Array("(?:".utf8) + translated + Array(")\\z".utf8)
            do {
                codes.append(try PCRE2Pattern(utf8: wrapped, options: options))
            } catch {
                throw ECMARegexError(kind: .invalidPattern, pattern: pattern, message: error.message)
            }
        }
        return wholePattern.storeIfNil(AnchoredParts(codes))
    }

    private static func compileOptions(for options: Options) -> UInt32 {
        var bits = forma_pcre2_dollar_endonly() | forma_pcre2_match_unset_backref()
        if options.contains(.ignoreCase) { bits |= forma_pcre2_caseless() }
        return bits
    }

    /// Translates and compiles `pattern`: one part, or several when it is an alternation too
    /// large for one PCRE2 program.
    private static func compile(_ pattern: String, options: Options, limits: Limits)
        throws -> [(translated: [UInt8], code: PCRE2Pattern)]
    {
        let length = pattern.unicodeScalars.count
        guard length <= limits.maximumPatternLength else {
            throw ECMARegexError(kind: .invalidPattern, pattern: pattern,
                                 message: "pattern is \(length) characters long; the limit is "
                                     + "\(limits.maximumPatternLength)", offset: limits.maximumPatternLength)
        }
        let flags = ECMAPatternTranslator.Flags(dotAll: options.contains(.dotAll),
                                                multiline: options.contains(.multiline))
        var translator = ECMAPatternTranslator(pattern: pattern, flags: flags)
        do {
            try translator.translate()
        } catch {
            throw ECMARegexError(kind: .invalidPattern, pattern: pattern, message: error.message, offset: error.offset)
        }
        let bits = compileOptions(for: options)
        do {
            return [(translator.output, try PCRE2Pattern(utf8: translator.output, options: bits))]
        } catch {
            let offset = translator.sourceOffset(forOutputOffset: error.byteOffset)
            if error.code == forma_pcre2_error_pattern_too_large(),
                let alternation = AlternationSplitter.alternation(of: pattern)
            {
                return try compileParts(alternation, 0..<alternation.alternatives.count, pattern: pattern,
                                        flags: flags, bits: bits)
            }
            guard error.code == forma_pcre2_error_lookbehind_not_fixed_length() else {
                throw ECMARegexError(kind: .invalidPattern, pattern: pattern, message: error.message, offset: offset)
            }
            // ECMA-262 allows any lookbehind; PCRE2 10.42 only fixed-length ones. Check the rest
            // of the syntax by compiling with lookbehinds turned into lookaheads.
            var checker = ECMAPatternTranslator(pattern: pattern, flags: flags, lookbehindAsLookahead: true)
            if (try? checker.translate()) != nil {
                do {
                    _ = try PCRE2Pattern(utf8: checker.output, options: bits)
                } catch {
                    throw ECMARegexError(kind: .invalidPattern, pattern: pattern, message: error.message,
                                         offset: checker.sourceOffset(forOutputOffset: error.byteOffset))
                }
            }
            throw ECMARegexError(kind: .unsupportedPattern, pattern: pattern,
                                 message: "variable-length lookbehind is valid ECMA-262 but the PCRE2 "
                                     + "engine only supports lookbehinds of fixed length", offset: offset)
        }
    }

    /// Compiles alternatives `range` as one part, halving the range while PCRE2 finds it too large.
    private static func compileParts(
        _ alternation: AlternationSplitter.Alternation, _ range: Range<Int>, pattern: String,
        flags: ECMAPatternTranslator.Flags, bits: UInt32
    ) throws -> [(translated: [UInt8], code: PCRE2Pattern)] {
        var translator = ECMAPatternTranslator(pattern: alternation.part(range), flags: flags)
        do {
            try translator.translate()
        } catch {
            throw ECMARegexError(kind: .invalidPattern, pattern: pattern, message: error.message)
        }
        do {
            return [(translator.output, try PCRE2Pattern(utf8: translator.output, options: bits))]
        } catch {
            guard error.code == forma_pcre2_error_pattern_too_large(), range.count > 1 else {
                throw ECMARegexError(kind: .invalidPattern, pattern: pattern, message: error.message)
            }
            let middle = range.lowerBound + range.count / 2
            return try compileParts(alternation, range.lowerBound..<middle, pattern: pattern, flags: flags, bits: bits)
                + compileParts(alternation, middle..<range.upperBound, pattern: pattern, flags: flags, bits: bits)
        }
    }
}
