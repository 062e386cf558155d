import Forma
import FormaTestServer
import Foundation
import Testing

@Suite("Extractor against the loopback server")
struct ExtractorTests {
    let model = "test-model"

    @Test func validReplyAtOnce() async throws {
        let server = try TestServer(script: [reply(#"{"name":"Ada Lovelace","email":"ada@example.com","age":36}"#)])
        let result = try await client(for: server).extract(Contact.self, from: "Ada, ada@example.com, 36", model: model)
        #expect(result.value == Contact(name: "Ada Lovelace", email: "ada@example.com", age: 36))
        #expect(result.attempts.count == 1)
        #expect(result.attempts[0].outcome == .succeeded)
        #expect(result.usage.totalTokens == 15)
        let body = try #require(server.requests.first?.json)
        #expect(body["response_format"]?["type"] == "json_schema")
        #expect(body["response_format"]?["json_schema"]?["name"] == "Contact")
        #expect(body["response_format"]?["json_schema"]?["schema"]?["properties"]?["name"] != nil)
        #expect(body["messages"]?[0]?["role"] == "system")
    }

    @Test func invalidThenValidReasksWithLocatedError() async throws {
        let server = try TestServer(script: [
            reply(#"{"name":"Ada","age":-3}"#),
            reply(#"{"name":"Ada","age":36}"#),
        ])
        let result = try await client(for: server).extract(Contact.self, from: "Ada, 36", model: model)
        #expect(result.value.age == 36)
        #expect(result.attempts.map(\.outcome) == [.reasked, .succeeded])
        #expect(result.attempts[0].problems.map(\.description) == ["at /age: expected a number ≥ 0, got -3"])
        #expect(result.reasks == 1)
        #expect(result.usage.totalTokens == 30)
        let second = try #require(server.requests.last)
        let messages = try #require(second.json?["messages"]?.array)
        #expect(messages[messages.count - 2]["role"] == "assistant")
        #expect(messages[messages.count - 2]["content"] == #"{"name":"Ada","age":-3}"#)
        #expect(lastFollowUp(second)?.contains("at /age: expected a number ≥ 0, got -3") == true)
    }

    @Test func invalidEveryTimeCarriesAllAttemptsAndUsage() async throws {
        let server = try TestServer(script: [], afterScript: reply(#"{"age":"old"}"#, prompt: 7, completion: 3))
        do {
            _ = try await client(for: server).extract(Contact.self, from: "x", model: model)
            Issue.record("extraction succeeded")
        } catch let error as ExtractionError {
            #expect(error.kind == .invalid)
            #expect(error.attempts.count == 3)
            #expect(error.attempts.map(\.outcome) == [.reasked, .reasked, .failed])
            #expect(error.usage.totalTokens == 30)
            #expect(error.lastRaw == #"{"age":"old"}"#)
            #expect(error.lastParsed == ["age": "old"])
            let messages = Set(error.problems.map(\.description))
            #expect(messages.contains(#"at root: missing required property "name""#))
            #expect(messages.contains(#"at /age: expected integer, got "old""#))
        }
        #expect(server.requests.count == 3)
    }

    @Test func truncatedReplyRetriesWithDoubledMaxTokens() async throws {
        let server = try TestServer(script: [
            reply(#"{"name":"Ad"#, finishReason: "length"),
            reply(#"{"name":"Ada"}"#),
        ])
        var options = ExtractionOptions()
        options.sampling.maxTokens = 100
        let result = try await client(for: server).extract(Contact.self, from: "Ada", model: model, options: options)
        #expect(result.value.name == "Ada")
        #expect(result.attempts.map(\.outcome) == [.truncated, .succeeded])
        #expect(server.requests.map { $0.json?["max_tokens"] } == [100, 200])
    }

    @Test func truncationBudgetSpentIsATruncatedError() async throws {
        let server = try TestServer(script: [], afterScript: reply(#"{"name":"A"#, finishReason: "length"))
        var options = ExtractionOptions()
        options.sampling.maxTokens = 50
        await #expect(throws: ExtractionError.self) {
            do {
                _ = try await client(for: server).extract(Contact.self, from: "x", model: model, options: options)
            } catch let error as ExtractionError {
                #expect(error.kind == .truncated)
                #expect(error.attempts.count == 2)
                throw error
            }
        }
    }

    @Test func reasoningPrefixIsStripped() async throws {
        let server = try TestServer(script: [reply("<think>The name is Ada.</think>\n{\"name\":\"Ada\"}")])
        let result = try await client(for: server).extract(Contact.self, from: "Ada", model: model)
        #expect(result.value.name == "Ada")
        #expect(result.reasoning == "The name is Ada.")
    }

    @Test func fencedJSONInJSONObjectMode() async throws {
        let server = try TestServer(script: [reply("Here it is:\n```json\n{\"name\": \"Ada\", \"age\": 36,}\n```")])
        let options = ExtractionOptions(mode: .jsonObject)
        let result = try await client(for: server).extract(Contact.self, from: "Ada", model: model, options: options)
        #expect(result.value == Contact(name: "Ada", email: nil, age: 36))
        #expect(result.attempts[0].repairs == .trailingCommas)
        let body = try #require(server.requests.first?.json)
        #expect(body["response_format"]?["type"] == "json_object")
        #expect(body["messages"]?[0]?["content"]?.string?.contains("JSON Schema") == true)
    }

    @Test func strictModesDoNotRepair() async throws {
        let server = try TestServer(script: [reply(#"{"name": "Ada",}"#), reply(#"{"name": "Ada"}"#)])
        let result = try await client(for: server).extract(Contact.self, from: "Ada", model: model)
        #expect(result.attempts.count == 2)
        #expect(result.attempts[0].problems.first?.stage == .parse)
    }

    @Test func toolsModeParsesArguments() async throws {
        let server = try TestServer(script: [
            .json(TogetherFixtures.chatCompletionToolCall(name: "Contact", arguments: #"{"name":"Ada","age":36}"#)),
        ])
        let options = ExtractionOptions(mode: .tools)
        let result = try await client(for: server).extract(Contact.self, from: "Ada", model: model, options: options)
        #expect(result.value == Contact(name: "Ada", email: nil, age: 36))
        let body = try #require(server.requests.first?.json)
        #expect(body["tools"]?[0]?["function"]?["name"] == "Contact")
        #expect(body["tool_choice"]?["function"]?["name"] == "Contact")
        #expect(body["response_format"] == nil)
    }

    @Test func regexModeMatchesWholeReply() async throws {
        let server = try TestServer(script: [reply("maybe positive"), reply("positive\n")])
        let result = try await client(for: server).classify(Sentiment.self, from: "I love it", model: model)
        #expect(result.value == .positive)
        #expect(result.attempts.count == 2)
        let body = try #require(server.requests.first?.json)
        #expect(body["response_format"] == ["type": "regex", "pattern": "(positive|neutral|negative)"])
    }

    @Test func runtimeSchemaReturnsJSON() async throws {
        let server = try TestServer(script: [reply(#"{"total": 12.5}"#)])
        let schema = try JSONSchema(parsing: #"{"type":"object","properties":{"total":{"type":"number","minimum":0}},"required":["total"]}"#)
        let result = try await client(for: server).extract(schema: schema, from: "total 12.50", model: model)
        #expect(result.value == ["total": 12.5])
    }

    @Test func userValidatorsTriggerReasks() async throws {
        struct AdultsOnly: Error, CustomStringConvertible { var description: String { "the contact must be an adult" } }
        let server = try TestServer(script: [reply(#"{"name":"Tim","age":9}"#), reply(#"{"name":"Tim","age":19}"#)])
        let result = try await client(for: server).extract(
            Contact.self, from: "Tim", model: model,
            validators: [{ contact in if (contact.age ?? 0) < 18 { throw AdultsOnly() } }])
        #expect(result.value.age == 19)
        #expect(result.attempts[0].problems.map(\.description) == ["the contact must be an adult"])
        #expect(lastFollowUp(try #require(server.requests.last))?.contains("the contact must be an adult") == true)
    }

    @Test func tokenBudgetStopsTheLoop() async throws {
        let server = try TestServer(script: [], afterScript: reply(#"{}"#, prompt: 60, completion: 60))
        let options = ExtractionOptions(tokenBudget: 200)
        do {
            _ = try await client(for: server).extract(Contact.self, from: "x", model: model, options: options)
            Issue.record("extraction succeeded")
        } catch let error as ExtractionError {
            #expect(error.kind == .tokenBudgetExceeded)
            #expect(error.usage.totalTokens == 240)
            #expect(error.attempts.count == 2)
        }
    }

    @Test func strictProviderNullsArePrunedBeforeValidation() async throws {
        let server = try TestServer(script: [reply(#"{"name":"Ada","email":null,"age":null}"#)])
        let result = try await client(for: server, dialect: .openAI).extract(Contact.self, from: "Ada", model: model)
        #expect(result.value == Contact(name: "Ada", email: nil, age: nil))
        let schema = try #require(server.requests.first?.json?["response_format"]?["json_schema"])
        #expect(schema["strict"] == true)
        #expect(schema["schema"]?["required"] == ["name", "email", "age"])
    }

    @Test func apiErrorsEndTheExtraction() async throws {
        let server = try TestServer(script: [.apiError(401, message: "Invalid API key sk-test-secret-0000", type: "invalid_request_error", errorCode: "invalid_api_key")])
        do {
            _ = try await client(for: server).extract(Contact.self, from: "x", model: model)
            Issue.record("extraction succeeded")
        } catch let error as ExtractionError {
            #expect(error.kind == .api)
            #expect(error.apiError?.kind == .authentication)
            #expect(!String(describing: error).contains("sk-test-secret-0000"))
        }
    }

    @Test func observerSeesTheLifecycle() async throws {
        final class Events: @unchecked Sendable {  // appended from the extracting task only
            var names: [String] = []
        }
        let events = Events()
        let observer = ClosureExtractionObserver { event in
            switch event {
            case .requestSent: events.names.append("request")
            case .replyReceived: events.names.append("reply")
            case .validationFailed: events.names.append("invalid")
            case .reask: events.names.append("reask")
            case .truncationRetry: events.names.append("truncation")
            case .completed(_, _, let ok): events.names.append(ok ? "done" : "failed")
            }
        }
        let server = try TestServer(script: [reply(#"{}"#), reply(#"{"name":"Ada"}"#)])
        _ = try await client(for: server).extract(Contact.self, from: "x", model: model, options: ExtractionOptions(observer: observer))
        #expect(events.names == ["request", "reply", "invalid", "reask", "request", "reply", "done"])
    }
}

/// A type whose schema keys are snake_case.
@Schema(keys: .snakeCase)
struct SnakeContact: Codable, Equatable, Sendable {
    var fullName: String
    var jobTitle: String?
}

@Suite("Extraction of snake_case types")
struct SnakeCaseExtractionTests {
    @Test func snakeCaseKeysDecode() async throws {
        let server = try TestServer(script: [reply(#"{"full_name":"Ada Lovelace","job_title":"Analyst"}"#)])
        let result = try await client(for: server).extract(SnakeContact.self, from: "Ada", model: "m")
        #expect(result.value == SnakeContact(fullName: "Ada Lovelace", jobTitle: "Analyst"))
    }
}
