#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts POSIX threads running Swift closures.
enum ThreadSpawner {
    /// Holds the closure while it crosses into the new thread.
    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Starts a thread running `body`.
    ///
    /// - Parameters:
    ///   - detached: Whether the thread cleans itself up (no `join` needed).
    ///   - body: The work.
    /// - Returns: The thread, for `join` when not detached.
    /// - Throws: ``TestServerError`` when the system refuses to create a thread.
    @discardableResult
    static func spawn(detached: Bool, _ body: @escaping @Sendable () -> Void) throws(TestServerError) -> pthread_t {
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        // Allocated rather than `pthread_attr_t()`, whose zero initializer is not visible
        // under MemberImportVisibility; pthread_attr_init initializes it.
        let attributes = UnsafeMutablePointer<pthread_attr_t>.allocate(capacity: 1)
        pthread_attr_init(attributes)
        defer {
            pthread_attr_destroy(attributes)
            attributes.deallocate()
        }
        // 1 MiB is plenty for a handler (JSON parsing uses an explicit stack) and keeps
        // hundreds of connection threads cheap.
        pthread_attr_setstacksize(attributes, 1 << 20)
        if detached { pthread_attr_setdetachstate(attributes, Int32(PTHREAD_CREATE_DETACHED)) }
        #if canImport(Glibc)
        var thread = pthread_t()
        let rc = pthread_create(&thread, attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        guard rc == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            throw .system("pthread_create", rc)
        }
        return thread
        #else
        var thread: pthread_t?
        let rc = pthread_create(&thread, attributes, { raw in
            Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        guard rc == 0, let thread else {
            Unmanaged<Box>.fromOpaque(context).release()
            throw .system("pthread_create", rc)
        }
        return thread
        #endif
    }

    /// Sleeps for `duration`, waking early (returning `false`) once `shouldStop` says so.
    static func sleep(_ duration: Duration, unless shouldStop: () -> Bool) -> Bool {
        let (seconds, attoseconds) = duration.components
        var remaining = max(0, seconds) * 1_000_000_000 + max(0, attoseconds) / 1_000_000_000
        while remaining > 0 {
            if shouldStop() { return false }
            let slice = min(remaining, 10_000_000)
            var request = timespec(tv_sec: 0, tv_nsec: Int(slice))
            _ = nanosleep(&request, nil)
            remaining -= slice
        }
        return !shouldStop()
    }
}
