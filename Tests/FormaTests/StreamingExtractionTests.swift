import Forma
import FormaTestServer
import Foundation
import Synchronization
import Testing

/// A person at a meeting, nested in ``StreamedMeeting``.
@Schema
struct StreamedAttendee: Codable, Equatable, Sendable {
    /// Name.
    var name: String
    /// Role, if said.
    var role: String?
}

/// A meeting, streamed.
@Schema
struct StreamedMeeting: Codable, Equatable, Sendable {
    /// Title.
    var title: String
    /// Who came.
    var attendees: [StreamedAttendee]
    /// Length in minutes.
    @Guide(.range(1...600))
    var minutes: Int?
}

/// Collects every event of a stream.
func events<T>(_ stream: ExtractionStream<T>) async throws -> [ExtractionStreamEvent<T>] {
    var out: [ExtractionStreamEvent<T>] = []
    for try await event in stream { out.append(event) }
    return out
}

extension ExtractionStreamEvent {
    var snapshot: PartialSnapshot<Value>? {
        if case .partial(let snapshot) = self { return snapshot }
        return nil
    }
    var completed: Extraction<Value>? {
        if case .completed(let result) = self { return result }
        return nil
    }
}

@Suite("Streaming extraction against the loopback server")
struct StreamingExtractionTests {
    let model = "test-model"

    @Test func partialSnapshotsArriveInOrderAndGrow() async throws {
        let pieces = [
            #"{"title": "Stand"#, #"-up", "attend"#, #"ees": [{"name": "Ada"}, {"na"#, #"me": "Gra"#, #"ce", "role": "chair"}"#,
            #"], "minutes": 15}"#,
        ]
        let server = try TestServer(script: [.sse(TogetherFixtures.chatChunks(contentPieces: pieces))])
        let all = try await events(client(for: server).extractStream(StreamedMeeting.self, from: "notes", model: model))
        let snapshots = all.compactMap(\.snapshot)
        #expect(all.last?.completed != nil)
        #expect(all.dropLast().allSatisfy { $0.snapshot != nil })
        // Strings grow in place: each title is a prefix of the next.
        let titles = snapshots.compactMap(\.value.title)
        #expect(titles.first == "Stand")
        #expect(titles.last == "Stand-up")
        #expect(zip(titles, titles.dropFirst()).allSatisfy { $1.hasPrefix($0) })
        // The array grows element by element; its last element fills in.
        let counts = snapshots.map { $0.value.attendees?.count ?? 0 }
        #expect(counts == counts.sorted())
        #expect(counts.last == 2)
        #expect(snapshots.contains { $0.value.attendees?.last?.name == "Gra" })
        #expect(snapshots.last?.value.minutes == 15)
        #expect(snapshots.last?.json == ["title": "Stand-up", "attendees": [["name": "Ada"], ["name": "Grace", "role": "chair"]], "minutes": 15])
        #expect(snapshots.allSatisfy { $0.attempt == 1 })
        let result = try #require(all.last?.completed)
        #expect(result.value == StreamedMeeting(title: "Stand-up", attendees: [.init(name: "Ada"), .init(name: "Grace", role: "chair")], minutes: 15))
        #expect(result.raw == pieces.joined())
        #expect(result.usage.totalTokens == 15)
        #expect(server.requests.first?.isStreaming == true)
    }

    @Test func reasoningAndFenceAroundTheStreamedJSONAreSkipped() async throws {
        let pieces = ["<thi", "nk>The name is {Ada}.</think>", "```json\n{\"name\": \"A", "da\"}\n```"]
        let server = try TestServer(script: [.sse(TogetherFixtures.chatChunks(contentPieces: pieces))])
        var options = ExtractionOptions()
        options.mode = .jsonObject
        let all = try await events(client(for: server).extractStream(Contact.self, from: "Ada", model: model, options: options))
        let names = all.compactMap { $0.snapshot?.value.name }
        #expect(names == ["A", "Ada"])
        #expect(all.last?.completed?.value == Contact(name: "Ada"))
        #expect(all.last?.completed?.reasoning == "The name is {Ada}.")
    }

