import Testing
import FormaSchema

/// ``ECMARegex/cached(_:)`` and concurrent use of one instance.
@Suite("ECMARegex cache and concurrency")
struct RegexCacheTests {
    @Test func cacheReturnsTheSameInstance() throws {
        let first = try ECMARegex.cached(#"^cache-\d+$"#)
        let second = try ECMARegex.cached(#"^cache-\d+$"#)
        #expect(first === second)
        #expect(first !== (try ECMARegex.cached(#"^cache-\d*$"#)))
    }

    @Test func cacheRethrowsForInvalidPatterns() {
        let error = #expect(throws: ECMARegexError.self) { try ECMARegex.cached("(?i)nope") }
        #expect(error?.kind == .invalidPattern)
    }

    @Test func cacheStaysBoundedAndCorrectPastCapacity() throws {
        let count = ECMARegex.cacheCapacity + 50
        for index in 0..<count {
            let regex = try ECMARegex.cached("^bounded-\(index)$")
            #expect(regex.pattern == "^bounded-\(index)$")
            guard try regex.matches("bounded-\(index)") else {
                Issue.record("cached pattern \(index) does not match its own subject")
                return
            }
        }
        // The newest entries survive eviction.
        let last = try ECMARegex.cached("^bounded-\(count - 1)$")
        #expect(last === (try ECMARegex.cached("^bounded-\(count - 1)$")))
    }

    @Test func concurrentUseGivesCorrectAnswers() async throws {
        let patterns = [#"^[A-Z]{3}-\d{4}$"#, #"^\p{Letter}+$"#, "(a|b)*c", #"^\s*$"#]
        let subjects = ["ABC-1234", "abc-1234", "Ελλάδα", "abababc", "  \u{3000}", "x"]
        // Expected answers computed serially first.
        var expected: [String: Bool] = [:]
        for pattern in patterns {
            for subject in subjects {
                expected[pattern + "\u{0}" + subject] = try ECMARegex(pattern).matches(subject)
            }
        }
        let answers = expected
        let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<500 {
                        let pattern = patterns[(worker + round) % patterns.count]
                        let subject = subjects[(worker * 7 + round) % subjects.count]
                        let regex = try ECMARegex.cached(pattern)
                        let full = try regex.fullMatch(subject)
                        let found = try regex.matches(subject)
                        if found != answers[pattern + "\u{0}" + subject] { wrong += 1 }
                        if full && !found { wrong += 1 }
                    }
                    return wrong
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        #expect(expected.values.contains(true) && expected.values.contains(false))
    }
}
