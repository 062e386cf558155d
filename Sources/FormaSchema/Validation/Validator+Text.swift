import FormaJSON

extension Validator {
    /// Whether the UTF-8 JSON text `json` is one well-formed value valid against the schema.
    ///
    /// Where the schema allows, the text is checked while it is read, without building the
    /// instance's tree (several times less work for large instances); otherwise it is parsed
    /// and checked with ``isValid(_:)``. Malformed text is not valid.
    ///
    /// ```swift
    /// validator.isValid(json: #"{"total": 12.5}"#)
    /// ```
    /// - Parameters:
    ///   - json: The text of one JSON value.
    ///   - maxDepth: The deepest nesting accepted, as `JSONParser/Options/maxDepth`.
    /// - Returns: `true` only for well-formed, valid text.
    public func isValid(json: String, maxDepth: Int = 512) -> Bool {
        var json = json
        return json.withUTF8 { isValid(json: UnsafeRawBufferPointer($0), maxDepth: maxDepth) }
    }

    /// Whether the UTF-8 bytes `json` are one well-formed JSON value valid against the schema.
    ///
    /// The same check as ``isValid(json:maxDepth:)-(String,_)`` for bytes (`[UInt8]`, `Data`,
    /// `ArraySlice<UInt8>`, a `String`'s `utf8` view); contiguous storage is read in place.
    /// - Parameters:
    ///   - json: The UTF-8 text of one JSON value.
    ///   - maxDepth: The deepest nesting accepted.
    /// - Returns: `true` only for well-formed, valid text.
    public func isValid(json: some Collection<UInt8>, maxDepth: Int = 512) -> Bool {
        Self.withBytes(of: json) { isValid(json: $0, maxDepth: maxDepth) }
    }

    /// Whether the UTF-8 JSON text in `json` is one well-formed value valid against the schema.
    ///
    /// The raw-buffer form of ``isValid(json:maxDepth:)-(String,_)``, for callers that hold
    /// the bytes in their own buffer (a file read into memory, a socket buffer). The buffer
    /// must stay valid and unchanged for the duration of the call; the validator keeps no
    /// reference to it afterwards.
    /// - Parameters:
    ///   - json: The text of one JSON value.
    ///   - maxDepth: The deepest nesting accepted, as `JSONParser/Options/maxDepth`.
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

    /// Checks the JSON text `json` while reading it, without building its tree, when the
    /// schema allows. For callers that parse anyway when the answer is not `.valid` (to
    /// report errors or parse failures), this avoids checking twice.
    /// - Parameters:
    ///   - json: The text of one JSON value.
    ///   - maxDepth: The deepest nesting accepted.
    /// - Returns: The verdict, or `.undecided` when only the tree can tell.
    public func quickCheck(json: String, maxDepth: Int = 512) -> QuickCheck {
        var json = json
        return json.withUTF8 { quickCheck(json: UnsafeRawBufferPointer($0), maxDepth: maxDepth) }
    }

    /// Checks the UTF-8 bytes `json` while reading them; see ``quickCheck(json:maxDepth:)-(String,_)``.
    /// - Parameters:
    ///   - json: The UTF-8 text of one JSON value.
    ///   - maxDepth: The deepest nesting accepted.
    /// - Returns: The verdict, or `.undecided` when only the tree can tell.
    public func quickCheck(json: some Collection<UInt8>, maxDepth: Int = 512) -> QuickCheck {
        Self.withBytes(of: json) { quickCheck(json: $0, maxDepth: maxDepth) }
    }

    /// Checks the UTF-8 JSON text in the buffer `json` while reading it; see
    /// ``quickCheck(json:maxDepth:)-(String,_)``. The buffer must stay valid and unchanged for
    /// the duration of the call; the validator keeps no reference to it afterwards.
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

    /// Calls `body` with the bytes of `collection` in one buffer (in place when contiguous).
    static func withBytes<Result>(of collection: some Collection<UInt8>, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if let result = collection.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(collection).withUnsafeBytes(body)
    }
}
