internal import CCurl
import FormaJSON

/// One request in flight: the easy handle plus the state its callbacks share with the
/// awaiting task.
///
/// `@unchecked Sendable`: `easy` is configured before the transfer is handed to the multi
/// loop and used only on the loop's thread afterwards; everything else lives in `state`.
final class CurlTransfer: @unchecked Sendable {
    enum Mode { case buffered, streaming }

    struct State {
        var status = 0
        var headers = HTTPHeaders()
        var headDelivered = false
        var headWaiter: CheckedContinuation<(Int, HTTPHeaders), any Error>?
        var responseWaiter: CheckedContinuation<HTTPResponse, any Error>?
        var chunkWaiter: CheckedContinuation<[UInt8]?, any Error>?
        var body: [UInt8] = []
        var chunks: [[UInt8]] = []
        var bufferedBytes = 0
        var totalBytes = 0
        var paused = false
        var finished = false
        var failure: APIError?
        var abortReason: APIError?
        var cancelRequested = false
    }

    let easy: CurlEasyHandle
    let mode: Mode
    let maxBytes: Int
    let highWater: Int
    let loop: CurlMultiLoop
    let state = Locked(State())
    /// Abort when nothing arrives for this long (checked by the loop).
    let idleTimeout: Duration?
    /// When the last header or body byte arrived; used only on the loop thread.
    var lastActivity = ContinuousClock.now
    /// The body being sent, for requests with an ``HTTPUpload``; set before the transfer
    /// starts and read only by curl's read callback on the loop thread.
    var upload: HTTPUploadReader?

    init(easy: CurlEasyHandle, mode: Mode, maxBytes: Int, highWater: Int, idleTimeout: Duration?, loop: CurlMultiLoop) {
        self.easy = easy
        self.idleTimeout = idleTimeout
        self.mode = mode
        self.maxBytes = maxBytes
        self.highWater = highWater
        self.loop = loop
    }

    var isCancelRequested: Bool { state.withLock { $0.cancelRequested } }
    var isPaused: Bool { state.withLock { $0.paused } }

    // MARK: Callbacks (multi loop thread)

    /// Handles one header line; a status line starts a new header block.
    func receiveHeader(_ line: UnsafeBufferPointer<UInt8>) {
        lastActivity = .now
        var deliver: (CheckedContinuation<(Int, HTTPHeaders), any Error>, Int, HTTPHeaders)?
        state.withLock { s in
            guard !s.headDelivered else { return }
            if line.count >= 5, line[0] == UInt8(ascii: "H"), line[1] == UInt8(ascii: "T"), line[4] == UInt8(ascii: "/") {
                s.status = Self.parseStatus(line)
                s.headers = HTTPHeaders()
            } else if let field = HTTPHeaders.parseLine(line) {
                s.headers.append(field.name, field.value)
            } else if mode == .streaming, s.status >= 200, let waiter = s.headWaiter {
                // The blank line ending the final header block: the head is known.
                s.headWaiter = nil
                s.headDelivered = true
                deliver = (waiter, s.status, s.headers)
            }
        }
        if let (waiter, status, headers) = deliver { waiter.resume(returning: (status, headers)) }
    }

