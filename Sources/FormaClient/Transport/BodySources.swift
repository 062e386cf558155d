import Synchronization
import FormaJSON

/// A body made of fixed chunks, for test transports.
final class ArrayBodySource: HTTPBodySource {
    private struct State {
        var chunks: [[UInt8]]
        var index = 0
        var failure: (any Error)?
        var cancelled = false
    }

    private let state: Locked<State>

    init(chunks: [[UInt8]], failure: (any Error)?) {
        state = Locked(State(chunks: chunks, failure: failure))
    }

    func next() async throws -> [UInt8]? {
        try Task.checkCancellation()
        return try state.withLock { state -> [UInt8]? in
            if state.cancelled { throw APIError(kind: .cancelled, message: "the response body was cancelled") }
            if state.index < state.chunks.count {
                state.index += 1
                return state.chunks[state.index - 1]
            }
            if let failure = state.failure {
                state.failure = nil
                throw failure
            }
            return nil
        }
    }

    func cancel() { state.withLock { $0.cancelled = true } }
}

/// A body forwarding an `AsyncThrowingStream`, for test transports.
///
/// `@unchecked Sendable`: `HTTPBody` has a single consumer that calls `next()` one call at a
/// time, so the iterator is never used concurrently.
final class StreamBodySource: HTTPBodySource, @unchecked Sendable {
    private var iterator: AsyncThrowingStream<[UInt8], any Error>.Iterator
    private let cancelled = Atomic<Bool>(false)

    init(stream: AsyncThrowingStream<[UInt8], any Error>) {
        iterator = stream.makeAsyncIterator()
    }

    func next() async throws -> [UInt8]? {
        if cancelled.load(ordering: .relaxed) {
            throw APIError(kind: .cancelled, message: "the response body was cancelled")
        }
        return try await iterator.next()
    }

    func cancel() { cancelled.store(true, ordering: .relaxed) }
}
