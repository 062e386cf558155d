public import FormaJSON

/// What checking one reply found: the value, or the located problems that rejected it.
public struct ReplyCheck<Value: Sendable>: Sendable {
    /// The decoded value, valid against the schema and every user validator; `nil` when rejected.
    public var value: Value?
    /// Why the reply was rejected (empty when ``value`` is set).
    public var problems: [ExtractionProblem]
    /// The reply as parsed (after repair and strict-null pruning), when it parsed.
    public var parsed: JSONValue?
    /// What lenient repair changed.
    public var repairs: RepairFlags
    /// Where each grounded value occurs in the source (Unicode scalar ranges), for a valid
    /// reply checked against a source.
    public var spans: [JSONPointer: Range<Int>] = [:]

    /// A check result.
    /// - Parameters:
    ///   - value: The value, when the reply was valid.
    ///   - problems: Why it was rejected.
    ///   - parsed: The parsed reply.
    ///   - repairs: What lenient repair changed.
    public init(value: Value? = nil, problems: [ExtractionProblem] = [], parsed: JSONValue? = nil, repairs: RepairFlags = []) {
        self.value = value
        self.problems = problems
        self.parsed = parsed
        self.repairs = repairs
    }

    /// Whether the reply gave a value.
    public var isValid: Bool { value != nil }

    static func failed(_ problems: [ExtractionProblem], parsed: JSONValue? = nil, repairs: RepairFlags = []) -> ReplyCheck {
        ReplyCheck(value: nil, problems: problems, parsed: parsed, repairs: repairs)
    }
}
