internal import CPCRE2

extension ECMARegex {
    /// Runs `compiled` over `subject` and returns the UTF-8 byte range of the match.
    ///
    /// Uses the JIT fast path when available. The JIT's default 32 KiB machine stack is enough
    /// for almost every match; if it runs out (a long subject with a pattern that keeps many
    /// backtracking points, like `^(?:a|b)*$`), the match is retried with a JIT stack that may
    /// grow to ``Limits/heapLimitKiB``.
    func execute(_ compiled: PCRE2Pattern, on subject: String) throws -> Range<Int>? {
        var subject = subject
        return try subject.withUTF8 { try execute(compiled, onUTF8: $0) }
    }

    /// Runs `compiled` over the valid UTF-8 bytes `utf8` (a string's, or a slice of checked
    /// JSON text) and returns the byte range of the match.
    func execute(_ compiled: PCRE2Pattern, onUTF8 utf8: UnsafeBufferPointer<UInt8>) throws -> Range<Int>? {
        let stackLimit = Int(limits.heapLimitKiB) * 1024
        let outcome = { () -> (code: Int32, range: Range<Int>)? in
            PCRE2MatchData.withMatchData { matchData in
                let code = Self.run(compiled, utf8, matchData, matchContext.context, stackLimit: stackLimit)
                // 0 means the one-pair ovector is too small for the groups, yet the match succeeded.
                guard code >= 0, let ovector = forma_pcre2_get_ovector_pointer(matchData) else {
                    return (code, 0..<0)
                }
                return (code, ovector[0]..<max(ovector[0], ovector[1]))
            }
        }()
        guard let outcome else {
            throw ECMARegexError(kind: .matchFailed, pattern: pattern, message: "out of memory for match data")
        }
        if outcome.code >= 0 { return outcome.range }
        if outcome.code == forma_pcre2_error_nomatch() { return nil }
        throw matchError(outcome.code)
    }

    private static func run(_ compiled: PCRE2Pattern, _ utf8: UnsafeBufferPointer<UInt8>,
                            _ matchData: OpaquePointer, _ context: OpaquePointer, stackLimit: Int) -> Int32 {
        utf8.withMemoryRebound(to: CChar.self) { chars in
            guard let base = chars.baseAddress else {
                // PCRE2 10.42 rejects a NULL subject even when it is empty.
                var empty: UInt8 = 0
                return withUnsafePointer(to: &empty) { pointer in
                    run(compiled, UnsafeBufferPointer(start: pointer, count: 0), matchData, context,
                        stackLimit: stackLimit)
                }
            }
            guard compiled.isJIT else {
                return forma_pcre2_match(compiled.code, base, chars.count, 0, forma_pcre2_no_utf_check(),
                                         matchData, context)
            }
            let result = forma_pcre2_jit_match(compiled.code, base, chars.count, 0, 0, matchData, context)
            guard result == forma_pcre2_error_jit_stacklimit(), stackLimit > 32 * 1024,
                  let stack = forma_pcre2_jit_stack_create(32 * 1024, stackLimit)
            else { return result }
            defer { forma_pcre2_jit_stack_free(stack) }
            // The shared context must not change, so the stack goes on a private copy.
            guard let largeStackContext = forma_pcre2_match_context_copy(context) else { return result }
            defer { forma_pcre2_match_context_free(largeStackContext) }
            forma_pcre2_jit_stack_assign(largeStackContext, stack)
            return forma_pcre2_jit_match(compiled.code, base, chars.count, 0, 0, matchData, largeStackContext)
        }
    }

    private func matchError(_ code: Int32) -> ECMARegexError {
        switch code {
        case forma_pcre2_error_matchlimit():
            return ECMARegexError(kind: .matchLimitExceeded, pattern: pattern,
                                  message: "more than \(limits.matchLimit) backtracking steps")
        case forma_pcre2_error_depthlimit():
            return ECMARegexError(kind: .matchLimitExceeded, pattern: pattern,
                                  message: "backtracking deeper than \(limits.depthLimit)")
        case forma_pcre2_error_heaplimit(), forma_pcre2_error_jit_stacklimit():
            return ECMARegexError(kind: .matchLimitExceeded, pattern: pattern,
                                  message: "backtracking needs more than \(limits.heapLimitKiB) KiB")
        default:
            return ECMARegexError(kind: .matchFailed, pattern: pattern, message: PCRE2Pattern.message(for: code))
        }
    }
}
