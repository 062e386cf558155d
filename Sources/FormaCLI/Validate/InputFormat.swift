import ArgumentParser
import FormaDocuments

/// How `forma validate` reads a file: chosen by `--input-format`, else by extension.
enum InputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// One JSON document.
    case json
    /// JSON Lines: one instance per line.
    case jsonl
    /// JSON with comments and trailing commas.
    case jsonc
    /// JSON5.
    case json5
    /// YAML 1.2 (core schema), one instance per document.
    case yaml
    /// TOML 1.0.
    case toml

    /// The format of `path` by its extension: `.jsonl`/`.ndjson` are JSON Lines, `.jsonc`,
    /// `.json5`, `.yaml`/`.yml` and `.toml` their formats, anything else JSON.
    init(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") {
            self = .jsonl
            return
        }
        switch DocumentFormat(fileName: lowered) {
        case .jsonc?: self = .jsonc
        case .json5?: self = .json5
        case .yaml?: self = .yaml
        case .toml?: self = .toml
        default: self = .json
        }
    }

    /// The document reader's format (JSON Lines lines are JSON).
    var documentFormat: DocumentFormat {
        switch self {
        case .json, .jsonl: return .json
        case .jsonc: return .jsonc
        case .json5: return .json5
        case .yaml: return .yaml
        case .toml: return .toml
        }
    }

    /// The format's name in messages (`invalid YAML: …`).
    var displayName: String {
        switch self {
        case .json, .jsonl: return "JSON"
        case .jsonc: return "JSONC"
        case .json5: return "JSON5"
        case .yaml: return "YAML"
        case .toml: return "TOML"
        }
    }
}
