import Forma
import Foundation
import Testing

/// A small type a local model can fill.
@Schema
struct CityFact: Codable, Equatable, Sendable {
    /// The city's name.
    var city: String
    /// The country it is in.
    var country: String
    /// Population in millions, roughly.
    @Guide(.minimum(0))
    var populationMillions: Double
}

/// The same fact with the city grounded in the text.
@Schema
struct GroundedCityFact: Codable, Equatable, Sendable {
    /// The city's name, as written in the text.
    @Guide(.grounded(.normalized))
    var city: String
    /// The country it is in.
    var country: String
}

/// The llama.cpp server's OpenAI-compatible base URL (`http://127.0.0.1:8089/v1`), or `nil`.
let llamaServerURL = ProcessInfo.processInfo.environment["FORMA_LLAMA_SERVER_URL"].flatMap { $0.isEmpty ? nil : $0 }

// Runs only against a real llama.cpp server: set FORMA_LLAMA_SERVER_URL to its /v1 base URL.
// Without it the suite is reported as skipped.
@Suite(
    "End to end against a llama.cpp server",
    .enabled(if: llamaServerURL != nil, "set FORMA_LLAMA_SERVER_URL to a llama.cpp server's /v1 URL"),
    .serialized
)
struct EndToEndLlamaTests {
    let text = "Lyon is a city in France with about 0.5 million inhabitants in the city proper."

    func client() throws -> ChatClient {
        let configuration = ClientConfiguration(
            provider: .llamaCpp, baseURL: llamaServerURL ?? "http://127.0.0.1:8089/v1",
            retryPolicy: RetryPolicy(maxRetries: 1))
        return try ChatClient(configuration: configuration)
    }

    var options: ExtractionOptions {
        var options = ExtractionOptions()
        options.sampling.temperature = 0
        options.sampling.maxTokens = 512
        return options
    }

    @Test(.timeLimit(.minutes(5))) func extractsASmallSchemaType() async throws {
        let result = try await client().extract(CityFact.self, from: text, model: "gemma", options: options)
        #expect(result.value.city.lowercased().contains("lyon"))
        #expect(result.value.country.lowercased().contains("france"))
        #expect(result.value.populationMillions >= 0)
        #expect(result.usage.totalTokens > 0)
    }

    @Test(.timeLimit(.minutes(5))) func groundedFieldsAndConfidenceFromRealLogprobs() async throws {
        var options = options
        options.confidence = true
        do {
            let result = try await client().extract(GroundedCityFact.self, from: text, model: "gemma", options: options)
            // A grounded value that passed occurs in the text, at its span.
            let span = try #require(result.spans[try JSONPointer(parsing: "/city")])
            let scalars = Array(text.unicodeScalars)[span]
            #expect(GroundingText.normalizedForm(String(String.UnicodeScalarView(scalars))) == GroundingText.normalizedForm(result.value.city))
            // llama.cpp sends logprobs with bytes: every leaf is scored, as a probability.
            let confidence = try #require(result.confidence)
            #expect(Set(confidence.keys.map(\.description)) == ["/city", "/country"])
            #expect(confidence.values.allSatisfy { $0 > 0 && $0 <= 1 })
        } catch let error as ExtractionError {
            // The tiny model may keep inventing: then the failure must be a grounding one.
            #expect(error.problems.contains { $0.stage == .grounding }, "\(error)")
        }
    }

    @Test(.timeLimit(.minutes(5))) func streamsASmallSchemaType() async throws {
        var snapshots = 0
        var final: CityFact?
        for try await event in try client().extractStream(CityFact.self, from: text, model: "gemma", options: options) {
            switch event {
            case .partial: snapshots += 1
            case .completed(let result): final = result.value
            }
        }
        #expect(snapshots > 1)
        #expect(final?.city.lowercased().contains("lyon") == true)
    }
}
