public import FormaJSON

/// Response bodies in the exact shapes Together's API sends (see the wire-format notes),
/// for use with ``TestResponse/json(_:status:headers:)`` and ``TestResponse/sse(_:status:headers:includeDone:delayBetweenEvents:closeDelimited:)``.
///
/// ```swift
/// .json(TogetherFixtures.chatCompletion(content: #"{"name":"Ada"}"#))
/// .sse(TogetherFixtures.chatChunks(contentPieces: ["{\"na", "me\":1}"]))
/// ```
public enum TogetherFixtures {
    /// The model name used when a fixture is not given one.
    public static let defaultModel = "meta-llama/Llama-3.3-70B-Instruct-Turbo"

    /// A `chat.completion` body with one assistant message.
    ///
    /// - Parameters:
    ///   - content: The message content.
    ///   - model: The model name.
    ///   - finishReason: The finish reason (`stop`, `length`, `eos`, …).
    ///   - usage: Prompt and completion token counts.
    ///   - reasoning: Reasoning text, sent in `message.reasoning` when given.
    ///   - id: The completion id.
    /// - Returns: The body.
    public static func chatCompletion(
        content: String, model: String = defaultModel, finishReason: String = "stop",
        usage: (prompt: Int, completion: Int) = (10, 5), reasoning: String? = nil, id: String = "chatcmpl-test-1"
    ) -> JSONValue {
        var message: JSONObject = ["role": "assistant", "content": .string(content), "tool_calls": []]
        if let reasoning { message.appendUnchecked(key: "reasoning", value: .string(reasoning)) }
        return completionEnvelope(
            id: id, object: "chat.completion", model: model,
            choice: [
                "index": 0, "finish_reason": .string(finishReason), "logprobs": nil, "seed": 977_986_247_412_336,
                "message": .object(message),
            ],
            usage: usage)
    }

    /// A `chat.completion` body whose assistant message calls one tool.
    ///
    /// - Parameters:
    ///   - name: The function name.
    ///   - arguments: The arguments, a JSON document as a string.
    ///   - id: The tool call id.
    ///   - model: The model name.
    ///   - usage: Prompt and completion token counts.
    /// - Returns: The body, with `finish_reason: "tool_calls"` and `content: null`.
    public static func chatCompletionToolCall(
        name: String, arguments: String, id: String = "call_8prwkicthj6bjfqa9ye64y2b", model: String = defaultModel,
        usage: (prompt: Int, completion: Int) = (193, 24)
    ) -> JSONValue {
        let call: JSONValue = [
            "id": .string(id), "type": "function", "index": 0,
            "function": ["name": .string(name), "arguments": .string(arguments)],
        ]
        return completionEnvelope(
            id: "chatcmpl-test-tool", object: "chat.completion", model: model,
            choice: [
                "index": 0, "finish_reason": "tool_calls", "logprobs": nil, "seed": 977_986_247_412_336,
                "message": ["role": "assistant", "content": nil, "tool_calls": [call]],
            ],
            usage: usage)
    }

    /// A `text.completion` body.
    ///
    /// - Parameters:
    ///   - text: The completion text.
    ///   - model: The model name.
    ///   - finishReason: The finish reason.
    ///   - usage: Prompt and completion token counts.
    /// - Returns: The body.
    public static func completion(
        text: String, model: String = defaultModel, finishReason: String = "stop",
        usage: (prompt: Int, completion: Int) = (10, 5)
    ) -> JSONValue {
        completionEnvelope(
            id: "cmpl-test-1", object: "text.completion", model: model,
            choice: ["index": 0, "text": .string(text), "finish_reason": .string(finishReason), "seed": nil, "logprobs": nil],
            usage: usage)
    }

    /// A Together error body: `{"id":…,"error":{"message","type","param","code"}}`.
    ///
    /// - Parameters:
    ///   - message: The message.
    ///   - type: The error type.
    ///   - code: The error code, or `nil`.
    ///   - param: The offending parameter, or `nil`.
    /// - Returns: The body.
    public static func error(
        message: String, type: String = "invalid_request_error", code: String? = nil, param: String? = nil
    ) -> JSONValue {
        [
            "id": "err-test-1",
            "error": [
                "message": .string(message), "type": .string(type),
                "param": param.map { .string($0) } ?? .null, "code": code.map { .string($0) } ?? .null,
            ],
        ]
    }

    /// A `GET /models` body: Together's bare array of model objects, or OpenAI's
    /// `{"object":"list","data":[…]}` envelope.
    ///
    /// - Parameters:
    ///   - ids: The model ids.
    ///   - openAIEnvelope: Whether to wrap the array in `{"object":"list","data":…}`.
    /// - Returns: The body.
    public static func models(
        ids: [String] = [defaultModel, "Qwen/Qwen3-235B-A22B-Instruct-2507-tput"], openAIEnvelope: Bool = false
    ) -> JSONValue {
        let models: [JSONValue] = ids.map { id in
            [
                "id": .string(id), "object": "model", "created": 1_700_000_000, "type": "chat",
                "display_name": .string(id), "organization": "test", "context_length": 131_072,
                "pricing": ["input": 0.88, "output": 0.88, "hourly": 0, "base": 0, "finetune": 0],
            ]
        }
        return openAIEnvelope ? ["object": "list", "data": .array(models)] : .array(models)
    }

    /// The fields every completion body shares, with `prompt: []` as Together always sends.
    static func completionEnvelope(
        id: String, object: String, model: String, choice: JSONValue, usage: (prompt: Int, completion: Int)?
    ) -> JSONValue {
        [
            "id": .string(id), "object": .string(object), "created": 1_758_039_001, "model": .string(model),
            "prompt": [], "choices": [choice], "usage": usage.map(usageBody) ?? .null,
        ]
    }

    /// A `usage` object with the flat `cached_tokens` field.
    static func usageBody(_ usage: (prompt: Int, completion: Int)) -> JSONValue {
        [
            "prompt_tokens": .number(JSONNumber(usage.prompt)),
            "completion_tokens": .number(JSONNumber(usage.completion)),
            "total_tokens": .number(JSONNumber(usage.prompt + usage.completion)), "cached_tokens": 0,
        ]
    }
}
