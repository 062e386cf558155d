import FormaJSON
import FormaTestServer
import Foundation
import Testing

/// `forma chat` / `forma extract` connection flags: keys go only to their own provider,
/// local inputs are checked before credentials, closed choices are parser-checked enums.
@Suite("CLI client flags and provider keys")
struct ClientFlagsTests {
    /// A clean environment holding only Together's key (PATH kept for the child).
    static var togetherOnly: [String: String] {
        ["TOGETHER_API_KEY": "tk-together-secret-9876", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
    }

    @Test func versionPrintsTheLibraryVersion() throws {
        let outcome = try FormaProcess.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func openAIWithOnlyTheTogetherKeyIsAMissingOpenAIKey() throws {
        let outcome = try FormaProcess.run(["chat", "--provider", "openai", "hello"], environment: Self.togetherOnly)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("OPENAI_API_KEY"))
        #expect(outcome.standardError.contains("scripts/local-model start"))
        #expect(outcome.standardError.contains("--provider llamacpp"))
        #expect(!outcome.standardError.contains("tk-together-secret"))
    }

    @Test func aLocalServerNeverReceivesTheTogetherKey() throws {
        let server = try TestServer(script: [.json(TogetherFixtures.chatCompletion(content: "hi"))])
        defer { server.stop() }
        let outcome = try FormaProcess.run(
            ["chat", "--provider", "llamacpp", "--base-url", server.baseURL, "--model", "m", "hello"],
            environment: Self.togetherOnly)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "hi\n")
        let request = try #require(server.requests.first)
        #expect(request.headers["Authorization"] == nil)
        #expect(!String(decoding: request.body, as: UTF8.self).contains("tk-together"))
    }

    @Test func anExplicitKeyIsSentToTheLocalServer() throws {
        let server = try TestServer(script: [.json(TogetherFixtures.chatCompletion(content: "hi"))])
        defer { server.stop() }
        let outcome = try FormaProcess.run(
            ["chat", "--provider", "llamacpp", "--base-url", server.baseURL, "--model", "m", "--api-key", "local-key", "hello"],
            environment: Self.togetherOnly)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(server.requests.first?.headers["Authorization"] == "Bearer local-key")
    }

    @Test func aLocalServerWithoutAModelIsAClearUsageError() throws {
        let outcome = try FormaProcess.run(["chat", "--provider", "llamacpp", "hello"], environment: Self.togetherOnly)
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("no model"))
        #expect(outcome.standardError.contains("--model"))
    }

    @Test func extractReportsAnInvalidSchemaBeforeAMissingKey() throws {
        let directory = try TemporaryDirectory()
        let schema = try directory.write("bad.schema.json", #"{"type": "objekt"}"#)
        let input = try directory.write("in.jsonl", #"{"id":"a","text":"x"}"# + "\n")
        let outcome = try FormaProcess.run(
            ["extract", "--schema", schema, "--input", input], environment: ["PATH": Self.togetherOnly["PATH"] ?? ""])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("bad.schema.json"))
        #expect(!outcome.standardError.contains("API key"))
    }

    @Test func closedChoicesAreCheckedByTheParser() throws {
        let mode = try FormaProcess.run(["extract", "--schema", "s.json", "--mode", "json-schemaa"])
        #expect(mode.status == 2)
        #expect(mode.standardError.contains("json-schema"))
        let provider = try FormaProcess.run(["chat", "--provider", "openia", "x"])
        #expect(provider.status == 2)
        #expect(provider.standardError.contains("openai"))
        let effort = try FormaProcess.run(["chat", "--reasoning-effort", "extreme", "x"])
        #expect(effort.status == 2)
        let help = try FormaProcess.run(["extract", "--help"])
        #expect(help.standardOutput.contains("json-object"))
        #expect(help.standardOutput.contains("llamacpp"))
    }

    @Test func oneFlagPerSetting() throws {
        let help = try FormaProcess.run(["extract", "--help"])
        #expect(help.standardOutput.contains("--max-retries"))
        #expect(!help.standardOutput.contains("--retries "))
        #expect(!help.standardOutput.contains("same as"))
    }

    @Test func customProviderNeedsABaseURL() throws {
        let outcome = try FormaProcess.run(["chat", "--provider", "custom", "x"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("--base-url"))
    }
}
