import FormaJSON

/// A streamed reply: an asynchronous sequence of decoded chunks read from server-sent events.
///
/// Ends at `data: [DONE]`. A `{"error":…}` event throws ``APIError``; an event that is not
/// JSON throws a `.decoding` error with an excerpt; a body that ends before `[DONE]` and
/// before any finish reason throws a `.connection` error. A stream that exceeds its
/// ``StreamLimits`` (events, event size, content, reasoning or tool-argument bytes) throws
/// `.responseTooLarge` and aborts the transfer. Cancelling the consuming task aborts it too.
///
/// ```swift
/// let stream = try await client.stream(request)
/// for try await chunk in stream { print(chunk.choices.first?.content ?? "", terminator: "") }
/// ```
public struct ResponseStream<Chunk: StreamChunk>: AsyncSequence, Sendable {
    /// The element type.
    public typealias Element = Chunk

    /// Status, request id, rate limits and attempts of the response.
    public let metadata: ResponseMetadata
    let headers: HTTPHeaders
    let body: HTTPBody
    let firstBytes: [UInt8]
    let secret: String?
    let limits: StreamLimits

    init(
        metadata: ResponseMetadata, headers: HTTPHeaders, body: HTTPBody, firstBytes: [UInt8], secret: String?,
        limits: StreamLimits = StreamLimits()
    ) {
        self.metadata = metadata
        self.headers = headers
        self.body = body
        self.firstBytes = firstBytes
        self.secret = secret
        self.limits = limits
    }

    /// Aborts the transfer.
    public func cancel() { body.cancel() }

    /// An iterator over the chunks (iterate once).
    public func makeAsyncIterator() -> Iterator {
        Iterator(stream: self, body: body.makeAsyncIterator(), pendingBytes: firstBytes)
    }

    /// Decodes chunks from the body's events.
    public struct Iterator: AsyncIteratorProtocol {
        let stream: ResponseStream
        var body: HTTPBody.AsyncIterator
        var pendingBytes: [UInt8]
        var parser: SSEParser
        var events: [ServerSentEvent] = []
        /// Events and text so far, against the limits.
        var eventCount = 0
        var text = StreamedTextSize()
        var eventIndex = 0
        var finished = false
        var sawFinish = false
        var bodyEnded = false

        init(stream: ResponseStream, body: HTTPBody.AsyncIterator, pendingBytes: [UInt8]) {
            self.stream = stream
            self.body = body
            self.pendingBytes = pendingBytes
            parser = SSEParser(maxLineBytes: stream.limits.maxEventBytes)
        }

        /// The next chunk, or `nil` after `[DONE]`.
        /// - Throws: ``APIError`` for stream errors, undecodable events, transport failures.
        public mutating func next() async throws -> Chunk? {
            while !finished {
                if eventIndex < events.count {
                    let event = events[eventIndex]
                    eventIndex += 1
                    if let chunk = try decode(event) { return chunk }
                    if finished { await drain() }
                    continue
                }
                events.removeAll(keepingCapacity: true)
                eventIndex = 0
                if bodyEnded {
                    finished = true
                    if !sawFinish {
                        throw APIError(kind: .connection, message: "the event stream ended before [DONE]", requestID: stream.metadata.requestID)
                    }
                    return nil
                }
                if !pendingBytes.isEmpty {
                    events = parser.feed(pendingBytes)
                    pendingBytes = []
                } else if let bytes = try await body.next() {
                    events = parser.feed(bytes)
                } else {
                    bodyEnded = true
                    events = parser.finish()
                }
                if parser.overflowed {
                    throw exceeded("an event line or an event's data exceeds \(stream.limits.maxEventBytes) bytes (StreamLimits.maxEventBytes)")
                }
                eventCount += events.count
                if eventCount > stream.limits.maxEvents {
                    throw exceeded("the stream sent more than \(stream.limits.maxEvents) events (StreamLimits.maxEvents)")
                }
            }
            return nil
        }

        private mutating func decode(_ event: ServerSentEvent) throws -> Chunk? {
            if event.isDone {
                finished = true
                return nil
            }
            if event.data.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return nil }
            let json: JSONValue
            do {
                json = try JSONParser.parse(event.data)
            } catch {
                finished = true
                throw APIError(
                    kind: .decoding, message: "an event's data is not JSON: \(error)", requestID: stream.metadata.requestID,
                    bodyExcerpt: Redaction.redact(event.data, secret: stream.secret)
                )
            }
            if let error = APIError.fromStreamEvent(json, headers: stream.headers, secret: stream.secret) {
                finished = true
                throw error
            }
            let chunk = try Chunk(json: json)
            if chunk.hasFinishReason { sawFinish = true }
            let size = chunk.textSize
            text.content += size.content
            text.reasoning += size.reasoning
            text.toolArguments += size.toolArguments
            let limits = stream.limits
            if text.content > limits.maxContentBytes {
                throw exceeded("the reply's content exceeds \(limits.maxContentBytes) bytes (StreamLimits.maxContentBytes)")
            }
            if text.reasoning > limits.maxReasoningBytes {
                throw exceeded("the reply's reasoning exceeds \(limits.maxReasoningBytes) bytes (StreamLimits.maxReasoningBytes)")
            }
            if text.toolArguments > limits.maxToolCallArgumentBytes {
                throw exceeded(
                    "the reply's tool-call arguments exceed \(limits.maxToolCallArgumentBytes) bytes (StreamLimits.maxToolCallArgumentBytes)")
            }
            return chunk
        }

        /// Ends the stream over a limit: aborts the transfer and returns the error to throw.
        private mutating func exceeded(_ message: String) -> APIError {
            finished = true
            stream.body.cancel()
            return APIError(kind: .responseTooLarge, message: message, requestID: stream.metadata.requestID)
        }

        /// Reads what follows `[DONE]` so the connection can be reused (bounded).
        private mutating func drain() async {
            var budget = 64 << 10
            while budget > 0, let bytes = try? await body.next() { budget -= bytes.count }
            if budget <= 0 { stream.body.cancel() }
        }
    }
}

/// A streamed chat reply.
public typealias ChatStream = ResponseStream<ChatChunk>
/// A streamed text completion.
public typealias CompletionStream = ResponseStream<CompletionChunk>

extension ResponseStream where Chunk == ChatChunk {
    /// Reads the whole stream and assembles the reply.
    /// - Returns: The accumulated content, reasoning, tool calls, finish reason and usage.
    /// - Throws: What iterating throws.
    public func collect() async throws -> ChatStreamAccumulator {
        var accumulator = ChatStreamAccumulator()
        for try await chunk in self { accumulator.add(chunk) }
        return accumulator
    }
}
