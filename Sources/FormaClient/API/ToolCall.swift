public import FormaJSON

/// A tool call in an assistant message.
public struct ToolCall: Sendable, Hashable {
    /// The call id, echoed by the tool's reply.
    public var id: String
    /// Always `function` today.
    public var type: String
    /// The function's name.
    public var name: String
    /// The arguments as a JSON *string* (parse it yourself; it may be invalid).
    public var arguments: String
    /// The position in the list, when the server sent it.
    public var index: Int?

    /// A tool call.
    public init(id: String, name: String, arguments: String, type: String = "function", index: Int? = nil) {
        self.id = id
        self.type = type
        self.name = name
        self.arguments = arguments
        self.index = index
    }

    /// Decodes one element of `tool_calls`.
    /// - Throws: ``APIError`` `.decoding` when the shape is wrong.
    public init(json: JSONValue, path: String = "tool_call") throws {
        let f = try JSONFields(json, path: path)
        let function = try f.value("function").map { try JSONFields($0, path: "\(path).function") }
        self.init(
            id: try f.string("id") ?? "", name: try function?.string("name") ?? "",
            arguments: try Self.argumentsText(function?.value("arguments")), type: try f.string("type") ?? "function",
            index: try f.int("index")
        )
    }

    /// The wire form.
    public var json: JSONValue {
        ["id": .string(id), "type": .string(type), "function": ["name": .string(name), "arguments": .string(arguments)]]
    }

    /// Arguments are a string on the wire; some servers send an object, kept as its JSON text.
    static func argumentsText(_ value: JSONValue?) throws(APIError) -> String {
        switch value {
        case nil, .null?: return ""
        case .string(let s)?: return s
        case let other?: return other.serialized()
        }
    }
}
