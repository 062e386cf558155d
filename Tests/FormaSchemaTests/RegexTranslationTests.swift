import Testing
import FormaSchema

/// ECMA-262 semantics that PCRE2 would get wrong without translation.
@Suite("ECMARegex translation")
struct RegexTranslationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        let subject: String
        let matches: Bool
        var testDescription: String { "/\(pattern)/ on \(subject.debugDescription) → \(matches)" }
    }

    static let cases: [Case] = [
        // \d, \w, \b are ASCII-only; PCRE2's UCP mode would make them Unicode.
        Case(pattern: #"^\d$"#, subject: "7", matches: true),
        Case(pattern: #"^\d$"#, subject: "\u{07C0}", matches: false),
        Case(pattern: #"^\d+$"#, subject: "\u{09EA}\u{09E8}", matches: false),
        Case(pattern: #"^\D$"#, subject: "\u{07C0}", matches: true),
        Case(pattern: #"^\D$"#, subject: "0", matches: false),
        Case(pattern: #"^[\d]$"#, subject: "\u{0663}", matches: false),
        Case(pattern: #"^[^\d]$"#, subject: "\u{0663}", matches: true),
        Case(pattern: #"^\w$"#, subject: "_", matches: true),
        Case(pattern: #"^\w$"#, subject: "é", matches: false),
        Case(pattern: #"^\W$"#, subject: "é", matches: true),
        Case(pattern: #"^[\W]$"#, subject: "a", matches: false),
        Case(pattern: #"\bcole"#, subject: "écoles", matches: true),
        Case(pattern: #"\Bcole"#, subject: "écoles", matches: false),
        Case(pattern: #"a\b"#, subject: "a b", matches: true),
        Case(pattern: #"a\b"#, subject: "ab", matches: false),
        // \s is ECMA's set: Zs, U+FEFF and line terminators, but not U+0085 or U+180E.
        Case(pattern: #"^\s$"#, subject: "\u{FEFF}", matches: true),
        Case(pattern: #"^\s$"#, subject: "\u{2003}", matches: true),
        Case(pattern: #"^\s$"#, subject: "\u{2029}", matches: true),
        Case(pattern: #"^\s$"#, subject: "\u{000B}", matches: true),
        Case(pattern: #"^\s$"#, subject: "\u{0085}", matches: false),
        Case(pattern: #"^\s$"#, subject: "\u{180E}", matches: false),
        Case(pattern: #"^\S$"#, subject: "\u{00A0}", matches: false),
        Case(pattern: #"^[\s]$"#, subject: "\u{3000}", matches: true),
        Case(pattern: #"^[^\s]$"#, subject: "\u{3000}", matches: false),
        // $ only at the very end; ^ only at the start (no multiline flag).
        Case(pattern: "^abc$", subject: "abc\n", matches: false),
        Case(pattern: "^abc$", subject: "abc", matches: true),
        Case(pattern: "^b", subject: "a\nb", matches: false),
        // . excludes exactly the ECMA line terminators.
        Case(pattern: "^.$", subject: "\r", matches: false),
        Case(pattern: "^.$", subject: "\u{2028}", matches: false),
        Case(pattern: "^.$", subject: "\u{0085}", matches: true),
        Case(pattern: "^.$", subject: "😀", matches: true),
        // Escapes.
        Case(pattern: #"^\cC$"#, subject: "\u{03}", matches: true),
        Case(pattern: #"^\cc$"#, subject: "\u{03}", matches: true),
        Case(pattern: #"^\t\n\v\f\r$"#, subject: "\t\n\u{0B}\u{0C}\r", matches: true),
        Case(pattern: #"^\0$"#, subject: "\u{0}", matches: true),
        Case(pattern: #"^\x41\u0042\u{43}$"#, subject: "ABC", matches: true),
        Case(pattern: #"^\uD83D\uDE00$"#, subject: "😀", matches: true),
        Case(pattern: #"^\u{1F600}+$"#, subject: "😀😀", matches: true),
        Case(pattern: #"^[\uD83D\uDE00-\uD83D\uDE02]$"#, subject: "😁", matches: true),
        Case(pattern: #"\uD83D"#, subject: "😀", matches: false),
        Case(pattern: #"^a\/b$"#, subject: "a/b", matches: true),
        Case(pattern: "^a/b$", subject: "a/b", matches: true),
        Case(pattern: #"^\$\^\.\*\+\?\(\)\[\]\{\}\|\\$"#, subject: #"$^.*+?()[]{}|\"#, matches: true),
        // Classes: [] never matches, [^] matches anything, '[' is literal, '-' rules.
        Case(pattern: "a[]", subject: "a", matches: false),
        Case(pattern: "^[^]$", subject: "\n", matches: true),
        Case(pattern: "^[[:a]+$", subject: "[:a", matches: true),
        Case(pattern: "^[a-]+$", subject: "a-", matches: true),
        Case(pattern: #"^[\-\]\\]+$"#, subject: #"-]\"#, matches: true),
        Case(pattern: #"^[\b]$"#, subject: "\u{08}", matches: true),
        Case(pattern: "^[^a]$", subject: "b", matches: true),
        // Groups, back-references, lookarounds, quantifiers.
        Case(pattern: #"^(?<year>\d{4})-\k<year>$"#, subject: "2024-2024", matches: true),
        Case(pattern: #"^(a)\1$"#, subject: "aa", matches: true),
        Case(pattern: #"^(?:(a)|b)\1c$"#, subject: "bc", matches: true),
        Case(pattern: "(?<=\\$)\\d+", subject: "$42", matches: true),
        Case(pattern: "(?<!\\$)\\b\\d+", subject: "$42", matches: false),
        Case(pattern: "^a{2,3}?$", subject: "aaa", matches: true),
        Case(pattern: "^a{2,}$", subject: "a", matches: false),
        // ES2025 modifiers.
        Case(pattern: "^(?i:ab)c$", subject: "ABc", matches: true),
        Case(pattern: "^(?i:ab)c$", subject: "ABC", matches: false),
        Case(pattern: "^(?s:.)$", subject: "\n", matches: true),
        Case(pattern: "(?m:^b)", subject: "a\nb", matches: true),
        Case(pattern: "(?m:a$)", subject: "a\u{2028}b", matches: true),
    ]

    @Test(arguments: cases)
    func matchesLikeECMAScript(_ testCase: Case) throws {
        let regex = try ECMARegex(testCase.pattern)
        #expect(try regex.matches(testCase.subject) == testCase.matches)
    }

    struct PropertyCase: CustomTestStringConvertible, Sendable {
        let pattern: String
        let matching: String
        let notMatching: String
        var testDescription: String { pattern }
    }

    /// Long names PCRE2 10.42 does not know must be mapped to its short forms.
    static let propertyCases: [PropertyCase] = [
        PropertyCase(pattern: #"^\p{Letter}+$"#, matching: "πέτρα", notMatching: "123"),
        PropertyCase(pattern: #"^\p{L}+$"#, matching: "Hello", notMatching: "he llo"),
        PropertyCase(pattern: #"^\p{Lu}$"#, matching: "Ä", notMatching: "ä"),
        PropertyCase(pattern: #"^\p{Uppercase_Letter}$"#, matching: "Ä", notMatching: "ä"),
        PropertyCase(pattern: #"^\p{Lowercase_Letter}$"#, matching: "ä", notMatching: "Ä"),
        PropertyCase(pattern: #"^\p{digit}+$"#, matching: "\u{09EA}\u{09E8}", notMatching: "-%#"),
        PropertyCase(pattern: #"^\p{Nd}+$"#, matching: "42", notMatching: "four"),
        PropertyCase(pattern: #"^\p{Decimal_Number}+$"#, matching: "٤٢", notMatching: "Ⅳ"),
        PropertyCase(pattern: #"^\p{Cased_Letter}$"#, matching: "a", notMatching: "ا"),
        PropertyCase(pattern: #"^\p{punct}+$"#, matching: "!?", notMatching: "+"),
        PropertyCase(pattern: #"^\p{Script=Greek}+$"#, matching: "αβγ", notMatching: "abc"),
        PropertyCase(pattern: #"^\p{sc=Grek}+$"#, matching: "αβγ", notMatching: "абв"),
        PropertyCase(pattern: #"^\p{Script_Extensions=Greek}+$"#, matching: "αβγ", notMatching: "abc"),
        PropertyCase(pattern: #"^\p{General_Category=Letter}+$"#, matching: "ab", notMatching: "a1"),
        PropertyCase(pattern: #"^\p{gc=Lu}+$"#, matching: "AB", notMatching: "Ab"),
        PropertyCase(pattern: #"^\P{Letter}+$"#, matching: "123", notMatching: "1a"),
        PropertyCase(pattern: #"^[\p{Lu}\d]+$"#, matching: "A1", notMatching: "a1"),
        PropertyCase(pattern: #"^[^\p{Lu}]+$"#, matching: "a1", notMatching: "A"),
        PropertyCase(pattern: #"^\p{Alphabetic}+$"#, matching: "aé", notMatching: "1"),
        PropertyCase(pattern: #"^\p{ASCII}+$"#, matching: "a~", notMatching: "é"),
        PropertyCase(pattern: #"^\P{ASCII}$"#, matching: "é", notMatching: "e"),
        PropertyCase(pattern: #"^\p{Any}$"#, matching: "\n", notMatching: ""),
        PropertyCase(pattern: #"^\p{Assigned}$"#, matching: "a", notMatching: "\u{0378}"),
        PropertyCase(pattern: #"^\P{Assigned}$"#, matching: "\u{0378}", notMatching: "a"),
        PropertyCase(pattern: #"^\p{Emoji_Presentation}$"#, matching: "😀", notMatching: "a"),
    ]

    @Test(arguments: propertyCases)
    func unicodePropertyNames(_ testCase: PropertyCase) throws {
        let regex = try ECMARegex(testCase.pattern)
        #expect(try regex.matches(testCase.matching))
        #expect(try !regex.matches(testCase.notMatching))
    }

    @Test func wholePatternOptions() throws {
        #expect(try ECMARegex("^abc$", options: .ignoreCase).matches("ABC"))
        #expect(try !ECMARegex("^abc$").matches("ABC"))
        #expect(try ECMARegex("^b$", options: .multiline).matches("a\r\nb\nc"))
        #expect(try !ECMARegex("^b$", options: .multiline).matches("abc"))
        #expect(try ECMARegex("^a.b$", options: .dotAll).matches("a\nb"))
        #expect(try !ECMARegex("^a(?-s:.)b$", options: .dotAll).matches("a\nb"))
    }
}
