public import FormaJSON

/// Reads JSON, JSONC, JSON5, YAML and TOML text into ``Document``s that know where each
/// value sits in the source.
///
/// ```swift
/// let documents = try DocumentReader.read(Array(text.utf8), format: .yaml)
/// for document in documents {
///     print(document.index, document.position(of: JSONPointer(tokens: ["on"])))
/// }
/// ```
public enum DocumentReader {
    /// Limits that keep hostile input from exhausting time, memory or the stack.
    public struct Options: Sendable {
        /// The deepest nesting of arrays and objects accepted.
        public var maxDepth: Int
        /// The most YAML nodes that aliases may bring in (again) across a stream.
        public var maxNodes: Int

        /// Options with the given limits.
        /// - Parameters:
        ///   - maxDepth: The deepest nesting accepted (512 by default).
        ///   - maxNodes: The most nodes YAML aliases may bring in (1,000,000 by default); a
        ///     file without aliases is not limited.
        public init(maxDepth: Int = 512, maxNodes: Int = 1_000_000) {
            self.maxDepth = maxDepth
            self.maxNodes = maxNodes
        }
    }

    /// Reads every document in `bytes`.
    /// - Parameters:
    ///   - bytes: The file's contents (UTF-8).
    ///   - format: How to read them.
    ///   - options: Limits for hostile input.
    /// - Returns: The documents: one, except for YAML streams with several.
    /// - Throws: ``DocumentError`` locating the first problem.
    public static func read(_ bytes: [UInt8], format: DocumentFormat, options: Options = Options()) throws -> [Document] {
        switch format {
        case .json, .jsonc, .json5:
            var reader = JSONTextReader(bytes: bytes, format: format, maxDepth: options.maxDepth)
            return [try reader.read()]
        case .yaml:
            try UTF8Validation.check(bytes)
            var reader = YAMLReader(bytes: bytes, maxDepth: options.maxDepth, maxNodes: options.maxNodes)
            return try reader.read()
        case .toml:
            var reader = TOMLReader(bytes: bytes, maxDepth: options.maxDepth)
            return [try reader.read()]
        }
    }

    /// Reads the one document of a `String`.
    /// - Throws: ``DocumentError`` locating the first problem.
    public static func read(_ text: String, format: DocumentFormat, options: Options = Options()) throws -> [Document] {
        try read(Array(text.utf8), format: format, options: options)
    }
}
