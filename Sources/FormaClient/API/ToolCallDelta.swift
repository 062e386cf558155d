public import FormaJSON

/// A fragment of a tool call in a stream chunk; fragments with the same ``index`` concatenate.
public struct ToolCallDelta: Sendable, Hashable {
    /// Which call this fragment belongs to.
    public var index: Int
    /// The call id (first fragment only).
    public var id: String?
    /// The type (first fragment only).
    public var type: String?
    /// The function name (first fragment only).
    public var name: String?
    /// A piece of the arguments string.
    public var arguments: String?

    /// A fragment.
    public init(index: Int, id: String? = nil, type: String? = nil, name: String? = nil, arguments: String? = nil) {
        self.index = index
        self.id = id
        self.type = type
        self.name = name
        self.arguments = arguments
    }

    /// Decodes one element of `delta.tool_calls`.
    /// - Throws: ``APIError`` `.decoding` when the shape is wrong.
    public init(json: JSONValue, path: String = "tool_calls[]", position: Int = 0) throws {
        let f = try JSONFields(json, path: path)
        let function = try f.value("function").map { try JSONFields($0, path: "\(path).function") }
        let arguments = function?.value("arguments")
        self.init(
            index: try f.int("index") ?? position, id: try f.string("id"), type: try f.string("type"),
            name: try function?.string("name"), arguments: arguments == nil ? nil : try ToolCall.argumentsText(arguments)
        )
    }
}
