import ArgumentParser

/// The values `--reasoning-effort` takes (the `reasoning_effort` request field of
/// reasoning models on Together and OpenAI).
enum ReasoningEffortChoice: String, CaseIterable, ExpressibleByArgument, Sendable {
    case low, medium, high
}
