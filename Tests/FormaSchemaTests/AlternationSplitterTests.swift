@testable import FormaSchema
import Testing

@Suite("Splitting long alternations for PCRE2")
struct AlternationSplitterTests {
    @Test func topLevelAlternation() throws {
        let split = try #require(AlternationSplitter.alternation(of: "ab|c[|]d|(e|f)"))
        #expect(split.alternatives == ["ab", "c[|]d", "(e|f)"])
        #expect(split.part(0..<2) == "ab|c[|]d")
    }

    @Test func anchoredGroup() throws {
        let split = try #require(AlternationSplitter.alternation(of: #"^(a\|b|c|d)$"#))
        #expect(split.alternatives == [#"a\|b"#, "c", "d"])
        #expect(split.part(1..<3) == "^(?:c|d)$")
        let plain = try #require(AlternationSplitter.alternation(of: "(?:x|y)"))
        #expect(plain.part(0..<1) == "(?:x)")
    }

    @Test("shapes that would change meaning are not split", arguments: [
        #"^(a|b)\1$"#,  // a backreference
        "^(?=a|b)",  // a lookahead
        "^(a|b)c$",  // the group is not the whole pattern
        "(a|b)(c|d)",  // two groups
        "abc",  // no alternation
        "[a|b]",  // the bar is in a class
    ])
    func notSplit(pattern: String) {
        #expect(AlternationSplitter.alternation(of: pattern) == nil)
    }

    @Test("the parts of a split pattern match what it would")
    func splitMatchesLikeWhole() throws {
        let names = (0..<9_000).map { "n\($0)x" }
        let regex = try ECMARegex("^(" + names.joined(separator: "|") + ")$")
        #expect(regex.partCount > 1)
        #expect(try ECMARegex("^(a|b)$").partCount == 1)
        for name in ["n0x", "n4500x", "n8999x"] { #expect(try regex.matches(name), "\(name)") }
        for other in ["n9000x", "n1", "xn1x", "n1x "] { #expect(try !regex.matches(other), "\(other)") }
    }
}
