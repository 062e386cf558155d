internal import CCurl
import Foundation
import FormaJSON

/// One `CURLM*` multi handle driven by its own thread.
///
/// Other threads never touch the multi handle: they post commands (add, cancel, unpause)
/// and wake the loop with `curl_multi_wakeup`. Finished transfers are removed from the
/// multi handle but their connections stay in its cache for reuse.
///
/// `@unchecked Sendable`: `multi` and `active` are used only on the loop thread; the
/// command queue is behind a mutex and `curl_multi_wakeup` is thread-safe.
final class CurlMultiLoop: @unchecked Sendable {
    enum Command {
        case add(CurlTransfer)
        case cancel(CurlTransfer)
        case unpause(CurlTransfer)
    }

    private struct Queue {
        var commands: [Command] = []
        var stopping = false
    }

    private let multi: UnsafeMutableRawPointer
    private let queue = Locked(Queue())
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    /// A multi handle keeping up to `maxConnections` idle connections, with its thread started.
    init(maxConnections: Int) throws(APIError) {
        try CurlGlobal.initialize()
        guard let handle = curl_multi_init() else {
            throw APIError(kind: .configuration, message: "curl_multi_init failed")
        }
        multi = handle
        try CurlCheck.multi(forma_curl_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, maxConnections), "curl_multi_setopt(CURLMOPT_MAXCONNECTS)")
        let thread = Thread { [self] in run() }
        thread.name = "forma-curl"
        thread.start()
    }

    deinit { curl_multi_cleanup(multi) }

    /// Queues `command` for the loop thread and wakes it.
    func post(_ command: Command) {
        let accepted = queue.withLock { q -> Bool in
            if q.stopping, case .add = command { return false }
            q.commands.append(command)
            return true
        }
        if accepted {
            // A failed wakeup only delays the command until the next poll timeout (≤ 1 s).
            try? CurlCheck.multi(curl_multi_wakeup(multi), "curl_multi_wakeup")
        } else if case .add(let transfer) = command {
            transfer.complete(CURLE_ABORTED_BY_CALLBACK)
        }
    }

    /// Stops the loop once the transfers still running have finished; no new ones are accepted.
    func shutdown() {
        queue.withLock { $0.stopping = true }
        try? CurlCheck.multi(curl_multi_wakeup(multi), "curl_multi_wakeup")
    }

    private func run() {
        while true {
            let (commands, stopping) = queue.withLock { q in
                defer { q.commands = [] }
                return (q.commands, q.stopping)
            }
            for command in commands { handle(command) }
            // The transport is gone: finish the transfers still running (streams the caller
            // still reads), then stop.
            if stopping && active.isEmpty { return }
            do {
                var running: Int32 = 0
                try CurlCheck.multi(curl_multi_perform(multi, &running), "curl_multi_perform")
                drainFinished()
                abortIdleTransfers()
                // Wake at least every 100 ms while transfers run, for the idle timers.
                let wait: Int32 = active.isEmpty ? 1000 : 100
                try CurlCheck.multi(curl_multi_poll(multi, nil, 0, wait, nil), "curl_multi_poll")
            } catch {
                failAll(error)
                // Do not spin if the multi handle keeps failing.
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    private func handle(_ command: Command) {
        switch command {
        case .add(let transfer):
            if transfer.isCancelRequested {
                transfer.complete(CURLE_ABORTED_BY_CALLBACK)
                return
            }
            do {
                try CurlCheck.multi(curl_multi_add_handle(multi, transfer.easy.raw), "curl_multi_add_handle")
                active[transfer.easy.raw] = transfer
                transfer.lastActivity = .now
            } catch {
                transfer.complete(CURLE_FAILED_INIT)
            }
        case .cancel(let transfer):
            guard active.removeValue(forKey: transfer.easy.raw) != nil else { return }
            try? CurlCheck.multi(curl_multi_remove_handle(multi, transfer.easy.raw), "curl_multi_remove_handle")
            transfer.complete(CURLE_ABORTED_BY_CALLBACK)
        case .unpause(let transfer):
            guard active[transfer.easy.raw] != nil else { return }
            do {
                try transfer.easy.unpause()
            } catch {
                transfer.state.withLock { $0.abortReason = error }
                active[transfer.easy.raw] = nil
                try? CurlCheck.multi(curl_multi_remove_handle(multi, transfer.easy.raw), "curl_multi_remove_handle")
                transfer.complete(CURLE_ABORTED_BY_CALLBACK)
            }
        }
    }

    /// Ends transfers that received nothing for their idle timeout. A transfer paused
    /// because its consumer lags is not idle: the server is not the one being slow.
    private func abortIdleTransfers() {
        let now = ContinuousClock.now
        for (easy, transfer) in active {
            guard let limit = transfer.idleTimeout else { continue }
            if transfer.isPaused {
                transfer.lastActivity = now
                continue
            }
            guard now - transfer.lastActivity > limit else { continue }
            active[easy] = nil
            try? CurlCheck.multi(curl_multi_remove_handle(multi, easy), "curl_multi_remove_handle")
            transfer.state.withLock {
                $0.abortReason = APIError(kind: .timeout, message: "no data received for \(limit) (idle timeout)")
            }
            transfer.complete(CURLE_OPERATION_TIMEDOUT)
        }
    }

    private func drainFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            var easy: UnsafeMutableRawPointer?
            var result = CURLE_OK
            guard forma_curl_msg_done(message, &easy, &result) == 1, let easy,
                let transfer = active.removeValue(forKey: easy)
            else { continue }
            try? CurlCheck.multi(curl_multi_remove_handle(multi, easy), "curl_multi_remove_handle")
            transfer.complete(result)
        }
    }

    private func failAll(_ error: APIError) {
        for (easy, transfer) in active {
            try? CurlCheck.multi(curl_multi_remove_handle(multi, easy), "curl_multi_remove_handle")
            transfer.state.withLock { $0.abortReason = error }
            transfer.complete(CURLE_FAILED_INIT)
        }
        active = [:]
    }
}
