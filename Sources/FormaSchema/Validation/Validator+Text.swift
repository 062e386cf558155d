import FormaJSON

extension Validator {
    /// Whether the UTF-8 JSON text `json` is one well-formed value valid against the schema.
    ///
    /// Where the schema allows, the text is checked while it is read, without building the
    /// instance's tree (several times less work for large instances); otherwise it is parsed
    /// and checked with ``isValid(_:)``. Malformed text is not valid.
    ///
    /// ```swift
    /// let ok = line.withUnsafeBytes { validator.isValid(json: $0) }
    /// ```
    /// - Parameters:
    ///   - json: The text of one JSON value.
    ///   - maxDepth: The deepest nesting accepted, as ``JSONParser/Options/maxDepth``.
    /// - Returns: `true` only for well-formed, valid text.
    public func isValid(json: UnsafeRawBufferPointer, maxDepth: Int = 512) -> Bool {
        switch quickCheck(json: json, maxDepth: maxDepth) {
        case .valid: return true
        case .invalid: return false
        case .undecided:
            guard let value = try? JSONParser.parse(json, options: .init(maxDepth: maxDepth)) else { return false }
            return isValid(value)
        }
    }

    /// What checking the text while reading it found.
    public enum QuickCheck: Sendable {
        /// Well-formed and valid.
        case valid
        /// Well-formed and invalid, or malformed.
        case invalid
        /// The schema or the text needs the tree (``isValid(_:)`` on the parsed value).
        case undecided
    }

    /// Checks the UTF-8 JSON text `json` while reading it, without building its tree, when
    /// the schema allows. For callers that parse anyway when the answer is not `.valid`
    /// (to report errors or parse failures), this avoids checking twice.
    /// - Parameters:
    ///   - json: The text of one JSON value.
    ///   - maxDepth: The deepest nesting accepted.
    /// - Returns: The verdict, or `.undecided` when only the tree can tell.
    public func quickCheck(json: UnsafeRawBufferPointer, maxDepth: Int = 512) -> QuickCheck {
        guard let streamRoot else { return .undecided }
        return json.withMemoryRebound(to: UInt8.self) { bytes in
            var evaluation = StreamingEvaluation(bytes, maxDepth: maxDepth)
            do throws(StreamingEvaluation.Stop) {
                return try evaluation.check(streamRoot) ? .valid : .invalid
            } catch {
                return error == .malformed ? .invalid : .undecided
            }
        }
    }
}
