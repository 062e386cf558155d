internal import CPCRE2
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Match data for one match call: holds the ovector PCRE2 writes the match bounds into.
///
/// Only the overall match range is ever read, so one ovector pair suffices for every pattern
/// and one match data can serve all of them. Each thread keeps its own in thread-local storage
/// (freed when the thread exits): allocating and freeing one per call measured ~30 ns, a third
/// of a typical JIT match. A match runs synchronously with no callouts, so a thread never uses
/// its match data twice at once, and no other thread ever sees it.
enum PCRE2MatchData {
    /// Runs `body` with match data that no other thread uses during the call.
    /// - Returns: the body's result, or `nil` if match data could not be allocated.
    static func withMatchData<Result>(_ body: (OpaquePointer) -> Result) -> Result? {
        if let key = threadKey {
            if let stored = pthread_getspecific(key) { return body(OpaquePointer(stored)) }
            if let created = forma_pcre2_match_data_create(1) {
                if pthread_setspecific(key, UnsafeRawPointer(created)) == 0 { return body(created) }
                forma_pcre2_match_data_free(created)
            }
        }
        // No thread-local storage: fall back to one match data per call.
        guard let matchData = forma_pcre2_match_data_create(1) else { return nil }
        defer { forma_pcre2_match_data_free(matchData) }
        return body(matchData)
    }

    /// The thread-local slot, created once; `nil` if the system refused a key.
    private static let threadKey: pthread_key_t? = {
        var key = pthread_key_t()
        #if canImport(Darwin)
        let status = pthread_key_create(&key) { forma_pcre2_match_data_free(OpaquePointer($0)) }
        #else
        let status = pthread_key_create(&key) { pointer in
            if let pointer { forma_pcre2_match_data_free(OpaquePointer(pointer)) }
        }
        #endif
        return status == 0 ? key : nil
    }()
}
