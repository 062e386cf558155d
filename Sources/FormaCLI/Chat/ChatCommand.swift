import ArgumentParser
import FormaClient
import FormaJSON
import Foundation
import Synchronization

/// `forma chat [PROMPT]`: sends one message (or stdin) and prints the reply's content.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Send a prompt to a chat model and print the reply.",
        discussion: """
            Reads the prompt from the argument, or from standard input when it is omitted. \
            The reply's content goes to standard output; reasoning (--show-reasoning) and \
            diagnostics (--verbose) go to standard error.

            \(ChatExitStatus.help)
            """
    )

    @OptionGroup var client: ClientOptions

    @Argument(help: "The prompt (default: standard input).")
    var prompt: String?

    @Option(help: "A system message.")
    var system: String?

    @Flag(help: "Ask for a JSON object (JSON mode).")
    var json = false

    @Option(name: .customLong("json-schema"), help: "Ask for JSON following the schema in this file.")
    var jsonSchema: String?

    @Option(help: "Ask for text matching this regular expression (Together, vLLM).")
    var regex: String?

    @Flag(help: "Print the reply as it streams.")
    var stream = false

    @Option(help: "The most tokens to generate.") var maxTokens: Int?
    @Option(help: "Sampling temperature.") var temperature: Double?
    @Option(help: "Nucleus sampling probability.") var topP: Double?
    @Option(help: "Top-k sampling.") var topK: Int?
    @Option(help: "A stop sequence (repeatable).") var stop: [String] = []
    @Option(help: "A sampling seed.") var seed: UInt64?
    @Option(help: "Reasoning effort for reasoning models.") var reasoningEffort: ReasoningEffortChoice?

    @Flag(help: "Print the model's reasoning to standard error.")
    var showReasoning = false

    @Flag(help: "Print usage, request id and timing to standard error.")
    var verbose = false

    func validate() throws {
        if [json, jsonSchema != nil, regex != nil].filter({ $0 }).count > 1 {
            throw ValidationError("use at most one of --json, --json-schema and --regex")
        }
    }

    func run() async throws {
        // Local inputs first: a bad schema file is reported before a missing key.
        let request: ChatRequest
        do {
            request = try makeRequest()
        } catch let failure as CommandFailure {
            ChatOutput.error("forma: \(failure.message)")
            throw ExitCode(2)
        }
        let configuration = client.configuration()
        if let hint = client.missingKeyHint(configuration) {
            ChatOutput.error("forma: \(hint)")
            throw ExitCode(2)
        }
        let session = ChatSession(
            configuration: configuration, request: request, stream: stream, showReasoning: showReasoning, verbose: verbose
        )
        let status = await session.run()
        if status != .success { throw status }
    }

    private func makeRequest() throws -> ChatRequest {
        var text = prompt
        if text == nil {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            text = String(decoding: data, as: UTF8.self)
        }
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("no prompt: pass one as an argument or on standard input")
        }
        var messages: [ChatMessage] = []
        if let system { messages.append(.system(system)) }
        messages.append(.user(text))
        var request = ChatRequest(model: try client.resolvedModel(), messages: messages)
        request.options = SamplingOptions(maxTokens: maxTokens, stop: stop, temperature: temperature, topP: topP, topK: topK, seed: seed)
        request.reasoningEffort = reasoningEffort?.rawValue
        if json { request.responseFormat = .jsonObject() }
        if let regex { request.responseFormat = .regex(regex) }
        if let path = jsonSchema { request.responseFormat = try Self.schemaFormat(path) }
        return request
    }

    /// `.jsonSchema` from a file; the schema's name is the file name without extension.
    static func schemaFormat(_ path: String) throws -> ResponseFormat {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("\(path): cannot read the schema file")
        }
        let schema: JSONValue
        do {
            schema = try JSONParser.parse(Array(data))
        } catch {
            throw CommandFailure("\(path): not valid JSON: \(error)")
        }
        let base = (path as NSString).lastPathComponent.split(separator: ".").first.map(String.init) ?? "output"
        let name = String(base.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
        return .jsonSchema(name: name.isEmpty ? "output" : name, schema: schema, strict: true)
    }
}
