import ArgumentParser
import FormaClient
import Foundation
import Synchronization

/// The async part of `forma chat`: sends the request, prints the reply, maps errors to exit codes.
struct ChatSession: Sendable {
    let configuration: ClientConfiguration
    let request: ChatRequest
    let stream: Bool
    let showReasoning: Bool
    let verbose: Bool

    func run() async -> ExitCode {
        let started = ContinuousClock.now
        do {
            let client = try ChatClient(configuration: configuration)
            if stream {
                let events = try await client.stream(request)
                var accumulator = ChatStreamAccumulator()
                var reasoningOpen = false
                for try await chunk in events {
                    accumulator.add(chunk)
                    for choice in chunk.choices where choice.index == 0 {
                        if showReasoning, let reasoning = choice.reasoning, !reasoning.isEmpty {
                            ChatOutput.errorPiece(reasoning)
                            reasoningOpen = true
                        }
                        if let content = choice.content, !content.isEmpty {
                            if reasoningOpen { ChatOutput.errorPiece("\n") }
                            reasoningOpen = false
                            ChatOutput.piece(content)
                        }
                    }
                }
                if reasoningOpen { ChatOutput.errorPiece("\n") }
                if !accumulator.content.hasSuffix("\n") { ChatOutput.piece("\n") }
                report(finish: accumulator.finishReason, usage: accumulator.usage, metadata: events.metadata, started: started)
            } else {
                let response = try await client.complete(request)
                let message = response.choices.first?.message
                if showReasoning, let reasoning = message?.reasoning { ChatOutput.error(reasoning) }
                var content = message?.content ?? ""
                if content.isEmpty, let calls = message?.toolCalls, !calls.isEmpty {
                    content = calls.map { "\($0.name)(\($0.arguments))" }.joined(separator: "\n")
                }
                ChatOutput.piece(content.hasSuffix("\n") ? content : content + "\n")
                report(finish: response.choices.first?.finishReason, usage: response.usage, metadata: response.metadata, started: started)
            }
            return .success
        } catch let error as APIError {
            ChatOutput.error("forma: \(error)")
            return ChatExitStatus.code(for: error)
        } catch {
            ChatOutput.error("forma: \(error)")
            return ExitCode(1)
        }
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    private func report(finish: FinishReason?, usage: Usage?, metadata: ResponseMetadata, started: ContinuousClock.Instant) {
        if finish == .length { ChatOutput.error("forma: warning: the reply was cut at max_tokens (finish_reason: length)") }
        guard verbose else { return }
        let elapsed = ContinuousClock.now - started
        var line = "forma: \(metadata.status)"
        if let id = metadata.requestID { line += " request \(id)" }
        if let usage { line += ", tokens \(usage.promptTokens) in / \(usage.completionTokens) out" }
        if let reasoning = usage?.reasoningTokens { line += " (\(reasoning) reasoning)" }
        if let finish { line += ", finish \(finish)" }
        line += ", \(metadata.attempts) attempt\(metadata.attempts == 1 ? "" : "s")"
        line += ", first byte \(Self.milliseconds(metadata.latency)) ms, total \(Self.milliseconds(elapsed)) ms"
        ChatOutput.error(line)
    }
}

/// Writes to standard output and standard error without buffering surprises.
enum ChatOutput {
    static func piece(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func errorPiece(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