    /// Handles body bytes; returns how many were taken, 0 to abort, or the pause code.
    func receiveBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        lastActivity = .now
        var wake: CheckedContinuation<[UInt8]?, any Error>?
        var chunk: [UInt8] = []
        let taken: Int = state.withLock { s in
            if s.cancelRequested { return 0 }
            if s.totalBytes + bytes.count > maxBytes {
                s.abortReason = APIError(kind: .responseTooLarge, message: "the response exceeds the size cap of \(maxBytes) bytes")
                return 0
            }
            switch mode {
            case .buffered:
                s.body.append(contentsOf: bytes)
                s.totalBytes += bytes.count
                return bytes.count
            case .streaming:
                if s.bufferedBytes >= highWater {
                    s.paused = true
                    return forma_curl_writefunc_pause()
                }
                s.totalBytes += bytes.count
                chunk = Array(bytes)
                if let waiter = s.chunkWaiter {
                    s.chunkWaiter = nil
                    wake = waiter
                } else {
                    s.chunks.append(chunk)
                    s.bufferedBytes += bytes.count
                }
                return bytes.count
            }
        }
        wake?.resume(returning: chunk)
        return taken
    }

    /// Records the end of the transfer and wakes whoever waits.
    func complete(_ result: CURLcode) {
        let detail = result == CURLE_OK ? "" : easy.errorDetail
        var actions: [() -> Void] = []
        state.withLock { s in
            s.finished = true
            var error: APIError?
            if let reason = s.abortReason {
                error = reason
            } else if s.cancelRequested {
                error = APIError(kind: .cancelled, message: "the request was cancelled")
            } else if result != CURLE_OK {
                error = CurlCheck.error(for: result, context: "transfer failed", detail: detail)
            }
            s.failure = error
            if let waiter = s.headWaiter {
                s.headWaiter = nil
                s.headDelivered = true
                let (status, headers) = (s.status, s.headers)
                actions.append { if let error { waiter.resume(throwing: error) } else { waiter.resume(returning: (status, headers)) } }
            }
            if let waiter = s.chunkWaiter {
                s.chunkWaiter = nil
                actions.append { if let error { waiter.resume(throwing: error) } else { waiter.resume(returning: nil) } }
            }
            if let waiter = s.responseWaiter {
                s.responseWaiter = nil
                let response = HTTPResponse(status: s.status, headers: s.headers, body: s.body)
                s.body = []
                actions.append { if let error { waiter.resume(throwing: error) } else { waiter.resume(returning: response) } }
            }
        }
        for action in actions { action() }
    }

    // MARK: Consumer side

    /// Runs the transfer to the end and returns the whole response.
    func response() async throws -> HTTPResponse {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<HTTPResponse, any Error>) in
                state.withLock { $0.responseWaiter = waiter }
                loop.post(.add(self))
            }
        } onCancel: {
            cancel()
        }
    }

    /// Starts the transfer and returns its status and headers once known.
    func head() async throws -> (Int, HTTPHeaders) {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<(Int, HTTPHeaders), any Error>) in
                state.withLock { $0.headWaiter = waiter }
                loop.post(.add(self))
            }
        } onCancel: {
            cancel()
        }
    }

    /// The next body chunk (everything buffered, joined), `nil` at the end.
    func nextChunk() async throws -> [UInt8]? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<[UInt8]?, any Error>) in
                var unpause = false
                let ready: Result<[UInt8]?, APIError>? = state.withLock { s in
                    if !s.chunks.isEmpty {
                        let joined = s.chunks.count == 1 ? s.chunks[0] : Array(s.chunks.joined())
                        s.chunks.removeAll(keepingCapacity: true)
                        s.bufferedBytes = 0
                        if s.paused {
                            s.paused = false
                            unpause = true
                        }
                        return .success(joined)
                    }
                    if s.finished { return s.failure.map { .failure($0) } ?? .success(nil) }
                    if s.paused {
                        s.paused = false
                        unpause = true
                    }
                    s.chunkWaiter = waiter
                    return nil
                }
                if unpause { loop.post(.unpause(self)) }
                if let ready { waiter.resume(with: ready) }
            }
        } onCancel: {
            cancel()
        }
    }

    /// Aborts the transfer (idempotent); waiters end with a cancellation error.
    func cancel() {
        let post = state.withLock { s -> Bool in
            if s.finished || s.cancelRequested { return false }
            s.cancelRequested = true
            return true
        }
        if post { loop.post(.cancel(self)) }
    }

    static func parseStatus(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        guard let space = line.firstIndex(of: 0x20) else { return 0 }
        var status = 0
        var i = space + 1
        while i < line.count, line[i] >= 0x30, line[i] <= 0x39, status < 1000 {
            status = status * 10 + Int(line[i] - 0x30)
            i += 1
        }
        return status
    }
}

/// The body source handed to callers of `CurlTransport.stream`; dropping it aborts the transfer.
final class CurlBodySource: HTTPBodySource {
    let transfer: CurlTransfer

    init(transfer: CurlTransfer) { self.transfer = transfer }

    deinit { transfer.cancel() }

    func next() async throws -> [UInt8]? { try await transfer.nextChunk() }

    func cancel() { transfer.cancel() }
}

// MARK: - C callbacks

/// `CURLOPT_WRITEFUNCTION`: user data is the unretained `CurlTransfer`.
let curlWriteCallback: forma_curl_data_callback = { data, size, count, user in
    guard let user, let data else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
    let buffer = UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size * count)
    return transfer.receiveBody(buffer)
}

/// `CURLOPT_READFUNCTION`: user data is the unretained `CurlTransfer`; returns the bytes
/// copied, 0 at the end, or `CURL_READFUNC_ABORT` when a file cannot be read.
let curlReadCallback: forma_curl_data_callback = { data, size, count, user in
    guard let user, let data else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
    guard let reader = transfer.upload else { return 0 }
    let n = reader.read(into: UnsafeMutableRawBufferPointer(start: data, count: size * count))
    if n == 0, reader.failure != nil { return Int(CURL_READFUNC_ABORT) }
    return n
}

/// `CURLOPT_HEADERFUNCTION`: user data is the unretained `CurlTransfer`.
let curlHeaderCallback: forma_curl_data_callback = { data, size, count, user in
    guard let user, let data else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
    let buffer = UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: size * count)
    transfer.receiveHeader(buffer)
    return size * count
}
