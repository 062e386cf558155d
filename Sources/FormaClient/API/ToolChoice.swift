public import FormaJSON

/// Whether and which tool the model must call (`tool_choice`).
public enum ToolChoice: Sendable, Hashable {
    /// The model decides (the default).
    case auto
    /// No tool calls.
    case none
    /// At least one tool call.
    case required
    /// This function must be called.
    case function(String)

    /// The wire form.
    public var json: JSONValue {
        switch self {
        case .auto: return "auto"
        case .none: return "none"
        case .required: return "required"
        case .function(let name): return ["type": "function", "function": ["name": .string(name)]]
        }
    }
}
