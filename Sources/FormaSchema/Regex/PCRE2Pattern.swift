internal import CPCRE2

/// A compiled PCRE2 pattern (JIT-compiled when the library supports it), freed on deinit.
///
/// `@unchecked Sendable`: the `pcre2_code` is never modified after `init` returns (JIT
/// compilation happens inside `init`), and PCRE2 documents a compiled pattern as safe to match
/// from many threads at once. Per-match state lives in match data that is never shared.
final class PCRE2Pattern: @unchecked Sendable {
    let code: OpaquePointer
    /// Whether JIT compilation succeeded, so `pcre2_jit_match` may be used.
    let isJIT: Bool

    /// Why PCRE2 refused a pattern: its error code, message and byte offset in the pattern.
    struct CompileFailure: Error {
        let code: Int32
        let message: String
        let byteOffset: Int
    }

    /// Whether this PCRE2 build has a JIT compiler for this machine.
    static let jitAvailable: Bool = forma_pcre2_config_jit() != 0

    /// The most bytes a translated pattern may have.
    static let maximumTranslatedLength = 1 << 20
    /// PCRE2's limit on parenthesis nesting (the translator allows a little less, leaving room
    /// for the groups it adds itself).
    static let parenthesesNestLimit: UInt32 = 250

    /// Compiles UTF-8 `pattern` with `options` on top of UTF, UCP and NO_UTF_CHECK.
    init(utf8 pattern: [UInt8], options: UInt32) throws(CompileFailure) {
        guard let context = forma_pcre2_compile_context_create() else {
            throw CompileFailure(code: 0, message: "out of memory creating a compile context", byteOffset: 0)
        }
        defer { forma_pcre2_compile_context_free(context) }
        _ = forma_pcre2_set_parens_nest_limit(context, Self.parenthesesNestLimit)
        _ = forma_pcre2_set_max_pattern_length(context, Self.maximumTranslatedLength)

        let allOptions = options | forma_pcre2_utf() | forma_pcre2_ucp() | forma_pcre2_no_utf_check()
        var errorCode: Int32 = 0
        var errorOffset = 0
        // A trailing NUL guarantees a non-NULL pointer even for the empty pattern.
        let compiled = (pattern + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                forma_pcre2_compile_with_context(chars.baseAddress, pattern.count, allOptions,
                                                 &errorCode, &errorOffset, context)
            }
        }
        guard let compiled else {
            throw CompileFailure(code: errorCode, message: Self.message(for: errorCode), byteOffset: errorOffset)
        }
        code = compiled
        // A JIT failure (out of executable memory, pattern too complex) is not fatal: the
        // interpreter runs the same pattern, more slowly.
        isJIT = Self.jitAvailable && forma_pcre2_jit_compile(compiled, forma_pcre2_jit_complete()) == 0
    }

    deinit {
        forma_pcre2_code_free(code)
    }

    /// PCRE2's text for an error code (compile or match).
    static func message(for errorCode: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { chars in
            forma_pcre2_get_error_message(errorCode, chars.baseAddress, chars.count)
        }
        guard length > 0 else { return "PCRE2 error \(errorCode)" }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A PCRE2 match context carrying the match, depth and heap limits.
///
/// `@unchecked Sendable`: the context is configured in `init` and only read afterwards;
/// PCRE2 allows one context to be passed to concurrent matches as long as nobody changes it.
final class PCRE2MatchContext: @unchecked Sendable {
    let context: OpaquePointer

    /// Returns `nil` only if PCRE2 cannot allocate the context.
    init?(matchLimit: UInt32, depthLimit: UInt32, heapLimitKiB: UInt32) {
        guard let context = forma_pcre2_match_context_create() else { return nil }
        _ = forma_pcre2_set_match_limit(context, matchLimit)
        _ = forma_pcre2_set_depth_limit(context, depthLimit)
        _ = forma_pcre2_set_heap_limit(context, heapLimitKiB)
        self.context = context
    }

    deinit {
        forma_pcre2_match_context_free(context)
    }
}
