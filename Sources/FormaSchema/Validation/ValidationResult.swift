/// The outcome of validating one instance: valid, or every located error.
public struct ValidationResult: Sendable, Hashable {
    /// Every error found, in evaluation order. Empty when valid.
    public var errors: [SchemaViolation]

    /// Whether the instance is valid.
    public var isValid: Bool { errors.isEmpty }

    /// A result holding `errors`.
    public init(errors: [SchemaViolation]) { self.errors = errors }

    /// The valid result.
    public static let valid = ValidationResult(errors: [])
}
