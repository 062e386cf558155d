// Client overhead benchmark: N non-streaming chat requests at concurrency C through
// ChatClient + CurlTransport against a fast local server, then one long SSE stream.
// Prints one JSON line; run.sh runs the same work through openai-python and compares.
//
// usage: ClientBenchmark JSON_BASE_URL SSE_BASE_URL [REQUESTS] [CONCURRENCY]

import FormaClient
import Foundation

func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(Int32(truncatingIfNeeded: RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

@main
struct ClientBenchmark {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 3 else {
            FileHandle.standardError.write(Data("usage: ClientBenchmark JSON_BASE_URL SSE_BASE_URL [REQUESTS] [CONCURRENCY]\n".utf8))
            exit(2)
        }
        let requests = arguments.count > 3 ? Int(arguments[3]) ?? 5000 : 5000
        let concurrency = arguments.count > 4 ? Int(arguments[4]) ?? 64 : 64
        let request = ChatRequest(model: "bench", messages: [.user("Say hello")])

        let jsonClient = try makeClient(arguments[1], concurrency: concurrency)
        _ = try await jsonClient.complete(request)  // warm-up: opens a connection
        let cpu0 = cpuSeconds()
        let wall0 = ContinuousClock.now
        try await runRequests(jsonClient, request: request, count: requests, concurrency: concurrency)
        let wall = seconds(ContinuousClock.now - wall0)
        let cpu = cpuSeconds() - cpu0

        let streamClient = try makeClient(arguments[2], concurrency: 1)
        let streamCPU0 = cpuSeconds()
        let streamWall0 = ContinuousClock.now
        var chunks = 0
        for try await _ in try await streamClient.stream(request) { chunks += 1 }
        let streamWall = seconds(ContinuousClock.now - streamWall0)
        let streamCPU = cpuSeconds() - streamCPU0

        print(
            #"{"client":"forma","requests":\#(requests),"concurrency":\#(concurrency),"#
                + #""requests_per_second":\#(Double(requests) / wall),"cpu_seconds_per_request":\#(cpu / Double(requests)),"#
                + #""stream_chunks":\#(chunks),"stream_seconds":\#(streamWall),"stream_cpu_seconds":\#(streamCPU)}"#
        )
    }

    static func makeClient(_ baseURL: String, concurrency: Int) throws -> ChatClient {
        var configuration = ClientConfiguration(apiKey: "bench-key", baseURL: baseURL, retryPolicy: .none)
        configuration.transport.maxConnections = max(64, concurrency)
        return try ChatClient(configuration: configuration)
    }

    /// `count` requests, at most `concurrency` in flight.
    static func runRequests(_ client: ChatClient, request: ChatRequest, count: Int, concurrency: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var started = 0
            while started < min(concurrency, count) {
                group.addTask { _ = try await client.complete(request) }
                started += 1
            }
            while try await group.next() != nil {
                if started < count {
                    group.addTask { _ = try await client.complete(request) }
                    started += 1
                }
            }
        }
    }
}
