internal import CFormaSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells when the current thread's stack is close to exhausted, so deep recursion (hostile
/// nesting, reference cycles) ends in a validation error instead of a crash.
///
/// Swift's cooperative threads have small stacks, and how much a recursion level takes
/// differs between debug and release builds, so a fixed depth limit alone cannot be safe.
struct StackGuard {
    /// The lowest stack address evaluation may reach.
    let limit: UInt

    /// Bytes kept free below the limit for message building and C calls (PCRE2 matching).
    static let reserve: UInt = 96 * 1024

    init() {
        // Finding the stack bounds is slow (glibc reads /proc/self/maps for the main
        // thread), so each thread computes its limit once and keeps it in thread-local storage.
        if let cached = pthread_getspecific(StackGuard.key) {
            limit = UInt(bitPattern: cached)
            return
        }
        limit = StackGuard.computeLimit()
        pthread_setspecific(StackGuard.key, UnsafeRawPointer(bitPattern: limit))
    }

    /// The thread-local slot holding each thread's limit (never deleted: one per process).
    private static let key: pthread_key_t = {
        var key: pthread_key_t = 0
        pthread_key_create(&key, nil)
        return key
    }()

    private static func computeLimit() -> UInt {
        let here = StackGuard.currentAddress()
        var low: UInt = 0
        var bottom: UInt = 0
        var top: UInt = 0
        // The bounds come from a C shim (pthread_getattr_np needs _GNU_SOURCE on Linux).
        if forma_thread_stack_bounds(&bottom, &top) == 0 { low = bottom }
        if low == 0 || low >= here {
            // Unknown bounds: assume the smallest common thread stack (512 KiB) from here.
            low = here - 512 * 1024
        }
        return min(here, low + StackGuard.reserve)
    }

    /// Whether the stack has room for another level of evaluation.
    @inline(__always)
    func hasRoom() -> Bool { StackGuard.currentAddress() > limit }

    @inline(never)
    static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}
