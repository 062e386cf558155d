public import FormaClient
import FormaJSON

/// The elements of a streamed top-level array, each yielded as soon as it closes and is
/// valid against the element type's schema (and the user's validators).
///
/// The model is asked for `{"type": "array", "items": T}`. An element that is invalid is not
/// yielded; when the whole reply is invalid (a bad element, cut off, not an array) the model
/// is asked again like any extraction, and elements of the new reply that were already
/// yielded (equal JSON, counted with multiplicity) are not yielded twice. Every element of
/// the final, valid array is yielded exactly once. Cancelling the consuming task stops the
/// HTTP stream; failures throw ``ExtractionError`` from the iterator.
public struct ExtractManyStream<Value: Sendable>: AsyncSequence, Sendable {
    /// The element type.
    public typealias Element = Value

    let array: Result<Extractor<[Value]>, any Error>
    let item: Result<Extractor<Value>, any Error>
    let messages: [ChatMessage]

    /// Starts the extraction and returns an iterator over the elements.
    public func makeAsyncIterator() -> Iterator {
        let (stream, continuation) = AsyncThrowingStream<Value, any Error>.makeStream()
        let array = array
        let item = item
        let messages = messages
        let task = Task {
            do {
                let arrayExtractor = try array.get()
                let state = ElementState(item: try item.get(), source: GroundingText(sourceOf: messages), continuation: continuation)
                let result = try await arrayExtractor.runStreaming(messages: messages) { piece, attempt in
                    state.add(piece, attempt: attempt)
                }
                state.finish(result)
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return Iterator(base: stream.makeAsyncIterator())
    }

    /// Iterates the elements.
    public struct Iterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<Value, any Error>.Iterator

        /// The next valid element, or `nil` when the array is complete.
        /// - Throws: ``ExtractionError`` when no valid array came within the budgets.
        public mutating func next() async throws -> Value? { try await base.next() }
    }

    /// Checks each closed element and yields the valid ones not yielded before. Lives on the
    /// extracting task.
    final class ElementState {
        let item: Extractor<Value>
        /// The document grounded fields of each element must occur in.
        let source: GroundingText
        let continuation: AsyncThrowingStream<Value, any Error>.Continuation
        var attempt = 0
        var answer = StreamedAnswer()
        /// Elements yielded so far, with multiplicity; and seen in the current attempt.
        var yielded: [JSONValue: Int] = [:]
        var seen: [JSONValue: Int] = [:]

        init(item: Extractor<Value>, source: GroundingText, continuation: AsyncThrowingStream<Value, any Error>.Continuation) {
            self.item = item
            self.source = source
            self.continuation = continuation
        }

        func add(_ piece: String, attempt: Int) {
            if attempt != self.attempt {
                self.attempt = attempt
                answer = StreamedAnswer()
                seen = [:]
            }
            for element in answer.append(piece).closedElements {
                let text = String(decoding: element, as: UTF8.self)
                let checked = item.checker.check(answer: Substring(text), source: source)
                guard let value = checked.value, let json = checked.parsed else { continue }
                offer(value, json: json)
            }
        }

        /// Yields what the final array holds that the stream did not yield yet.
        func finish(_ result: Extraction<[Value]>) {
            let answer = ReasoningSplitter.split(result.raw).answer
            guard case .array(let elements)? = try? JSONParser.parse(JSONCandidateFinder.candidate(in: answer).text),
                elements.count == result.value.count
            else {
                return
            }
            seen = [:]
            for (json, value) in zip(elements, result.value) { offer(value, json: json) }
        }

        private func offer(_ value: Value, json: JSONValue) {
            let count = seen[json, default: 0] + 1
            seen[json] = count
            guard count > yielded[json, default: 0] else { return }
            yielded[json] = count
            continuation.yield(value)
        }
    }
}

extension ChatClient {
    /// Extracts a list of typed values, yielding each one as soon as it has streamed in full
    /// and validates.
    ///
    /// ```swift
    /// for try await item in client.extractMany(LineItem.self, from: receipt, model: model) {
    ///     print(item.description, item.amount)
    /// }
    /// ```
    /// - Parameters:
    ///   - type: the element type (a `@Schema` type); the model is asked for an array of it.
    ///   - text: the document to extract from, sent as the user message.
    ///   - model: the model (default: the client's default model).
    ///   - instructions: the system prompt (a generic extraction instruction by default).
    ///   - options: mode, budgets and request fields.
    ///   - validators: semantic rules run on each element; a failing element is not yielded
    ///     and leads to a re-ask.
    /// - Returns: the elements; iterating throws ``ExtractionError`` on failure.
    public func extractMany<T: Decodable & SchemaRepresentable & Sendable>(
        _ type: T.Type, from text: String, model: String? = nil, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions(), validators: [@Sendable (T) throws -> Void] = []
    ) -> ExtractManyStream<T> {
        extractMany(type, messages: Self.messages(text, instructions), model: model, options: options, validators: validators)
    }

    /// Extracts a list of typed values from a conversation, yielding each as it validates.
    /// - Parameters:
    ///   - type: the element type.
    ///   - messages: the conversation; the extractor adds its instructions.
    ///   - model: the model (default: the client's default model).
    ///   - options: mode, budgets and request fields.
    ///   - validators: semantic rules run on each element.
    /// - Returns: the elements; iterating throws ``ExtractionError`` on failure.
    public func extractMany<T: Decodable & SchemaRepresentable & Sendable>(
        _ type: T.Type, messages: [ChatMessage], model: String? = nil, options: ExtractionOptions = ExtractionOptions(),
        validators: [@Sendable (T) throws -> Void] = []
    ) -> ExtractManyStream<T> {
        let item = Result { Extractor(client: self, model: model, target: try ExtractionTarget<T>.type(type, validators: validators), options: options) }
        let array = Result {
            let elementValidators = validators
            let target = try ExtractionTarget<[T]>(
                name: schemaName(of: type) + "_list", schema: [T].jsonSchema,
                validators: [{ values in for value in values { for validate in elementValidators { try validate(value) } } }],
                decode: ExtractionTarget<[T]>.typedDecoder())
            return Extractor(client: self, model: model, target: target, options: options)
        }
        return ExtractManyStream(array: array, item: item, messages: messages)
    }
}
