public import FormaJSON

/// How a particular OpenAI-compatible server wants the request spelled: the wire-format
/// part of a ``Provider`` profile.
///
/// The dialects differ in where structured-output constraints go (see
/// ``encode(_:into:)``), in the shape of `logprobs`, and in whether streams need
/// `stream_options.include_usage` to report usage. Choose one for a
/// ``Provider/custom(name:baseURL:apiKeyVariable:requiresAPIKey:dialect:schemaBackend:defaultModel:)`` server.
public struct ProviderDialect: Sendable, Hashable, CustomStringConvertible {
    enum Name: String, Sendable, Hashable, CaseIterable {
        case together, openAI = "openai", vllm, llamaCpp = "llamacpp", ollama
    }

    let name: Name

    /// Together AI (the default).
    public static let together = ProviderDialect(name: .together)
    /// OpenAI.
    public static let openAI = ProviderDialect(name: .openAI)
    /// vLLM's OpenAI-compatible server.
    public static let vllm = ProviderDialect(name: .vllm)
    /// llama.cpp's `llama-server`.
    public static let llamaCpp = ProviderDialect(name: .llamaCpp)
    /// Ollama's `/v1` endpoints.
    public static let ollama = ProviderDialect(name: .ollama)

    /// Every dialect.
    public static let all: [ProviderDialect] = Name.allCases.map { ProviderDialect(name: $0) }

    /// The dialect called `name` (`together`, `openai`, `vllm`, `llamacpp`, `ollama`; case-insensitive).
    public init?(name: String) {
        let lowered = name.lowercased().replacing("-", with: "").replacing(".", with: "")
        guard let found = Name(rawValue: lowered) else { return nil }
        self.name = found
    }

    init(name: Name) { self.name = name }

    /// The dialect's name as the CLI spells it.
    public var description: String { name.rawValue }

    /// Adds `format` to a request body the way this server wants it.
    /// - Parameters:
    ///   - format: The output constraint.
    ///   - body: The request body being built.
    /// - Throws: ``APIError`` `.unsupported` when the server cannot enforce the format
    ///   (regex on OpenAI, llama.cpp or Ollama; grammars outside llama.cpp and vLLM).
    public func encode(_ format: ResponseFormat, into body: inout JSONObject) throws {
        switch format.storage {
        case .text:
            return
        case .jsonObject(let schema):
            var object: JSONObject = ["type": "json_object"]
            if let schema, jsonObjectCarriesSchema { object["schema"] = schema }
            body["response_format"] = .object(object)
        case .jsonSchema(let schemaName, let schema, let strict, let description):
            if name == .llamaCpp {
                // llama-server's native field: compiled to a grammar server-side.
                body["json_schema"] = schema
                return
            }
            var inner: JSONObject = ["name": .string(schemaName), "schema": schema, "strict": .bool(strict)]
            inner.put("description", description.map { .string($0) })
            body["response_format"] = ["type": "json_schema", "json_schema": .object(inner)]
        case .regex(let pattern):
            switch name {
            case .together: body["response_format"] = ["type": "regex", "pattern": .string(pattern)]
            case .vllm: body["structured_outputs"] = ["regex": .string(pattern)]
            default: throw refusal("regular expressions")
            }
        case .grammar(let gbnf):
            switch name {
            case .llamaCpp: body["grammar"] = .string(gbnf)
            case .vllm: body["structured_outputs"] = ["grammar": .string(gbnf)]
            default: throw refusal("grammars")
            }
        }
    }

    /// Sets `logprobs`: an integer on Together (and on every server's text completions),
    /// `true` plus `top_logprobs` in the chat requests of OpenAI, vLLM, llama.cpp and Ollama
    /// (llama.cpp ignores an integer there).
    func encodeLogprobs(_ count: Int, into body: inout JSONObject, chat: Bool) {
        if chat && name != .together {
            body["logprobs"] = .bool(count > 0)
            if count > 0 { body["top_logprobs"] = .int(count) }
        } else {
            body["logprobs"] = .int(count)
        }
    }

    /// Whether the server constrains output with a regular expression (Together's
    /// `regex` response format, vLLM's `structured_outputs.regex`).
    public var supportsRegex: Bool { name == .together || name == .vllm }

    /// Whether a `json_object` response format may carry the schema (Together, llama.cpp).
    public var jsonObjectCarriesSchema: Bool { name == .together || name == .llamaCpp }

    /// Whether streams must ask for usage explicitly.
    var needsStreamUsageOption: Bool { name == .openAI || name == .vllm || name == .ollama }

    private func refusal(_ what: String) -> APIError {
        APIError(kind: .unsupported, message: "the \(name.rawValue) dialect cannot constrain output with \(what); use a JSON schema or another provider")
    }
}
