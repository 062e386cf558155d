import ArgumentParser
import FormaClient
import Foundation

/// The connection options every command that talks to a model server shares
/// (`forma chat`, `forma extract`). Every provider fact (base URL, key variable, default
/// model) comes from the ``Provider`` profile; this type only reads flags.
struct ClientOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The provider: its base URL, API-key variable, request dialect and default model.",
        discussion: "custom: any OpenAI-compatible server at --base-url (key only from --api-key)."))
    var provider: ProviderChoice = .together

    @Option(help: "The model id (default: $FORMA_MODEL, else the provider's default model).")
    var model: String?

    @Option(help: "The API base URL (default: the provider's variable, such as $TOGETHER_BASE_URL, else its usual URL).")
    var baseURL: String?

    @Option(help: "The API key (default: the provider's own variable: $TOGETHER_API_KEY, $OPENAI_API_KEY; local servers get none).")
    var apiKey: String?

    @Option(help: "Seconds allowed for the whole request (default 600).")
    var timeout: Double?

    @Option(help: "Transport retries per request after rate limits, server errors and connection failures (default 5).")
    var maxRetries: Int?

    @Option(help: ArgumentHelp(
        "A PEM file of CA certificates to trust instead of the system's (a private or corporate CA). Certificates are always verified.",
        valueName: "file"))
    var caBundle: String?

    func validate() throws {
        if let caBundle, !FileManager.default.isReadableFile(atPath: caBundle) {
            throw ValidationError("--ca-bundle \(caBundle): no such readable file")
        }
        if provider == .custom, baseURL == nil { throw ValidationError("--provider custom needs --base-url") }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be positive") }
        if let maxRetries, maxRetries < 0 { throw ValidationError("--max-retries must not be negative") }
    }

    /// The provider profile `--provider` names.
    var profile: Provider {
        provider.profile(baseURL: baseURL)
    }

    /// The client configuration: flags first, then the provider's own environment
    /// variables, then its defaults. A key is read only from the chosen provider's variable.
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) -> ClientConfiguration {
        var configuration = ClientConfiguration.fromEnvironment(
            profile, apiKey: apiKey, baseURL: baseURL, environment: environment)
        if let timeout { configuration.transport.requestTimeout = .milliseconds(Int64(timeout * 1000)) }
        if let maxRetries { configuration.retryPolicy.maxRetries = maxRetries }
        if let caBundle { configuration.transport.caBundlePath = caBundle }
        return configuration
    }

    /// The model: `--model`, else `$FORMA_MODEL`, else the provider's default.
    /// - Throws: ``CommandFailure`` when none is known (local servers have no default).
    func resolvedModel(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let model, !model.isEmpty { return model }
        if let variable = environment["FORMA_MODEL"], !variable.isEmpty { return variable }
        if let model = profile.defaultModel { return model }
        throw CommandFailure("no model: the \(profile.name) provider has no default model; pass --model NAME (or set FORMA_MODEL)")
    }

    /// The message for a missing key, with how to run without one; `nil` when the
    /// configuration is usable.
    func missingKeyHint(_ configuration: ClientConfiguration) -> String? {
        guard configuration.requiresAPIKey, configuration.apiKey == nil else { return nil }
        return configuration.missingKeyMessage
            + ". To run on the local model without a key: scripts/local-model start, then"
            + " --provider llamacpp --base-url http://127.0.0.1:8089/v1 --model gemma3-270m"
    }
}

/// The values `--provider` takes: the built-in profiles (read from ``Provider/all``, not
/// restated here), and `custom` for any other OpenAI-compatible server.
struct ProviderChoice: ExpressibleByArgument, Equatable, Sendable {
    /// The built-in profile, or `nil` for `custom`.
    let builtIn: Provider?

    static let together = ProviderChoice(builtIn: .together)
    static let custom = ProviderChoice(builtIn: nil)

    init(builtIn: Provider?) { self.builtIn = builtIn }

    init?(argument: String) {
        if argument.lowercased() == "custom" {
            self.init(builtIn: nil)
        } else if let provider = Provider(name: argument) {
            self.init(builtIn: provider)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { Provider.all.map(\.name) + ["custom"] }

    var defaultValueDescription: String { builtIn?.name ?? "custom" }

    /// The profile (for `custom`, an OpenAI-compatible server at `baseURL`).
    func profile(baseURL: String?) -> Provider {
        builtIn ?? .custom(baseURL: baseURL ?? "")
    }
}
