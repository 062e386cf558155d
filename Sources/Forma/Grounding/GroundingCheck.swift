public import FormaJSON

/// The grounding check of one value: every grounded field must occur in the source.
public struct GroundingCheck: Sendable {
    /// Where each grounded value that was found occurs: a range of Unicode scalars of the
    /// source (the first occurrence). Empty strings have no span.
    public var spans: [JSONPointer: Range<Int>] = [:]
    /// The grounded values that do not occur, as located problems.
    public var problems: [ExtractionProblem] = []

    /// Checks the grounded fields of `value`.
    /// - Parameters:
    ///   - value: The value (already valid against the schema).
    ///   - fields: The grounded keywords of its schema.
    ///   - source: The document it was extracted from.
    public init(_ value: JSONValue, fields: GroundedFields, source: GroundingText) {
        for field in fields.fields(in: value) {
            if field.value.unicodeScalars.allSatisfy(\.properties.isWhitespace) { continue }
            if let span = source.span(of: field.value, mode: field.mode) {
                spans[field.pointer] = span
                continue
            }
            let shown = field.value.count > 80 ? String(field.value.prefix(77)) + "…" : field.value
            let quoted = JSONValue.string(shown).serialized()
            let message = field.mode == .exact
                ? "\(quoted) does not occur in the text"
                : "\(quoted) does not occur in the text (even ignoring case, spacing and Unicode compatibility forms)"
            problems.append(ExtractionProblem(stage: .grounding, location: field.pointer, message: message))
        }
    }
}
