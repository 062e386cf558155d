/// How the JSON keys of a type are spelled, as chosen with `@Schema(keys:)`.
enum KeyStrategy {
    case useDefaultKeys
    case snakeCase

    /// The JSON key for the coding key `key`.
    func apply(_ key: String) -> String {
        switch self {
        case .useDefaultKeys: return key
        case .snakeCase: return Self.snakeCased(key)
        }
    }

    /// `key` converted as `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase` converts it:
    /// words split where a lowercase letter is followed by an uppercase one, and before the
    /// last capital of a run of capitals followed by a lowercase letter (`myURLValue` →
    /// `my_url_value`); then lowercased and joined with `_`.
    static func snakeCased(_ key: String) -> String {
        let characters = Array(key)
        guard !characters.isEmpty else { return key }
        var words: [Range<Int>] = []
        var wordStart = 0
        var searchStart = 1
        let end = characters.count
        while let upper = (searchStart..<end).first(where: { characters[$0].isUppercase }) {
            words.append(wordStart..<upper)
            guard let lower = (upper..<end).first(where: { characters[$0].isLowercase }) else {
                wordStart = upper
                searchStart = end
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchStart = lower + 1
            if searchStart > end { break }
        }
        words.append(wordStart..<end)
        return words.map { String(characters[$0]).lowercased() }.joined(separator: "_")
    }
}
