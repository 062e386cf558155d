import ArgumentParser
import FormaClient
import Foundation

/// The connection options every command that talks to a model server shares
/// (`forma chat`, later `forma extract`).
struct ClientOptions: ParsableArguments {
    @Option(help: "The server dialect: together, openai, vllm, llamacpp or ollama.")
    var provider: String = "together"

    @Option(help: "The API base URL (default: $TOGETHER_BASE_URL, else the provider's usual URL).")
    var baseURL: String?

    @Option(help: "The API key (default: $TOGETHER_API_KEY; $OPENAI_API_KEY for --provider openai).")
    var apiKey: String?

    @Option(help: "Seconds allowed for the whole request (default 600).")
    var timeout: Double?

    @Option(help: "Retries after rate limits, server errors and connection failures (default 5).")
    var retries: Int?

    func validate() throws {
        guard ProviderDialect(name: provider) != nil else {
            throw ValidationError("unknown provider '\(provider)'; use together, openai, vllm, llamacpp or ollama")
        }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be positive") }
        if let retries, retries < 0 { throw ValidationError("--retries must not be negative") }
    }

    /// The dialect named by `--provider`.
    var dialect: ProviderDialect { ProviderDialect(name: provider) ?? .together }

    /// The client configuration: flags first, then the environment, then provider defaults.
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) -> ClientConfiguration {
        let dialect = self.dialect
        var key = apiKey ?? environment["TOGETHER_API_KEY"]
        var url = baseURL ?? environment["TOGETHER_BASE_URL"]
        switch dialect {
        case .openAI:
            key = apiKey ?? environment["OPENAI_API_KEY"] ?? key
            url = baseURL ?? "https://api.openai.com/v1"
        case .vllm: url = baseURL ?? "http://localhost:8000/v1"
        case .llamaCpp: url = baseURL ?? "http://localhost:8080/v1"
        case .ollama: url = baseURL ?? "http://localhost:11434/v1"
        default: break
        }
        var configuration = ClientConfiguration.fromEnvironment(
            apiKey: key.flatMap { $0.isEmpty ? nil : $0 }, baseURL: url, dialect: dialect, environment: [:]
        )
        if let timeout { configuration.transport.requestTimeout = .milliseconds(Int64(timeout * 1000)) }
        if let retries { configuration.retryPolicy.maxRetries = retries }
        return configuration
    }

    /// The one-line hint for a missing key, or `nil` when the configuration is usable.
    func missingKeyHint(_ configuration: ClientConfiguration) -> String? {
        guard configuration.requiresAPIKey, configuration.apiKey == nil else { return nil }
        let variable = dialect == .openAI ? "OPENAI_API_KEY" : "TOGETHER_API_KEY"
        return "forma: no API key; set \(variable) or pass --api-key"
    }
}
