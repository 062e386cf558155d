import Testing
import FormaSchema

/// Compiling, matching modes, errors and limits of ``ECMARegex``.
@Suite("ECMARegex")
struct RegexTests {
    struct InvalidCase: CustomTestStringConvertible, Sendable {
        let pattern: String
        /// Offset of the problem in the original pattern, in Unicode scalars.
        let offset: Int
        var testDescription: String { pattern }
    }

    /// Syntax that ECMA-262 (`u` mode) rejects, PCRE2 constructs among them.
    static let invalidCases: [InvalidCase] = [
        InvalidCase(pattern: "^(abc]", offset: 5),
        InvalidCase(pattern: #"\a"#, offset: 0),
        InvalidCase(pattern: #"ab\e"#, offset: 2),
        InvalidCase(pattern: #"\A\z"#, offset: 0),
        InvalidCase(pattern: #"x\Qa.b\E"#, offset: 1),
        InvalidCase(pattern: "(?P<name>x)", offset: 0),
        InvalidCase(pattern: "(?P<n>a)(?P=n)", offset: 0),
        InvalidCase(pattern: "(?#comment)a", offset: 0),
        InvalidCase(pattern: "(?i)abc", offset: 0),
        InvalidCase(pattern: "(?ims)abc", offset: 0),
        InvalidCase(pattern: "(?>a)", offset: 0),
        InvalidCase(pattern: "(*ACCEPT)a", offset: 1),
        InvalidCase(pattern: "a++", offset: 2),
        InvalidCase(pattern: "a{2}*", offset: 4),
        InvalidCase(pattern: "*a", offset: 0),
        InvalidCase(pattern: "a|?", offset: 2),
        InvalidCase(pattern: "^*", offset: 1),
        InvalidCase(pattern: "a{,3}", offset: 1),
        InvalidCase(pattern: "a{3,2}", offset: 1),
        InvalidCase(pattern: "a}", offset: 1),
        InvalidCase(pattern: "a]", offset: 1),
        InvalidCase(pattern: "[[:alpha:]]", offset: 10),
        InvalidCase(pattern: "a)", offset: 1),
        InvalidCase(pattern: "(a", offset: 2),
        InvalidCase(pattern: #"(a)\2"#, offset: 3),
        InvalidCase(pattern: #"\k<nope>(?<yes>a)"#, offset: 0),
        InvalidCase(pattern: #"\01"#, offset: 0),
        InvalidCase(pattern: #"\c1"#, offset: 0),
        InvalidCase(pattern: #"\xZ1"#, offset: 0),
        InvalidCase(pattern: #"\u12"#, offset: 0),
        InvalidCase(pattern: #"\u{110000}"#, offset: 0),
        InvalidCase(pattern: #"\-"#, offset: 0),
        InvalidCase(pattern: #"[\d-z]"#, offset: 1),
        InvalidCase(pattern: "[z-a]", offset: 1),
        InvalidCase(pattern: #"[\B]"#, offset: 1),
        InvalidCase(pattern: #"[\1]"#, offset: 1),
        InvalidCase(pattern: #"\p{NotAProperty}"#, offset: 0),
        InvalidCase(pattern: #"\p{Script=}"#, offset: 0),
        InvalidCase(pattern: #"\p{Foo=Bar}"#, offset: 0),
        InvalidCase(pattern: #"\p{General_Category=Greek}"#, offset: 0),
        InvalidCase(pattern: #"\pL"#, offset: 0),
        InvalidCase(pattern: #"abc\"#, offset: 3),
        InvalidCase(pattern: "[abc", offset: 0),
        InvalidCase(pattern: "a{99999}", offset: 1),
    ]

    @Test(arguments: invalidCases)
    func invalidPatternIsRejectedWithLocation(_ testCase: InvalidCase) {
        do {
            let regex = try ECMARegex(testCase.pattern)
            Issue.record("/\(testCase.pattern)/ compiled, translated pattern accepted: \(regex.pattern)")
        } catch let error as ECMARegexError {
            #expect(error.kind == .invalidPattern)
            #expect(error.pattern == testCase.pattern)
            #expect(!error.message.isEmpty)
            #expect(error.offset == testCase.offset, "\(error)")
            #expect(error.description.contains(testCase.pattern))
            #expect(throws: ECMARegexError.self) { try ECMARegex.validateSyntax(testCase.pattern) }
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    @Test func validPatternsFromTheSuitePassSyntaxCheck() throws {
        for pattern in ["(?<name>x)", #"(?<n>a)\k<n>"#, "(?<=a+)b", "[]", "[^]", #"\cA"#, #"([abc])+\s+$"#] {
            #expect(throws: Never.self, "\(pattern)") { try ECMARegex.validateSyntax(pattern) }
        }
    }

    @Test func variableLengthLookbehindIsValidButUnsupported() {
        let error = #expect(throws: ECMARegexError.self) { try ECMARegex("(?<=a+)b") }
        #expect(error?.kind == .unsupportedPattern)
        #expect(error?.description.contains("lookbehind") == true)
        // A genuinely broken pattern with a variable lookbehind is still invalid.
        let broken = #expect(throws: ECMARegexError.self) { try ECMARegex.validateSyntax("(?<=a+)(b") }
        #expect(broken?.kind == .invalidPattern)
    }

    @Test func pcre2ErrorOffsetMapsBackToOriginalPattern() {
        // The \d expands to a class in the translation; PCRE2's offset must still point at
        // the original position of the problem (the quantifier's '{', at offset 10).
        let error = #expect(throws: ECMARegexError.self) { try ECMARegex(#"\d\d\d\s+x{70000}"#) }
        #expect(error?.kind == .invalidPattern)
        #expect(error?.offset == 10, "\(String(describing: error))")
    }

    @Test func fullMatchVersusMatches() throws {
        let regex = try ECMARegex("a+")
        #expect(try regex.matches("xxaayy"))
        #expect(try !regex.fullMatch("xxaayy"))
        #expect(try regex.fullMatch("aaa"))
        #expect(try !regex.fullMatch(""))
        let alternation = try ECMARegex("ab|abc")
        #expect(try alternation.fullMatch("abc"), "fullMatch must backtrack into the longer branch")
        #expect(try ECMARegex("").fullMatch(""))
        #expect(try ECMARegex("").matches("anything"))
        #expect(try !ECMARegex("x").matches(""))
    }

    @Test func firstMatchReturnsTheLeftmostRange() throws {
        let subject = "née 2024-05 and 2025-06"
        let range = try #require(try ECMARegex(#"\d{4}-\d{2}"#).firstMatch(in: subject))
        #expect(subject[range] == "2024-05")
        #expect(try ECMARegex("z").firstMatch(in: subject) == nil)
        let emoji = "a😀b"
        let emojiRange = try #require(try ECMARegex("😀").firstMatch(in: emoji))
        #expect(emoji[emojiRange] == "😀")
    }

    @Test func catastrophicBacktrackingFailsFast() {
        let subject = String(repeating: "a", count: 10_000) + "!"
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: ECMARegexError.self) { try ECMARegex("(a+)+$").matches(subject) }
        let elapsed = clock.now - start
        #expect(error?.kind == .matchLimitExceeded)
        #expect(error?.description.contains("(a+)+$") == true)
        #expect(error?.description.contains("backtracking") == true)
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    @Test func catastrophicBacktrackingFailsFastInFullMatchToo() {
        let subject = String(repeating: "a", count: 5_000) + "!"
        let error = #expect(throws: ECMARegexError.self) { try ECMARegex("(a|aa)+").fullMatch(subject) }
        #expect(error?.kind == .matchLimitExceeded)
    }

    @Test func longSubjectsWithinLimitsStillMatch() throws {
        let long = String(repeating: "ab", count: 200_000)
        #expect(try ECMARegex("^(?:a|b)*$").matches(long))
        #expect(try ECMARegex("^(ab)+$").matches(long))
        #expect(try ECMARegex(#"^[a-z]+\d$"#).matches(long + "7"))
        #expect(try !ECMARegex("c").matches(long))
    }

    @Test func hugeAndDeeplyNestedPatternsAreRejected() {
        let deep = String(repeating: "(", count: 5_000) + "a" + String(repeating: ")", count: 5_000)
        let deepError = #expect(throws: ECMARegexError.self) { try ECMARegex(deep) }
        #expect(deepError?.kind == .invalidPattern)
        let huge = String(repeating: "a", count: 40_000)
        let hugeError = #expect(throws: ECMARegexError.self) { try ECMARegex(huge) }
        #expect(hugeError?.kind == .invalidPattern)
        let custom = ECMARegex.Limits(matchLimit: 1_000, depthLimit: 1_000, heapLimitKiB: 1_024,
                                      maximumPatternLength: 4)
        #expect(throws: ECMARegexError.self) { try ECMARegex("abcde", limits: custom) }
    }

    @Test func customMatchLimitApplies() throws {
        let tight = ECMARegex.Limits(matchLimit: 50, depthLimit: 50, heapLimitKiB: 64)
        let regex = try ECMARegex("(a+)+$", limits: tight)
        let error = #expect(throws: ECMARegexError.self) { try regex.matches(String(repeating: "a", count: 30) + "!") }
        #expect(error?.kind == .matchLimitExceeded)
        #expect(error?.message.contains("50") == true)
        #expect(try ECMARegex("abc", limits: tight).matches("xxabc"))
    }
}
