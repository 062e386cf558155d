public import FormaClient

/// The per-reply pipeline of an extraction, on its own: strip reasoning (and, in
/// `jsonObject` mode, fences and prose), parse, validate against the original schema,
/// decode, run the user's validators. Exactly what each extraction attempt does with a reply,
/// without a request (for benchmarks, replayed replies and offline checks).
///
/// ```swift
/// let decoder = try ReplyDecoder(target: .type(Invoice.self))
/// let invoice = try decoder.decode(replyText)
/// ```
public struct ReplyDecoder<Value: Sendable>: Sendable {
    let extractor: Extractor<Value>

    /// A decoder for `target`, checking replies as an extraction in `options.mode` against
    /// a `dialect` provider would.
    /// - Parameters:
    ///   - target: What replies are decoded into.
    ///   - dialect: The provider dialect (decides the strict-schema null pruning).
    ///   - options: The mode and lenient-repair settings.
    /// - Throws: ``APIError`` only if the (unused) client cannot be created.
    public init(target: ExtractionTarget<Value>, dialect: ProviderDialect = .together, options: ExtractionOptions = ExtractionOptions()) throws {
        let client = try ChatClient(
            configuration: ClientConfiguration(apiKey: "unused", baseURL: "http://127.0.0.1:9/v1", dialect: dialect),
            transport: ScriptedTransport([]))
        extractor = Extractor(client: client, model: "", target: target, options: options)
    }

    /// Checks one reply.
    /// - Parameter reply: The reply text (content, or tool-call arguments).
    /// - Returns: The value.
    /// - Throws: ``ReplyDecodingError`` with the located problems when the reply is invalid.
    public func decode(_ reply: String) throws -> Value {
        let answer = ReasoningSplitter.split(reply).answer
        switch extractor.check(answer).result {
        case .success(let value): return value
        case .failure(let problems): throw ReplyDecodingError(problems: problems)
        }
    }
}

/// A reply that did not pass the checks of ``ReplyDecoder``.
public struct ReplyDecodingError: Error, Sendable, CustomStringConvertible {
    /// What was wrong, located.
    public var problems: [ExtractionProblem]

    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
