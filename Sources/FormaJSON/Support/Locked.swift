#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a lock, as `Synchronization.Mutex` holds one, over a `pthread_mutex_t`.
///
/// Forma's one lock type, for every module of the package. `Mutex` on Linux locks with raw
/// futex calls, which ThreadSanitizer does not see: under `scripts/sanitize thread` every
/// access it guarded was reported as a race, hiding any real one. The sanitizers intercept
/// pthread mutexes, and uncontended one costs about what `Mutex` costs.
package final class Locked<Value: ~Copyable>: @unchecked Sendable {
    // @unchecked: `value` is only touched between lock and unlock of `mutex`.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    /// A lock holding `initialValue`.
    package init(_ initialValue: consuming Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed (\(status))")
        value = initialValue
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the value while holding the lock; `body` must not call `withLock` on
    /// the same lock (it is not recursive).
    package func withLock<Result, E: Error>(_ body: (inout Value) throws(E) -> Result) throws(E) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
