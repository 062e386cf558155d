/// The text formats ``DocumentReader`` reads.
public enum DocumentFormat: String, CaseIterable, Sendable {
    /// JSON (RFC 8259).
    case json
    /// JSON with `//` and `/* */` comments and trailing commas.
    case jsonc
    /// JSON5: JSONC plus unquoted keys, single-quoted strings, hexadecimal numbers, and more.
    case json5
    /// YAML 1.2 with the core schema; one document per `---`.
    case yaml
    /// TOML 1.0.
    case toml

    /// The format a file name's extension implies: `.jsonc`, `.json5`, `.yaml`/`.yml`,
    /// `.toml`, or `.json`; `nil` for anything else.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        guard let dot = lowered.lastIndex(of: "."), !lowered[dot...].contains("/") else { return nil }
        switch lowered[lowered.index(after: dot)...] {
        case "json": self = .json
        case "jsonc": self = .jsonc
        case "json5": self = .json5
        case "yaml", "yml": self = .yaml
        case "toml": self = .toml
        default: return nil
        }
    }
}
