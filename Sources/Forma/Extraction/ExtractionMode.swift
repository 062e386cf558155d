import FormaClient

/// How the extractor asks a model for structured output.
public enum ExtractionMode: String, Sendable, Hashable, CaseIterable {
    /// `response_format: json_schema`, encoded per provider dialect (strict where the
    /// provider needs it). The server constrains decoding; the reply is still validated.
    case jsonSchema = "json-schema"
    /// `response_format: json_object` with a compact schema description in the system
    /// prompt: for servers that only guarantee JSON.
    case jsonObject = "json-object"
    /// The schema as one forced function; the call's arguments are the value.
    case tools
    /// A regular expression (Together's `regex` format, vLLM's `structured_outputs`); the
    /// whole reply must match it. For strings, enums and `LosslessStringConvertible` types.
    case regex
    /// Chosen by what the provider supports: `jsonSchema` for JSON targets, `regex` for
    /// pattern targets where the provider has it.
    case auto

    /// The concrete mode for a provider and a target kind.
    func resolved(for provider: Provider, patternTarget: Bool) -> ExtractionMode {
        guard self == .auto else { return self }
        if patternTarget { return provider.supportsRegex ? .regex : .jsonObject }
        return .jsonSchema
    }
}
