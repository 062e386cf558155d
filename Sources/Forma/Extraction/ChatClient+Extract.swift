public import FormaClient

extension ChatClient {
    /// Extracts a typed, validated value from a text.
    ///
    /// ```swift
    /// let client = try ChatClient()
    /// let result = try await client.extract(Invoice.self, from: emailText, model: "meta-llama/Llama-3.3-70B-Instruct-Turbo")
    /// print(result.value.total, result.usage.totalTokens)
    /// ```
    /// - Parameters:
    ///   - type: a `@Schema` type (or any `Decodable & SchemaRepresentable` type).
    ///   - text: the document to extract from, sent as the user message.
    ///   - model: the model name.
    ///   - instructions: the system prompt (a generic extraction instruction by default).
    ///   - options: mode, budgets and request fields.
    ///   - validators: semantic rules run on the decoded value; a throw leads to a re-ask.
    /// - Returns: the value, the raw reply, every attempt and the total usage.
    /// - Throws: ``ExtractionError`` with every attempt when no valid value came within the budgets.
    public func extract<T: Decodable & SchemaRepresentable & Sendable>(
        _ type: T.Type, from text: String, model: String, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions(), validators: [@Sendable (T) throws -> Void] = []
    ) async throws -> Extraction<T> {
        try await extract(type, messages: Self.messages(text, instructions), model: model, options: options, validators: validators)
    }

    /// Extracts a typed, validated value from a conversation.
    /// - Throws: ``ExtractionError`` when no valid value came within the budgets.
    public func extract<T: Decodable & SchemaRepresentable & Sendable>(
        _ type: T.Type, messages: [ChatMessage], model: String, options: ExtractionOptions = ExtractionOptions(),
        validators: [@Sendable (T) throws -> Void] = []
    ) async throws -> Extraction<T> {
        let target = try ExtractionTarget<T>.type(type, validators: validators)
        return try await Extractor(client: self, model: model, target: target, options: options).run(messages: messages)
    }

    /// Extracts JSON valid against a schema known only at run time (what `forma extract` uses).
    /// - Throws: ``SchemaError`` for a schema that does not compile, ``ExtractionError`` otherwise.
    public func extract(
        schema: JSONSchema, from text: String, model: String, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions()
    ) async throws -> Extraction<JSONValue> {
        try await extract(schema: schema, messages: Self.messages(text, instructions), model: model, options: options)
    }

    /// Extracts JSON valid against a run-time schema from a conversation.
    /// - Throws: ``SchemaError`` for a schema that does not compile, ``ExtractionError`` otherwise.
    public func extract(
        schema: JSONSchema, messages: [ChatMessage], model: String, options: ExtractionOptions = ExtractionOptions()
    ) async throws -> Extraction<JSONValue> {
        let target = try ExtractionTarget<JSONValue>.schema(schema)
        return try await Extractor(client: self, model: model, target: target, options: options).run(messages: messages)
    }

    /// Extracts a string that matches `pattern` in full.
    /// - Throws: ``ECMARegexError`` for an invalid pattern, ``ExtractionError`` otherwise.
    public func extract(
        _ type: String.Type, matching pattern: String, from text: String, model: String, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions()
    ) async throws -> Extraction<String> {
        let target = try ExtractionTarget<String>.string(matching: pattern)
        return try await Extractor(client: self, model: model, target: target, options: options)
            .run(messages: Self.messages(text, instructions))
    }

    /// Classifies a text as one case of a `String`-backed enum (`(positive|neutral|negative)`).
    /// - Throws: ``ExtractionError`` when no valid case came within the budgets.
    public func classify<E: RawRepresentable & CaseIterable & Sendable>(
        _ text: String, as type: E.Type, model: String, instructions: String? = nil,
        options: ExtractionOptions = ExtractionOptions()
    ) async throws -> Extraction<E> where E.RawValue == String {
        let target = try ExtractionTarget<E>.classification(type)
        let prompt = instructions ?? "Classify the user's text. Answer with exactly one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))."
        return try await Extractor(client: self, model: model, target: target, options: options)
            .run(messages: [.system(prompt), .user(text)])
    }

    static func messages(_ text: String, _ instructions: String?) -> [ChatMessage] {
        [.system(instructions ?? "Extract the requested information from the user's text. Use only what the text says."), .user(text)]
    }
}
