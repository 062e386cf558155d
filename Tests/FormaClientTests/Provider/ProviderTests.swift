import FormaClient
import FormaJSON
import FormaSchema
import Testing

/// Each provider profile builds its own request: its host, its own key variable (and no
/// other provider's), and its dialect's body.
@Suite("Provider profiles")
struct ProviderTests {
    /// Only Together's key is in the environment, as on a machine set up for Together.
    static let togetherOnly = ["TOGETHER_API_KEY": "tk-together-secret-1234"]

    /// The request `provider` builds for a JSON-schema chat, from `environment`.
    static func request(_ provider: Provider, environment: [String: String], baseURL: String? = nil) async throws -> HTTPRequest {
        let configuration = ClientConfiguration.fromEnvironment(provider, baseURL: baseURL, environment: environment)
        let transport = ScriptedTransport([.json(#"{"choices":[{"index":0,"message":{"role":"assistant","content":"{}"}}]}"#)])
        let client = try ChatClient(configuration: configuration, transport: transport)
        var request = ChatRequest(model: client.defaultModel ?? "local-model", messages: [.user("x")])
        request.responseFormat = .jsonSchema(name: "out", schema: ["type": "object"], strict: true)
        _ = try await client.complete(request)
        return try #require(transport.requests.first)
    }

    static func body(_ request: HTTPRequest) throws -> JSONValue {
        try JSONParser.parse(request.body ?? [])
    }

    @Test func togetherSendsItsKeyToItsHost() async throws {
        let request = try await Self.request(.together, environment: Self.togetherOnly)
        #expect(request.url == "https://api.together.xyz/v1/chat/completions")
        #expect(request.headers["Authorization"] == "Bearer tk-together-secret-1234")
        let body = try Self.body(request)
        #expect(body["model"] == "meta-llama/Llama-3.3-70B-Instruct-Turbo")
        #expect(body["response_format"]?["type"] == "json_schema")
    }

    @Test func openAIReadsOnlyItsOwnKeyAndHost() async throws {
        // With only Together's key set, OpenAI has no key: the Together key is never sent there.
        let configuration = ClientConfiguration.fromEnvironment(.openAI, environment: Self.togetherOnly)
        #expect(configuration.apiKey == nil)
        #expect(configuration.baseURL == "https://api.openai.com/v1")
        let transport = ScriptedTransport([])
        let client = try ChatClient(configuration: configuration, transport: transport)
        let error = try await #require(throws: APIError.self) {
            _ = try await client.complete(ChatRequest(model: "gpt-4o-mini", messages: [.user("x")]))
        }
        #expect(error.kind == .configuration)
        #expect(error.message.contains("OPENAI_API_KEY"))
        #expect(!error.message.contains("TOGETHER"))
        #expect(transport.requests.isEmpty)

        var environment = Self.togetherOnly
        environment["OPENAI_API_KEY"] = "sk-openai-secret-5678"
        let request = try await Self.request(.openAI, environment: environment)
        #expect(request.url == "https://api.openai.com/v1/chat/completions")
        #expect(request.headers["Authorization"] == "Bearer sk-openai-secret-5678")
        #expect(try Self.body(request)["model"] == "gpt-4o-mini")
    }

    @Test func openAIBaseURLVariableIsHonoured() {
        let configuration = ClientConfiguration.fromEnvironment(.openAI, environment: ["OPENAI_BASE_URL": "https://proxy.example/v1/"])
        #expect(configuration.baseURL == "https://proxy.example/v1")
        // Together's variable does not move OpenAI.
        let other = ClientConfiguration.fromEnvironment(.openAI, environment: ["TOGETHER_BASE_URL": "https://x.example/v1"])
        #expect(other.baseURL == "https://api.openai.com/v1")
    }

    @Test(arguments: [Provider.vllm, .llamaCpp, .ollama])
    func localServersGetNoKeyUnlessGivenOne(_ provider: Provider) async throws {
        let request = try await Self.request(provider, environment: Self.togetherOnly)
        #expect(request.headers["Authorization"] == nil)
        #expect(request.url == provider.baseURL + "/chat/completions")
        #expect(request.url.hasPrefix("http://localhost:"))

        let explicit = ClientConfiguration.fromEnvironment(provider, apiKey: "local-key", environment: Self.togetherOnly)
        let transport = ScriptedTransport([.json(#"{"choices":[]}"#)])
        _ = try await ChatClient(configuration: explicit, transport: transport).complete(ChatRequest(model: "m", messages: [.user("x")]))
        #expect(transport.requests.first?.headers["Authorization"] == "Bearer local-key")
    }

    @Test func eachLocalDialectSpellsJSONSchemaItsOwnWay() async throws {
        let llama = try Self.body(await Self.request(.llamaCpp, environment: [:]))
        #expect(llama["json_schema"] == ["type": "object"])
        #expect(llama["response_format"] == nil)
        let vllm = try Self.body(await Self.request(.vllm, environment: [:]))
        #expect(vllm["response_format"]?["json_schema"]?["name"] == "out")
        let ollama = try Self.body(await Self.request(.ollama, environment: [:]))
        #expect(ollama["response_format"]?["type"] == "json_schema")
    }

    @Test func customProviderUsesItsBaseURLAndNamedVariable() async throws {
        let provider = Provider.custom(name: "internal", baseURL: "https://llm.internal/v1/", apiKeyVariable: "LLM_KEY", requiresAPIKey: true)
        let request = try await Self.request(provider, environment: ["LLM_KEY": "internal-secret", "TOGETHER_API_KEY": "tk-x"])
        #expect(request.url == "https://llm.internal/v1/chat/completions")
        #expect(request.headers["Authorization"] == "Bearer internal-secret")

        let missing = ClientConfiguration.fromEnvironment(provider, environment: Self.togetherOnly)
        #expect(missing.apiKey == nil)
        #expect(missing.missingKeyMessage.contains("LLM_KEY"))
    }

    @Test func profilesNameTheirBackendsAndBatchAPIs() {
        #expect(Provider.together.schemaBackend == .together)
        #expect(Provider.openAI.schemaBackend == .openAIStrict)
        #expect(Provider.openAI.needsStrictSchema)
        #expect(!Provider.together.needsStrictSchema)
        #expect(Provider.llamaCpp.schemaBackend == .llamaCpp)
        #expect(Provider.together.batch?.filePurpose == "batch-api")
        #expect(Provider.openAI.batch?.filePurpose == "batch")
        #expect(Provider.vllm.batch == nil)
        #expect(Provider.together.supportsRegex && Provider.vllm.supportsRegex)
        #expect(!Provider.openAI.supportsRegex && !Provider.llamaCpp.supportsRegex)
        #expect(Provider(name: "llama.cpp") == .llamaCpp)
        #expect(Provider(name: "OpenAI") == .openAI)
        #expect(Provider(name: "nope") == nil)
        #expect(Provider.all.map(\.name) == ["together", "openai", "vllm", "llamacpp", "ollama"])
    }

    @Test func clientDefaultModelComesFromTheClientThenTheProvider() throws {
        let together = try ChatClient(configuration: .fromEnvironment(environment: [:]), transport: ScriptedTransport([]))
        #expect(together.defaultModel == "meta-llama/Llama-3.3-70B-Instruct-Turbo")
        let chosen = try ChatClient(configuration: .fromEnvironment(environment: [:]), model: "m-1", transport: ScriptedTransport([]))
        #expect(chosen.defaultModel == "m-1")
        let local = try ChatClient(configuration: ClientConfiguration(provider: .llamaCpp), transport: ScriptedTransport([]))
        #expect(local.defaultModel == nil)
    }

    @Test func descriptionsNeverShowTheKey() {
        let configuration = ClientConfiguration.fromEnvironment(.together, environment: Self.togetherOnly)
        #expect(!configuration.description.contains("tk-together-secret"))
        #expect(configuration.description.contains("together"))
    }
}
