public import FormaJSON

/// The output constraint a request asks for; a ``ProviderDialect`` encodes it the way each
/// server wants.
///
/// ```swift
/// request.responseFormat = .jsonSchema(name: "city", schema: schemaJSON, strict: true)
/// ```
public struct ResponseFormat: Sendable, Hashable, CustomStringConvertible {
    enum Storage: Sendable, Hashable {
        case text
        case jsonObject(schema: JSONValue?)
        case jsonSchema(name: String, schema: JSONValue, strict: Bool, description: String?)
        case regex(String)
        case grammar(String)
    }

    let storage: Storage

    /// Free text (no constraint; nothing is sent).
    public static let text = ResponseFormat(storage: .text)

    /// JSON mode, optionally with a schema (Together and llama.cpp use it; others ignore it).
    public static func jsonObject(schema: JSONValue? = nil) -> ResponseFormat {
        ResponseFormat(storage: .jsonObject(schema: schema))
    }

    /// JSON that follows `schema`.
    /// - Parameters:
    ///   - name: A name for the schema (`^[a-zA-Z0-9_-]+$`).
    ///   - schema: The JSON Schema document.
    ///   - strict: Whether the server must follow it exactly (OpenAI strict mode).
    ///   - description: What the output is, for the model.
    public static func jsonSchema(name: String, schema: JSONValue, strict: Bool = true, description: String? = nil) -> ResponseFormat {
        ResponseFormat(storage: .jsonSchema(name: name, schema: schema, strict: strict, description: description))
    }

    /// Text matching a regular expression (Together, vLLM).
    public static func regex(_ pattern: String) -> ResponseFormat { ResponseFormat(storage: .regex(pattern)) }

    /// Text following a GBNF grammar (llama.cpp, vLLM).
    public static func grammar(_ gbnf: String) -> ResponseFormat { ResponseFormat(storage: .grammar(gbnf)) }

    /// A short name: `text`, `json_object`, `json_schema`, `regex` or `grammar`.
    public var description: String {
        switch storage {
        case .text: return "text"
        case .jsonObject: return "json_object"
        case .jsonSchema: return "json_schema"
        case .regex: return "regex"
        case .grammar: return "grammar"
        }
    }
}
