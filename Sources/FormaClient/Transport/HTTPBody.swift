/// The source behind an ``HTTPBody``: hands out chunks one at a time, `nil` at the end.
///
/// Implementations are reference types shared by the body's copies; only one consumer
/// iterates at a time.
protocol HTTPBodySource: AnyObject, Sendable {
    /// The next chunk, `nil` at the end of the body.
    func next() async throws -> [UInt8]?
    /// Stops the transfer; a waiting or later `next()` ends with a cancellation error.
    func cancel()
}

/// A response body as an asynchronous sequence of byte chunks.
///
/// Chunks are delivered as they arrive; when the consumer lags the transport stops reading
/// from the socket (back-pressure) instead of buffering without bound. Cancelling the
/// consuming task aborts the transfer.
///
/// ```swift
/// for try await chunk in response.body { parser.feed(chunk) }
/// ```
public struct HTTPBody: AsyncSequence, Sendable {
    /// The element type: a chunk of bytes.
    public typealias Element = [UInt8]

    let source: any HTTPBodySource

    init(source: any HTTPBodySource) { self.source = source }

    /// A body that yields `chunks` and then ends, or fails with `failure` when given.
    /// - Parameters:
    ///   - chunks: The chunks, in order.
    ///   - failure: An error thrown after the chunks, such as a simulated connection reset.
    public init(chunks: [[UInt8]], failure: (any Error)? = nil) {
        source = ArrayBodySource(chunks: chunks, failure: failure)
    }

    /// A body that forwards the elements of `stream`.
    /// - Parameter stream: The chunks; its error, if any, ends the body.
    public init(_ stream: AsyncThrowingStream<[UInt8], any Error>) {
        source = StreamBodySource(stream: stream)
    }

    /// Aborts the transfer behind the body.
    public func cancel() { source.cancel() }

    /// Iterates over the chunks.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let source: any HTTPBodySource

        /// The next chunk, or `nil` at the end.
        public mutating func next() async throws -> [UInt8]? { try await source.next() }
    }

    /// An iterator over the chunks.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(source: source) }
}
