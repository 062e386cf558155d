#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FormaJSON

/// The state shared by the accept thread, the connection threads and ``TestServer``.
///
/// Descriptor ownership: the accept thread owns the listening socket and each connection
/// thread owns its socket; they close them. ``stop()`` only calls `shutdown` on
/// descriptors still registered (under the lock), which wakes blocked calls without
/// freeing a number another thread might reuse.
final class ServerCore: Sendable {
    struct State {
        var stopped = false
        var listenerOpen = true
        var open: Set<Int32> = []
        var liveConnections = 0
        var connectionsAccepted = 0
        var requestsServed = 0
        var requests: [RecordedRequest] = []
    }

    let listener: Int32
    let port: Int
    let recordsRequests: Bool
    let handler: @Sendable (RecordedRequest) -> TestResponse
    let state = Locked(State())

    init(
        recordsRequests: Bool, handler: @escaping @Sendable (RecordedRequest) -> TestResponse
    ) throws(TestServerError) {
        (listener, port) = try Socket.listenOnLoopback(backlog: 1024)
        self.recordsRequests = recordsRequests
        self.handler = handler
    }

    var isStopped: Bool { state.withLock { $0.stopped } }

    /// Starts the accept thread.
    func start() throws(TestServerError) {
        do {
            try ThreadSpawner.spawn(detached: true) { [self] in acceptLoop() }
        } catch {
            state.withLock { $0.listenerOpen = false }
            Socket.closeDescriptor(listener)
            throw error
        }
    }

    private func acceptLoop() {
        defer {
            // Close under the lock so `stop()` never shuts down a reused descriptor number.
            state.withLock { state in
                Socket.closeDescriptor(listener)
                state.listenerOpen = false
            }
        }
        var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        while !isStopped {
            // Poll with a timeout so a stop is noticed even where `shutdown` does not wake `accept`.
            poller.revents = 0
            let ready = poll(&poller, 1, 100)
            if ready <= 0 { continue }
            guard let fd = Socket.accept(listener) else {
                if errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM {
                    _ = ThreadSpawner.sleep(.milliseconds(10)) { false }
                }
                continue
            }
            let number: Int? = state.withLock { state in
                guard !state.stopped else { return nil }
                state.open.insert(fd)
                state.liveConnections += 1
                state.connectionsAccepted += 1
                return state.connectionsAccepted
            }
            guard let number else {
                Socket.closeDescriptor(fd)
                break
            }
            do {
                try ThreadSpawner.spawn(detached: true) { [self] in serve(fd, number) }
            } catch {
                release(fd, reset: false)
            }
        }
    }

    /// Answers requests on one connection until it closes.
    private func serve(_ fd: Int32, _ connectionNumber: Int) {
        var reader = ConnectionReader(fd: fd)
        var reset = false
        defer { release(fd, reset: reset) }
        let stopCheck: @Sendable () -> Bool = { [self] in isStopped }
        while !isStopped {
            switch reader.next() {
            case .closed:
                return
            case .rejected(let rejection):
                let writer = ResponseWriter(fd: fd, keepAlive: false, shouldStop: stopCheck)
                _ = writer.write(.status(rejection.status, body: rejection.reason, contentType: "text/plain"))
                // Let the client read the rejection: closing with unread input would reset it.
                Socket.shutdownWrite(fd)
                Socket.drain(fd)
                return
            case .request(let head, let body):
                let sequence = state.withLock { state in
                    state.requestsServed += 1
                    return state.requestsServed - 1
                }
                let request = RecordedRequest(
                    method: head.method, target: head.target, version: head.version, headers: head.headers,
                    body: body, connectionNumber: connectionNumber, sequenceNumber: sequence)
                if recordsRequests { state.withLock { $0.requests.append(request) } }
                let response = handler(request)
                let writer = ResponseWriter(fd: fd, keepAlive: head.wantsKeepAlive, shouldStop: stopCheck)
                switch writer.write(response) {
                case .keepOpen: continue
                case .close: return
                case .reset:
                    reset = true
                    return
                }
            }
        }
    }

    /// Unregisters and closes a connection's socket.
    private func release(_ fd: Int32, reset: Bool) {
        state.withLock { state in
            state.open.remove(fd)
            state.liveConnections -= 1
        }
        if reset {
            Socket.setResetOnClose(fd)
        } else {
            Socket.shutdownWrite(fd)
        }
        Socket.closeDescriptor(fd)
    }

    /// Stops accepting, wakes every connection, and waits (up to two seconds) for the threads to finish.
    func stop() {
        let wasStopped = state.withLock { state in
            let was = state.stopped
            state.stopped = true
            if state.listenerOpen { Socket.shutdownBoth(listener) }
            for fd in state.open { Socket.shutdownBoth(fd) }
            return was
        }
        if wasStopped { return }
        for _ in 0..<400 {
            let done = state.withLock { !$0.listenerOpen && $0.liveConnections == 0 }
            if done { return }
            var pause = timespec(tv_sec: 0, tv_nsec: 5_000_000)
            _ = nanosleep(&pause, nil)
        }
    }
}
