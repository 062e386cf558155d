public import FormaJSON

/// A function the model may call (`tools[]`).
public struct Tool: Sendable, Hashable {
    /// The function's name.
    public var name: String
    /// What it does, for the model.
    public var description: String?
    /// The JSON Schema of its arguments.
    public var parameters: JSONValue?
    /// Whether the server must follow the schema exactly (OpenAI strict mode).
    public var strict: Bool?

    /// A function tool.
    public init(name: String, description: String? = nil, parameters: JSONValue? = nil, strict: Bool? = nil) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.strict = strict
    }

    /// The wire form `{"type":"function","function":{…}}`.
    public var json: JSONValue {
        var function: JSONObject = ["name": .string(name)]
        function.put("description", description.map { .string($0) })
        function.put("parameters", parameters)
        function.put("strict", strict.map { .bool($0) })
        return ["type": "function", "function": .object(function)]
    }
}
