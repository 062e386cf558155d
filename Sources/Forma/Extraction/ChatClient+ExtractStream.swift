public import FormaClient

extension ChatClient {
    /// Extracts a typed value while the reply streams: partial snapshots as tokens arrive,
    /// then the validated value.
    ///
    /// ```swift
    /// for try await event in client.extractStream(Invoice.self, from: email, model: model) {
    ///     if case .partial(let snapshot) = event { print(snapshot.value.lineItems?.count ?? 0) }
    ///     if case .completed(let result) = event { print(result.value.total) }
    /// }
    /// ```
    /// - Parameters:
    ///   - type: a `@Schema` struct (its `Partial` is what snapshots hold).
    ///   - text: the document to extract from, sent as the user message.
    ///   - model: the model (default: the client's default model).
    ///   - instructions: the system prompt (a generic extraction instruction by default).
    ///   - options: mode, budgets and request fields, as for ``extract(_:from:model:instructions:options:validators:)``.
    ///   - validators: semantic rules run on the final value; a throw leads to a re-ask.
    /// - Returns: the events; iterating runs the extraction and throws ``ExtractionError``
    ///   when no valid value came within the budgets.
    public func extractStream<T: Decodable & SchemaRepresentable & PartiallyDecodable & Sendable>(
        _ type: T.Type, from text: String, model: String? = nil, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions(), validators: [@Sendable (T) throws -> Void] = []
    ) -> ExtractionStream<T> where T.Partial: Sendable {
        extractStream(type, messages: Self.messages(text, instructions), model: model, options: options, validators: validators)
    }

    /// Extracts a typed value from a conversation while the reply streams.
    /// - Parameters:
    ///   - type: a `@Schema` struct.
    ///   - messages: the conversation; the extractor adds its instructions.
    ///   - model: the model (default: the client's default model).
    ///   - options: mode, budgets and request fields.
    ///   - validators: semantic rules run on the final value.
    /// - Returns: the events; iterating throws ``ExtractionError`` on failure.
    public func extractStream<T: Decodable & SchemaRepresentable & PartiallyDecodable & Sendable>(
        _ type: T.Type, messages: [ChatMessage], model: String? = nil, options: ExtractionOptions = ExtractionOptions(),
        validators: [@Sendable (T) throws -> Void] = []
    ) -> ExtractionStream<T> where T.Partial: Sendable {
        let extractor = Result {
            Extractor(client: self, model: model, target: try ExtractionTarget<T>.type(type, validators: validators), options: options)
        }
        return ExtractionStream(extractor: extractor, messages: messages)
    }

    /// Extracts JSON valid against a run-time schema from a text while the reply streams;
    /// snapshots are the JSON so far.
    ///
    /// ```swift
    /// for try await event in client.extractStream(schema: schema, from: document) { … }
    /// ```
    /// - Parameters:
    ///   - schema: the schema replies are validated against.
    ///   - text: the document, sent as the user message.
    ///   - model: the model (default: the client's default model).
    ///   - instructions: the system prompt.
    ///   - options: mode, budgets and request fields.
    /// - Returns: the events; iterating throws `SchemaError` for a schema that does not
    ///   compile, ``ExtractionError`` otherwise.
    public func extractStream(
        schema: JSONSchema, from text: String, model: String? = nil, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions()
    ) -> ExtractionStream<JSONValue> {
        extractStream(schema: schema, messages: Self.messages(text, instructions), model: model, options: options)
    }

    /// Extracts JSON valid against a run-time schema while the reply streams; snapshots are
    /// the JSON so far.
    /// - Parameters:
    ///   - schema: the schema replies are validated against.
    ///   - messages: the conversation.
    ///   - model: the model (default: the client's default model).
    ///   - options: mode, budgets and request fields.
    /// - Returns: the events; iterating throws `SchemaError` for a schema that does not
    ///   compile, ``ExtractionError`` otherwise.
    public func extractStream(
        schema: JSONSchema, messages: [ChatMessage], model: String? = nil, options: ExtractionOptions = ExtractionOptions()
    ) -> ExtractionStream<JSONValue> {
        let extractor = Result {
            Extractor(client: self, model: model, target: try ExtractionTarget<JSONValue>.schema(schema), options: options)
        }
        return ExtractionStream(extractor: extractor, messages: messages)
    }
}
