@testable import FormaSchema
import Testing

/// The byte matcher `ECMARegex` uses for simple anchored patterns must answer exactly as
/// PCRE2 does; these compare the two on generated strings.
@Suite("Simple anchored patterns without PCRE2")
struct SimplePatternTests {
    static let simple = [
        "^[A-Z]{2}$", "^[A-Z]{2}[0-9A-Z]{8,12}$", "^INV-[0-9]{4}-[0-9]{6}$", "^[0-9A-Z -]{3,10}$",
        "^[A-Z]{3}-[0-9]{5}$", #"^\d+$"#, #"^\d{3}\.\d{2}$"#, "^[a-z_]*$", "^[-a-z]?$", "^[a-z-]{0,3}$",
        "^$", "^ab?$", #"^[\-\]\\]{2}$"#, "^x{0}y+$", #"^\$\d{1,}$"#,
    ]

    static let notSimple = [
        "[A-Z]{2}", "^[A-Z]{2}", "[A-Z]{2}$", "^a|b$", "^(ab)$", "^[^a]$", #"^\w+$"#, #"^\s$"#, "^.$",
        "^a*b$", "^a{1,2}b$", "^a+?$", #"^\p{L}$"#, "^é$", #"^a\$"#,
    ]

    @Test func simplePatternsTakeTheByteMatcher() throws {
        for pattern in Self.simple {
            #expect(try ECMARegex(pattern).simple != nil, "\(pattern)")
        }
        for pattern in Self.notSimple {
            #expect(try ECMARegex(pattern).simple == nil, "\(pattern)")
        }
        #expect(try ECMARegex("^[A-Z]{2}$", options: .ignoreCase).simple == nil)
    }

    @Test(arguments: simple)
    func answersAsPCRE2Does(_ pattern: String) throws {
        let regex = try ECMARegex(pattern)
        let alphabet: [String] = [
            "A", "B", "Z", "a", "z", "0", "5", "9", " ", "-", "_", ".", "$", "]", "\\", "x", "y", "\n", "é", "I", "N", "V",
        ]
        var generator = SplitMix(seed: UInt64(truncatingIfNeeded: pattern.utf8.count &* 7919))
        for _ in 0..<3000 {
            let length = Int(generator.next() % 17)
            var subject = ""
            for _ in 0..<length { subject += alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let expected = try regex.matchesWithPCRE2(subject)
            #expect(try regex.matches(subject) == expected, "\(pattern) on \(subject.debugDescription)")
        }
        // Strings built to match, so both answers are exercised.
        for subject in Self.matchingExamples[pattern] ?? [] {
            #expect(try regex.matchesWithPCRE2(subject), "\(pattern) should match \(subject)")
            #expect(try regex.matches(subject), "\(pattern) on \(subject)")
        }
    }

    static let matchingExamples: [String: [String]] = [
        "^[A-Z]{2}$": ["GB"], "^[A-Z]{2}[0-9A-Z]{8,12}$": ["DE12345678", "FR1234567890AB"],
        "^INV-[0-9]{4}-[0-9]{6}$": ["INV-2024-000123"], "^[0-9A-Z -]{3,10}$": ["SW1A 1AA", "12-34"],
        "^[A-Z]{3}-[0-9]{5}$": ["ABC-12345"], #"^\d+$"#: ["0", "123"], #"^\d{3}\.\d{2}$"#: ["123.45"],
        "^[a-z_]*$": ["", "a_b"], "^[-a-z]?$": ["", "-", "q"], "^[a-z-]{0,3}$": ["", "a-b"], "^$": [""],
        "^ab?$": ["a", "ab"], #"^[\-\]\\]{2}$"#: ["-]", "\\\\"], "^x{0}y+$": ["y", "yyy"], #"^\$\d{1,}$"#: ["$5"],
    ]
}

/// A small deterministic generator for reproducible test strings.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
