/// Why the model stopped; unknown values are kept as sent.
///
/// ```swift
/// if choice.finishReason == .length { /* the JSON may be truncated */ }
/// ```
public struct FinishReason: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The value as sent, such as `stop`.
    public var rawValue: String

    /// A reason with the given raw value.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A reason with the given raw value.
    public init(stringLiteral value: String) { rawValue = value }

    /// A stop sequence or the natural end.
    public static let stop = FinishReason(rawValue: "stop")
    /// The end-of-sequence token (Together).
    public static let eos = FinishReason(rawValue: "eos")
    /// `max_tokens` or the context was reached: output is cut.
    public static let length = FinishReason(rawValue: "length")
    /// The model called tools.
    public static let toolCalls = FinishReason(rawValue: "tool_calls")
    /// The legacy function call.
    public static let functionCall = FinishReason(rawValue: "function_call")
    /// The server failed while generating.
    public static let error = FinishReason(rawValue: "error")

    /// Whether the output was cut short (`length`).
    public var isTruncated: Bool { self == .length }

    /// The raw value.
    public var description: String { rawValue }
}
