public import FormaClient

extension ChatClient {
    /// Extracts a typed, validated value from a text.
    ///
    /// ```swift
    /// let client = try ChatClient()            // Together; its default model unless you name one
    /// let result = try await client.extract(Invoice.self, from: emailText)
    /// print(result.value.total, result.usage.totalTokens)
    /// ```
    /// - Parameters:
    ///   - type: a `@Schema` type (or any `Decodable & SchemaRepresentable` type).
    ///   - text: the document to extract from, sent as the user message; grounded fields
    ///     (`@Guide(.grounded)`) must occur in it, and ``Extraction/spans`` are offsets into it.
    ///   - model: the model (default: the client's default model, `defaultModel`).
    ///   - instructions: the system prompt (a generic extraction instruction by default).
    ///   - options: mode, budgets and request fields.
    ///   - validators: semantic rules run on the decoded value; a throw leads to a re-ask.
    /// - Returns: the value, the raw reply, every attempt and the total usage.
    /// - Throws: ``ExtractionError`` with every attempt when no valid value came within the budgets.
    public func extract<T: Decodable & SchemaRepresentable & Sendable>(
        _ type: T.Type, from text: String, model: String? = nil, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions(), validators: [@Sendable (T) throws -> Void] = []
    ) async throws -> Extraction<T> {
        let target = try ExtractionTarget<T>.type(type, validators: validators)
        return try await Extractor(client: self, model: model, target: target, options: options)
            .run(messages: Self.messages(text, instructions), source: text)
    }

    /// Extracts a typed, validated value from a conversation.
    /// - Throws: ``ExtractionError`` when no valid value came within the budgets.
    public func extract<T: Decodable & SchemaRepresentable & Sendable>(
        _ type: T.Type, messages: [ChatMessage], model: String? = nil, options: ExtractionOptions = ExtractionOptions(),
        validators: [@Sendable (T) throws -> Void] = []
    ) async throws -> Extraction<T> {
        let target = try ExtractionTarget<T>.type(type, validators: validators)
        return try await Extractor(client: self, model: model, target: target, options: options).run(messages: messages)
    }

    /// Extracts JSON valid against a schema known only at run time (what `forma extract` uses).
    /// - Throws: `SchemaError` for a schema that does not compile, ``ExtractionError`` otherwise.
    public func extract(
        schema: JSONSchema, from text: String, model: String? = nil, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions()
    ) async throws -> Extraction<JSONValue> {
        let target = try ExtractionTarget<JSONValue>.schema(schema)
        return try await Extractor(client: self, model: model, target: target, options: options)
            .run(messages: Self.messages(text, instructions), source: text)
    }

    /// Extracts JSON valid against a run-time schema from a conversation.
    /// - Throws: `SchemaError` for a schema that does not compile, ``ExtractionError`` otherwise.
    public func extract(
        schema: JSONSchema, messages: [ChatMessage], model: String? = nil, options: ExtractionOptions = ExtractionOptions()
    ) async throws -> Extraction<JSONValue> {
        let target = try ExtractionTarget<JSONValue>.schema(schema)
        return try await Extractor(client: self, model: model, target: target, options: options).run(messages: messages)
    }

    /// Extracts a string that matches `pattern` in full.
    ///
    /// ```swift
    /// let code = try await client.extract(matching: "[A-Z]{3}-[0-9]{4}", from: ticketText).value
    /// ```
    /// - Parameters:
    ///   - pattern: an ECMA-262 regular expression the whole reply must match.
    ///   - text: the document, sent as the user message.
    ///   - model: the model (default: the client's default model).
    ///   - instructions: the system prompt.
    ///   - options: mode, budgets and request fields.
    /// - Returns: the matching string and every attempt.
    /// - Throws: `ECMARegexError` for an invalid pattern, ``ExtractionError`` otherwise.
    public func extract(
        matching pattern: String, from text: String, model: String? = nil, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions()
    ) async throws -> Extraction<String> {
        let target = try ExtractionTarget<String>.string(matching: pattern)
        return try await Extractor(client: self, model: model, target: target, options: options)
            .run(messages: Self.messages(text, instructions), source: text)
    }

    /// The former spelling of ``extract(matching:from:model:instructions:options:)``.
    @available(*, deprecated, renamed: "extract(matching:from:model:instructions:options:)")
    public func extract(
        _ type: String.Type, matching pattern: String, from text: String, model: String? = nil, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions()
    ) async throws -> Extraction<String> {
        try await extract(matching: pattern, from: text, model: model, instructions: instructions, options: options)
    }

    /// Classifies a text as one case of a `String`-backed enum (`(positive|neutral|negative)`).
    ///
    /// ```swift
    /// let sentiment = try await client.classify(Sentiment.self, from: review).value
    /// ```
    /// - Parameters:
    ///   - type: the enum; its raw values are the labels.
    ///   - text: the text to classify.
    ///   - model: the model (default: the client's default model).
    ///   - instructions: the system prompt (by default, one naming the labels).
    ///   - options: mode, budgets and request fields.
    /// - Returns: the case and every attempt.
    /// - Throws: ``ExtractionError`` when no valid case came within the budgets.
    public func classify<E: RawRepresentable & CaseIterable & Sendable>(
        _ type: E.Type, from text: String, model: String? = nil, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions()
    ) async throws -> Extraction<E> where E.RawValue == String {
        let target = try ExtractionTarget<E>.classification(type)
        let prompt = instructions ?? "Classify the user's text. Answer with exactly one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))."
        return try await Extractor(client: self, model: model, target: target, options: options)
            .run(messages: [.system(prompt), .user(text)])
    }

    /// The former spelling of ``classify(_:from:model:instructions:options:)``.
    @available(*, deprecated, renamed: "classify(_:from:model:instructions:options:)")
    public func classify<E: RawRepresentable & CaseIterable & Sendable>(
        _ text: String, as type: E.Type, model: String? = nil, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions()
    ) async throws -> Extraction<E> where E.RawValue == String {
        try await classify(type, from: text, model: model, instructions: instructions, options: options)
    }

    static func messages(_ text: String, _ instructions: String?) -> [ChatMessage] {
        [.system(instructions ?? "Extract the requested information from the user's text. Use only what the text says."), .user(text)]
    }
}
