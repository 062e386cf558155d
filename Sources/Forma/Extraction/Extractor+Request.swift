import FormaClient

extension Extractor {
    /// The conversation with the extractor's instructions in the system message.
    func instructed(_ messages: [ChatMessage]) -> [ChatMessage] {
        guard let instruction = systemInstruction() else { return messages }
        var out = messages
        if let first = out.first, first.role == .system, let text = first.content {
            out[0].content = text + "\n\n" + instruction
        } else {
            out.insert(.system(instruction), at: 0)
        }
        return out
    }

    /// What the model is told about the expected output, by mode.
    func systemInstruction() -> String? {
        switch mode {
        case .regex:
            return "Reply with the answer only, nothing else. It must match the regular expression /\(target.pattern ?? "")/."
        case .jsonObject where target.isPattern:
            return "Reply with the answer only, nothing else. It must match the regular expression /\(target.pattern ?? "")/."
        case .jsonObject:
            return "Reply with a single JSON value and nothing else (no prose, no code fences). It must match this JSON Schema:\n" + (target.schema?.jsonText ?? "{}")
        case .jsonSchema where options.describeSchemaInPrompt:
            return "Reply with JSON that matches this JSON Schema:\n" + (target.schema?.jsonText ?? "{}")
        case .tools:
            return "Call the function \(target.name) with the extracted data."
        default:
            return nil
        }
    }

    /// The schema sent to the provider: strict where the provider needs it.
    var wireSchema: JSONSchema? {
        guard let schema = target.schema else { return nil }
        guard sendsStrictSchema else { return schema }
        return schema.strict(for: provider.schemaBackend)
    }

    /// The request for one attempt.
    func request(_ messages: [ChatMessage], maxTokens: Int?) -> ChatRequest {
        var sampling = options.sampling
        sampling.maxTokens = maxTokens
        if options.confidence, sampling.logprobs == nil { sampling.logprobs = 1 }
        var request = ChatRequest(model: model, messages: messages, options: sampling)
        request.reasoningEffort = options.reasoningEffort
        request.extra = options.extra
        switch mode {
        case .jsonSchema:
            if let schema = wireSchema {
                request.responseFormat = .jsonSchema(
                    name: target.name, schema: schema.value, strict: sendsStrictSchema, description: schema.description)
            }
        case .jsonObject:
            if !target.isPattern {
                let schemaInFormat = provider.dialect.jsonObjectCarriesSchema
                request.responseFormat = .jsonObject(schema: schemaInFormat ? target.schema?.value : nil)
            }
        case .tools:
            if let schema = wireSchema {
                request.tools = [Tool(name: target.name, description: schema.description, parameters: schema.value,
                                      strict: sendsStrictSchema ? true : nil)]
                request.toolChoice = .function(target.name)
            }
        case .regex:
            if let pattern = target.pattern { request.responseFormat = .regex(pattern) }
        case .auto:
            break
        }
        return request
    }
}