    @Test func invalidStreamedReplyIsReaskedAsANewStream() async throws {
        let server = try TestServer(script: [
            .sse(TogetherFixtures.chatChunks(contentPieces: [#"{"name":"Ada","#, #""age":-3}"#])),
            .sse(TogetherFixtures.chatChunks(contentPieces: [#"{"name":"Ada","#, #""age":36}"#])),
        ])
        let all = try await events(client(for: server).extractStream(Contact.self, from: "Ada, 36", model: model))
        let attempts = all.compactMap { $0.snapshot?.attempt }
        #expect(attempts.first == 1)
        #expect(attempts.last == 2)
        #expect(attempts == attempts.sorted())
        #expect(all.compactMap { $0.snapshot }.contains { $0.attempt == 1 && $0.value.age == -3 })
        let result = try #require(all.last?.completed)
        #expect(result.value == Contact(name: "Ada", age: 36))
        #expect(result.attempts.map(\.outcome) == [.reasked, .succeeded])
        #expect(result.usage.totalTokens == 30)
        #expect(server.requests.count == 2)
        #expect(server.requests.allSatisfy { $0.isStreaming })
        let second = try #require(server.requests.last)
        #expect(lastFollowUp(second)?.contains("at /age: expected a number ≥ 0, got -3") == true)
    }

    @Test func invalidEveryTimeThrowsWithAllAttempts() async throws {
        let server = try TestServer(script: [], afterScript: .sse(TogetherFixtures.chatChunks(contentPieces: [#"{"age":"old"}"#])))
        var options = ExtractionOptions()
        options.maxReasks = 1
        let error = await #expect(throws: ExtractionError.self) {
            _ = try await client(for: server).extractStream(Contact.self, from: "x", model: model, options: options).result()
        }
        #expect(error?.kind == .invalid)
        #expect(error?.attempts.count == 2)
        #expect(error?.usage.totalTokens == 30)
    }

    @Test func toolsModeStreamsTheArguments() async throws {
        let chunks = TogetherFixtures.toolCallChunks(name: "Contact", argumentPieces: [#"{"name": "Gr"#, #"ace"}"#])
        let server = try TestServer(script: [.sse(chunks)])
        var options = ExtractionOptions()
        options.mode = .tools
        let all = try await events(client(for: server).extractStream(Contact.self, from: "Grace", model: model, options: options))
        #expect(all.compactMap { $0.snapshot?.value.name } == ["Gr", "Grace"])
        #expect(all.last?.completed?.value == Contact(name: "Grace"))
    }

    @Test func cancellationMidStreamClosesTheConnection() async throws {
        let pieces = [#"{"name": ""#] + (0..<40).map { "x\($0)" } + [#""}"#]
        let server = try TestServer(script: [.sse(TogetherFixtures.chatChunks(contentPieces: pieces), delayBetweenEvents: .milliseconds(300))])
        defer { server.stop() }
        let stream = try client(for: server).extractStream(Contact.self, from: "x", model: model)
        let first = AsyncStream<Void>.makeStream()
        let task = Task {
            var count = 0
            for try await event in stream {
                if event.snapshot != nil { count += 1 }
                first.continuation.yield()
            }
            return count
        }
        for await _ in first.stream { break }
        #expect(server.openConnectionCount == 1)
        task.cancel()
        _ = try? await task.value
        var waited = 0
        // Up to 10 s: the server notices at its next event write (every 300 ms), which a
        // sanitized build on a loaded machine can delay past a second or two.
        while server.openConnectionCount > 0, waited < 200 {
            try await Task.sleep(for: .milliseconds(50))
            waited += 1
        }
        #expect(server.openConnectionCount == 0)
        #expect(server.requests.count == 1)
    }
}
