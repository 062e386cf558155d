#if canImport(Glibc)
import Glibc

/// glibc's `pthread_getattr_np` is declared only under `_GNU_SOURCE`, which Swift's Glibc
/// module does not define; the symbol itself is always present.
@_silgen_name("pthread_getattr_np")
private func forma_pthread_getattr_np(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
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
        #if canImport(Glibc)
        // Allocated rather than `pthread_attr_t()`: the C union's zero initializer is not
        // visible here under MemberImportVisibility. pthread_getattr_np initializes it.
        let attributes = UnsafeMutablePointer<pthread_attr_t>.allocate(capacity: 1)
        defer { attributes.deallocate() }
        if forma_pthread_getattr_np(pthread_self(), attributes) == 0 {
            var address: UnsafeMutableRawPointer?
            var size = 0
            if pthread_attr_getstack(attributes, &address, &size) == 0, let address {
                low = UInt(bitPattern: address)
            }
            pthread_attr_destroy(attributes)
        }
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        low = top - UInt(pthread_get_stacksize_np(pthread_self()))
        #endif
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
