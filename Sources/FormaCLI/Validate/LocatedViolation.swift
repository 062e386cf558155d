import FormaDocuments
import FormaJSON
import FormaSchema

/// A schema error and where, in its file, the value it is about starts.
struct LocatedViolation: Sendable {
    /// The error.
    var violation: SchemaViolation
    /// The position in the file (not in the instance).
    var position: SourcePosition

    /// Keywords whose errors are about a member's name, so they point at its key.
    private static let keyKeywords: Set<String> = ["additionalProperties", "unevaluatedProperties", "propertyNames"]

    /// Locates `errors` in `document`, whose line 1 is `line` of the file.
    static func locate(_ errors: [SchemaViolation], in document: Document, line: Int = 1) -> [LocatedViolation] {
        errors.map { error in
            let onKey = keyKeywords.contains(error.keyword) || error.keywordLocation.tokens.last.map(keyKeywords.contains) == true
            let position = onKey ? document.keyPosition(of: error.instanceLocation) : document.position(of: error.instanceLocation)
            return LocatedViolation(
                violation: error, position: SourcePosition(line: position.line + line - 1, column: position.column))
        }
    }

    /// Locates `errors` in the JSON instance `bytes`, which starts on `line` of the file.
    /// Only invalid instances are located, by a scan that follows each error's pointer
    /// without building a tree, so valid instances (the fast path) pay nothing.
    static func locate(_ errors: [SchemaViolation], inJSON bytes: UnsafeRawBufferPointer, line: Int) -> [LocatedViolation] {
        // Each scan is a pass over the text: for many errors in a large document, one
        // positional read that records every value is cheaper.
        if errors.count > 8, errors.count * bytes.count > 64 << 20,
            let document = try? DocumentReader.read(Array(bytes), format: .json).first
        {
            return locate(errors, in: document, line: line)
        }
        return errors.map { error in
            let onKey = keyKeywords.contains(error.keyword) || error.keywordLocation.tokens.last.map(keyKeywords.contains) == true
            let position = JSONPositionScanner.position(of: error.instanceLocation, key: onKey, in: bytes)
                ?? SourcePosition(line: 1, column: 1)
            return LocatedViolation(
                violation: error, position: SourcePosition(line: position.line + line - 1, column: position.column))
        }
    }
}
