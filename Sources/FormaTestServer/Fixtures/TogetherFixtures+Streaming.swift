import FormaJSON

extension TogetherFixtures {
    /// `chat.completion.chunk` payloads for a streamed reply: reasoning deltas first (with
    /// `content: null`), then content deltas, each repeating `role`; the last chunk carries
    /// `finish_reason`, `usage` and `delta.content: ""`; optionally a usage-only chunk with
    /// empty `choices` follows.
    ///
    /// - Parameters:
    ///   - contentPieces: The content deltas, in order.
    ///   - reasoningPieces: Reasoning deltas sent before the content (in `delta.reasoning`).
    ///   - finishReason: The finish reason on the last chunk.
    ///   - usage: Token counts on the last chunk, or `nil` for `usage: null`.
    ///   - usageOnlyChunk: Whether to add a chunk with `choices: []` carrying the usage.
    ///   - model: The model name.
    ///   - id: The completion id shared by every chunk.
    /// - Returns: The `data:` payloads, without `[DONE]` (``TestResponse/sse(_:status:headers:includeDone:delayBetweenEvents:closeDelimited:)`` adds it).
    public static func chatChunks(
        contentPieces: [String], reasoningPieces: [String] = [], finishReason: String = "stop",
        usage: (prompt: Int, completion: Int)? = (10, 5), usageOnlyChunk: Bool = false, model: String = defaultModel,
        id: String = "chatcmpl-test-stream"
    ) -> [String] {
        var events: [String] = []
        var token = 1000
        for piece in reasoningPieces {
            token += 1
            let delta: JSONValue = [
                "token_id": .number(JSONNumber(token)), "role": "assistant", "content": nil, "reasoning": .string(piece),
            ]
            events.append(chunk(id: id, model: model, delta: delta, text: "", finishReason: nil, usage: nil))
        }
        for piece in contentPieces {
            token += 1
            let delta: JSONValue = ["token_id": .number(JSONNumber(token)), "role": "assistant", "content": .string(piece)]
            events.append(chunk(id: id, model: model, delta: delta, text: piece, finishReason: nil, usage: nil))
        }
        let last: JSONValue = ["token_id": 2, "role": "assistant", "content": ""]
        events.append(chunk(id: id, model: model, delta: last, text: "", finishReason: finishReason, usage: usage))
        if usageOnlyChunk {
            let body: JSONValue = [
                "id": .string(id), "object": "chat.completion.chunk", "created": 1, "model": .string(model),
                "choices": [], "usage": usage.map(usageBody) ?? .null,
            ]
            events.append(body.serialized())
        }
        return events
    }

    /// Chunk payloads for a streamed tool call: a `{"role":"assistant","content":null}`
    /// delta, the call's id and name with empty arguments, one delta per argument fragment,
    /// then `finish_reason: "tool_calls"`.
    ///
    /// - Parameters:
    ///   - name: The function name.
    ///   - argumentPieces: Fragments whose concatenation is the arguments JSON.
    ///   - id: The tool call id.
    ///   - index: The tool call index.
    ///   - usage: Token counts on the last chunk.
    ///   - model: The model name.
    /// - Returns: The `data:` payloads, without `[DONE]`.
    public static func toolCallChunks(
        name: String, argumentPieces: [String], id: String = "call_8prwkicthj6bjfqa9ye64y2b", index: Int = 0,
        usage: (prompt: Int, completion: Int)? = (193, 24), model: String = defaultModel
    ) -> [String] {
        let streamID = "chatcmpl-test-tools"
        let position = JSONValue.number(JSONNumber(index))
        var events = [
            chunk(id: streamID, model: model, delta: ["role": "assistant", "content": nil], text: "", finishReason: nil, usage: nil)
        ]
        let opening: JSONValue = [
            "tool_calls": [
                [
                    "index": position, "id": .string(id), "type": "function",
                    "function": ["name": .string(name), "arguments": ""],
                ]
            ]
        ]
        events.append(chunk(id: streamID, model: model, delta: opening, text: "", finishReason: nil, usage: nil))
        for piece in argumentPieces {
            let delta: JSONValue = ["tool_calls": [["index": position, "function": ["arguments": .string(piece)]]]]
            events.append(chunk(id: streamID, model: model, delta: delta, text: "", finishReason: nil, usage: nil))
        }
        events.append(
            chunk(id: streamID, model: model, delta: ["role": "assistant", "content": ""], text: "",
                finishReason: "tool_calls", usage: usage))
        return events
    }

    /// `completion.chunk` payloads for a streamed text completion (`choices[].text`), the
    /// last carrying `finish_reason` and `usage`.
    ///
    /// - Parameters:
    ///   - pieces: The text pieces.
    ///   - finishReason: The finish reason on the last chunk.
    ///   - usage: Token counts on the last chunk.
    ///   - model: The model name.
    /// - Returns: The `data:` payloads, without `[DONE]`.
    public static func completionChunks(
        pieces: [String], finishReason: String = "stop", usage: (prompt: Int, completion: Int)? = (10, 5),
        model: String = defaultModel
    ) -> [String] {
        var events: [String] = []
        for (offset, piece) in pieces.enumerated() {
            let isLast = offset == pieces.count - 1
            let choice: JSONValue = [
                "index": 0, "text": .string(piece), "logprobs": nil,
                "finish_reason": isLast ? .string(finishReason) : .null, "seed": nil,
            ]
            let body: JSONValue = [
                "id": "cmpl-test-stream", "object": "completion.chunk", "created": 1, "model": .string(model),
                "choices": [choice], "usage": isLast ? (usage.map(usageBody) ?? .null) : .null,
            ]
            events.append(body.serialized())
        }
        return events
    }

    /// A mid-stream error payload: `{"error":{…}}`.
    ///
    /// - Parameters:
    ///   - message: The message.
    ///   - type: The error type.
    ///   - code: The error code, or `nil`.
    /// - Returns: One `data:` payload.
    public static func streamError(message: String, type: String = "server_error", code: String? = nil) -> String {
        let body: JSONValue = [
            "error": ["message": .string(message), "type": .string(type), "code": code.map { .string($0) } ?? .null]
        ]
        return body.serialized()
    }

    /// One `chat.completion.chunk` payload.
    static func chunk(
        id: String, model: String, delta: JSONValue, text: String, finishReason: String?,
        usage: (prompt: Int, completion: Int)?
    ) -> String {
        let choice: JSONValue = [
            "index": 0, "text": .string(text), "logprobs": nil,
            "finish_reason": finishReason.map { .string($0) } ?? .null, "seed": nil, "delta": delta,
        ]
        let body: JSONValue = [
            "id": .string(id), "object": "chat.completion.chunk", "created": 1, "model": .string(model),
            "choices": [choice], "usage": usage.map(usageBody) ?? .null,
        ]
        return body.serialized()
    }
}
