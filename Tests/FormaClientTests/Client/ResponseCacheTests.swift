import FormaClient
import FormaJSON
import FormaTestServer
import Foundation
import Testing

@Suite("Response cache against the loopback server")
struct ResponseCacheTests {
    /// A fresh cache directory, removed afterwards by the caller.
    static func directory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("forma-cache-\(UUID().uuidString)").path
    }

    static func client(_ server: TestServer, key: String = "tk-SECRET-cache-0001") throws -> ChatClient {
        try ChatClient(configuration: ClientConfiguration(
            provider: .together, apiKey: APIKey(key), baseURL: server.baseURL,
            retryPolicy: RetryPolicy(maxRetries: 0)))
    }

    static func request(_ text: String, temperature: Double? = nil) -> ChatRequest {
        var request = ChatRequest(model: "m", messages: [.user(text)])
        request.options.temperature = temperature
        return request
    }

    /// Every file under `directory`, with its contents.
    static func files(in directory: String) throws -> [(path: String, text: String)] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var out: [(String, String)] = []
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = "\(directory)/\(name)"
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append((name, String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)))
            }
        }
        return out
    }

    @Test func identicalRequestIsAnsweredWithoutTheNetwork() async throws {
        let server = try TestServer(script: [.json(TogetherFixtures.chatCompletion(content: "first"))])
        let folder = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = try ResponseCache(directory: folder)
        let client = try Self.client(server)
        let first = try await client.complete(Self.request("hello"), cache: cache)
        #expect(first.content == "first")
        #expect(first.metadata.cached == false)
        let second = try await client.complete(Self.request("hello"), cache: cache)
        #expect(second.content == "first")
        #expect(second.metadata.cached == true)
        #expect(second.metadata.attempts == 0)
        #expect(server.requests.count == 1)
        // The entry is named by a digest and holds neither the key nor the request.
        let files = try Self.files(in: folder)
        #expect(files.count == 1)
        let name = try #require(files.first?.path)
        #expect(name.wholeMatch(of: /[0-9a-f]{2}\/[0-9a-f]{64}\.json/) != nil)
        #expect(files.allSatisfy { !$0.text.contains("SECRET") && !$0.text.contains("hello") })
    }

    @Test func anyByteOfDifferenceIsAMiss() async throws {
        let server = try TestServer(script: (1...4).map { .json(TogetherFixtures.chatCompletion(content: "reply \($0)")) })
        let folder = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = try ResponseCache(directory: folder)
        let client = try Self.client(server)
        _ = try await client.complete(Self.request("hello"), cache: cache)
        let other = try await client.complete(Self.request("hellp"), cache: cache)
        let warmer = try await client.complete(Self.request("hello", temperature: 0.5), cache: cache)
        var otherModel = Self.request("hello")
        otherModel.model = "m2"
        let model = try await client.complete(otherModel, cache: cache)
        #expect([other.content, warmer.content, model.content] == ["reply 2", "reply 3", "reply 4"])
        #expect([other, warmer, model].allSatisfy { !$0.metadata.cached })
        #expect(server.requests.count == 4)
        // The same request to another base URL is a miss too.
        #expect(ResponseCache.key(baseURL: "http://a/v1", path: "chat/completions", body: [1])
                != ResponseCache.key(baseURL: "http://b/v1", path: "chat/completions", body: [1]))
        // The key does not depend on the API key.
        let otherKey = try Self.client(server, key: "tk-other")
        let hit = try await otherKey.complete(Self.request("hello"), cache: cache)
        #expect(hit.metadata.cached)
    }

    @Test func errorsAreNeverCached() async throws {
        let server = try TestServer(script: [
            .apiError(500, message: "boom", type: "server_error"),
            .apiError(400, message: "bad", type: "invalid_request_error"),
            .json(TogetherFixtures.chatCompletion(content: "ok")),
        ])
        let folder = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = try ResponseCache(directory: folder)
        let client = try Self.client(server)
        await #expect(throws: APIError.self) { try await client.complete(Self.request("x"), cache: cache) }
        await #expect(throws: APIError.self) { try await client.complete(Self.request("x"), cache: cache) }
        #expect(try Self.files(in: folder).isEmpty)
        let reply = try await client.complete(Self.request("x"), cache: cache)
        #expect(reply.content == "ok" && !reply.metadata.cached)
        #expect(server.requests.count == 3)
    }

    @Test func entriesExpireAfterTheirTimeToLive() async throws {
        let server = try TestServer(script: [
            .json(TogetherFixtures.chatCompletion(content: "old")), .json(TogetherFixtures.chatCompletion(content: "new")),
        ])
        let folder = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let now = FakeTime(1_000)
        let cache = try ResponseCache(directory: folder, timeToLive: .seconds(60), now: { now.value })
        let client = try Self.client(server)
        _ = try await client.complete(Self.request("x"), cache: cache)
        now.value = 1_059
        #expect(try await client.complete(Self.request("x"), cache: cache).metadata.cached)
        now.value = 1_061
        let fresh = try await client.complete(Self.request("x"), cache: cache)
        #expect(fresh.content == "new" && !fresh.metadata.cached)
        // The refreshed entry answers again.
        #expect(try await client.complete(Self.request("x"), cache: cache).content == "new")
        #expect(server.requests.count == 2)
    }

    @Test(arguments: ["", "forma-response-cache 1 12\n{\"choices\":[", "not a cache entry\n{}", "forma-response-cache 1 x\n{}"])
    func corruptEntryIsIgnoredAndReplaced(contents: String) async throws {
        let server = try TestServer(script: [
            .json(TogetherFixtures.chatCompletion(content: "one")), .json(TogetherFixtures.chatCompletion(content: "two")),
        ])
        let folder = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = try ResponseCache(directory: folder)
        let client = try Self.client(server)
        _ = try await client.complete(Self.request("x"), cache: cache)
        let entry = try #require(try Self.files(in: folder).first?.path)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(entry)"))
        let reply = try await client.complete(Self.request("x"), cache: cache)
        #expect(reply.content == "two" && !reply.metadata.cached)
        let again = try await client.complete(Self.request("x"), cache: cache)
        #expect(again.content == "two" && again.metadata.cached)
        #expect(server.requests.count == 2)
    }

    @Test func concurrentWritersLeaveWholeEntries() async throws {
        // Many clients race to store and read the same few entries; every read is whole.
        let server = try TestServer { request in
            let text = request.json?["messages"]?[0]?["content"]?.string ?? "?"
            return .json(TogetherFixtures.chatCompletion(content: String(repeating: text, count: 2_000)))
        }
        let folder = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = try ResponseCache(directory: folder)
        let client = try Self.client(server)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let text = "w\(index % 4)"
                    let reply = try await client.complete(Self.request(text), cache: cache)
                    #expect(reply.content == String(repeating: text, count: 2_000))
                }
            }
            try await group.waitForAll()
        }
        let files = try Self.files(in: folder)
        #expect(files.count == 4)
        for index in 0..<4 {
            let reply = try await client.complete(Self.request("w\(index)"), cache: cache)
            #expect(reply.metadata.cached && reply.content == String(repeating: "w\(index)", count: 2_000))
        }
    }

    @Test func unwritableDirectoryIsAConfigurationError() throws {
        #expect(throws: APIError.self) { try ResponseCache(directory: "/proc/forma-cannot-create") }
    }
}

/// A settable Unix time.
final class FakeTime: Sendable {
    private let state: Locked<Double>
    init(_ value: Double) { state = Locked(value) }
    var value: Double {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}
