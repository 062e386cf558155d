import Forma
import FormaTestServer
import Foundation
import Testing

/// A type that declares neither `Codable` nor `Sendable`: `@Schema` adds both.
@Schema
struct BareNote: Equatable {
    /// The note.
    var text: String
    var stars: Int?
}

/// An enum without declared conformances.
@Schema
enum BareLevel: String, CaseIterable {
    case low, high
}

/// The pure reply check on its own: no client, no request, no network.
@Suite("ReplyChecker: checking replies without a client")
struct ReplyCheckerTests {
    @Test func validRepliesDecodeAndInvalidOnesAreLocated() throws {
        let checker = try ReplyChecker(target: .type(Contact.self))
        let good = checker.check(#"{"name": "Ada", "age": 36}"#)
        #expect(good.value == Contact(name: "Ada", email: nil, age: 36))
        #expect(good.problems.isEmpty)

        let bad = checker.check(#"{"name": "Ada", "age": 200}"#)
        #expect(bad.value == nil)
        #expect(bad.problems.first?.stage == .schema)
        #expect(bad.problems.first?.location?.description == "/age")
        #expect(bad.parsed?["age"] == 200)

        let error = try #require(throws: ExtractionError.self) { try checker.decode("not json") }
        #expect(error.kind == .invalid)
        #expect(error.problems.first?.stage == .parse)
        #expect(error.lastRaw == "not json")
    }

    @Test func reasoningIsStrippedFirst() throws {
        let checker = try ReplyChecker(target: .type(Contact.self))
        #expect(try checker.decode("<think>the name is Ada</think>{\"name\": \"Ada\"}").name == "Ada")
    }

    @Test func strictNullsArePrunedOnlyForProvidersThatNeedTheStrictShape() throws {
        // OpenAI's strict shape sends every optional member, as null: `email: null` breaks
        // the original schema's `format`-free string type until pruned.
        let reply = #"{"name": "Ada", "email": null, "age": null}"#
        #expect(try ReplyChecker(target: .type(Contact.self), provider: .openAI).decode(reply).name == "Ada")
        #expect(try ReplyChecker(target: .type(Contact.self), provider: .together).check(reply).value == nil)
    }

    @Test func lenientRepairFollowsTheMode() throws {
        let nearJSON = "{name: 'Ada',}"
        let objectMode = try ReplyChecker(target: .type(Contact.self), options: ExtractionOptions(mode: .jsonObject))
        let repaired = objectMode.check(nearJSON)
        #expect(repaired.value?.name == "Ada")
        #expect(!repaired.repairs.isEmpty)
        let schemaMode = try ReplyChecker(target: .type(Contact.self), options: ExtractionOptions(mode: .jsonSchema))
        #expect(schemaMode.check(nearJSON).value == nil)
    }

    @Test func schemaAddsCodableAndSendableWhenUndeclared() throws {
        func needsSendable<T: Sendable>(_: T.Type) -> Bool { true }
        #expect(needsSendable(BareNote.self) && needsSendable(BareLevel.self))
        let data = try JSONEncoder().encode(BareNote(text: "hi", stars: 4))
        #expect(try JSONDecoder().decode(BareNote.self, from: data) == BareNote(text: "hi", stars: 4))
        #expect(try ReplyChecker(target: .type(BareNote.self)).decode(#"{"text": "x"}"#) == BareNote(text: "x", stars: nil))
        #expect(try JSONDecoder().decode(BareLevel.self, from: Data(#""high""#.utf8)) == .high)
        #expect(BareNote.jsonSchema.value["required"] == ["text"])
    }

    @Test func usersCanBuildAnExtractionErrorForTheirOwnTests() {
        let error = ExtractionError(kind: .invalid, message: "stubbed", problems: [ExtractionProblem(stage: .schema, location: nil, message: "bad")])
        #expect(error.description.hasPrefix("extraction invalid: stubbed"))
        #expect(!error.isRetryable)
        switch error.kind {
        case .invalid: break
        default: Issue.record("expected invalid")
        }
    }

    @Test func theClientDefaultModelIsUsedWhenNoneIsNamed() async throws {
        let server = try TestServer(script: [reply(#"{"name": "Ada"}"#)])
        defer { server.stop() }
        let configuration = ClientConfiguration(provider: .llamaCpp, baseURL: server.baseURL)
        let client = try ChatClient(configuration: configuration, model: "local-gemma")
        let result = try await client.extract(Contact.self, from: "Ada")
        #expect(result.value.name == "Ada")
        #expect(server.requests.first?.json?["model"] == "local-gemma")

        let noModel = try ChatClient(configuration: configuration)
        let error = try await #require(throws: ExtractionError.self) { _ = try await noModel.extract(Contact.self, from: "Ada") }
        #expect(error.kind == .configuration)
        #expect(server.requests.count == 1)
    }

    @Test func classifyAndMatchingTakeNoRedundantArguments() async throws {
        let server = try TestServer(script: [reply("positive"), reply("AB-12")])
        defer { server.stop() }
        let client = try client(for: server)
        #expect(try await client.classify(Sentiment.self, from: "I love it").value == .positive)
        #expect(try await client.extract(matching: "[A-Z]{2}-[0-9]{2}", from: "code AB-12").value == "AB-12")
        #expect(server.requests.first?.json?["model"] == "meta-llama/Llama-3.3-70B-Instruct-Turbo")
    }
}
