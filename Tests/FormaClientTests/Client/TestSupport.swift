import FormaClient
import FormaJSON

/// A clock whose `sleep` returns at once and records the requested durations.
final class RecordingClock: Clock {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let state = Locked<(now: Duration, sleeps: [Duration])>((.zero, []))

    var now: Instant { Instant(offset: state.withLock { $0.now }) }
    var minimumResolution: Duration { .nanoseconds(1) }
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        state.withLock { s in
            s.sleeps.append(deadline.offset - s.now)
            s.now = max(s.now, deadline.offset)
        }
    }
}

enum Fixture {
    static let key = "tk-SECRET-1234567890abcdef"

    static func configuration(dialect: ProviderDialect = .together, retries: Int = 5) -> ClientConfiguration {
        ClientConfiguration(
            provider: Provider(speaking: dialect), apiKey: APIKey(key), baseURL: "https://api.example.test/v1/",
            retryPolicy: RetryPolicy(maxRetries: retries, jitter: 0)
        )
    }

    static func client(_ replies: [ScriptedTransport.Reply], dialect: ProviderDialect = .together, retries: Int = 5)
        throws -> (ChatClient, ScriptedTransport, RecordingClock)
    {
        let transport = ScriptedTransport(replies)
        let clock = RecordingClock()
        let client = try ChatClient(
            configuration: configuration(dialect: dialect, retries: retries), transport: transport, clock: clock,
            wallTime: { 1_445_412_480 }, random: { 0.5 }
        )
        return (client, transport, clock)
    }

    static let chatReply = #"""
        {"id":"oBUtQrM-62bZhn-9801a1ac2a5f9b29","object":"chat.completion","created":1758039001,
         "model":"meta-llama/Llama-3.3-70B-Instruct-Turbo","prompt":[],
         "choices":[{"index":0,"finish_reason":"tool_calls","logprobs":null,"seed":12390303563326160000,
           "message":{"role":"assistant","content":null,
             "tool_calls":[{"id":"call_8prwkicthj6bjfqa9ye64y2b","type":"function","index":0,
               "function":{"name":"get_weather","arguments":"{\"city\":\"Tokyo\"}"}}]}}],
         "usage":{"prompt_tokens":193,"completion_tokens":24,"total_tokens":217,"cached_tokens":0}}
        """#

    static func textReply(_ content: String, finish: String = "stop") -> String {
        #"{"id":"x","object":"chat.completion","model":"m","prompt":[],"choices":[{"index":0,"finish_reason":"\#(finish)","message":{"role":"assistant","content":"\#(content)","tool_calls":[]}}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}"#
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
