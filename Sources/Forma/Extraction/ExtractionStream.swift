import FormaClient
import FormaJSON

/// What an ``ExtractionStream`` delivers: snapshots of the value while a reply streams,
/// then the validated extraction.
public enum ExtractionStreamEvent<Value: PartiallyDecodable & Sendable>: Sendable where Value.Partial: Sendable {
    /// The value so far. Strings grow in place; arrays grow element by element. A new
    /// attempt (after a re-ask or a truncated reply) starts again from an empty snapshot,
    /// with a higher ``PartialSnapshot/attempt``.
    case partial(PartialSnapshot<Value>)
    /// The final value, checked like a non-streamed extraction.
    case completed(Extraction<Value>)
}

/// The value of a streamed reply so far.
public struct PartialSnapshot<Value: PartiallyDecodable>: Sendable where Value.Partial: Sendable {
    /// The typed partial value: for `@Schema` structs, `Value.Partial` with the properties
    /// that have arrived.
    public var value: Value.Partial
    /// The JSON so far, open strings, arrays and objects closed .
    public var json: JSONValue
    /// The attempt the snapshot belongs to (1-based).
    public var attempt: Int
}

/// A streamed extraction: an asynchronous sequence of ``ExtractionStreamEvent``s, partial
/// snapshots in order as tokens arrive, ending with ``ExtractionStreamEvent/completed(_:)``.
///
/// Each iteration runs the extraction (one streamed request per attempt). Cancelling the
/// consuming task stops the HTTP stream. An extraction that fails throws ``ExtractionError``
/// from the iterator.
///
/// ```swift
/// for try await event in client.extractStream(Meeting.self, from: notes, model: model) {
///     switch event {
///     case .partial(let snapshot): render(snapshot.value.title ?? "…")
///     case .completed(let result): save(result.value)
///     }
/// }
/// ```
public struct ExtractionStream<Value: PartiallyDecodable & Sendable>: AsyncSequence, Sendable where Value.Partial: Sendable {
    /// The element type.
    public typealias Element = ExtractionStreamEvent<Value>

    let extractor: Result<Extractor<Value>, any Error>
    let messages: [ChatMessage]

    /// Starts the extraction and returns an iterator over its events.
    public func makeAsyncIterator() -> Iterator {
        let (stream, continuation) = AsyncThrowingStream<Element, any Error>.makeStream()
        let extractor = extractor
        let messages = messages
        let task = Task {
            do {
                let extractor = try extractor.get()
                let snapshots = SnapshotState<Value>(continuation: continuation)
                let result = try await extractor.runStreaming(messages: messages) { piece, attempt in
                    snapshots.add(piece, attempt: attempt)
                }
                continuation.yield(.completed(result))
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return Iterator(base: stream.makeAsyncIterator())
    }

    /// Runs the extraction to the end, ignoring the snapshots.
    /// - Returns: The final extraction.
    /// - Throws: ``ExtractionError`` when no valid value came within the budgets.
    public func result() async throws -> Extraction<Value> {
        for try await event in self {
            if case .completed(let result) = event { return result }
        }
        throw CancellationError()
    }

    /// Iterates the events.
    public struct Iterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<Element, any Error>.Iterator

        /// The next event, or `nil` after ``ExtractionStreamEvent/completed(_:)``.
        /// - Throws: ``ExtractionError`` (or `CancellationError`) when the extraction fails.
        public mutating func next() async throws -> Element? { try await base.next() }
    }
}

/// Turns the pieces of the current attempt into snapshots, emitting only changes. Lives on
/// the extracting task.
///
/// A snapshot costs time in the size of the value (decoding `T.Partial`, comparing with the
/// last one), so on long replies they are paced to keep the whole stream linear: one is
/// emitted when the JSON grew by an eighth since the last one, or when at least 50 ms and
/// four times the cost of the last snapshot have passed. Replies up to 16 KB get a snapshot
/// for every piece that changes the value.
final class SnapshotState<Value: PartiallyDecodable & Sendable> where Value.Partial: Sendable {
    let continuation: AsyncThrowingStream<ExtractionStreamEvent<Value>, any Error>.Continuation
    var attempt = 0
    var answer = StreamedAnswer()
    var last: JSONValue?
    /// JSON bytes read at the last snapshot, when it was taken and what it cost.
    private var lastBytes = 0
    private var lastTime = ContinuousClock.now
    private var lastCost = Duration.zero
    private static var minimumInterval: Duration { .milliseconds(50) }
    /// Up to this many bytes of JSON every growing piece gets its snapshot.
    private static var unpacedBytes: Int { 16_384 }

    init(continuation: AsyncThrowingStream<ExtractionStreamEvent<Value>, any Error>.Continuation) {
        self.continuation = continuation
    }

    func add(_ piece: String, attempt: Int) {
        if attempt != self.attempt {
            self.attempt = attempt
            answer = StreamedAnswer()
            last = nil
            lastBytes = 0
        }
        guard answer.append(piece).grew else { return }
        let bytes = answer.json.byteCount
        let now = ContinuousClock.now
        let paced = bytes <= Self.unpacedBytes || bytes - lastBytes >= lastBytes / 8
            || now - lastTime >= max(Self.minimumInterval, lastCost * 4)
        guard paced else { return }
        defer {
            lastBytes = bytes
            lastTime = ContinuousClock.now
            lastCost = lastTime - now
        }
        guard let json = answer.snapshot(), json != last else { return }
        last = json
        guard let value = Value.partial(from: json) else { return }
        continuation.yield(.partial(PartialSnapshot(value: value, json: json, attempt: attempt)))
    }
}
