import FormaJSON

/// How the JSON keys of a type are spelled, as chosen with `@Schema(keys:)`.
enum KeyStrategy {
    case useDefaultKeys
    case snakeCase

    /// The JSON key for the coding key `key`.
    func apply(_ key: String) -> String {
        switch self {
        case .useDefaultKeys: return key
        // The same conversion the runtime decoder uses, so schema keys and decoding agree.
        case .snakeCase: return SnakeCase.toSnakeCase(key)
        }
    }
}
